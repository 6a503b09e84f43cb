/**
 * Workbooks that spell their namespaces the ways other producers do, built from their XML parts
 * (issues 9 and 15):
 * - the relationships namespace declared only on each `<sheet>` (Apache POI's 59021.xlsx,
 *   59746_NoRowNums.xlsx), or bound to a prefix other than `r` (calamine's
 *   nonstandard-xml-ns-prefix.xlsx);
 * - the main namespace on a prefix (`<x:workbook xmlns:x=…>`, as the OpenXML SDK writes);
 * - Strict Open XML (ISO/IEC 29500 Strict: POI's sample.strict.xlsx, SimpleStrict.xlsx,
 *   SheetJS's sheet_visibility_strict.xlsx), with or without a styles part.
 * Every variant holds the same customer sheet, so one write and one set of checks serve all.
 */
import type { CellValue } from '../../../src/engine/types';
import { colLetters, esc, zipParts, type Parts } from '../../fixtures/xlsxBuilder';

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export const TRANSITIONAL_NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
export const STRICT_NS = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};
/** Open Packaging Conventions: the same in both conformance classes. */
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const CORE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties';

const CT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  sst: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
};

export interface NamespaceVariant {
  /** Transitional or Strict namespaces throughout. */
  strict?: boolean;
  /**
   * Where the relationships namespace (of `r:id`) is declared: on the root as `r` (the usual),
   * on the root under another prefix, or only on each `<sheet>` element.
   */
  relDecl?: 'root-r' | 'root-other' | 'per-sheet';
  /** The main namespace on a prefix (`x:`) instead of the default namespace, in every part. */
  mainPrefix?: string;
  /** Leave out the styles part (a write must then create one, in the workbook's class). */
  noStyles?: boolean;
  /** Bind `r` on the root to an unrelated namespace (a trap for a writer that assumes `r`). */
  foreignR?: boolean;
}

/** A small customer sheet's values, as the tests expect to read them back. */
export const CUSTOMERS: CellValue[][] = [
  ['客户', '城市', '金额'],
  ['北京银行', '北京', 120],
  ['上海商行', '上海', 80],
  ['深圳科技', '深圳', 30],
];

/** A two-sheet workbook (客户 with `customers`, 说明 with a note) spelled as `v` says. */
export function namespaceWorkbook(v: NamespaceVariant = {}, customers: CellValue[][] = CUSTOMERS): { bytes: Uint8Array; parts: Parts } {
  const ns = v.strict ? STRICT_NS : TRANSITIONAL_NS;
  const p = v.mainPrefix ? `${v.mainPrefix}:` : '';
  const mainDecl = v.mainPrefix ? `xmlns:${v.mainPrefix}="${ns.main}"` : `xmlns="${ns.main}"`;
  const relType = (kind: string): string => `${ns.rel}/${kind}`;
  const relDecl = v.relDecl ?? 'root-r';
  const relPrefix = relDecl === 'root-other' ? 'rel' : relDecl === 'per-sheet' ? 'ns' : 'r';
  const rootRel = relDecl === 'per-sheet' ? '' : ` xmlns:${relPrefix}="${ns.rel}"`;
  const foreign = v.foreignR ? ' xmlns:r="urn:example:not-relationships"' : '';

  const strings: string[] = [];
  const index = new Map<string, number>();
  const si = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const cell = (ref: string, value: CellValue): string =>
    typeof value === 'number' ? `<${p}c r="${ref}"><${p}v>${value}</${p}v></${p}c>`
      : typeof value === 'string' ? `<${p}c r="${ref}" t="s"><${p}v>${si(value)}</${p}v></${p}c>`
        : '';
  const width = customers.reduce((w, r) => Math.max(w, r.length), 1);
  const rows = customers.map((row, i) => `<${p}row r="${i + 1}">${row.map((value, j) => cell(colLetters(j + 1) + (i + 1), value)).join('')}</${p}row>`).join('');
  const note = `<${p}row r="1">${cell('A1', '这是说明')}</${p}row>`;
  const sst = `${DECL}<${p}sst ${mainDecl} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<${p}si><${p}t>${esc(s)}</${p}t></${p}si>`).join('')}</${p}sst>`;

  const sheet = (data: string, dim: string): string =>
    `${DECL}<${p}worksheet ${mainDecl}${rootRel.replace(` xmlns:${relPrefix}=`, ' xmlns:r=')}><${p}dimension ref="${dim}"/><${p}sheetViews><${p}sheetView workbookViewId="0"/></${p}sheetViews>` +
    `<${p}sheetFormatPr defaultRowHeight="15"/><${p}sheetData>${data}</${p}sheetData><${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`;

  const sheetEl = (name: string, id: number): string =>
    relDecl === 'per-sheet'
      ? `<${p}sheet xmlns:ns="${ns.rel}" name="${name}" sheetId="${id}" ns:id="rId${id}"/>`
      : `<${p}sheet name="${name}" sheetId="${id}" ${relPrefix}:id="rId${id}"/>`;
  const workbook =
    `${DECL}<${p}workbook ${mainDecl}${rootRel}${foreign}${v.strict ? ' conformance="strict"' : ''}>` +
    `<${p}workbookPr/><${p}bookViews><${p}workbookView/></${p}bookViews><${p}sheets>${sheetEl('客户', 1)}${sheetEl('说明', 2)}</${p}sheets>` +
    `<${p}calcPr calcId="191029"/></${p}workbook>`;

  const styles =
    `${DECL}<${p}styleSheet ${mainDecl}>` +
    `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>` +
    `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>` +
    `<${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders>` +
    `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
    `<${p}cellXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></${p}cellXfs>` +
    `<${p}cellStyles count="1"><${p}cellStyle name="Normal" xfId="0" builtinId="0"/></${p}cellStyles></${p}styleSheet>`;

  const rels = (list: [string, string, string][]): string =>
    `${DECL}<Relationships xmlns="${PKG_REL_NS}">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;
  const overrides: [string, string][] = [
    ['/xl/workbook.xml', CT.workbook],
    ['/xl/worksheets/sheet1.xml', CT.worksheet],
    ['/xl/worksheets/sheet2.xml', CT.worksheet],
    ['/xl/sharedStrings.xml', CT.sst],
    ['/docProps/core.xml', CT.core],
  ];
  if (!v.noStyles) overrides.push(['/xl/styles.xml', CT.styles]);
  const parts: Parts = {
    '[Content_Types].xml':
      `${DECL}<Types xmlns="${CT_NS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
      '</Types>',
    '_rels/.rels': rels([
      ['rId1', relType('officeDocument'), 'xl/workbook.xml'],
      ['rId2', CORE_REL, 'docProps/core.xml'],
    ]),
    'docProps/core.xml':
      `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>planner</dc:creator></cp:coreProperties>`,
    'xl/workbook.xml': workbook,
    'xl/_rels/workbook.xml.rels': rels([
      ['rId1', relType('worksheet'), 'worksheets/sheet1.xml'],
      ['rId2', relType('worksheet'), 'worksheets/sheet2.xml'],
      ['rId3', relType('sharedStrings'), 'sharedStrings.xml'],
      ...(v.noStyles ? [] : ([['rId4', relType('styles'), 'styles.xml']] as [string, string, string][])),
    ]),
    'xl/worksheets/sheet1.xml': sheet(rows, `A1:${colLetters(width)}${customers.length}`),
    'xl/worksheets/sheet2.xml': sheet(note, 'A1'),
    'xl/sharedStrings.xml': sst,
  };
  if (!v.noStyles) parts['xl/styles.xml'] = styles;
  return { bytes: zipParts(parts), parts };
}
