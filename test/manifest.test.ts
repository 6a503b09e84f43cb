/**
 * manifest.xml: valid against the Office add-in schemas (offline, ../shared/office-manifest-xsd),
 * and it says what users rely on: icons that exist at the sizes Office asks for, Chinese names,
 * the task pane page, a Home-tab button that opens it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { validateManifestInSubprocess } from './support/manifest-validator';
import { describeWhen, REPO_ROOT, SHARED_XSD_DIR, sharedXsdDir } from './support/requirements';

const MANIFEST_PATH = path.join(REPO_ROOT, 'manifest.xml');
const MANIFEST = fs.readFileSync(MANIFEST_PATH, 'utf8');
const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

interface El {
  uri: string;
  local: string;
  attrs: Map<string, string>; // "{uri}local" or "local" for attributes without a namespace
  children: El[];
  text: string;
}

function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const stack: El[] = [];
  let root: El | undefined;
  parser.on('opentag', (tag) => {
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) attrs.set(a.uri ? `{${a.uri}}${a.local}` : a.local, a.value);
    const el: El = { uri: tag.uri, local: tag.local, attrs, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    if (stack.length > 0) stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('empty document');
  return root;
}

const is = (uri: string, local: string) => (e: El) => e.uri === uri && e.local === local;
function child(el: El, uri: string, local: string): El {
  const found = el.children.find(is(uri, local));
  if (!found) throw new Error(`<${el.local}> has no <${local}>`);
  return found;
}
function all(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  for (const c of el.children) {
    if (pred(c)) out.push(c);
    all(c, pred, out);
  }
  return out;
}
const xsiType = (el: El) => el.attrs.get(`{${NS.xsi}}type`);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature) || buf.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The assets/ file behind an icon URL (https://localhost:3000/assets/icon-32.png). */
function assetFor(url: string): string {
  const { pathname } = new URL(url);
  expect(pathname).toMatch(/^\/assets\/[\w-]+\.png$/);
  return path.join(REPO_ROOT, pathname);
}

const root = parse(MANIFEST);
const overrides = root.children.find(is(NS.ov, 'VersionOverrides'))!;
const resources = child(overrides, NS.ov, 'Resources');
const resourceById = new Map(
  all(resources, (e) => e.uri === NS.bt && e.attrs.has('id')).map((e) => [e.attrs.get('id')!, e]),
);

