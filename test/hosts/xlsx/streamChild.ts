/**
 * Runs `abc-planner plan <file> --target 1000 --out <out>` in this process with the codec named
 * (`zlib`, as the command has it, or `fflate`, as the browser has it) and prints, as JSON, the
 * exit code, what the command wrote to stderr and the process's peak resident memory. Spawned
 * by streamMemory.test.ts with `node --max-old-space-size=1024 --import tsx`.
 */
import { useNativeCodec } from '../../../src/hosts/xlsx/codec';
import { main } from '../../../src/cli/main';

async function go(): Promise<void> {
  const [codec, file, out] = process.argv.slice(2);
  // The command's import of the Node host has plugged in zlib; the browser has fflate only.
  if (codec === 'fflate') useNativeCodec(undefined);
  let stderr = '';
  const code = await main(['plan', file!, '--target', '1000', '--out', out!], {
    stdout: { write: () => undefined },
    stderr: { write: (t: string) => (stderr += t), isTTY: false, columns: 80 },
    env: { LANG: 'en_US.UTF-8' },
    cwd: process.cwd(),
  });
  // maxRSS is in KB: the process's high-water mark, whatever was freed since.
  process.stdout.write(JSON.stringify({ code, stderr, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

void go();
