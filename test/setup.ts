// Shared jest setup. Browser-only stubs belong here, guarded so node tests are untouched.
export {};

if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('@testing-library/jest-dom');
  // The machines running these are shared and slow at times: wait up to 5 s for what the pane shows.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('@testing-library/react') as typeof import('@testing-library/react')).configure({ asyncUtilTimeout: 5000 });
  const g = globalThis as Record<string, unknown>;
  // Fluent UI measures with ResizeObserver; jsdom has none (and lays nothing out anyway).
  if (!g.ResizeObserver) {
    g.ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
  // jsdom lacks these; the .xlsx host and the pane use them as browsers have them.
  if (!g.TextEncoder || !g.TextDecoder) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const util = require('node:util') as typeof import('node:util');
    g.TextEncoder ??= util.TextEncoder;
    g.TextDecoder ??= util.TextDecoder;
  }
  if (!g.structuredClone) g.structuredClone = (v: unknown) => JSON.parse(JSON.stringify(v));
  // Fluent's positioning and scroll helpers call these; jsdom does not implement them.
  const proto = window.HTMLElement.prototype as unknown as Record<string, unknown>;
  if (!proto.scrollIntoView) proto.scrollIntoView = () => {};
}
