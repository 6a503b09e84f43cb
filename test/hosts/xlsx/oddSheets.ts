/**
 * Customer sheets in the spellings other producers write (issues 9 and 15): single quotes,
 * the OpenXML SDK's prefix on every element, no dimension beside a populated sheetPr (Google
 * Sheets), a long-form dimension, rows and cells without r, comments between elements. Built
 * as XML text in test code, in a workbook whose one sheet is 客户.
 */
import { strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { NS_MAIN, valuesWorkbook } from '../../fixtures/xlsxBuilder';

export const SHEET_PART = 'xl/worksheets/sheet1.xml';

export const CUSTOMERS: (string | number)[][] = [
  ['客户名称', '城市', '客户年市场销售额', '公司销售额'],
  ['西安交通大学', '西安', 600, 150],
  ['北京银行', '北京', 900, 400],
  ['成都网吧', '成都', 40, 10],
  ["O'Brien & 子", '上海', 300, 90],
];

export interface Spelling {
  /** Element prefix, e.g. 'x:' (the OpenXML SDK's), or ''. */
  prefix?: string;
  quote?: '"' | "'";
  /** 'none', 'self' (`<dimension ref="…"/>`), 'long' (`<dimension ref="…"></dimension>`). */
  dimension?: 'none' | 'self' | 'long';
  /** A sheetPr with children (`<sheetPr><pageSetUpPr/></sheetPr>`), as Google Sheets writes. */
  sheetPrChildren?: boolean;
  /** Leave r off every row and cell. */
  noRefs?: boolean;
  /** Comments and line breaks between elements. */
  comments?: boolean;
  /** A user's `<cols>` range over the columns right of the data. */
  cols?: string;
  /** Extra rows (raw XML, in this spelling's prefix) after the customers. */
  extraRows?: string;
}

const letter = (c: number): string => String.fromCharCode(64 + c);

/** The customer sheet in a given spelling; the cell texts are inline strings. */
export function customerSheetXml(s: Spelling = {}, rows: (string | number)[][] = CUSTOMERS): string {
  const p = s.prefix ?? '';
  const q = s.quote ?? '"';
  const br = s.comments ? '\n  <!-- 注释 -->\n  ' : '';
  const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let data = '';
  rows.forEach((row, i) => {
    const r = i + 1;
    const cells = row
      .map((v, j) => {
        const ref = s.noRefs ? '' : ` r=${q}${letter(j + 1)}${r}${q}`;
        return typeof v === 'number'
          ? `<${p}c${ref}><${p}v>${v}</${p}v></${p}c>`
          : `<${p}c${ref} t=${q}inlineStr${q}><${p}is><${p}t>${esc(v)}</${p}t></${p}is></${p}c>`;
      })
      .join(s.comments ? ' ' : '');
    data += `${br}<${p}row${s.noRefs ? '' : ` r=${q}${r}${q}`} spans=${q}1:4${q}>${cells}</${p}row>`;
  });
  data += s.extraRows ?? '';
  const ref = `A1:D${rows.length}`;
  const dim =
    s.dimension === 'self' ? `<${p}dimension ref=${q}${ref}${q}/>` : s.dimension === 'long' ? `<${p}dimension ref=${q}${ref}${q}></${p}dimension>` : '';
  const sheetPr = s.sheetPrChildren ? `<${p}sheetPr>${br}<${p}pageSetUpPr fitToPage=${q}1${q}/></${p}sheetPr>` : '';
  const ns = p ? `xmlns:${p.slice(0, -1)}=${q}${NS_MAIN}${q}` : `xmlns=${q}${NS_MAIN}${q}`;
  return (
    `<?xml version=${q}1.0${q} encoding=${q}UTF-8${q}?>\n` +
    `<${p}worksheet ${ns}>${br}${sheetPr}${br}${dim}${br}` +
    `<${p}sheetViews><${p}sheetView workbookViewId=${q}0${q}/></${p}sheetViews>${br}` +
    `<${p}sheetFormatPr defaultRowHeight=${q}15${q}/>${br}${s.cols ?? ''}` +
    `<${p}sheetData>${data}${br}</${p}sheetData>${br}` +
    `<${p}pageMargins left=${q}0.7${q} right=${q}0.7${q} top=${q}0.75${q} bottom=${q}0.75${q} header=${q}0.3${q} footer=${q}0.3${q}/></${p}worksheet>`
  );
}

/** A workbook whose one sheet, 客户, is `sheetXml` as given. */
export function workbookWithSheet(sheetXml: string | Uint8Array, sharedStringsXml?: string): Uint8Array {
  const parts = unzipSync(valuesWorkbook([{ name: '客户', values: [['x']] }]));
  parts[SHEET_PART] = typeof sheetXml === 'string' ? strToU8(sheetXml) : new Uint8Array(sheetXml);
  if (sharedStringsXml !== undefined) parts['xl/sharedStrings.xml'] = strToU8(sharedStringsXml);
  return zipSync(parts);
}

/**
 * Like workbookWithSheet for a sheet too big to hold as one string: `head`, then `chunk`
 * `times` times, then `tail`, deflated as it is pushed.
 */
/**
 * `stored`: the sheet part is stored, not deflated, so that a long run of one row does not look
 * like a zip bomb (the package layer refuses parts that unpack to over 250 times their size).
 */
export function workbookWithRepeatedSheet(head: string, chunk: string, times: number, tail: string, options: { stored?: boolean } = {}): Uint8Array {
  const others = unzipSync(valuesWorkbook([{ name: '客户', values: [['x']] }]));
  const out: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    out.push(data);
  });
  for (const [name, bytes] of Object.entries(others)) {
    if (name === SHEET_PART) continue;
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(bytes, true);
  }
  const sheet = options.stored ? new ZipPassThrough(SHEET_PART) : new ZipDeflate(SHEET_PART, { level: 1 });
  zip.add(sheet);
  sheet.push(strToU8(head));
  // Push about 1 MB at a time.
  const per = Math.max(1, Math.floor((1 << 20) / chunk.length));
  const block = strToU8(chunk.repeat(per));
  let left = times;
  for (; left >= per; left -= per) sheet.push(block);
  if (left > 0) sheet.push(strToU8(chunk.repeat(left)));
  sheet.push(strToU8(tail), true);
  zip.end();
  const total = out.reduce((n, b) => n + b.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const b of out) {
    bytes.set(b, at);
    at += b.length;
  }
  return bytes;
}

/** The start and end of a plain worksheet part around its rows. */
export const PLAIN_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS_MAIN}"><sheetData>`;
export const PLAIN_TAIL = '</sheetData></worksheet>';
