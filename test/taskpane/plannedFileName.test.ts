import { plannedFileName } from '../../src/taskpane/state/workbooks';

describe('the name of the downloaded planned workbook', () => {
  it('adds -planned before the extension, keeping .xlsm for a workbook with macros', () => {
    expect(plannedFileName('客户清单.xlsx', false)).toBe('客户清单-planned.xlsx');
    expect(plannedFileName('Customers.XLSM', true)).toBe('Customers-planned.xlsm');
  });

  it('keeps one suffix when a planned workbook is planned again', () => {
    expect(plannedFileName('客户清单-planned.xlsx', false)).toBe('客户清单-planned.xlsx');
    expect(plannedFileName('客户清单-planned-planned.xlsx', false)).toBe('客户清单-planned.xlsx');
    // Browsers number a second download of the same name.
    expect(plannedFileName('客户清单-planned (1).xlsx', false)).toBe('客户清单-planned.xlsx');
  });

  it('leaves a name that only contains the word alone', () => {
    expect(plannedFileName('planned-accounts.xlsx', false)).toBe('planned-accounts-planned.xlsx');
    expect(plannedFileName('unplanned.xlsx', false)).toBe('unplanned-planned.xlsx');
  });
});
