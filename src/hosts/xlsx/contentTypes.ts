/**
 * `[Content_Types].xml`: which content type each part has (by extension default or by
 * per-part override), and the few edits a write makes (add our sheets, drop removed parts).
 */
import { attr, childElements, el, localName, parseXml, serializeXml, type XmlDocument } from './xml';

export const CONTENT_TYPES_PART = '[Content_Types].xml';

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  workbookMacro: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  workbookBinary: 'application/vnd.ms-excel.sheet.binary.macroEnabled.main',
} as const;

export class ContentTypes {
  private constructor(private readonly doc: XmlDocument) {}

  static parse(text: string): ContentTypes {
    return new ContentTypes(parseXml(text, CONTENT_TYPES_PART));
  }

  /** The content type of a part (name with or without leading slash), or undefined. */
  typeOf(partName: string): string | undefined {
    const p = '/' + partName.replace(/^\//, '');
    const lower = p.toLowerCase();
    for (const o of childElements(this.doc.root, 'Override')) {
      if ((attr(o, 'PartName') ?? '').toLowerCase() === lower) return attr(o, 'ContentType');
    }
    const dot = lower.lastIndexOf('.');
    const ext = dot >= 0 ? lower.slice(dot + 1) : '';
    for (const d of childElements(this.doc.root, 'Default')) {
      if ((attr(d, 'Extension') ?? '').toLowerCase() === ext) return attr(d, 'ContentType');
    }
    return undefined;
  }

  setOverride(partName: string, contentType: string): void {
    const p = '/' + partName.replace(/^\//, '');
    this.removeOverride(p);
    const prefix = this.doc.root.name.includes(':') ? this.doc.root.name.slice(0, this.doc.root.name.indexOf(':') + 1) : '';
    this.doc.root.children.push(el(prefix + 'Override', { PartName: p, ContentType: contentType }));
  }

  removeOverride(partName: string): void {
    const lower = ('/' + partName.replace(/^\//, '')).toLowerCase();
    this.doc.root.children = this.doc.root.children.filter(
      (c) => !(c.type === 'element' && localName(c.name) === 'Override' && (attr(c, 'PartName') ?? '').toLowerCase() === lower),
    );
  }

  serialize(): string {
    return serializeXml(this.doc);
  }
}
