/** Why a sheet name or a defined name cannot be used (src/spec/names.ts), in both languages. */
import type { NameProblem } from '../spec/names';
import type { Lang } from './index';

export const SHEET_NAME_RULES: Record<Lang, Partial<Record<NameProblem, string>>> = {
  zh: {
    empty: '名称不能为空',
    'too-long': '最多 31 个字符',
    'bad-chars': '不能包含 [ ] : * ? / \\',
    'control-chars': '不能包含控制字符（如换行、制表符）',
    apostrophe: '不能以单引号开头或结尾',
    reserved: '“History”是 Excel 保留的名称',
  },
  en: {
    empty: 'it is empty',
    'too-long': 'it must be at most 31 characters',
    'bad-chars': 'it must not contain [ ] : * ? / \\',
    'control-chars': 'it must not contain control characters (such as line breaks or tabs)',
    apostrophe: 'it must not begin or end with an apostrophe',
    reserved: '"History" is reserved by Excel',
  },
};

export const DEFINED_NAME_RULES: Record<Lang, Partial<Record<NameProblem, string>>> = {
  zh: {
    empty: '长度应为 1 到 255 个字符',
    'too-long': '长度应为 1 到 255 个字符',
    'control-chars': '不能包含控制字符（如换行、制表符）',
    'bad-first-char': '须以字母、下划线或反斜杠开头',
    'bad-chars': '只能包含字母、数字、下划线、句点和反斜杠',
    'cell-like': '不能与单元格引用相同（如 A1、XFD100、R2C3、R、C）',
    'empty-ref': '引用为空',
  },
  en: {
    empty: 'it must be 1 to 255 characters long',
    'too-long': 'it must be 1 to 255 characters long',
    'control-chars': 'it must not contain control characters (such as line breaks or tabs)',
    'bad-first-char': 'it must start with a letter, underscore or backslash',
    'bad-chars': 'it may hold only letters, digits, underscores, periods and backslashes',
    'cell-like': 'it must not look like a cell reference (such as A1, XFD100, R2C3, R, C)',
    'empty-ref': 'its reference is empty',
  },
};

/** The rule a sheet name breaks, in words. */
export function sheetNameRule(problem: NameProblem, lang: Lang): string {
  return SHEET_NAME_RULES[lang][problem] ?? DEFINED_NAME_RULES[lang][problem] ?? problem;
}

/** The rule a defined name breaks, in words. */
export function definedNameRule(problem: NameProblem, lang: Lang): string {
  return DEFINED_NAME_RULES[lang][problem] ?? SHEET_NAME_RULES[lang][problem] ?? problem;
}
