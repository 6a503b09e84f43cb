/**
 * Test suites that need something outside the project (the shared manifest schemas, LibreOffice,
 * Chromium) say so through this one helper. Locally a missing requirement skips the suite with a
 * plain message; in CI (CI=true) it is a failure, so that a broken CI image cannot pass quietly.
 */
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Where the shared Office manifest schemas are expected: ../shared/office-manifest-xsd beside the repo. */
export const SHARED_XSD_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'office-manifest-xsd');

/** The entry schema of the Office add-in manifest (OfficeApp 1.1). */
export const MANIFEST_ENTRY_SCHEMA = 'OfficeAppManifestV1_1.xsd';

export function isCI(): boolean {
  return process.env.CI === 'true';
}

/** The shared schema folder when it holds the entry schema, else undefined. */
export function sharedXsdDir(): string | undefined {
  return fs.existsSync(path.join(SHARED_XSD_DIR, MANIFEST_ENTRY_SCHEMA)) ? SHARED_XSD_DIR : undefined;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/** Full path of an executable found on PATH, else undefined. */
export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function hasLibreOffice(): boolean {
  return findOnPath('soffice') !== undefined;
}

function missingMessage(what: string, hint: string): string {
  return `${what} not found (${hint})`;
}

/**
 * True when the requirement is met. Otherwise: in CI throws; locally logs
 * "skipped: <what> not found (<hint>)" and returns false.
 */
export function requireOrSkip(what: string, available: boolean, hint: string): boolean {
  if (available) return true;
  if (isCI()) throw new Error(`required in CI: ${missingMessage(what, hint)}`);
  console.warn(`skipped: ${missingMessage(what, hint)}`);
  return false;
}

/**
 * `describe` when the requirement is met. Otherwise locally `describe.skip` (with the message
 * above), and in CI a suite holding one failing test that names what is missing, so that jest
 * counts it as a failed test rather than a suite that could not load.
 */
export function describeWhen(what: string, available: boolean, hint: string, fn: () => void): void {
  if (available) {
    describe(what, fn);
  } else if (isCI()) {
    describe(what, () => {
      test(`${what} is available`, () => {
        throw new Error(`required in CI: ${missingMessage(what, hint)}`);
      });
    });
  } else {
    console.warn(`skipped: ${missingMessage(what, hint)}`);
    describe.skip(what, fn);
  }
}
