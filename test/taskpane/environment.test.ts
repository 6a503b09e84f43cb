import { detectEnvironment, type OfficeLike } from '../../src/taskpane/environment';

const office = (onReady: OfficeLike['onReady']): OfficeLike => ({ onReady });

describe('detectEnvironment', () => {
  test('browser mode when office.js did not load (Office undefined)', async () => {
    expect(typeof (globalThis as { Office?: unknown }).Office).toBe('undefined');
    await expect(detectEnvironment()).resolves.toEqual({ kind: 'browser' });
  });

  test('Excel when Office.onReady names Excel', async () => {
    await expect(detectEnvironment(office(async () => ({ host: 'Excel', platform: 'PC' })))).resolves.toEqual({
      kind: 'excel',
    });
  });

  test('browser mode when office.js runs outside Office (host null)', async () => {
    await expect(detectEnvironment(office(async () => ({ host: null })))).resolves.toEqual({ kind: 'browser' });
  });

  test('another Office application is named', async () => {
    await expect(detectEnvironment(office(async () => ({ host: 'Word' })))).resolves.toEqual({
      kind: 'office',
      host: 'Word',
    });
  });

  test('browser mode when onReady fails or never answers', async () => {
    await expect(detectEnvironment(office(() => Promise.reject(new Error('boom'))))).resolves.toEqual({
      kind: 'browser',
    });
    await expect(detectEnvironment(office(() => new Promise(() => {})), 20)).resolves.toEqual({ kind: 'browser' });
  });
});
