/**
 * Test helpers of the end-to-end tests: spawn the BUILT CLI (`dist/cli.js`) in a clean environment
 * and read its output. Not part of the package (tsup bundles only src/index.ts and src/cli.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InputStream, IO } from './render.js';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const built = existsSync(CLI);

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: no credentials, no REGISTRAR_PROVIDER, no colours. */
export function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...extra };
}

/** Runs the CLI; `stdin` is written to its standard input (a pipe, never a terminal). */
export function cli(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { env: baseEnv(env), timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

/** Runs the CLI with --json and parses stdout. */
export async function json<T = Record<string, unknown>>(
  args: string[],
  env?: Record<string, string>,
  stdin?: string,
): Promise<{ run: Run; body: T }> {
  const run = await cli([...args, '--json'], env, stdin);
  let body: T;
  try {
    body = JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
  return { run, body };
}

/** The `{ error }` document a --json run prints on stderr. */
export function errorOf(run: Run): { name: string; code: string; message: string; hint: string | null } {
  return (JSON.parse(run.stderr.trim().split('\n').at(-1)!) as { error: never }).error;
}

/** What an in-process run reads: its environment, a stdin, whether stderr is a terminal. */
export interface CaptureOptions {
  /** Default: `{ NO_COLOR: '1' }`. */
  env?: NodeJS.ProcessEnv;
  stdin?: InputStream;
  stderrTTY?: boolean;
}

/** An in-process `IO` for runCli that collects what the CLI writes (no stdin, no colours by default). */
export function capturedIo(options: CaptureOptions = {}): {
  io: IO;
  stdout: () => string;
  stderr: () => string;
} {
  let stdout = '';
  let stderr = '';
  const io: IO = {
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
        return true;
      },
    },
    stderr: {
      ...(options.stderrTTY === undefined ? {} : { isTTY: options.stderrTTY }),
      write: (chunk: string) => {
        stderr += chunk;
        return true;
      },
    },
    env: options.env ?? { NO_COLOR: '1' },
    ...(options.stdin ? { stdin: options.stdin } : {}),
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}
