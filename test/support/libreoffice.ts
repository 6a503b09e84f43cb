/**
 * Opens a workbook in LibreOffice headless, recalculates every formula on load and saves it
 * as .xlsx, so tests can read the results of formulas we wrote (exceljs cannot calculate).
 * Each call uses a fresh profile whose registrymodifications.xcu sets OOXMLRecalcMode and
 * ODFRecalcMode to 0 ("always recalculate"); without it LibreOffice trusts cached values.
 * Check availability with hasLibreOffice() / describeWhen from ./requirements.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findOnPath } from './requirements';

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Converts `inputPath` to .xlsx in `outDir` with a full recalculation; returns the output path. */
export async function recalcWithLibreOffice(inputPath: string, outDir: string, timeoutMs = 120_000): Promise<string> {
  return (await recalcManyWithLibreOffice([inputPath], outDir, timeoutMs))[0]!;
}

/** The same for several files in one start of LibreOffice (it takes seconds to start); outputs in input order. */
export async function recalcManyWithLibreOffice(inputPaths: readonly string[], outDir: string, timeoutMs = 120_000): Promise<string[]> {
  const soffice = findOnPath('soffice');
  if (!soffice) throw new Error('soffice not found on PATH (install libreoffice-calc-nogui)');
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    await fs.mkdir(path.join(profile, 'user'), { recursive: true });
    await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), XCU);
    await fs.mkdir(outDir, { recursive: true });
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      ...inputPaths,
    ];
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(soffice, args, { timeout: timeoutMs }, (error, out, err) => {
        if (error) reject(new Error(`soffice failed: ${error.message}\n${err}`));
        else resolve({ stdout: out, stderr: err });
      });
    });
    const outputs: string[] = [];
    for (const inputPath of inputPaths) {
      const output = path.join(outDir, path.basename(inputPath).replace(/\.[^.]+$/, '') + '.xlsx');
      try {
        await fs.access(output);
      } catch {
        throw new Error(`soffice wrote no ${output}\nstdout: ${stdout}\nstderr: ${stderr}`);
      }
      outputs.push(output);
    }
    return outputs;
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
}
