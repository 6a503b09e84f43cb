import { formatBytes, LIMITS } from './limits';

/**
 * The one error the .xlsx host throws for anything a person can act on: bad input files,
 * names Excel would refuse, writes that would lose data. Every message says what it is and
 * what to do, in Chinese and in English.
 */

export type XlsxErrorCode =
  | 'not-a-workbook'
  | 'corrupt-zip'
  | 'encrypted'
  | 'xls'
  | 'xlsb'
  | 'ods'
  | 'no-workbook'
  | 'no-sheets'
  | 'bad-xml'
  | 'missing-part'
  | 'sheet-not-found'
  | 'not-a-worksheet'
  | 'bad-sheet-name'
  | 'duplicate-sheet'
  | 'bad-defined-name'
  | 'duplicate-defined-name'
  | 'bad-cell'
  | 'bad-write'
  | 'too-large'
  | 'file-exists'
  | 'overwrite-input';

export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  /** The package part concerned, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part?: string;

  constructor(code: XlsxErrorCode, messageZh: string, messageEn: string, part?: string, options?: { cause?: unknown }) {
    super(`${messageZh} / ${messageEn}`, options);
    this.name = 'XlsxError';
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    if (part !== undefined) this.part = part;
  }
}

const NOT_WRITTEN_BY_EXCEL_ZH = '文件已损坏，或不是由电子表格程序（Excel、WPS、LibreOffice 等）写出的';
const NOT_WRITTEN_BY_EXCEL_EN = 'the file is damaged or was not written by a spreadsheet program (Excel, WPS, LibreOffice…)';
const RESAVE_ZH = '请在 Excel 中打开并另存为 .xlsx（或向发件人要一份新的副本）后再试';
const RESAVE_EN = 'open it in Excel and save it again as .xlsx (or ask the sender for a fresh copy), then try again';

/** The messages for bad input files, one place so the CLI, the web page and tests agree. */
export const errors = {
  notAWorkbook: (fileName?: string): XlsxError =>
    /\.(csv|tsv)$/i.test(fileName ?? '')
      ? new XlsxError(
        'not-a-workbook',
        '这是文本（CSV）文件，不是 Excel 工作簿：请在 Excel 中打开并另存为 .xlsx 后再试',
        'This is a text (CSV) file, not an Excel workbook: open it in Excel, save it as .xlsx and try again',
      )
      : /\.txt$/i.test(fileName ?? '')
        ? new XlsxError(
          'not-a-workbook',
          '这是文本文件，不是 Excel 工作簿：请在 Excel 中打开并另存为 .xlsx 后再试',
          'This is a text file, not an Excel workbook: open it in Excel, save it as .xlsx and try again',
        )
        : new XlsxError(
      'not-a-workbook',
      '这不是 Excel 工作簿文件，请选择 .xlsx 或 .xlsm 文件',
      'This is not an Excel workbook: choose an .xlsx or .xlsm file',
    ),
  corruptZip: (detail: string, part?: string): XlsxError =>
    new XlsxError(
      'corrupt-zip',
      `文件已损坏或不完整（${detail}），请在 Excel 中重新打开并另存为 .xlsx，或重新下载/复制该文件后再试`,
      `The file is damaged or incomplete (${detail}): open it in Excel and save it again as .xlsx, or copy or download it again, then try again`,
      part,
    ),
  encrypted: (): XlsxError =>
    new XlsxError(
      'encrypted',
      '这个工作簿设置了打开密码（已加密），请在 Excel 中“文件 > 信息 > 保护工作簿 > 用密码进行加密”删除密码并保存后再试',
      'This workbook is password-protected (encrypted): in Excel remove the password (File > Info > Protect Workbook > Encrypt with Password), save, and try again',
    ),
  xls: (): XlsxError =>
    new XlsxError(
      'xls',
      '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再试',
      'This is an old .xls file: save it as .xlsx in Excel and try again',
    ),
  xlsb: (): XlsxError =>
    new XlsxError(
      'xlsb',
      '这是二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 后再试',
      'This is a binary workbook (.xlsb): save it as .xlsx in Excel and try again',
    ),
  ods: (): XlsxError =>
    new XlsxError(
      'ods',
      '这是 OpenDocument 表格（.ods），请在 Excel、WPS 或 LibreOffice 中另存为 .xlsx 后再试',
      'This is an OpenDocument spreadsheet (.ods): save it as .xlsx in Excel, WPS or LibreOffice and try again',
    ),
  noWorkbook: (): XlsxError =>
    new XlsxError(
      'no-workbook',
      '压缩包里没有工作簿内容（可能是 Word/PowerPoint 文件或普通 zip），请选择 Excel 的 .xlsx 文件',
      'The package holds no workbook (it may be a Word or PowerPoint file, or a plain zip): choose an Excel .xlsx file',
    ),
  noSheets: (): XlsxError =>
    new XlsxError(
      'no-sheets',
      '工作簿里没有工作表，请在 Excel 中打开、确认有数据后保存再试',
      'The workbook has no worksheets: open it in Excel, check that it holds your data, save it and try again',
    ),
  badXml: (part: string, detail: string): XlsxError =>
    new XlsxError(
      'bad-xml',
      `工作簿内部文件 ${part} 无法解析（${detail}），文件可能已损坏：请在 Excel 中打开并另存为 .xlsx 后再试`,
      `The workbook's part ${part} cannot be read (${detail}); the file may be damaged: open it in Excel, save it as .xlsx and try again`,
      part,
    ),
  missingPart: (part: string): XlsxError =>
    new XlsxError(
      'missing-part',
      `工作簿缺少内部文件 ${part}，文件可能已损坏：请在 Excel 中打开并另存为 .xlsx 后再试`,
      `The workbook lacks its part ${part}; the file may be damaged: open it in Excel, save it as .xlsx and try again`,
      part,
    ),
  sheetNotFound: (name: string): XlsxError =>
    new XlsxError('sheet-not-found', `找不到工作表“${name}”，请检查名称`, `There is no sheet named "${name}": check the name`),
  notAWorksheet: (name: string): XlsxError =>
    new XlsxError(
      'not-a-worksheet',
      `“${name}”是图表工作表或对话框工作表，不是数据工作表，请选择含数据的工作表`,
      `"${name}" is a chart or dialog sheet, not a worksheet: choose the sheet that holds your data`,
    ),
  /** Two zip entries whose names are equal ignoring case: OPC part names ignore case. */
  duplicatePart: (first: string, second: string): XlsxError =>
    new XlsxError(
      'corrupt-zip',
      `文件已损坏：有两个名为 ${first} 的部件${first === second ? '' : `（${first} 与 ${second}，部件名不区分大小写）`}，${RESAVE_ZH}`,
      `The file is damaged: two parts are named ${first}${first === second ? '' : ` (${first} and ${second}; part names ignore case)`}: ${RESAVE_EN}`,
      second,
    ),
  /** Two entries whose packed bytes share the same stretch of the file (a known zip-bomb trick). */
  overlappingParts: (first: string, second: string): XlsxError =>
    new XlsxError(
      'corrupt-zip',
      `文件已损坏：部件 ${first} 与 ${second} 在压缩包中的数据相互重叠，${RESAVE_ZH}`,
      `The file is damaged: the parts ${first} and ${second} overlap inside the zip: ${RESAVE_EN}`,
      second,
    ),
  /** A part's data is bad: checksum, inflation, or more bytes than its header declares. */
  damagedPart: (part: string, detailZh: string, detailEn: string): XlsxError =>
    new XlsxError(
      'corrupt-zip',
      `文件已损坏：内部文件 ${part} ${detailZh}，${RESAVE_ZH}`,
      `The file is damaged: its part ${part} ${detailEn}: ${RESAVE_EN}`,
      part,
    ),
  /** A part that would unpack past the size cap for its kind. */
  partTooLarge: (part: string, limit: number): XlsxError =>
    new XlsxError(
      'too-large',
      `内部文件 ${part} 解压后将超过 ${formatBytes(limit, 'zh')}（超过任何 Excel 工作簿的这类内容）：文件已损坏或不是工作簿，${RESAVE_ZH}`,
      `The part ${part} would unpack to more than ${formatBytes(limit)} (more than any Excel workbook holds there): the file is damaged or not a workbook: ${RESAVE_EN}`,
      part,
    ),
  /** A part that would unpack to far more than its packed size: a zip bomb. */
  partPackRatio: (part: string, size: number, packed: number): XlsxError =>
    new XlsxError(
      'too-large',
      `内部文件 ${part} 解压后将达到 ${formatBytes(size, 'zh')}，是压缩大小 ${formatBytes(packed, 'zh')} 的 ${LIMITS.packRatio} 倍以上（Excel 保存的文件不会这样）：文件已损坏或不是工作簿，${RESAVE_ZH}`,
      `The part ${part} would unpack to ${formatBytes(size)}, over ${LIMITS.packRatio} times its packed size of ${formatBytes(packed)} (files Excel saves never do): the file is damaged or not a workbook: ${RESAVE_EN}`,
      part,
    ),
  tooManyParts: (count: number): XlsxError =>
    new XlsxError(
      'too-large',
      `压缩包里有 ${count.toLocaleString('en-US')} 个内部文件，超过上限 ${LIMITS.entries.toLocaleString('en-US')}：文件已损坏或不是工作簿，${RESAVE_ZH}`,
      `The zip holds ${count.toLocaleString('en-US')} parts, over the limit of ${LIMITS.entries.toLocaleString('en-US')}: the file is damaged or not a workbook: ${RESAVE_EN}`,
    ),
  tooManyPartsAfterWrite: (count: number): XlsxError =>
    new XlsxError(
      'too-large',
      `写入后工作簿将有 ${count.toLocaleString('en-US')} 个内部文件，超过上限 ${LIMITS.entries.toLocaleString('en-US')}：请在 Excel 中删除不用的工作表、图片或其他内容后再试`,
      `After this write the workbook would hold ${count.toLocaleString('en-US')} parts, over the limit of ${LIMITS.entries.toLocaleString('en-US')}: remove sheets, pictures or other content you do not need in Excel, then try again`,
    ),
  /** One string of the shared strings (or a tag in them) past LIMITS.tokenChars. */
  sharedStringTooLong: (part: string, index: number, what: 'item' | 'tag'): XlsxError =>
    new XlsxError(
      'too-large',
      `内部文件 ${part}（共享字符串表）${what === 'item' ? `的第 ${grouped(index)} 个字符串` : `在第 ${grouped(index)} 个字符串处有一个标记`}超过 ${grouped(LIMITS.tokenChars)} 个字符（Excel 的一个单元格最多 ${grouped(32_767)} 个字符）：${NOT_WRITTEN_BY_EXCEL_ZH}，${RESAVE_ZH}`,
      `The part ${part} (the shared strings) holds ${what === 'item' ? `a string (number ${grouped(index)})` : `a tag (at string number ${grouped(index)})`} longer than ${grouped(LIMITS.tokenChars)} characters (an Excel cell holds at most ${grouped(32_767)}): ${NOT_WRITTEN_BY_EXCEL_EN}: ${RESAVE_EN}`,
      part,
    ),
  tooDeep: (part: string): XlsxError =>
    new XlsxError(
      'bad-xml',
      `工作簿内部文件 ${part} 的 XML 嵌套超过 ${LIMITS.xmlDepth} 层（正常工作簿只有几层）：文件已损坏或不是 Excel 保存的，${RESAVE_ZH}`,
      `The workbook's part ${part} nests its XML more than ${LIMITS.xmlDepth} levels deep (real workbooks nest a few levels): the file is damaged or was not saved by Excel: ${RESAVE_EN}`,
      part,
    ),
};

