/**
 * The command's files (issue 9, issue 15), in-process: concurrent runs never replace each
 * other's output, --in-place stops when another program saved the file meanwhile, only regular
 * files are read and written (devices, FIFOs, sockets, folders refused; symlinks written
 * through; hard links refused), the replaced file's mode and owner are kept, temporary files
 * are named for people and cleaned up, the input size is capped, unexpected errors show no
 * paths, and a signed workbook needs --break-signature.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { PlanDocument } from '../../src/cli/document';
import { plainError } from '../../src/cli/errors';
import type { Settings } from '../../src/engine/settings';
import { MAX_INPUT_BYTES, openXlsx, readRegularFile, STALE_TEMP_MS, tempPathFor, writeFileAtomic } from '../../src/hosts/xlsx/node';
import { valuesWorkbook } from '../fixtures/xlsxBuilder';
import { readWorkbook, removeDir, run, tempDir } from './helpers';

let dir: string;
const file = (name: string) => path.join(dir, name);
const zh = { LANG: 'zh_CN.UTF-8' };
const en = { LANG: 'en_US.UTF-8' };
const isRoot = process.getuid?.() === 0;

const CUSTOMERS = valuesWorkbook([
  {
    name: '客户',
    values: [
      ['客户名称', '城市', '客户年市场销售额', '公司销售额'],
      ['西安交通大学', '西安', 600, 150],
      ['北京银行', '北京', 900, 400],
      ['成都网吧', '成都', 20, 5],
    ],
  },
]);

/** The settings a planned file carries (its settings sheet), read back through `settings --json`. */
async function settingsOf(name: string): Promise<Settings> {
  const r = await run(['settings', name, '--json'], { cwd: dir, env: zh });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Settings;
}

