/** Runs the CLI in process with COLUMNS=80 and captures what it writes (no build needed). */
import { runCli } from '../cli/program.js';
import type { IO } from '../cli/render.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(
  args: string[],
  env: Record<string, string> = {},
  stderrTTY = false,
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: IO = {
    stdout: {
      write(chunk: string) {
        stdout += chunk;
        return true;
      },
    },
    stderr: {
      isTTY: stderrTTY,
      write(chunk: string) {
        stderr += chunk;
        return true;
      },
    },
    env: { COLUMNS: '80', ...env },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** The first domain the emulator of `provider` holds. */
export async function seededZone(provider: string): Promise<string> {
  const listed = await run(['domains', 'list', '--provider', provider, '--emulate', '--json']);
  return (JSON.parse(listed.stdout) as { domains: { name: string }[] }).domains[0]!.name;
}

/** The `{ error }` document of a --json run. */
export const errorOf = (result: Captured) =>
  (JSON.parse(result.stderr.trim()) as { error: Record<string, unknown> }).error;
