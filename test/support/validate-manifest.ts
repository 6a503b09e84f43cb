/**
 * Validates the add-in manifest offline against ../shared/office-manifest-xsd.
 *
 *   npx tsx test/support/validate-manifest.ts [--json] [--schemas DIR] [manifest.xml | -]
 *
 * Prints "OK ..." or one "file:line: message" per error. Exit codes: 0 valid, 1 invalid,
 * 2 could not validate (schemas missing, bad arguments).
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatIssues, validateManifest } from './manifest-validator';
import { MANIFEST_ENTRY_SCHEMA, REPO_ROOT, SHARED_XSD_DIR, sharedXsdDir } from './requirements';

const USAGE = 'usage: validate-manifest.ts [--json] [--schemas DIR] [manifest.xml | -]';

async function main(argv: string[]): Promise<number> {
  let json = false;
  let schemas: string | undefined;
  let target: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--schemas') schemas = argv[++i];
    else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith('--') || target !== undefined) {
      console.error(USAGE);
      return 2;
    } else target = arg;
  }

  const xsdDir = schemas ?? sharedXsdDir();
  if (!xsdDir || !fs.existsSync(path.join(xsdDir, MANIFEST_ENTRY_SCHEMA))) {
    console.error(
      `cannot validate: ${MANIFEST_ENTRY_SCHEMA} not found in ${xsdDir ?? SHARED_XSD_DIR} ` +
        '(the shared schemas must sit beside the repository as ../shared/office-manifest-xsd)',
    );
    return 2;
  }

  const file = target ?? path.join(REPO_ROOT, 'manifest.xml');
  const label = file === '-' ? '<stdin>' : path.relative(process.cwd(), file) || file;
  let xml: Buffer;
  try {
    xml = fs.readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    console.error(`cannot read ${label}: ${(error as Error).message}`);
    return 2;
  }

  const result = await validateManifest(xml, xsdDir);
  if (json) {
    console.log(JSON.stringify(result));
  } else if (result.ok) {
    console.log(`OK ${label} is valid against ${MANIFEST_ENTRY_SCHEMA}`);
  } else {
    console.error(`${label} is not valid (${result.kind === 'parse' ? 'not well-formed XML' : 'schema'}):`);
    console.error(formatIssues(label, result));
  }
  return result.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
