/**
 * The `abc-planner` command: `main(argv, io)` runs it in-process and resolves to the exit code
 * (0 done, 1 the input cannot be planned, 2 wrong usage); `cli()` runs it for real.
 */
import type { Lang } from '../i18n';
import { CLI_HELP, cliText } from '../i18n/cli';
import { UsageError, debugFromArgs, langFromArgs, parseCommand } from './args';
import { CliError, plainError } from './errors';
import { type CliIo, langFromEnv, processIo } from './io';
import { runPlan } from './planCommand';
import { runSettings } from './settingsCommand';

export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

export function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}

function usageMessage(e: UsageError, lang: Lang): string {
  const params = { ...e.params };
  if (e.key === 'usage-unknown-option') params.hint = typeof params.near === 'string' ? cliText(lang, 'usage-did-you-mean', { option: params.near }) : '';
  return cliText(lang, e.key, params);
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const lang = langFromArgs(argv) ?? langFromEnv(io.env);
  const say = (text: string) => io.stderr.write(text.endsWith('\n') ? text : text + '\n');
  const prefix = cliText(lang, 'error-prefix');
  try {
    const cmd = parseCommand(argv);
    switch (cmd.kind) {
      case 'help':
        io.stdout.write(CLI_HELP[lang]);
        return EXIT.ok;
      case 'version':
        io.stdout.write(`${version()}\n`);
        return EXIT.ok;
      case 'settings': {
        const out = await runSettings(cmd, lang, io);
        if (out.note) say(out.note);
        io.stdout.write(out.stdout);
        return EXIT.ok;
      }
      case 'plan': {
        const out = await runPlan(cmd, lang, io, version());
        for (const line of out.lines) say(line);
        if (out.document) io.stdout.write(JSON.stringify(out.document) + '\n');
        return EXIT.ok;
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      say(`${prefix}${lang === 'zh' ? '：' : ': '}${usageMessage(e, lang)}`);
      say(cliText(lang, 'usage-hint'));
      return EXIT.usage;
    }
    if (e instanceof CliError) {
      const [first, ...rest] = e.lines;
      say(`${prefix}${lang === 'zh' ? '：' : ': '}${first}`);
      for (const line of rest) say(line);
      return EXIT.input;
    }
    // A bug: plain words and whom to tell; the stack (with this machine's paths) only with --debug.
    say(`${prefix}${lang === 'zh' ? '：' : ': '}${cliText(lang, 'unexpected', { what: plainError(e) })}`);
    if (debugFromArgs(argv)) {
      say(cliText(lang, 'debug-details'));
      say(e instanceof Error ? (e.stack ?? e.message) : String(e));
    }
    return EXIT.input;
  }
}

/** Runs the command on this process's arguments and streams; sets the exit code (never exits early, so stdout drains). */
export function cli(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // Only when writing to stderr itself failed; still no paths or stack unless --debug.
      process.stderr.write(`${debugFromArgs(process.argv) && e instanceof Error ? (e.stack ?? e.message) : plainError(e)}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) cli();