/** `1048576` → `1,048,576`, as planners read numbers in both languages. */
function grouped(n: number | string): string {
  return typeof n === 'number' ? n.toLocaleString('en-US') : n;
}

const REPAIR_ZH = '请在 Excel、WPS 或 LibreOffice 中打开该文件，检查这张表并另存为 .xlsx 后再试';
const REPAIR_EN = 'open the file in Excel, WPS or LibreOffice, check this sheet, save it as .xlsx and try again';

function sheetProblem(sheet: string, part: string, zh: string, en: string, code: XlsxErrorCode = 'bad-xml'): XlsxError {
  return new XlsxError(code, `工作表“${sheet}”（${part}）：${zh}`, `Sheet "${sheet}" (${part}): ${en}`, part);
}

/**
 * A worksheet's rows and cells that Excel itself would refuse or repair (sheetReader and
 * columnPatcher): which sheet, row or cell, and what to do. Rows must come in increasing order,
 * cells in increasing column order within their row, each once, inside Excel's limits.
 */
export const sheetErrors = {
  badRowNumber: (sheet: string, part: string, raw: string, after: number): XlsxError =>
    sheetProblem(
      sheet,
      part,
      `第 ${grouped(after)} 行之后的一行的行号“${raw}”无效（行号应为 1 到 ${grouped(1_048_576)}），${REPAIR_ZH}`,
      `the row after row ${grouped(after)} has the invalid row number "${raw}" (rows are numbered 1 to ${grouped(1_048_576)}): ${REPAIR_EN}`,
    ),
  rowPastLimit: (sheet: string, part: string, row: number | string): XlsxError =>
    sheetProblem(
      sheet,
      part,
      `第 ${grouped(row)} 行超出 Excel 的上限 ${grouped(1_048_576)} 行，Excel 无法打开这样的表：请用生成该文件的程序重新导出，只保留实际数据`,
      `row ${grouped(row)} lies past Excel's limit of ${grouped(1_048_576)} rows, so Excel cannot open this sheet: export the file again from the program that made it, with only the real data`,
      'too-large',
    ),
  rowOutOfOrder: (sheet: string, part: string, row: number, after: number): XlsxError =>
    sheetProblem(
      sheet,
      part,
      `第 ${grouped(row)} 行写在第 ${grouped(after)} 行之后（行的顺序错乱，Excel 会提示需要修复），${REPAIR_ZH}`,
      `row ${grouped(row)} is stored after row ${grouped(after)} (rows out of order: Excel would have to repair the file): ${REPAIR_EN}`,
    ),
  duplicateRow: (sheet: string, part: string, row: number): XlsxError =>
    sheetProblem(
      sheet,
      part,
      `第 ${grouped(row)} 行出现了两次（Excel 会提示需要修复），${REPAIR_ZH}`,
      `row ${grouped(row)} appears twice (Excel would have to repair the file): ${REPAIR_EN}`,
    ),
  columnPastLimit: (sheet: string, part: string, cell: string): XlsxError =>
    sheetProblem(
      sheet,
      part,
      `单元格 ${cell} 超出 Excel 的上限（最后一列是 XFD，共 ${grouped(16_384)} 列），Excel 无法打开这样的表：请用生成该文件的程序重新导出，只保留实际数据`,
      `cell ${cell} lies past Excel's last column XFD (${grouped(16_384)} columns), so Excel cannot open this sheet: export the file again from the program that made it, with only the real data`,
      'too-large',
    ),
  cellOutOfOrder: (sheet: string, part: string, cell: string, after: string): XlsxError =>
    sheetProblem(
      sheet,
      part,
      `单元格 ${cell} 写在同一行的 ${after} 之后（单元格顺序错乱，Excel 会提示需要修复），${REPAIR_ZH}`,
      `cell ${cell} is stored after ${after} in its row (cells out of order: Excel would have to repair the file): ${REPAIR_EN}`,
    ),
  /**
   * One row (or a tag or comment) of a sheet past LIMITS.tokenChars: `where` is before the
   * rows (`head`), a row or what lies between rows (`row`, `between`), or after them (`tail`).
   */
  tokenTooLong: (sheet: string, part: string, where: 'head' | 'row' | 'between' | 'tail', after: number): XlsxError => {
    const limit = grouped(LIMITS.tokenChars);
    const zh =
      where === 'head' ? '数据区（sheetData）之前的一个标记' : where === 'tail' ? '数据区之后的一个标记' : after === 0 ? (where === 'row' ? '第一行' : '第一行之前的一个标记') : where === 'row' ? `第 ${grouped(after)} 行之后的一行` : `第 ${grouped(after)} 行之后的一个标记`;
    const en =
      where === 'head' ? 'a tag before the rows (sheetData)' : where === 'tail' ? 'a tag after the rows' : after === 0 ? (where === 'row' ? 'the first row' : 'a tag before the first row') : where === 'row' ? `the row after row ${grouped(after)}` : `a tag after row ${grouped(after)}`;
    return sheetProblem(
      sheet,
      part,
      `${zh}超过 ${limit} 个字符（电子表格程序写出的一行最多几 MB）：${NOT_WRITTEN_BY_EXCEL_ZH}，${RESAVE_ZH}`,
      `${en} is longer than ${limit} characters (rows spreadsheet programs write are at most a few MB): ${NOT_WRITTEN_BY_EXCEL_EN}: ${RESAVE_EN}`,
      'too-large',
    );
  },
  duplicateCell: (sheet: string, part: string, cell: string): XlsxError =>
    sheetProblem(
      sheet,
      part,
      `单元格 ${cell} 出现了两次（Excel 会提示需要修复），${REPAIR_ZH}`,
      `cell ${cell} appears twice (Excel would have to repair the file): ${REPAIR_EN}`,
    ),
};