/** Names in the folder that look like temporary files (ours or the old pattern). */
async function temps(): Promise<string[]> {
  return (await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'));
}

/** A pid that is certainly not alive: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

beforeEach(async () => {
  dir = await tempDir('abc-files-');
  await fs.writeFile(file('plan.xlsx'), CUSTOMERS);
});
afterEach(() => removeDir(dir));

describe('a new output is created exclusively', () => {
  test('20 writes of the same new file at once: exactly one wins, the others fail "exists", nothing is replaced', async () => {
    const contents = Array.from({ length: 20 }, (_, i) => new TextEncoder().encode(`workbook ${i}`));
    const results = await Promise.allSettled(contents.map((bytes) => writeFileAtomic(file('out.xlsx'), bytes)));
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'file-exists' });
    expect(await fs.readFile(file('out.xlsx'), 'utf8')).toBe(`workbook ${won[0]}`);
    expect(await temps()).toEqual([]);
  });

  test('six plans to the same --out at once, none with --overwrite: one exit 0, five exit 1 "the output exists"', async () => {
    const targets = [1000, 2000, 3000, 4000, 5000, 6000];
    const runs = await Promise.all(targets.map((t) => run(['plan', 'plan.xlsx', '--out', 'same.xlsx', '--target', String(t)], { cwd: dir, env: zh })));
    const winners = runs.flatMap((r, i) => (r.code === 0 ? [targets[i]] : []));
    expect(winners).toHaveLength(1);
    for (const r of runs.filter((x) => x.code !== 0)) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('错误：输出文件 same.xlsx 已存在，没有覆盖它');
    }
    expect((await settingsOf('same.xlsx')).targets.companyTarget).toBe(winners[0]);
    expect(await temps()).toEqual([]);
  });
});

describe('--in-place stops when another program saved the file meanwhile', () => {
  const theirs = valuesWorkbook([{ name: '别人保存的', values: [['另一个程序刚保存的内容']] }]);

  test.each([
    ['wrote into the file', async (f: string) => fs.writeFile(f, theirs)],
    [
      'saved by rename, as Excel does',
      async (f: string) => {
        await fs.writeFile(`${f}.excel-tmp`, theirs);
        await fs.rename(`${f}.excel-tmp`, f);
      },
    ],
    [
      'same size and time restored: only the bytes differ',
      async (f: string) => {
        // touch -r copies the times to the nanosecond (utimes from JS rounds them).
        execFileSync('touch', ['-r', f, `${f}.times`]);
        const bytes = await fs.readFile(f);
        bytes[bytes.length - 30] ^= 0xff; // one byte changed, same length
        await fs.writeFile(f, bytes);
        execFileSync('touch', ['-r', `${f}.times`, f]);
        await fs.rm(`${f}.times`);
      },
    ],
  ])('%s: exit 1, their save kept, nothing written', async (_how, save) => {
    const target = file('plan.xlsx');
    let saved: Buffer | undefined;
    const r = await run(['plan', 'plan.xlsx', '--in-place'], {
      cwd: dir,
      env: zh,
      hooks: {
        beforeCommit: async () => {
          await save(target);
          saved = await fs.readFile(target);
        },
      },
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('错误：文件 plan.xlsx 在计划期间被修改了（可能是另一个程序保存了它）：没有写入任何内容，另一个程序保存的内容保留着。请先在其他程序中关闭该文件，再运行一次');
    expect(saved).toBeDefined();
    expect((await fs.readFile(target)).equals(saved!)).toBe(true);
    expect(await temps()).toEqual([]);
  });

  test('in English; and an unchanged file is updated', async () => {
    const r = await run(['plan', 'plan.xlsx', '--in-place'], { cwd: dir, env: en, hooks: { beforeCommit: () => fs.appendFile(file('plan.xlsx'), 'x') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("The file plan.xlsx changed while it was being planned (another program saved it): nothing was written, and the other program's save is kept. Close the file in that program, then run again");
    await fs.writeFile(file('plan.xlsx'), CUSTOMERS);
    const ok = await run(['plan', 'plan.xlsx', '--in-place'], { cwd: dir, env: en });
    expect(ok.code).toBe(0);
    expect((await (await readWorkbook(file('plan.xlsx'))).listSheets()).map((s) => s.name)).toContain('ABC 设置');
  });
});

describe('only regular files are written; links', () => {
  test('--out /dev/null --overwrite is refused and /dev/null stays a device', async () => {
    const r = await run(['plan', 'plan.xlsx', '--out', '/dev/null', '--overwrite'], { cwd: dir, env: zh });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('错误：/dev/null 是设备文件，不是普通文件：ABC Planner 只写入普通文件，不会替换设备、管道、套接字或文件夹。没有写入任何文件；请用 --out 给出一个 .xlsx 文件名');
    expect((await fs.stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  test('a FIFO, a socket and a folder as --out are refused with what they are', async () => {
    execFileSync('mkfifo', [file('pipe.xlsx')]);
    const fifo = await run(['plan', 'plan.xlsx', '--out', 'pipe.xlsx', '--overwrite', '--lang', 'en'], { cwd: dir });
    expect([fifo.code, fifo.stderr.trim()]).toEqual([
      1,
      'Error: pipe.xlsx is a named pipe (FIFO), not a regular file: ABC Planner writes regular files only and never replaces a device, pipe, socket or folder. Nothing was written; give an .xlsx file name with --out',
    ]);
    expect((await fs.lstat(file('pipe.xlsx'))).isFIFO()).toBe(true);
    await fs.mkdir(file('folder.xlsx'));
    const folder = await run(['plan', 'plan.xlsx', '--out', 'folder.xlsx'], { cwd: dir, env: zh });
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('folder.xlsx 是文件夹，不是普通文件');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(file('sock.xlsx'), resolve));
    try {
      const sock = await run(['plan', 'plan.xlsx', '--out', 'sock.xlsx', '--overwrite'], { cwd: dir, env: zh });
      expect(sock.code).toBe(1);
      expect(sock.stderr).toContain('sock.xlsx 是套接字，不是普通文件');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await temps()).toEqual([]);
  });

  test('--in-place on a symlink updates the file it points to; the link stays a link', async () => {
    await fs.mkdir(file('real'));
    await fs.rename(file('plan.xlsx'), file('real/plan.xlsx'));
    await fs.symlink('real/plan.xlsx', file('link.xlsx'));
    const r = await run(['plan', 'link.xlsx', '--in-place'], { cwd: dir, env: zh });
    expect(r.code).toBe(0);
    expect((await fs.lstat(file('link.xlsx'))).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(file('link.xlsx'))).toBe('real/plan.xlsx');
    expect((await (await readWorkbook(file('real/plan.xlsx'))).listSheets()).map((s) => s.name)).toContain('ABC 设置');
    expect((await fs.readdir(file('real'))).sort()).toEqual(['plan.xlsx']);
  });

  test('--out through a symlink with --overwrite writes the file it points to; without --overwrite it exists', async () => {
    await fs.writeFile(file('target.xlsx'), 'old');
    await fs.symlink('target.xlsx', file('out-link.xlsx'));
    const kept = await run(['plan', 'plan.xlsx', '--out', 'out-link.xlsx'], { cwd: dir, env: zh });
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain('输出文件 out-link.xlsx 已存在');
    const r = await run(['plan', 'plan.xlsx', '--out', 'out-link.xlsx', '--overwrite'], { cwd: dir, env: zh });
    expect(r.code).toBe(0);
    expect((await fs.lstat(file('out-link.xlsx'))).isSymbolicLink()).toBe(true);
    expect((await (await readWorkbook(file('target.xlsx'))).listSheets()).map((s) => s.name)).toContain('ABC 设置');
    await fs.symlink('nowhere.xlsx', file('dangling.xlsx'));
    const d = await run(['plan', 'plan.xlsx', '--out', 'dangling.xlsx', '--overwrite'], { cwd: dir, env: zh });
    expect([d.code, d.stderr.trim()]).toEqual([1, '错误：dangling.xlsx 是指向 nowhere.xlsx 的链接，但那个文件不存在：没有写入任何文件。请用 --out 给出实际的文件名']);
    await expect(fs.access(file('nowhere.xlsx'))).rejects.toThrow();
  });

  test('a hard-linked file is not replaced: both names keep the same, unchanged content', async () => {
    await fs.link(file('plan.xlsx'), file('other-name.xlsx'));
    const r = await run(['plan', 'plan.xlsx', '--in-place'], { cwd: dir, env: zh });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('plan.xlsx 还有其他文件名指向同一份内容（硬链接，共 2 个名字）');
    expect(r.stderr).toContain('请用 --out 写到一个新文件');
    const a = await fs.stat(file('plan.xlsx'));
    const b = await fs.stat(file('other-name.xlsx'));
    expect([a.ino === b.ino, a.nlink]).toEqual([true, 2]);
    expect((await fs.readFile(file('plan.xlsx'))).equals(Buffer.from(CUSTOMERS))).toBe(true);
    await fs.writeFile(file('x.xlsx'), 'other');
    await fs.link(file('x.xlsx'), file('y.xlsx'));
    const o = await run(['plan', 'plan.xlsx', '--out', 'x.xlsx', '--overwrite', '--lang', 'en'], { cwd: dir });
    expect(o.code).toBe(1);
    expect(o.stderr).toContain('x.xlsx has other names for the same content (hard links, 2 names in all)');
    expect(await fs.readFile(file('y.xlsx'), 'utf8')).toBe('other');
  });
});

describe('the replaced file keeps its mode and owner', () => {
  test('--in-place on a 0600 file stays 0600 (and, as root, keeps another user as owner)', async () => {
    await fs.chmod(file('plan.xlsx'), 0o600);
    if (isRoot) await fs.chown(file('plan.xlsx'), 65534, 65534);
    const r = await run(['plan', 'plan.xlsx', '--in-place'], { cwd: dir, env: zh });
    expect(r.code).toBe(0);
    const st = await fs.stat(file('plan.xlsx'));
    expect(st.mode & 0o777).toBe(0o600);
    if (isRoot) expect([st.uid, st.gid]).toEqual([65534, 65534]);
    else console.log('not root: the owner part of this test needs root (chown to another user)');
    expect(r.stderr).not.toContain('无法保留');
  });

  test('--overwrite keeps the mode of the file it replaces; the temporary file, named for people, has it before the rename', async () => {
    await fs.writeFile(file('out.xlsx'), 'old');
    await fs.chmod(file('out.xlsx'), 0o640);
    let tempMode = -1;
    let tempNames: string[] = [];
    const r = await run(['plan', 'plan.xlsx', '--out', 'out.xlsx', '--overwrite'], {
      cwd: dir,
      env: zh,
      hooks: {
        beforeCommit: async () => {
          tempNames = await temps();
          tempMode = (await fs.stat(file(tempNames[0]))).mode & 0o777;
        },
      },
    });
    expect(r.code).toBe(0);
    expect((await fs.stat(file('out.xlsx'))).mode & 0o777).toBe(0o640);
    // Named so a person sees what it is, beside the output.
    expect(tempNames).toHaveLength(1);
    expect(tempNames[0]).toMatch(new RegExp(`^\\.~abc-planner-out\\.xlsx\\.[0-9a-f]{4}\\.${process.pid}\\.[0-9a-f]{6}\\.tmp$`));
    expect(tempMode).toBe(0o640);
    expect(await temps()).toEqual([]);
  });
});

describe('temporary files of interrupted runs', () => {
  test('ours of a dead process or old are removed on the next run; live ones and other programs’ files are kept', async () => {
    const dead = deadPid();
    const ours = (pid: number) => path.basename(tempPathFor(file('plan-planned.xlsx'))).replace(`.${process.pid}.`, `.${pid}.`);
    const hostTag = /\.([0-9a-f]{4})\.\d+\.[0-9a-f]{6}\.tmp$/.exec(ours(1))![1];
    const otherHost = ours(dead).replace(`.${hostTag}.`, `.${hostTag === 'ffff' ? '0000' : 'ffff'}.`);
    const names = {
      deadOurs: ours(dead),
      liveOurs: ours(process.ppid),
      oldLive: ours(process.ppid).replace(/\.[0-9a-f]{6}\.tmp$/, '.abcdef.tmp'),
      otherHostFresh: otherHost,
      legacyOld: `.plan-planned.xlsx.${dead}.0123abcd.tmp`,
      legacyFresh: `.plan-planned.xlsx.${dead}.89abcdef.tmp`,
      libreOfficeLock: '.~lock.plan.xlsx#',
      excelOwner: '~$plan.xlsx',
    };
    for (const n of Object.values(names)) await fs.writeFile(file(n), 'PK partial');
    const old = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    await fs.utimes(file(names.oldLive), old, old);
    await fs.utimes(file(names.legacyOld), old, old);
    await fs.symlink('plan.xlsx', file(ours(dead).replace(/\.[0-9a-f]{6}\.tmp$/, '.fedcba.tmp')));
    const before = new Set(await fs.readdir(dir));

    const r = await run(['plan', 'plan.xlsx'], { cwd: dir, env: zh });
    expect(r.code).toBe(0);
    const after = new Set(await fs.readdir(dir));
    const removed = [...before].filter((n) => !after.has(n)).sort();
    expect(removed).toEqual([names.deadOurs, names.oldLive, names.legacyOld].sort());
    expect(r.stderr).toContain('已删除以前中断的运行留下的 3 个临时文件');
    expect(after.has('plan-planned.xlsx')).toBe(true);
  });
});

describe('only regular files are read, up to a cap', () => {
  test('/dev/zero, a FIFO, a folder as input: refused at once with what they are', async () => {
    const zero = await run(['plan', '/dev/zero'], { cwd: dir, env: zh });
    expect([zero.code, zero.stderr.trim()]).toEqual([1, '错误：/dev/zero 是设备文件，不是普通文件：ABC Planner 只读取普通文件。请给出 .xlsx 或 .xlsm 工作簿文件的路径']);
    execFileSync('mkfifo', [file('pipe.xlsx')]);
    const fifo = await run(['plan', 'pipe.xlsx', '--lang', 'en'], { cwd: dir });
    expect([fifo.code, fifo.stderr.trim()]).toEqual([1, 'Error: pipe.xlsx is a named pipe (FIFO), not a regular file: ABC Planner reads regular files only. Give the path of an .xlsx or .xlsm workbook']);
    await expect(readRegularFile('/dev/zero')).rejects.toMatchObject({ code: 'not-a-file', params: { kind: 'character-device' } });
  });

  test('a workbook past the cap is refused before it is read, with the cap in the message', async () => {
    const size = (await fs.stat(file('plan.xlsx'))).size;
    const r = await run(['plan', 'plan.xlsx'], { cwd: dir, env: zh, maxInputBytes: size - 1 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`文件 plan.xlsx 有 ${(size / 1048576).toFixed(1).replace(/\.0$/, '')} MB，超过了 ABC Planner 能读取的上限`);
    expect(MAX_INPUT_BYTES).toBe(512 * 1024 * 1024);
    const at = await run(['plan', 'plan.xlsx'], { cwd: dir, env: zh, maxInputBytes: size });
    expect(at.code).toBe(0);
    await expect(readRegularFile(file('plan.xlsx'), { maxBytes: size - 1 })).rejects.toMatchObject({ code: 'too-large', params: { limit: size - 1 } });
  });

  test('a folder given to --settings: said to be a folder, a JSON settings file expected', async () => {
    await fs.mkdir(file('settings'));
    const r = await run(['plan', 'plan.xlsx', '--settings', 'settings'], { cwd: dir, env: zh });
    expect([r.code, r.stderr.trim()]).toEqual([
      1,
      '错误：settings 是文件夹：--settings 需要一个 JSON 设置文件，而不是文件夹或工作簿（可用 “abc-planner settings <工作簿.xlsx> --json > 设置.json” 生成）',
    ]);
    const e = await run(['plan', 'plan.xlsx', '--settings', '/dev/zero', '--lang', 'en'], { cwd: dir });
    expect(e.stderr).toContain('/dev/zero is a device, not a regular file: --settings takes a JSON settings file');
    const w = await run(['plan', 'plan.xlsx', '--settings', 'plan.xlsx', '--lang', 'en'], { cwd: dir });
    expect([w.code, w.stderr.trim()]).toEqual([
      1,
      'Error: plan.xlsx is a workbook, not a JSON settings file: --settings takes the JSON that "abc-planner settings <workbook.xlsx> --json > settings.json" writes (a workbook\'s own settings sheet is used without --settings)',
    ]);
  });
});

describe('the extension matches the content', () => {
  test('an .xlsx workbook is not written under an .xlsm name; its default output is .xlsx even when named .xlsm', async () => {
    const r = await run(['plan', 'plan.xlsx', '--out', 'plan.xlsm'], { cwd: dir, env: zh });
    expect([r.code, r.stderr.trim()]).toEqual([
      1,
      '错误：这个工作簿不含宏（.xlsx）：输出文件 plan.xlsm 必须以 .xlsx 结尾，否则 Excel 会因扩展名与文件格式不符而拒绝打开它。没有写入任何文件；请改用 --out plan.xlsx',
    ]);
    await expect(fs.access(file('plan.xlsm'))).rejects.toThrow();
    await fs.copyFile(file('plan.xlsx'), file('misnamed.xlsm'));
    const d = await run(['plan', 'misnamed.xlsm', '--json'], { cwd: dir, env: zh });
    expect(d.code).toBe(0);
    expect(d.json<PlanDocument>().output).toBe(file('misnamed-planned.xlsx'));
  });

  test('a workbook with macros is not written under an .xlsx name', async () => {
    const parts = unzipSync(CUSTOMERS);
    const ct = new TextDecoder().decode(parts['[Content_Types].xml']);
    parts['[Content_Types].xml'] = new TextEncoder().encode(
      ct.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'),
    );
    await fs.writeFile(file('macro.xlsm'), zipSync(parts));
    const r = await run(['plan', 'macro.xlsm', '--out', 'macro-plan.xlsx', '--lang', 'en'], { cwd: dir });
    expect([r.code, r.stderr.trim()]).toEqual([
      1,
      'Error: This workbook holds macros (.xlsm): the output macro-plan.xlsx must end in .xlsm too, as Excel refuses to open a file whose extension does not match its format. Nothing was written; use --out macro-plan.xlsm',
    ]);
  });
});

describe('an unexpected error', () => {
  const boom = () => {
    throw new TypeError(`Cannot read properties of undefined (reading 'rows') in ${path.join(dir, 'deep', 'secret', 'module.ts')}:12:5`);
  };

  test('plain words, what to do and whom to tell; no path of this machine, no stack; the file unchanged', async () => {
    const r = await run(['plan', 'plan.xlsx', '--in-place'], { cwd: dir, env: zh, hooks: { beforeCommit: boom } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('错误：ABC Planner 内部出错（TypeError: Cannot read properties of undefined');
    expect(r.stderr).toContain('这不是你的文件的问题，没有写入或修改任何文件。请加上 --debug 再运行一次');
    expect(r.stderr).toContain('发给你的 ABC Planner 联系人');
    expect(r.stderr).not.toMatch(/(^|[\s'"(（])\/[^\s/]+\//);
    expect(r.stderr).not.toContain(dir);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await fs.readFile(file('plan.xlsx'))).equals(Buffer.from(CUSTOMERS))).toBe(true);
    expect(await temps()).toEqual([]);
    const e = await run(['plan', 'plan.xlsx', '--in-place', '--lang', 'en'], { cwd: dir, hooks: { beforeCommit: boom } });
    expect(e.stderr).toContain('Error: ABC Planner hit an internal error (TypeError: ');
    expect(e.stderr).toContain('send the command, all of its output and, if you may share it, the workbook to your ABC Planner contact');
  });

  test('paths in its text are cut to their last name: POSIX, Windows, file URLs', () => {
    expect(plainError(new Error("ENOENT: no such file or directory, open '/home/li/计划/客户.xlsx'"))).toBe("Error: ENOENT: no such file or directory, open '客户.xlsx'");
    expect(plainError(new Error('at C:\\Users\\li\\abc\\main.ts:3 and file:///opt/abc/src/x.ts'))).toBe('Error: at main.ts:3 and x.ts');
  });

  test('--debug adds the details (the stack)', async () => {
    const r = await run(['plan', 'plan.xlsx', '--debug'], { cwd: dir, env: zh, hooks: { beforeCommit: boom } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('详细信息（--debug）：');
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('a digitally signed workbook (issue 15)', () => {
  /** CUSTOMERS with an XML signature: origin part, one signature, the package relationship. */
  function signed(): Uint8Array {
    const parts = unzipSync(CUSTOMERS);
    const dec = (n: string) => new TextDecoder().decode(parts[n]);
    const enc = (s: string) => new TextEncoder().encode(s);
    parts['_rels/.rels'] = enc(
      dec('_rels/.rels').replace(
        '</Relationships>',
        '<Relationship Id="rIdSig" Type="http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin" Target="_xmlsignatures/origin.sigs"/></Relationships>',
      ),
    );
    parts['[Content_Types].xml'] = enc(
      dec('[Content_Types].xml').replace(
        '<Override ',
        '<Default Extension="sigs" ContentType="application/vnd.openxmlformats-package.digital-signature-origin"/><Override PartName="/_xmlsignatures/sig1.xml" ContentType="application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml"/><Override ',
      ),
    );
    parts['_xmlsignatures/origin.sigs'] = new Uint8Array(0);
    parts['_xmlsignatures/_rels/origin.sigs.rels'] = enc(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature" Target="sig1.xml"/></Relationships>',
    );
    parts['_xmlsignatures/sig1.xml'] = enc('<?xml version="1.0" encoding="UTF-8"?><Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="idPackageSignature"><SignedInfo/></Signature>');
    return zipSync(parts);
  }

  test('the host tells: signed and which parts; an unsigned workbook is not', () => {
    expect(openXlsx(CUSTOMERS).signed).toBe(false);
    const wb = openXlsx(signed());
    expect(wb.signed).toBe(true);
    expect(wb.signatureParts).toEqual(expect.arrayContaining(['_xmlsignatures/origin.sigs', '_xmlsignatures/sig1.xml']));
  });

  test('without --break-signature: exit 1, the planner told the signature would break, nothing written', async () => {
    await fs.writeFile(file('signed.xlsx'), signed());
    const r = await run(['plan', 'signed.xlsx'], { cwd: dir, env: zh });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('错误：工作簿 signed.xlsx 有数字签名（');
    expect(r.stderr).toContain('_xmlsignatures/sig1.xml');
    expect(r.stderr).toContain('签名将不再有效（Excel 会显示签名无效）。没有写入任何文件。如确定要继续，请加上 --break-signature');
    await expect(fs.access(file('signed-planned.xlsx'))).rejects.toThrow();
    const inPlace = await run(['plan', 'signed.xlsx', '--in-place', '--lang', 'en'], { cwd: dir });
    expect(inPlace.code).toBe(1);
    expect(inPlace.stderr).toContain('The workbook signed.xlsx is digitally signed (');
    expect(inPlace.stderr).toContain('To go on, add --break-signature');
    expect((await fs.readFile(file('signed.xlsx'))).equals(Buffer.from(signed()))).toBe(true);
  });

  test('with --break-signature: planned, with a note that the signature is no longer valid', async () => {
    await fs.writeFile(file('signed.xlsx'), signed());
    const r = await run(['plan', 'signed.xlsx', '--break-signature'], { cwd: dir, env: zh });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('注意：signed-planned.xlsx 原有的数字签名已不再有效');
    const out = await readWorkbook(file('signed-planned.xlsx'));
    expect((await out.listSheets()).map((s) => s.name)).toContain('ABC 设置');
  });

  test('--help names --break-signature and --debug in both languages', async () => {
    for (const env of [zh, en]) {
      const h = await run(['plan', '--help'], { cwd: dir, env });
      expect(h.stdout).toContain('--break-signature');
      expect(h.stdout).toContain('--debug');
    }
  });
});

test('readRegularFile opens a FIFO without waiting for a writer', async () => {
  execFileSync('mkfifo', [file('p')]);
  // O_NONBLOCK: a blocking open would never return here, as no one writes to the pipe.
  await expect(readRegularFile(file('p'))).rejects.toMatchObject({ code: 'not-a-file', params: { kind: 'fifo' } });
});
