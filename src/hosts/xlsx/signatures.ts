/**
 * Digital signatures of a package (OPC, ECMA-376 Part 2 §13): the package relationship of type
 * `…/package/2006/relationships/digital-signature/origin` points at the origin part, whose
 * relationships point at one signature part each (`_xmlsignatures/sig1.xml`…). A plan changes
 * parts the signatures cover while they are kept byte for byte, so they stop being valid.
 */
import { loadRels } from './package';
import type { ZipArchive } from './zip';

const ORIGIN = '/digital-signature/origin';
const SIGNATURE = '/digital-signature/signature';

/** The signature parts (origin and signatures) a package holds, in package order; [] if unsigned. */
export function signatureParts(archive: ZipArchive): string[] {
  const found = new Set<string>();
  for (const rel of loadRels(archive, '').list()) {
    if (rel.external || !rel.type.endsWith(ORIGIN) || !rel.partName) continue;
    const origin = archive.get(rel.partName);
    if (!origin) continue;
    found.add(origin.name);
    let sigs;
    try {
      sigs = loadRels(archive, origin.name).list();
    } catch {
      continue; // unreadable: the _xmlsignatures/ scan below still finds the parts
    }
    for (const sig of sigs) {
      const part = !sig.external && sig.type.endsWith(SIGNATURE) && sig.partName ? archive.get(sig.partName) : undefined;
      if (part) found.add(part.name);
    }
  }
  // Signature parts without a (readable) origin relationship still mean the file was signed.
  for (const e of archive.entries) if (e.name.toLowerCase().startsWith('_xmlsignatures/') && !e.name.endsWith('/')) found.add(e.name);
  return archive.entries.map((e) => e.name).filter((n) => found.has(n));
}
