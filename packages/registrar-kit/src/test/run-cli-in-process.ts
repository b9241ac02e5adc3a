/** Runs the CLI in process with COLUMNS=80 and captures what it writes (no build needed). */

import { capturedIo } from '../cli/cli-test-helpers.js';
import { runCli } from '../cli/program.js';

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
  const { io, stdout, stderr } = capturedIo({ env: { COLUMNS: '80', ...env }, stderrTTY });
  const code = await runCli(args, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

/** The first domain the emulator of `provider` holds. */
export async function seededZone(provider: string): Promise<string> {
  const listed = await run(['domains', 'list', '--provider', provider, '--emulate', '--json']);
  return (JSON.parse(listed.stdout) as { domains: { name: string }[] }).domains[0]!.name;
}

/** The `{ error }` document of a --json run. */
export const errorOf = (result: Captured) =>
  (JSON.parse(result.stderr.trim()) as { error: Record<string, unknown> }).error;
