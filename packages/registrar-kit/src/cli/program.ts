/**
 * The `registrar-kit` program: global flags, the commands, and commander's usage errors mapped to
 * exit code 2 with one line and a hint (JSON on stderr with --json).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { CliState } from './action.js';
import { defineCheck } from './definitions/check.js';
import { defineCompare } from './definitions/compare.js';
import { defineDemo } from './definitions/demo.js';
import { defineDns } from './definitions/dns.js';
import { defineDomains } from './definitions/domains.js';
import { defineMove } from './definitions/move.js';
import { definePortfolio } from './definitions/portfolio.js';
import { defineProviders } from './definitions/providers.js';
import type { IO } from './io.js';

function packageVersion(): string {
  // dist/cli.js → ../package.json; src/cli/program.ts (tests) → ../../package.json
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'registrar-kit' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}

export function createProgram(state: CliState): Command {
  const program = new Command('registrar-kit')
    .description('One typed API over domain registrars and DNS hosts (`registrar-kit providers` lists them)')
    .version(packageVersion(), '-V, --version')
    .option('--json', 'print a stable JSON document on stdout (errors as JSON on stderr)')
    .option('--emulate', 'use the built-in loopback emulators instead of the real APIs')
    .option('--raw', "with --json: include each provider's raw payload")
    .option('--base-url <url>', 'send the requests of the one selected provider to this URL (sandbox, proxy)')
    .option('--owner <user_identifier>', "PocketDNS: the partner's user whose domains to use")
    .option('--no-color', 'no colours (also: NO_COLOR)')
    .option('--debug', 'print stack traces of errors')
    .showSuggestionAfterError()
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => state.io.stdout.write(text),
      writeErr: (text) => state.io.stderr.write(text),
      // Usage errors are rendered by runCli (one line, a hint, JSON with --json).
      outputError: () => {},
    });

  defineProviders(program, state);
  defineCheck(program, state);
  defineCompare(program, state);
  defineDomains(program, state);
  definePortfolio(program, state);
  defineDns(program, state);
  defineDemo(program, state);
  defineMove(program, state);
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: IO): Promise<number> {
  const state: CliState = { io, exitCode: 0 };
  const program = createProgram(state);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      (error.code === 'commander.help' && error.exitCode === 0)
    ) {
      return 0;
    }
    const [{ describeError, UsageError }, { Renderer }] = await Promise.all([
      import('./errors.js'),
      import('./render.js'),
    ]);
    const json = argv.includes('--json');
    const out = new Renderer(io, { json, raw: false, color: !argv.includes('--no-color') });
    const message = error.message.replace(/^error:\s*/i, '');
    const usage = new UsageError(
      error.code === 'commander.help' ? 'no command given' : message,
      usageHint(argv, program),
    );
    const described = describeError(usage, io.env);
    out.error(described);
    return described.exitCode;
  }
}

function usageHint(argv: readonly string[], program: Command): string {
  const names = new Set(program.commands.map((command) => command.name()));
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const first = words.find((word) => names.has(word));
  if (first === undefined) return 'see `registrar-kit --help` for the commands';
  const sub = program.commands.find((command) => command.name() === first)!;
  const second = words[words.indexOf(first) + 1];
  if (second !== undefined && sub.commands.some((command) => command.name() === second)) {
    return `see \`registrar-kit ${first} ${second} --help\` for its arguments and flags`;
  }
  return `see \`registrar-kit ${first} --help\` for its arguments and flags`;
}
