/**
 * `xl/workbook.xml`: the sheet list (names, visibility, relationship ids) and defined names,
 * and the edits a write makes to them. Everything else in the part is kept as it was.
 * Elements and attributes we add are in the workbook's own namespaces (its conformance class,
 * whatever prefixes its producer chose), declared where we use them when no declaration in
 * scope serves: the part stays namespace-well-formed.
 */
import { isRelationshipsNamespace, namespacesOf, type OoxmlNamespaces } from './conformance';
import { barePrefix, namespaceOfPrefix, prefixBoundTo } from './namespaceScope';
import {
  attr,
  childElements,
  el,
  firstChild,
  insertInSequence,
  localName,
  parseXml,
  prefixOf,
  removeAttr,
  serializeXml,
  setAttr,
  textOf,
  type XmlDocument,
  type XmlElement,
} from './xml';

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export interface WorkbookName {
  name: string;
  /** 0-based index into the sheet list for sheet-scoped names. */
  localSheetId?: number;
  hidden: boolean;
  formula: string;
  /** The name's comment (Excel's Name Manager), when it has one. */
  comment?: string;
}

// CT_Workbook's sequence, for inserting elements in the right place.
const BEFORE_DEFINED_NAMES = ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences'];
const BEFORE_CALC_PR = [...BEFORE_DEFINED_NAMES, 'definedNames'];

export class WorkbookXml {
  private constructor(private readonly doc: XmlDocument, readonly part: string) {}

  static parse(text: string, part: string): WorkbookXml {
    return new WorkbookXml(parseXml(text, part), part);
  }

  private get prefix(): string {
    return prefixOf(this.doc.root.name);
  }

  private sheetsElement(): XmlElement | undefined {
    return firstChild(this.doc.root, 'sheets');
  }

  private sheetElements(): XmlElement[] {
    const s = this.sheetsElement();
    return s ? childElements(s, 'sheet') : [];
  }

  /** The namespaces of the workbook's conformance class, from its root element's namespace. */
  namespaces(): OoxmlNamespaces {
    return namespacesOf(namespaceOfPrefix(barePrefix(this.doc.root.name), [this.doc.root]));
  }

  /**
   * A sheet's relationship id: its `id` attribute in a relationships namespace (either class),
   * bound wherever the producer declared it; failing that, any prefixed `id` (a tolerant read).
   */
  private relIdOf(sheet: XmlElement, sheets: XmlElement): string {
    let loose: string | undefined;
    for (const [k, v] of sheet.attrs) {
      if (!k.includes(':') || k.startsWith('xmlns:') || localName(k) !== 'id') continue;
      if (isRelationshipsNamespace(namespaceOfPrefix(barePrefix(k), [this.doc.root, sheets, sheet]))) return v;
      loose ??= v;
    }
    return loose ?? '';
  }

  sheets(): WorkbookSheet[] {
    const list = this.sheetsElement();
    if (!list) return [];
    return childElements(list, 'sheet').map((s) => {
      const state = attr(s, 'state');
      return {
        name: attr(s, 'name') ?? '',
        sheetId: Number(attr(s, 'sheetId') ?? 0),
        relId: this.relIdOf(s, list),
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      };
    });
  }

  names(): WorkbookName[] {
    const dn = firstChild(this.doc.root, 'definedNames');
    if (!dn) return [];
    return childElements(dn, 'definedName').map((d) => {
      const local = attr(d, 'localSheetId');
      const n: WorkbookName = { name: attr(d, 'name') ?? '', hidden: attr(d, 'hidden') === '1' || attr(d, 'hidden') === 'true', formula: textOf(d) };
      if (local !== undefined) n.localSheetId = Number(local);
      const comment = attr(d, 'comment');
      if (comment !== undefined && comment !== '') n.comment = comment;
      return n;
    });
  }

  /** Whether dates count from 1904 (old Mac workbooks). */
  date1904(): boolean {
    const pr = firstChild(this.doc.root, 'workbookPr');
    const v = pr ? attr(pr, 'date1904') : undefined;
    return v === '1' || v === 'true';
  }

