/**
 * What Excel needs of a worksheet part, checked by a real, namespace-aware parser (saxes with
 * `xmlns: true`, which also refuses a repeated attribute): it is well formed; the root's
 * children in the SpreadsheetML namespace come in CT_Worksheet's order, each once (cols and
 * conditionalFormatting may repeat); rows come in increasing order, each once, cells in
 * increasing column order within their row, each once, inside Excel's limits, and a cell's
 * reference names its own row; `<col>` ranges are in order and do not overlap. Returns the problems found ([] for a good part).
 */
import { SaxesParser } from 'saxes';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** CT_Worksheet's sequence (ECMA-376 Part 1, 18.3.1.99). */
export const CT_WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
];
const REPEATABLE = new Set(['cols', 'conditionalFormatting']);
/** What the head's elements may hold, in order (CT_SheetPr, CT_SheetDimension, CT_SheetFormatPr, CT_Cols). */
const HEAD_CHILDREN: Record<string, string[]> = {
  sheetPr: ['tabColor', 'outlinePr', 'pageSetUpPr'],
  dimension: [],
  sheetFormatPr: [],
  cols: ['col'],
};

/** Parses any XML part namespace-aware; the parser's errors ([] when it is well formed). */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => problems.push(e.message.replace(/^\d+:\d+: /, '')));
  try {
    parser.write(xml).close();
  } catch (e) {
    problems.push(e instanceof Error ? e.message : String(e));
  }
  return problems;
}

function columnOf(ref: string): { col: number; row: number } | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}

function attrOf(attributes: Record<string, string | { value: string }>, name: string): string | undefined {
  const a = attributes[name];
  return typeof a === 'string' ? a : a?.value;
}

/** The problems of a worksheet part (see the file's comment). */
export function worksheetProblems(xml: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => problems.push(e.message.replace(/^\d+:\d+: /, '')));
  let depth = 0;
  let lastChild = -1;
  const seen = new Set<string>();
  let inData = false;
  let row = 0;
  let col = 0;
  let lastColMax = 0;
  let parent = '';
  let lastGrandchild = -1;
  parser.on('opentag', (tag) => {
    depth++;
    const main = tag.uri === NS_MAIN;
    if (depth === 1) {
      if (!main || tag.local !== 'worksheet') problems.push(`root is {${tag.uri}}${tag.local}, not a worksheet`);
      return;
    }
    if (depth === 2 && main) {
      const at = CT_WORKSHEET_ORDER.indexOf(tag.local);
      if (at < 0) problems.push(`<${tag.name}> is not a worksheet element`);
      else if (at < lastChild) problems.push(`<${tag.name}> after <${CT_WORKSHEET_ORDER[lastChild]}>`);
      else if (seen.has(tag.local) && !REPEATABLE.has(tag.local)) problems.push(`a second <${tag.name}>`);
      seen.add(tag.local);
      lastChild = Math.max(lastChild, at);
      inData = tag.local === 'sheetData';
      parent = tag.local;
      lastGrandchild = -1;
      return;
    }
    if (depth === 3 && main && parent in HEAD_CHILDREN) {
      const allowed = HEAD_CHILDREN[parent]!;
      const at = allowed.indexOf(tag.local);
      if (at < 0) problems.push(`<${tag.name}> inside <${parent}>`);
      else if (at < lastGrandchild) problems.push(`<${tag.name}> after <${allowed[lastGrandchild]}> in <${parent}>`);
      lastGrandchild = Math.max(lastGrandchild, at);
    }
    if (depth === 3 && main && tag.local === 'col') {
      const min = Number(attrOf(tag.attributes, 'min'));
      const max = Number(attrOf(tag.attributes, 'max'));
      if (!(min >= 1 && max >= min && max <= 16_384)) problems.push(`<col min="${min}" max="${max}">`);
      else if (min <= lastColMax) problems.push(`<col min="${min}"> overlaps or comes before column ${lastColMax}`);
      lastColMax = Math.max(lastColMax, max);
      return;
    }
    if (!inData || !main) return;
    const rv = attrOf(tag.attributes, 'r');
    if (depth === 3 && tag.local === 'row') {
      const n = rv === undefined ? row + 1 : Number(rv);
      if (!Number.isInteger(n) || n < 1 || n > 1_048_576) problems.push(`row r="${rv}"`);
      else if (n <= row) problems.push(n === row ? `row ${n} twice` : `row ${n} after row ${row}`);
      row = n;
      col = 0;
    } else if (depth === 4 && tag.local === 'c') {
      let c = col + 1;
      if (rv !== undefined) {
        const ref = columnOf(rv);
        if (!ref) problems.push(`cell r="${rv}" in row ${row}`);
        else {
          if (ref.row !== row) problems.push(`cell ${rv} in row ${row}`);
          c = ref.col;
        }
      }
      if (c > 16_384) problems.push(`cell ${rv} past column XFD`);
      else if (c <= col) problems.push(c === col ? `cell ${rv} twice in row ${row}` : `cell ${rv} after column ${col} in row ${row}`);
      col = c;
    }
  });
  parser.on('closetag', () => {
    if (depth === 2) inData = false;
    depth--;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    problems.push(e instanceof Error ? e.message : String(e));
  }
  if (!seen.has('sheetData')) problems.push('no <sheetData>');
  return problems;
}
