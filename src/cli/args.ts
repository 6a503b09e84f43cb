/**
 * The command line, read with node:util parseArgs (tokens, so that every mistake gets our own
 * message in the planner's language) into one Command. Mistakes throw UsageError (exit code 2).
 */
import { parseArgs } from 'node:util';
import { MAX_GROWTH_PCT, MAX_TARGET_WAN, parseAmount } from '../engine/amounts';
import type { Lang } from '../i18n';
import type { CliMessage } from '../i18n/cli';

export interface PlanCommand {
  kind: 'plan';
  input: string;
  sheet?: string;
  headerRow?: number;
  /** 万元. */
  target?: number;
  /** Percent. */
  growth?: number;
  settingsFile?: string;
  out?: string;
  inPlace: boolean;
  overwrite: boolean;
  /** Plan a digitally signed workbook although its signature breaks. */
  breakSignature: boolean;
  json: boolean;
}

export interface SettingsCommand {
  kind: 'settings';
  input: string;
  json: boolean;
}

export type Command = { kind: 'help'; command?: 'plan' | 'settings' } | { kind: 'version' } | PlanCommand | SettingsCommand;

/** Wrong usage: a message key and its parameters; the caller words it and exits with 2. */
export class UsageError extends Error {
  constructor(
    readonly key: CliMessage,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'UsageError';
  }
}

type OptionName =
  | 'sheet'
  | 'header-row'
  | 'target'
  | 'growth'
  | 'settings'
  | 'out'
  | 'in-place'
  | 'overwrite'
  | 'break-signature'
  | 'debug'
  | 'json'
  | 'lang'
  | 'help'
  | 'version';

const OPTIONS = {
  sheet: { type: 'string' },
  'header-row': { type: 'string' },
  target: { type: 'string' },
  growth: { type: 'string' },
  settings: { type: 'string' },
  out: { type: 'string' },
  'in-place': { type: 'boolean' },
  overwrite: { type: 'boolean' },
  'break-signature': { type: 'boolean' },
  debug: { type: 'boolean' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies Record<OptionName, { type: 'string' | 'boolean'; short?: string }>;

/** Which options each command takes (help and lang go everywhere). */
const ALLOWED: Record<'plan' | 'settings', ReadonlySet<OptionName>> = {
  plan: new Set<OptionName>(['sheet', 'header-row', 'target', 'growth', 'settings', 'out', 'in-place', 'overwrite', 'break-signature', 'json', 'lang', 'help', 'debug']),
  settings: new Set<OptionName>(['json', 'lang', 'help', 'debug']),
};

const EXAMPLES: Partial<Record<OptionName, string>> = {
  sheet: '--sheet 客户清单',
  'header-row': '--header-row 3',
  target: '--target 12000',
  growth: '--growth 8',
  settings: '--settings settings.json',
  out: '--out planned.xlsx',
  lang: '--lang en',
};

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** The known option nearest to a mistyped one, when it is close. */
export function nearestOption(name: string): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const known of Object.keys(OPTIONS)) {
    const dist = editDistance(name.toLowerCase(), known);
    if (dist < bestD) [best, bestD] = [known, dist];
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(name.length / 3)) ? `--${best}` : undefined;
}

export function parseLang(value: string): Lang {
  const v = value.trim().toLowerCase();
  if (v === 'zh' || v.startsWith('zh-') || v.startsWith('zh_') || v === '中文') return 'zh';
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_') || v === 'english') return 'en';
  throw new UsageError('usage-bad-lang', { value });
}

/** `--lang` as given, found before anything else so that usage errors speak it too. */
export function langFromArgs(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    let value: string | undefined;
    if (a === '--lang') value = argv[i + 1];
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
    if (value !== undefined) {
      try {
        return parseLang(value);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** `--debug` anywhere before `--`, found before anything else so that even a failed parse honours it. */
export function debugFromArgs(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--debug') return true;
  }
  return false;
}

/** "12000", "1.2亿", "12,000万", "¥120,000,000" → 万元. */
export function parseTarget(value: string): number {
  const r = parseAmount(value.trim(), undefined, MAX_TARGET_WAN);
  if (r.kind === 'ok') return r.wan;
  if (r.kind === 'negative') throw new UsageError('usage-negative-target', { value });
  // Beyond it, whole units of the target no longer fit a double exactly (see MAX_TARGET_WAN).
  if (r.kind === 'too-large') throw new UsageError('usage-target-too-large', { value, max: MAX_TARGET_WAN.toLocaleString('en-US') });
  throw new UsageError('usage-bad-target', { value });
}

/** "8", "8%", "+8", "-5", "８％" → percent. */
export function parseGrowth(value: string): number {
  const t = value.normalize('NFKC').trim().replace(/%$/, '').trim();
  const n = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n) || n < -100) throw new UsageError('usage-bad-growth', { value });
  if (n > MAX_GROWTH_PCT) throw new UsageError('usage-growth-too-large', { value, max: MAX_GROWTH_PCT });
  return n;
}

