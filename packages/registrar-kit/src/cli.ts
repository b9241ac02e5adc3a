/**
 * The `registrar-kit` command. Exit codes: 0 ok, 1 failure, 2 usage, 3 `dns diff --exit-code` found changes.
 */
import { runCli } from './cli/program.js';

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableLength === 0) resolve();
    else stream.write('', () => resolve());
  });
}

const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin };

runCli(process.argv.slice(2), io)
  .catch(async (error: unknown) => {
    // Only a bug in the CLI itself lands here: still one line, a stack only with --debug.
    const { describeError } = await import('./cli/errors.js');
    process.stderr.write(`error: ${describeError(error, process.env).message}\n`);
    if (process.argv.includes('--debug') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  })
  .then(async (code) => {
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    // Keep-alive sockets and limiter timers must not hold the process open after the answer.
    process.exit(code);
  });
