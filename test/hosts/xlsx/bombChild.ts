/**
 * Runs `abc-planner plan <file> --target 1000 --out <out>` in this process and prints, as JSON,
 * the exit code, what the command wrote to stderr and the process's peak resident memory.
 * Spawned by zipBomb.test.ts with `node --max-old-space-size=1024 --import tsx` so that each
 * bomb's peak is its own.
 */
import { main } from '../../../src/cli/main';

async function go(): Promise<void> {
  const [file, out] = process.argv.slice(2);
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
