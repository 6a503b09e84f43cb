import { fill, LANGS } from '../../src/i18n';
import { cliText } from '../../src/i18n/cli';
import { paneText, TASKPANE_TEXT } from '../../src/i18n/taskpane';

describe('English plurals and numbers in the product’s words', () => {
  it('chooses the singular for one and the plural otherwise, also for a number formatted for people', () => {
    const text = '{count} {count|customer|customers} found';
    expect(fill(text, { count: 1 })).toBe('1 customer found');
    expect(fill(text, { count: 0 })).toBe('0 customers found');
    expect(fill(text, { count: 2 })).toBe('2 customers found');
    expect(fill(text, { count: '1,048,575' })).toBe('1,048,575 customers found');
    // A missing parameter stays visible rather than vanishing.
    expect(fill(text, {})).toBe('{count} {count|customer|customers} found');
  });

  it('the pane and the command say "1 customer", "1 region" and "1,200 customers"', () => {
    expect(paneText('en', 'data-customers', { count: 1 })).toBe('1 customer found');
    expect(paneText('en', 'th-changes', { count: 1 })).toBe('1 customer changes class against the saved settings.');
    expect(paneText('en', 'th-changes', { count: '1,200' })).toBe('1,200 customers change class against the saved settings.');
    expect(paneText('en', 'data-issues', { count: 1, errors: 1, warnings: 0 })).toBe('1 row issue (1 error, 0 warnings)');
    expect(cliText('en', 'settings-load', { accounts: 10, industries: 2, regions: 1 })).toBe('Per salesperson: 10 named accounts, 2 industries, 1 region');
    expect(cliText('en', 'summary-sheet', { sheet: '客户', row: 3, customers: 1 })).toBe('Sheet "客户" (header on row 3): 1 customer');
    expect(paneText('zh', 'data-customers', { count: '1,048,575' })).toBe('找到 1,048,575 个客户');
  });

  it('no Chinese text carries an English plural form, and every plural form names a parameter its text fills', () => {
    for (const lang of LANGS) {
      for (const [key, message] of Object.entries(TASKPANE_TEXT[lang])) {
        if (typeof message !== 'string') continue;
        const forms = [...message.matchAll(/\{(\w+)\|[^|{}]*\|[^|{}]*\}/g)];
        if (lang === 'zh') expect([key, forms.length]).toEqual([key, 0]);
        for (const f of forms) expect([key, message.includes(`{${f[1]}}`)]).toEqual([key, true]);
      }
    }
  });
});