describe('manifest.xml content', () => {
  test('is an Excel task-pane add-in that needs ExcelApi 1.7 and may write the workbook', () => {
    expect(root.local).toBe('OfficeApp');
    expect(xsiType(root)).toBe('TaskPaneApp');
    expect(child(root, NS.app, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(all(child(root, NS.app, 'Hosts'), is(NS.app, 'Host')).map((h) => h.attrs.get('Name'))).toEqual(['Workbook']);
    const sets = child(child(root, NS.app, 'Requirements'), NS.app, 'Sets');
    expect(sets.attrs.get('DefaultMinVersion')).toBe('1.1');
    const excelApi = sets.children.find((s) => s.attrs.get('Name') === 'ExcelApi');
    expect(excelApi?.attrs.get('MinVersion')).toBe('1.7');
    expect(child(root, NS.app, 'Permissions').text).toBe('ReadWriteDocument');
  });

  test('the task pane page is taskpane.html, also for the ribbon button', () => {
    const source = child(child(root, NS.app, 'DefaultSettings'), NS.app, 'SourceLocation').attrs.get('DefaultValue')!;
    expect(new URL(source).pathname).toBe('/taskpane.html');
    const action = all(overrides, (e) => e.local === 'Action')[0];
    expect(xsiType(action)).toBe('ShowTaskpane');
    const resid = child(action, NS.ov, 'SourceLocation').attrs.get('resid')!;
    expect(resourceById.get(resid)?.attrs.get('DefaultValue')).toBe(source);
  });

  test('a button in a custom group on the Home tab shows the task pane', () => {
    const tab = all(overrides, is(NS.ov, 'OfficeTab'));
    expect(tab.map((t) => t.attrs.get('id'))).toEqual(['TabHome']);
    const group = child(tab[0], NS.ov, 'Group');
    const button = child(group, NS.ov, 'Control');
    expect(xsiType(button)).toBe('Button');
    expect(xsiType(child(button, NS.ov, 'Action'))).toBe('ShowTaskpane');
  });

  test('every resid refers to a resource', () => {
    const refs = all(overrides, (e) => e.attrs.has('resid')).map((e) => e.attrs.get('resid')!);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !resourceById.has(r))).toEqual([]);
  });

  test('icons exist in assets/ with the pixel sizes the manifest promises', () => {
    expect(pngSize(assetFor(child(root, NS.app, 'IconUrl').attrs.get('DefaultValue')!))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetFor(child(root, NS.app, 'HighResolutionIconUrl').attrs.get('DefaultValue')!))).toEqual({
      width: 64,
      height: 64,
    });
    const sized = all(overrides, (e) => e.uri === NS.bt && e.local === 'Image' && e.attrs.has('size'));
    expect(new Set(sized.map((e) => e.attrs.get('size')))).toEqual(new Set(['16', '32', '80']));
    for (const ref of sized) {
      const size = Number(ref.attrs.get('size'));
      const url = resourceById.get(ref.attrs.get('resid')!)!.attrs.get('DefaultValue')!;
      expect({ url, ...pngSize(assetFor(url)) }).toEqual({ url, width: size, height: size });
    }
  });

  test('names, description and every ribbon string have a zh-CN override', () => {
    const zh = (el: El) => el.children.find((o) => o.local === 'Override' && o.attrs.get('Locale') === 'zh-CN');
    expect(child(root, NS.app, 'DefaultLocale').text).toBe('en-US');
    const displayName = child(root, NS.app, 'DisplayName');
    expect(displayName.attrs.get('DefaultValue')).toBe('ABC Planner');
    expect(zh(displayName)?.attrs.get('Value')).toBe('ABC 客户分级规划');
    expect(zh(child(root, NS.app, 'Description'))?.attrs.get('Value')).toMatch(/[A-C].*分/);
    const strings = all(resources, (e) => e.uri === NS.bt && e.local === 'String');
    expect(strings.length).toBeGreaterThan(0);
    expect(strings.filter((s) => !zh(s)).map((s) => s.attrs.get('id'))).toEqual([]);
  });
});

const xsdDir = sharedXsdDir();
describeWhen(
  'Office manifest schemas',
  xsdDir !== undefined,
  `expected ${SHARED_XSD_DIR}/OfficeAppManifestV1_1.xsd beside the repository`,
  () => {
    test('manifest.xml is valid against OfficeAppManifestV1_1.xsd', () => {
      const result = validateManifestInSubprocess(MANIFEST_PATH, xsdDir!);
      expect(result.issues).toEqual([]);
      expect(result.ok).toBe(true);
    });

    test('a manifest with <Requirements> after <DefaultSettings> is rejected, with its line', () => {
      const block = /^[ \t]*<Requirements>[\s\S]*?<\/Requirements>\r?\n/m.exec(MANIFEST);
      expect(block).not.toBeNull();
      const without = MANIFEST.replace(block![0], '');
      const end = without.indexOf('</DefaultSettings>') + '</DefaultSettings>'.length;
      const moved = `${without.slice(0, end)}\n${block![0]}${without.slice(end + 1)}`;
      const movedLine = moved.slice(0, moved.indexOf('<Requirements>')).split('\n').length;

      const result = validateManifestInSubprocess({ xml: moved }, xsdDir!);
      expect(result.ok).toBe(false);
      expect(result.kind).toBe('schema');
      expect(result.issues[0].message).toMatch(/Requirements.*not expected/);
      expect(result.issues[0].line).toBe(movedLine);
    });
  },
);
