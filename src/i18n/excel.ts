/**
 * Words of the Excel host: what went wrong when Excel refused something, what to do about it,
 * which step of a write failed and whether the workbook was put back. Chinese and English.
 */
import type { Lang } from './index';
import { fill } from './index';

/** Kinds of failure a planner can act on; many Office error codes map to one kind. */
export type OfficeErrorKind =
  | 'too-large'
  | 'not-found'
  | 'already-exists'
  | 'invalid-argument'
  | 'protected'
  | 'cell-edit-mode'
  | 'conflict'
  | 'api-missing'
  | 'connection'
  | 'general'
  | 'invalid-write'
  | 'not-in-excel'
  | 'unknown';

export const OFFICE_ERROR_TEXT: Record<Lang, Record<OfficeErrorKind, { what: string; todo: string }>> = {
  zh: {
    'too-large': {
      what: '一次发送给 Excel 的数据太多，Excel 拒绝了这次请求',
      todo: '请重试；如果仍然失败，请把客户表拆成几张较小的表，或在 Excel 桌面版中运行',
    },
    'not-found': {
      what: '找不到要用的工作表或名称，可能刚被您或协作者删除或重命名',
      todo: '请重新打开 ABC Planner 面板（会重新读取工作簿）后再试',
    },
    'already-exists': {
      what: '工作簿中已有同名的工作表或名称',
      todo: '请重命名或删除同名的工作表/名称后再试',
    },
    'invalid-argument': {
      what: 'Excel 不接受要写入的内容',
      todo: '请重试；如果仍然失败，请把“技术详情”发给技术支持',
    },
    protected: {
      what: '工作表或工作簿受保护，或文件是只读的，无法写入',
      todo: '请在“审阅”选项卡中撤销工作表/工作簿保护，或另存一份可编辑的副本后再试',
    },
    'cell-edit-mode': {
      what: 'Excel 正处于单元格编辑状态，暂时不能修改工作簿',
      todo: '请按 Enter 或 Esc 结束单元格编辑后再试',
    },
    conflict: {
      what: '协作者同时修改了工作簿，本次操作与其修改冲突',
      todo: '请稍等片刻后再试',
    },
    'api-missing': {
      what: '此版本的 Excel 不支持 ABC Planner 需要的功能',
      todo: '请更新 Excel（需要 Excel 2016 或更新版本、Microsoft 365 或 Excel 网页版）',
    },
    connection: {
      what: '与 Excel 的连接中断或超时',
      todo: '请检查网络连接，然后重试',
    },
    general: {
      what: 'Excel 在处理请求时出错',
      todo: '请重试；如果仍然失败，请保存并重新打开工作簿后再试',
    },
    'invalid-write': {
      what: '要写入的内容不完整或有误（程序问题）',
      todo: '请把“技术详情”发给技术支持',
    },
    'not-in-excel': {
      what: '当前不在 Excel 中运行，无法直接读写工作簿',
      todo: '请在 Excel 中打开 ABC Planner，或使用文件模式打开 .xlsx 文件',
    },
    unknown: {
      what: '发生了意外错误',
      todo: '请重试；如果仍然失败，请把“技术详情”发给技术支持',
    },
  },
  en: {
    'too-large': {
      what: 'Too much data was sent to Excel at once and Excel refused the request',
      todo: 'Try again; if it still fails, split the customer sheet into smaller sheets or run in Excel on the desktop',
    },
    'not-found': {
      what: 'A sheet or name that was needed is missing; you or a coauthor may just have deleted or renamed it',
      todo: 'Reopen the ABC Planner pane (it reads the workbook again) and try again',
    },
    'already-exists': {
      what: 'The workbook already has a sheet or name with that name',
      todo: 'Rename or delete the sheet or name with the same name, then try again',
    },
    'invalid-argument': {
      what: 'Excel did not accept what was to be written',
      todo: 'Try again; if it still fails, send the technical details to support',
    },
    protected: {
      what: 'The sheet or workbook is protected, or the file is read-only, so it cannot be written',
      todo: 'Unprotect the sheet or workbook (Review tab), or save an editable copy, then try again',
    },
    'cell-edit-mode': {
      what: 'Excel is editing a cell and cannot change the workbook right now',
      todo: 'Press Enter or Esc to finish editing the cell, then try again',
    },
    conflict: {
      what: 'A coauthor changed the workbook at the same time and the changes conflict',
      todo: 'Wait a moment, then try again',
    },
    'api-missing': {
      what: 'This version of Excel lacks features ABC Planner needs',
      todo: 'Update Excel (Excel 2016 or later, Microsoft 365, or Excel on the web)',
    },
    connection: {
      what: 'The connection to Excel was lost or timed out',
      todo: 'Check the network connection, then try again',
    },
    general: {
      what: 'Excel ran into an error while handling the request',
      todo: 'Try again; if it still fails, save and reopen the workbook, then try again',
    },
    'invalid-write': {
      what: 'What was to be written is incomplete or wrong (a program error)',
      todo: 'Send the technical details to support',
    },
    'not-in-excel': {
      what: 'Not running in Excel, so the workbook cannot be read or written directly',
      todo: 'Open ABC Planner in Excel, or use file mode to open an .xlsx file',
    },
    unknown: {
      what: 'Something unexpected went wrong',
      todo: 'Try again; if it still fails, send the technical details to support',
    },
  },
};

