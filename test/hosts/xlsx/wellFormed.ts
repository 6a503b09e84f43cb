/**
 * Proves the XML parts a write produced are namespace-well-formed: every part that is new or
 * whose bytes changed is parsed with saxes in namespace mode, which fails on an unbound prefix
 * (the bug of issue 9: `r:id` with no `xmlns:r` in scope makes LibreOffice refuse the file).
 * Also reports which namespaces each part's elements and attributes are in, so a test can check
 * that a Strict workbook got only Strict namespaces.
 */
import { SaxesParser } from 'saxes';
import { diffParts, parts } from './helpers';

export interface PartNamespaces {
  /** Namespace URIs of the part's elements ('' for none). */
  elements: Set<string>;
  /** Namespace URIs of its prefixed attributes (declarations and `xml:` left out). */
  attributes: Set<string>;
  /** Each element's expanded name, `{uri}local`, once. */
  names: Set<string>;
}

const XML_PART = /\.(xml|rels|vml)$/i;

/** Parses one part in namespace mode; throws naming the part on any error (unbound prefix…). */
export function parseWithNamespaces(name: string, xml: string): PartNamespaces {
  const found: PartNamespaces = { elements: new Set(), attributes: new Set(), names: new Set() };
  const parser = new SaxesParser({ xmlns: true, fileName: name });
  parser.on('opentag', (tag) => {
    found.elements.add(tag.uri);
    found.names.add(`{${tag.uri}}${tag.local}`);
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === '' || a.prefix === 'xmlns' || a.prefix === 'xml') continue;
      found.attributes.add(a.uri);
    }
  });
  try {
    parser.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).close();
  } catch (e) {
    throw new Error(`${name} is not namespace-well-formed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return found;
}

/** The XML parts new in `after` or changed from `before`, parsed (see parseWithNamespaces). */
export function checkWrittenParts(before: Uint8Array, after: Uint8Array): Map<string, PartNamespaces> {
  const diff = diffParts(before, after);
  const all = parts(after);
  const out = new Map<string, PartNamespaces>();
  for (const name of [...diff.changed, ...diff.added]) {
    if (!XML_PART.test(name)) continue;
    out.set(name, parseWithNamespaces(name, new TextDecoder().decode(all[name]!)));
  }
  return out;
}
