/**
 * Offline validation of manifest.xml against the Office add-in XSDs in ../shared/office-manifest-xsd,
 * with libxml2 compiled to WebAssembly (the npm package libxml2-wasm).
 *
 * libxml2-wasm is an ES module with top-level await, which jest (CommonJS here, no
 * --experimental-vm-modules) cannot load. So:
 * - `validateManifest` runs the validator in this process; use it from Node/tsx (the
 *   validate-manifest.ts command does).
 * - `validateManifestInSubprocess` runs that command in a child process and reads its JSON
 *   report; jest tests use this one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MANIFEST_ENTRY_SCHEMA } from './requirements';

export interface ManifestIssue {
  /** 1-based line in the manifest; 0 when libxml2 gives none. */
  line: number;
  column: number;
  message: string;
}

export interface ManifestValidation {
  ok: boolean;
  /** Well-formedness errors (kind 'parse') or schema violations (kind 'schema'). */
  kind?: 'parse' | 'schema';
  issues: ManifestIssue[];
}

type Libxml2 = typeof import('libxml2-wasm');
type Libxml2Node = typeof import('libxml2-wasm/lib/nodejs.mjs');

// A real dynamic import that TypeScript's CommonJS output does not turn into require().
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

interface ErrorWithDetails {
  message: string;
  details?: Array<{ message: string; line: number; col: number }>;
}

function toIssues(error: unknown): ManifestIssue[] {
  const e = error as ErrorWithDetails;
  if (Array.isArray(e?.details) && e.details.length > 0) {
    return e.details.map((d) => ({ line: d.line, column: d.col, message: d.message.trim() }));
  }
  return [{ line: 0, column: 0, message: String(e?.message ?? error).trim() }];
}

/**
 * Validates manifest text against the entry schema in `xsdDir`. Must run where native ES modules
 * load (node, tsx), not inside jest.
 */
export async function validateManifest(xml: string | Uint8Array, xsdDir: string): Promise<ManifestValidation> {
  const lib = await importEsm<Libxml2>('libxml2-wasm');
  const { xmlRegisterFsInputProviders } = await importEsm<Libxml2Node>('libxml2-wasm/lib/nodejs.mjs');
  xmlRegisterFsInputProviders();

  const schemaPath = path.join(xsdDir, MANIFEST_ENTRY_SCHEMA);
  // Loading the schema with its file URL lets its xs:import of the sibling schemas resolve.
  const schemaDoc = lib.XmlDocument.fromBuffer(fs.readFileSync(schemaPath), { url: pathToFileURL(schemaPath).href });
  try {
    const validator = lib.XsdValidator.fromDoc(schemaDoc);
    try {
      let doc;
      try {
        doc = typeof xml === 'string' ? lib.XmlDocument.fromString(xml) : lib.XmlDocument.fromBuffer(xml);
      } catch (error) {
        return { ok: false, kind: 'parse', issues: toIssues(error) };
      }
      try {
        validator.validate(doc);
        return { ok: true, issues: [] };
      } catch (error) {
        if (error instanceof lib.XmlValidateError) return { ok: false, kind: 'schema', issues: toIssues(error) };
        throw error;
      } finally {
        doc.dispose();
      }
    } finally {
      validator.dispose();
    }
  } finally {
    schemaDoc.dispose();
  }
}

/** "manifest.xml:41: message" lines, one per issue. */
export function formatIssues(fileLabel: string, result: ManifestValidation): string {
  return result.issues
    .map((i) => `${fileLabel}:${i.line}${i.column > 0 ? `:${i.column}` : ''}: ${i.message}`)
    .join('\n');
}

export const VALIDATE_SCRIPT = path.join(__dirname, 'validate-manifest.ts');

/**
 * Validates in a child process (node + tsx running validate-manifest.ts --json). `manifest` is a
 * file path, or `{ xml }` to pass text on stdin.
 */
export function validateManifestInSubprocess(manifest: string | { xml: string }, xsdDir: string): ManifestValidation {
  const tsxCli = require.resolve('tsx/cli');
  const target = typeof manifest === 'string' ? manifest : '-';
  const run = spawnSync(process.execPath, [tsxCli, VALIDATE_SCRIPT, '--json', '--schemas', xsdDir, target], {
    input: typeof manifest === 'string' ? undefined : manifest.xml,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.error) throw run.error;
  try {
    return JSON.parse(run.stdout) as ManifestValidation;
  } catch {
    throw new Error(
      `validate-manifest.ts gave no JSON report (exit ${run.status}).\nstdout: ${run.stdout}\nstderr: ${run.stderr}`,
    );
  }
}