/** Steps of the Excel host's work, for "while …" in messages. */
export type ExcelStep =
  | 'read'
  | 'list'
  | 'prepare'
  | 'snapshot'
  | 'add-sheets'
  | 'write-sheet'
  | 'write-columns'
  | 'swap-sheets'
  | 'names'
  | 'formulas'
  | 'remove-old'
  | 'subscribe'
  | 'select';

export const STEP_TEXT: Record<Lang, Record<ExcelStep, string>> = {
  zh: {
    read: '读取工作表“{sheet}”时',
    list: '读取工作簿的工作表和名称时',
    prepare: '准备写入时',
    snapshot: '备份客户表中要更新的列时',
    'add-sheets': '添加新工作表时',
    'write-sheet': '写入工作表“{sheet}”时',
    'write-columns': '写入工作表“{sheet}”的标签列时',
    'swap-sheets': '替换上次生成的工作表时',
    names: '更新定义的名称时',
    formulas: '写入公式时',
    'remove-old': '删除上次生成的工作表时',
    subscribe: '监听工作表“{sheet}”的修改时',
    select: '定位到“{sheet}”时',
  },
  en: {
    read: 'While reading sheet “{sheet}”',
    list: 'While reading the workbook’s sheets and names',
    prepare: 'While preparing the write',
    snapshot: 'While backing up the columns to be updated on the customer sheet',
    'add-sheets': 'While adding the new sheets',
    'write-sheet': 'While writing sheet “{sheet}”',
    'write-columns': 'While writing the tag columns on sheet “{sheet}”',
    'swap-sheets': 'While replacing the sheets generated last time',
    names: 'While updating the defined names',
    formulas: 'While writing formulas',
    'remove-old': 'While removing the sheets generated last time',
    subscribe: 'While watching sheet “{sheet}” for changes',
    select: 'While going to “{sheet}”',
  },
};

export const ROLLBACK_TEXT: Record<Lang, { restored: string; notRestored: string; leftovers: string; nothingChanged: string }> = {
  zh: {
    restored: '工作簿已恢复为写入前的样子，没有任何改动。',
    notRestored: '未能完全恢复工作簿：请不要保存，关闭工作簿时选择“不保存”，然后重新打开再试。',
    leftovers: '可能残留的工作表：{sheets}。',
    nothingChanged: '工作簿没有被修改。',
  },
  en: {
    restored: 'The workbook was put back exactly as it was before the write.',
    notRestored: 'The workbook could not be fully put back: do not save it; close it without saving, reopen it and try again.',
    leftovers: 'Sheets that may be left over: {sheets}.',
    nothingChanged: 'The workbook was not changed.',
  },
};

/** Problems the host finds in a write before it touches the workbook. */
export type WriteProblem =
  | 'sheet-not-found'
  | 'sheet-exists'
  | 'name-exists'
  | 'bad-sheet-name'
  | 'bad-name'
  | 'bad-cell'
  | 'duplicate-sheet'
  | 'sheet-protected'
  | 'workbook-protected';

