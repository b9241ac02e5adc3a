/**
 * `registrar-kit --help` answers without loading core, an adapter or zod: the command definitions
 * load only commander, and each command's implementation is imported when it runs
 * (bench/RESULTS.md, "Cold start": the --help target). Spawns the BUILT CLI with a module hook that
 * logs every module loaded.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, cli } from './cli-test-helpers.js';

const IMPORT_LOG_HOOK = new URL('../test/import-log.mjs', import.meta.url).href;
/** Modules `--help` must not load. */
const HEAVY = [
  /\/packages\/core\/dist\//,
  /\/packages\/adapter-[a-z]+\/dist\//,
  /\/zod\//,
  /\/packages\/testkit\//,
];

describe.runIf(built)('registrar-kit cold start (built, spawned)', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rk-cold-start-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function loaded(
    args: string[],
    name: string,
  ): Promise<{ code: number | null; stdout: string; modules: string[] }> {
    const log = join(dir, `${name}.log`);
    const run = await cli(args, { NODE_OPTIONS: `--import=${IMPORT_LOG_HOOK}`, IMPORT_LOG: log });
    const modules = (await readFile(log, 'utf8')).split('\n').filter((line) => line !== '');
    return { code: run.code, stdout: run.stdout, modules };
  }

  const heavy = (modules: string[]) => modules.filter((url) => HEAVY.some((pattern) => pattern.test(url)));

  it.each([
    ['--help', ['--help']],
    ['dns --help', ['dns', '--help']],
    ['--version', ['--version']],
  ])('%s loads no core, adapter or zod module', async (name, args) => {
    const run = await loaded(args, name.replaceAll(' ', '-'));
    expect(run.code).toBe(0);
    expect(run.stdout).not.toBe('');
    expect(run.modules.some((url) => url.endsWith('/dist/cli.js'))).toBe(true);
    expect(heavy(run.modules)).toEqual([]);
  });

  it('a command loads what it runs (the log sees core and the adapters)', async () => {
    const run = await loaded(['providers', '--json'], 'providers');
    expect(run.code).toBe(0);
    const seen = heavy(run.modules).join('\n');
    expect(seen).toMatch(/\/packages\/core\/dist\//);
    expect(seen).toMatch(/\/packages\/adapter-dnsimple\/dist\//);
  });
});