export function parseHeaderRow(value: string): number {
  const t = value.normalize('NFKC').trim();
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 1_048_576) throw new UsageError('usage-bad-header-row', { value });
  return n;
}

/** Reads the arguments (without `node` and the script) into a Command; throws UsageError. */
export function parseCommand(argv: readonly string[]): Command {
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const positionals: string[] = [];
  const values = new Map<OptionName, string | true>();
  const order: OptionName[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') {
      positionals.push(t.value);
      continue;
    }
    if (t.kind !== 'option') continue;
    const name = t.name as OptionName;
    const config = (OPTIONS as Record<string, { type: 'string' | 'boolean' }>)[t.name];
    if (!config) {
      const near = t.rawName.startsWith('--') ? nearestOption(t.name) : undefined;
      throw new UsageError('usage-unknown-option', { option: t.rawName, ...(near ? { near } : {}) });
    }
    if (config.type === 'string') {
      // parseArgs (not strict) takes the next argument whatever it is: "--out --json" is a missing value.
      if (t.value === undefined || t.value === '' || (!t.inlineValue && t.value.startsWith('--'))) {
        throw new UsageError('usage-missing-value', { option: `--${name}`, example: EXAMPLES[name] ?? `--${name} …` });
      }
      values.set(name, t.value);
    } else {
      if (t.inlineValue) throw new UsageError('usage-no-value', { option: `--${name}`, value: t.value ?? '' });
      values.set(name, true);
    }
    order.push(name);
  }
  if (values.has('lang')) parseLang(values.get('lang') as string);

  const [commandWord, ...rest] = positionals;
  if (values.has('help')) {
    return { kind: 'help', ...(commandWord === 'plan' || commandWord === 'settings' ? { command: commandWord } : {}) };
  }
  if (values.has('version')) return { kind: 'version' };
  if (commandWord === undefined) throw new UsageError('usage-no-command');
  if (commandWord === 'help') return { kind: 'help' };
  if (commandWord !== 'plan' && commandWord !== 'settings') throw new UsageError('usage-unknown-command', { command: commandWord });
  for (const name of order) {
    if (!ALLOWED[commandWord].has(name)) throw new UsageError('usage-not-for-command', { option: `--${name}`, command: commandWord });
  }
  const [input, extra] = rest;
  if (input === undefined) throw new UsageError('usage-missing-input', { command: commandWord });
  if (extra !== undefined) throw new UsageError('usage-extra-argument', { arg: extra });
  const str = (n: OptionName) => values.get(n) as string | undefined;
  const flag = (n: OptionName) => values.get(n) === true;

  if (commandWord === 'settings') return { kind: 'settings', input, json: flag('json') };

  if (values.has('target') && values.has('growth')) throw new UsageError('usage-target-and-growth');
  if (values.has('out') && flag('in-place')) throw new UsageError('usage-out-and-in-place');
  const cmd: PlanCommand = { kind: 'plan', input, inPlace: flag('in-place'), overwrite: flag('overwrite'), breakSignature: flag('break-signature'), json: flag('json') };
  if (str('sheet') !== undefined) cmd.sheet = str('sheet');
  if (str('header-row') !== undefined) cmd.headerRow = parseHeaderRow(str('header-row')!);
  if (str('target') !== undefined) cmd.target = parseTarget(str('target')!);
  if (str('growth') !== undefined) cmd.growth = parseGrowth(str('growth')!);
  if (str('settings') !== undefined) cmd.settingsFile = str('settings');
  if (str('out') !== undefined) cmd.out = str('out');
  return cmd;
}