export const WRITE_PROBLEM_TEXT: Record<Lang, Record<WriteProblem, string>> = {
  zh: {
    'sheet-not-found': '找不到工作表“{sheet}”',
    'sheet-exists': '工作簿中已有名为“{sheet}”的工作表，且不是 ABC Planner 上次生成的',
    'name-exists': '工作簿中已有名称“{name}”，且不是 ABC Planner 上次写入的',
    'bad-sheet-name': '“{sheet}”不能用作工作表名称：{reason}，请换一个名称',
    'bad-name': '“{name}”不能用作定义的名称：{reason}，请换一个名称',
    'bad-cell': '工作表“{sheet}”的单元格 {cell} 的内容无法写入：{reason}',
    'duplicate-sheet': '要添加的工作表中有重名：“{sheet}”',
    'sheet-protected': '工作表“{sheet}”受保护，无法写入标签列',
    'workbook-protected': '工作簿结构受保护，无法添加、删除或重命名工作表',
  },
  en: {
    'sheet-not-found': 'There is no sheet “{sheet}”',
    'sheet-exists': 'The workbook already has a sheet “{sheet}” that ABC Planner did not generate',
    'name-exists': 'The workbook already has a name “{name}” that ABC Planner did not write',
    'bad-sheet-name': '“{sheet}” cannot be used as a sheet name: {reason}; choose another name',
    'bad-name': '“{name}” cannot be used as a defined name: {reason}; choose another name',
    'bad-cell': 'Cell {cell} of sheet “{sheet}” cannot be written: {reason}',
    'duplicate-sheet': 'Two sheets to be added have the same name: “{sheet}”',
    'sheet-protected': 'Sheet “{sheet}” is protected, so the tag columns cannot be written',
    'workbook-protected': 'The workbook structure is protected, so sheets cannot be added, removed or renamed',
  },
};

/** What the pane says when a coauthor changed the settings sheet and it read them again. */
export const SETTINGS_RELOADED: Record<Lang, string> = {
  zh: '协作者修改了“{sheet}”，已重新读取设置。',
  en: 'A coauthor changed “{sheet}”; the settings were read again.',
};

export function stepText(lang: Lang, step: ExcelStep, sheet = ''): string {
  return fill(STEP_TEXT[lang][step], { sheet });
}

/** Office applications as office-js-helpers names them (HostType). */
const HOST_NAMES: Record<string, string> = {
  EXCEL: 'Excel',
  WORD: 'Word',
  POWERPOINT: 'PowerPoint',
  OUTLOOK: 'Outlook',
  ONENOTE: 'OneNote',
  PROJECT: 'Project',
  ACCESS: 'Access',
};

/** Platforms as office-js-helpers names them (PlatformType), as Microsoft names its editions. */
const PLATFORM_NAMES: Record<Lang, Record<string, string>> = {
  zh: { PC: 'Windows 版 {app}', MAC: 'Mac 版 {app}', OFFICE_ONLINE: '{app} 网页版', IOS: 'iPad 版 {app}' },
  en: { PC: '{app} on Windows', MAC: '{app} on Mac', OFFICE_ONLINE: '{app} on the web', IOS: '{app} on iPad' },
};

/**
 * Where the pane runs, in words: "Excel 网页版" / "Excel on the web", "Mac 版 Word" / "Word on
 * Mac"; a plain browser outside Office: "浏览器（不在 Office 中）" / "a web browser (not in
 * Office)". A platform without a name here is shown as Office gave it: "Excel（Android）".
 */
export function whereText(lang: Lang, host: string, platform: string | null): string {
  if (host === 'WEB') return lang === 'zh' ? '浏览器（不在 Office 中）' : 'a web browser (not in Office)';
  const app = HOST_NAMES[host] ?? host;
  if (!platform) return app;
  const named = PLATFORM_NAMES[lang][platform];
  if (named) return fill(named, { app });
  return lang === 'zh' ? `${app}（${platform}）` : `${app} on ${platform}`;
}

/** The first line of an Excel error's details: where it happened (host and platform). */
export const ENVIRONMENT_TEXT: Record<Lang, { where: string; unknown: string }> = {
  zh: { where: '运行环境：{where}（host {host}，platform {platform}）', unknown: '运行环境：未检测到宿主和平台' },
  en: { where: 'Running in: {where} (host {host}, platform {platform})', unknown: 'Running in: host and platform not detected' },
};
