/** Checks on names before anything is written: sheet names and defined names Excel accepts. */
import { XlsxError } from './errors';

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;
const CONTROL = /[\u0000-\u001F]/;

export function checkSheetName(name: string): void {
  const bad = (zh: string, en: string): XlsxError =>
    new XlsxError('bad-sheet-name', `工作表名称“${name}”无效：${zh}`, `The sheet name "${name}" is not valid: ${en}`);
  if (name.length === 0) throw bad('名称不能为空', 'it is empty');
  if (name.length > 31) throw bad('最多 31 个字符', 'it must be at most 31 characters');
  if (BAD_SHEET_CHARS.test(name)) throw bad('不能包含 [ ] : * ? / \\', 'it must not contain [ ] : * ? / \\');
  if (CONTROL.test(name)) throw bad('不能包含控制字符', 'it must not contain control characters');
  if (name.startsWith("'") || name.endsWith("'")) throw bad('不能以单引号开头或结尾', 'it must not begin or end with an apostrophe');
  if (name.toLowerCase() === 'history') throw bad('“History”是 Excel 保留的名称', '"History" is reserved by Excel');
}

export function duplicateSheet(name: string): XlsxError {
  return new XlsxError(
    'duplicate-sheet',
    `已有名为“${name}”的工作表（名称不区分大小写），请换一个名称`,
    `There is already a sheet named "${name}" (names ignore case): choose another name`,
  );
}

const NAME_CHARS = /^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u;
const A1_LIKE = /^[A-Za-z]{1,3}[0-9]+$/;
const R1C1_LIKE = /^[Rr]([0-9]*)[Cc]?([0-9]*)$|^[Cc][0-9]*$/;

export function checkDefinedName(name: string, ref: string): void {
  const bad = (zh: string, en: string): XlsxError =>
    new XlsxError('bad-defined-name', `名称“${name}”无效：${zh}`, `The defined name "${name}" is not valid: ${en}`);
  if (name.length === 0 || name.length > 255) throw bad('长度应为 1 到 255 个字符', 'it must be 1 to 255 characters long');
  if (!NAME_CHARS.test(name)) {
    throw bad('须以字母、下划线或反斜杠开头，只含字母、数字、下划线和句点', 'it must start with a letter, underscore or backslash and hold only letters, digits, underscores and periods');
  }
  if (A1_LIKE.test(name) || R1C1_LIKE.test(name)) throw bad('不能与单元格引用相同', 'it must not look like a cell reference');
  if (ref.replace(/^=/, '').trim().length === 0) throw bad('引用为空', 'its reference is empty');
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