  /** Removes the sheet at this index; sheet-scoped names follow (dropped or renumbered), views too. */
  removeSheetAt(index: number): void {
    const sheets = this.sheetsElement();
    if (!sheets) return;
    const target = this.sheetElements()[index];
    if (!target) return;
    sheets.children = sheets.children.filter((c) => c !== target);
    const dn = firstChild(this.doc.root, 'definedNames');
    if (dn) {
      dn.children = dn.children.filter((c) => {
        if (c.type !== 'element' || localName(c.name) !== 'definedName') return true;
        const local = attr(c, 'localSheetId');
        if (local === undefined) return true;
        const i = Number(local);
        if (i === index) return false;
        if (i > index) setAttr(c, 'localSheetId', String(i - 1));
        return true;
      });
      if (childElements(dn).length === 0) this.doc.root.children = this.doc.root.children.filter((c) => c !== dn);
    }
    const remaining = this.sheetElements();
    const count = remaining.length;
    // If the active sheet goes, the first visible one becomes active.
    const firstVisible = Math.max(0, remaining.findIndex((s) => (attr(s, 'state') ?? 'visible') === 'visible'));
    const views = firstChild(this.doc.root, 'bookViews');
    for (const v of views ? childElements(views, 'workbookView') : []) {
      for (const key of ['activeTab', 'firstSheet']) {
        const raw = attr(v, key);
        if (raw === undefined) continue;
        let i = Number(raw);
        if (i === index) i = key === 'activeTab' ? firstVisible : 0;
        else if (i > index) i--;
        if (i >= count) i = Math.max(0, count - 1);
        if (i === 0) removeAttr(v, key);
        else setAttr(v, key, String(i));
      }
    }
  }

  /**
   * Appends a sheet to the list, in the main namespace as `<sheets>` spells it. Its `id` uses a
   * prefix bound to the class's relationships namespace on the root or `<sheets>`; when there is
   * none (some producers declare it on each `<sheet>`, or use the other class's), it declares
   * `xmlns:r` itself.
   */
  addSheet(name: string, sheetId: number, relId: string): void {
    let sheets = this.sheetsElement();
    if (!sheets) {
      sheets = el(this.prefix + 'sheets');
      insertInSequence(this.doc.root, sheets, ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews']);
    }
    const relNs = this.namespaces().relationships;
    const bound = prefixBoundTo(relNs, [this.doc.root, sheets]);
    const attrs: [string, string][] = bound ? [] : [['xmlns:r', relNs]];
    attrs.push(['name', name], ['sheetId', String(sheetId)], [`${bound ?? 'r'}:id`, relId]);
    sheets.children.push(el(prefixOf(sheets.name) + 'sheet', attrs));
  }

  /** Removes workbook-scoped names whose name matches (case-insensitively). */
  removeNames(names: string[]): void {
    const dn = firstChild(this.doc.root, 'definedNames');
    if (!dn) return;
    const drop = new Set(names.map((n) => n.toLowerCase()));
    dn.children = dn.children.filter(
      (c) => !(c.type === 'element' && localName(c.name) === 'definedName' && attr(c, 'localSheetId') === undefined && drop.has((attr(c, 'name') ?? '').toLowerCase())),
    );
    if (childElements(dn).length === 0) this.doc.root.children = this.doc.root.children.filter((c) => c !== dn);
  }

  /** Adds a workbook-scoped name (CT_DefinedName: name, comment, …, hidden, in the schema's order). */
  addName(name: string, formula: string, hidden: boolean, comment?: string): void {
    let dn = firstChild(this.doc.root, 'definedNames');
    if (!dn) {
      dn = el(this.prefix + 'definedNames');
      insertInSequence(this.doc.root, dn, BEFORE_DEFINED_NAMES);
    }
    const attrs: [string, string][] = [['name', name]];
    if (comment) attrs.push(['comment', comment]);
    if (hidden) attrs.push(['hidden', '1']);
    dn.children.push(el(this.prefix + 'definedName', attrs, [{ type: 'text', text: formula }]));
  }

  /** Asks Excel to recalculate every formula when it opens the file (ours have no trusted cache). */
  setFullCalcOnLoad(): void {
    let calc = firstChild(this.doc.root, 'calcPr');
    if (!calc) {
      calc = el(this.prefix + 'calcPr');
      insertInSequence(this.doc.root, calc, BEFORE_CALC_PR);
    }
    setAttr(calc, 'fullCalcOnLoad', '1');
  }

  serialize(): string {
    return serializeXml(this.doc);
  }
}
