/**
 * Package relationships (`_rels/.rels`, `xl/_rels/workbook.xml.rels`, …): where each part's
 * relationships live, resolving targets to part names, and adding or removing one.
 */
import { attr, childElements, el, localName, parseXml, serializeXml, type XmlDocument } from './xml';

export const REL = {
  officeDocument: 'officeDocument',
  worksheet: 'worksheet',
  chartsheet: 'chartsheet',
  dialogsheet: 'dialogsheet',
  macrosheet: 'xlMacrosheet',
  sharedStrings: 'sharedStrings',
  styles: 'styles',
  calcChain: 'calcChain',
} as const;

/** Package-level relationship types (both conformance classes) that a repaired `_rels/.rels` names. */
export const REL_URI = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  officeDocumentStrict: 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  extendedPropertiesStrict: 'http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties',
} as const;

/** The content type of relationship parts. */
export const RELS_CONTENT_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';

export interface Relationship {
  id: string;
  /** The type URI as written. */
  type: string;
  /** Last segment of the type URI (`worksheet`, `sharedStrings`, …): transitional and strict agree on it. */
  kind: string;
  target: string;
  external: boolean;
  /** The target resolved to a part name without leading slash (undefined if external). */
  partName?: string;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; `""` (the package) → `_rels/.rels`. */
export function relsPartFor(partName: string): string {
  const p = partName.replace(/^\//, '');
  const slash = p.lastIndexOf('/');
  const dir = slash >= 0 ? p.slice(0, slash + 1) : '';
  const file = slash >= 0 ? p.slice(slash + 1) : p;
  return `${dir}_rels/${file}.rels`;
}

/** Resolves a relationship target against its source part (both without leading slash). */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    /* keep it as written */
  }
  t = t.replace(/\\/g, '/');
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  let segments: string[];
  if (t.startsWith('/')) segments = [];
  else {
    const src = sourcePart.replace(/^\//, '');
    segments = src.split('/');
    segments.pop();
  }
  for (const s of t.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  return segments.join('/');
}

export class Relationships {
  private constructor(
    private readonly doc: XmlDocument,
    /** The part these relationships belong to ('' for the package). */
    readonly source: string,
  ) {}

  static parse(text: string, source: string, relsPart: string): Relationships {
    return new Relationships(parseXml(text, relsPart), source);
  }

  static empty(source: string): Relationships {
    return new Relationships(
      {
        root: el('Relationships', { xmlns: 'http://schemas.openxmlformats.org/package/2006/relationships' }),
        standalone: true,
        prolog: [],
      },
      source,
    );
  }

  list(): Relationship[] {
    return childElements(this.doc.root, 'Relationship').map((r) => {
      const type = attr(r, 'Type') ?? '';
      const target = attr(r, 'Target') ?? '';
      const external = (attr(r, 'TargetMode') ?? '') === 'External';
      const rel: Relationship = { id: attr(r, 'Id') ?? '', type, kind: type.slice(type.lastIndexOf('/') + 1), target, external };
      if (!external) rel.partName = resolveTarget(this.source, target);
      return rel;
    });
  }

  byId(id: string): Relationship | undefined {
    return this.list().find((r) => r.id === id);
  }

  ofKind(kind: string): Relationship[] {
    return this.list().filter((r) => r.kind === kind);
  }

  /** Adds a relationship with a fresh id; returns the id. Target is written relative to the source. */
  add(type: string, partName: string): string {
    const ids = new Set(this.list().map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const prefix = this.doc.root.name.includes(':') ? this.doc.root.name.slice(0, this.doc.root.name.indexOf(':') + 1) : '';
    this.doc.root.children.push(el(prefix + 'Relationship', { Id: id, Type: type, Target: relativeTarget(this.source, partName) }));
    return id;
  }

  remove(id: string): void {
    this.doc.root.children = this.doc.root.children.filter(
      (c) => !(c.type === 'element' && localName(c.name) === 'Relationship' && attr(c, 'Id') === id),
    );
  }

  serialize(): string {
    return serializeXml(this.doc);
  }
}

/** `xl/workbook.xml` + `xl/worksheets/sheet9.xml` → `worksheets/sheet9.xml`. */
export function relativeTarget(sourcePart: string, partName: string): string {
  const src = sourcePart.replace(/^\//, '');
  const dir = src.includes('/') ? src.slice(0, src.lastIndexOf('/') + 1) : '';
  const p = partName.replace(/^\//, '');
  return dir && p.startsWith(dir) ? p.slice(dir.length) : '/' + p;
}
