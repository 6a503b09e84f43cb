/** Checks on names before anything is written: sheet names and defined names Excel accepts. */
import { definedNameRule, sheetNameRule } from '../../i18n/names';
import { definedNameProblem, sheetNameProblem } from '../../spec/names';
import { XlsxError } from './errors';

/** Throws when Excel would refuse the sheet name (the rule is shared with the Excel host: spec/names.ts). */
export function checkSheetName(name: string): void {
  const problem = sheetNameProblem(name);
  if (problem === undefined) return;
  throw new XlsxError(
    'bad-sheet-name',
    `工作表名称“${name}”无效：${sheetNameRule(problem, 'zh')}，请换一个名称`,
    `The sheet name "${name}" is not valid: ${sheetNameRule(problem, 'en')}; choose another name`,
  );
}

export function duplicateSheet(name: string): XlsxError {
  return new XlsxError(
    'duplicate-sheet',
    `已有名为“${name}”的工作表（名称不区分大小写），请换一个名称`,
    `There is already a sheet named "${name}" (names ignore case): choose another name`,
  );
}

/** Throws when Excel would refuse the defined name (shared rule: spec/names.ts). */
export function checkDefinedName(name: string, ref: string): void {
  const problem = definedNameProblem(name, ref);
  if (problem === undefined) return;
  throw new XlsxError(
    'bad-defined-name',
    `名称“${name}”无效：${definedNameRule(problem, 'zh')}，请换一个名称`,
    `The defined name "${name}" is not valid: ${definedNameRule(problem, 'en')}; choose another name`,
  );
}

/** The sheet a simple reference names (`'ABC 设置'!$A$1` → `ABC 设置`), or undefined. */
export function sheetOfRef(ref: string): string | undefined {
  const r = ref.replace(/^=/, '').trim();
  if (r.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < r.length) {
      if (r[i] === "'") {
        if (r[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        return r[i + 1] === '!' ? name : undefined;
      }
      name += r[i];
      i++;
    }
    return undefined;
  }
  const m = /^([^!'[\]:*?/\\(),;=+\-<>&"]+)!/.exec(r);
  return m ? m[1] : undefined;
}
