/**
 * Namespace lookups on the small-part tree (xml.ts keeps names as written, prefixes and
 * `xmlns` attributes included). A scope is the chain of elements from the root down to the one
 * asked about: a declaration on an inner element shadows the same prefix further out.
 */
import { attr, type XmlElement } from './xml';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The prefix of a qualified name without its colon (`x:sheet` → `x`, `sheet` → ``). */
export function barePrefix(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i);
}

/** The namespace a prefix ('' for the default namespace) is bound to in this scope, or undefined. */
export function namespaceOfPrefix(prefix: string, scope: readonly XmlElement[]): string | undefined {
  if (prefix === 'xml') return XML_NS;
  const decl = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let i = scope.length - 1; i >= 0; i--) {
    const v = attr(scope[i]!, decl);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** A prefix bound to `uri` in this scope (and not shadowed further in), or undefined. */
export function prefixBoundTo(uri: string, scope: readonly XmlElement[]): string | undefined {
  for (let i = scope.length - 1; i >= 0; i--) {
    for (const [k, v] of scope[i]!.attrs) {
      if (v !== uri || !k.startsWith('xmlns:')) continue;
      const prefix = k.slice(6);
      if (namespaceOfPrefix(prefix, scope) === uri) return prefix;
    }
  }
  return undefined;
}
