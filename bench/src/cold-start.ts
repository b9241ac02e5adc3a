/**
 * 6. Cold start: time to import core + one adapter in a fresh node process, and the installed size
 * of core + one adapter with their runtime dependency closure, vs the official `dnsimple` package.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Measurement, MeasurementResult } from './measurement.js';
import { median } from './stats.js';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const SPAWNS = 10;

const CLI = fileURLToPath(new URL('../../packages/registrar-kit/dist/cli.js', import.meta.url));

const SCRIPTS = {
  bare: '',
  ours: "await import('@registrar-kit/core'); await import('@registrar-kit/adapter-dnsimple');",
  official: "await import('dnsimple');",
};

/** Wall time of `node dist/cli.js --help` (the CLI's own start: node, commander and the command definitions). */
function helpMs(): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, '--help'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`registrar-kit --help failed: ${result.stderr.toString().slice(0, 500)}`);
  return ms;
}

function spawnMs(script: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: BENCH_DIR,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`node -e "${script}" failed: ${result.stderr.toString().slice(0, 500)}`);
  return ms;
}

/** The directory of `name` as node would find it from `fromDir` (walking up node_modules). */
function packageDir(name: string, fromDir: string): string {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find ${name} from ${fromDir}`);
    dir = parent;
  }
}

function treeBytes(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    total += treeBytes(join(path, entry));
  }
  return total;
}

interface Closure {
  bytes: number;
  packages: string[];
  /** Bytes per package, largest first. */
  sizes: [string, number][];
}

/**
 * Installed bytes of packages and their runtime dependency closure (`dependencies`, and
 * `optionalDependencies` that are installed), each package counted once. A workspace package
 * counts what it publishes (`files`, package.json); an installed package counts its directory.
 */
function installedClosure(roots: string[], fromDir: string): Closure {
  const seen = new Map<string, string>();
  const sizes = new Map<string, number>();
  const queue = roots.map((name) => ({ name, from: fromDir }));
  let bytes = 0;
  while (queue.length > 0) {
    const { name, from } = queue.shift()!;
    let dir: string;
    try {
      dir = packageDir(name, from);
    } catch {
      continue; // an optional dependency that is not installed
    }
    if (seen.has(dir)) continue;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      files?: string[];
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    seen.set(dir, `${manifest.name}@${manifest.version}`);
    const workspace = !dir.includes(`${join('node_modules', '.pnpm')}`);
    let size = 0;
    if (workspace && manifest.files) {
      size += statSync(join(dir, 'package.json')).size;
      for (const entry of manifest.files)
        if (existsSync(join(dir, entry))) size += treeBytes(join(dir, entry));
    } else {
      size += treeBytes(dir);
    }
    sizes.set(`${manifest.name}@${manifest.version}`, size);
    bytes += size;
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }))
      queue.push({ name: dep, from: dir });
  }
  return {
    bytes,
    packages: [...seen.values()].sort(),
    sizes: [...sizes.entries()].sort((a, b) => b[1] - a[1]),
  };
}

const CORE_DIR = fileURLToPath(new URL('../../packages/core/', import.meta.url));
const ADAPTER_ENTRY = fileURLToPath(
  new URL('../../packages/adapter-dnsimple/dist/index.js', import.meta.url),
);

/**
 * Where our import time goes: one process imports zod, core's own modules, the adapter's, then what
 * the first request and the first name add (axios + p-retry, tr46), timing each step (run from
 * core's folder so its dependencies resolve).
 */
const BREAKDOWN_SCRIPT = `
const t = [performance.now()];
await import('zod'); t.push(performance.now());
await import(${JSON.stringify(join(CORE_DIR, 'dist/index.js'))}); t.push(performance.now());
await import(${JSON.stringify(ADAPTER_ENTRY)}); t.push(performance.now());
await import('axios'); await import('p-retry'); t.push(performance.now());
await import('tr46'); t.push(performance.now());
console.log(JSON.stringify(t.slice(1).map((v, i) => v - t[i])));
`;
const BREAKDOWN_PARTS = [
  'zod',
  "core's own modules",
  "adapter-dnsimple's own modules",
  'axios + p-retry (first request)',
  'tr46 (first name)',
];

function importBreakdown(): number[][] {
  const runs: number[][] = [];
  for (let i = 0; i < 5; i++) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', BREAKDOWN_SCRIPT], {
      cwd: CORE_DIR,
    });
    if (result.status !== 0)
      throw new Error(`import breakdown failed: ${result.stderr.toString().slice(0, 500)}`);
    runs.push(JSON.parse(result.stdout.toString()) as number[]);
  }
  return runs;
}

export const coldStart: Measurement = async ({ log }): Promise<MeasurementResult> => {
  spawnMs(SCRIPTS.ours); // warm the file system cache for every side
  spawnMs(SCRIPTS.official);
  helpMs();
  const ours: number[] = [];
  const official: number[] = [];
  const help: number[] = [];
  const bares: number[] = [];
  for (let i = 0; i < SPAWNS; i++) {
    // Interleaved: bare, ours, official, --help in each round, so load from elsewhere hits all alike.
    const bare = spawnMs(SCRIPTS.bare);
    const o = spawnMs(SCRIPTS.ours) - bare;
    const d = spawnMs(SCRIPTS.official) - bare;
    ours.push(o);
    official.push(d);
    help.push(helpMs());
    bares.push(bare);
  }
  log(
    `  import: ours ${median(ours).toFixed(0)} ms, official dnsimple ${median(official).toFixed(0)} ms (minus bare node); registrar-kit --help ${median(help).toFixed(0)} ms (bare node ${median(bares).toFixed(0)} ms)`,
  );

  const breakdown = importBreakdown();
  const parts = BREAKDOWN_PARTS.map(
    (name, i) => `${name} ${median(breakdown.map((run) => run[i]!)).toFixed(0)} ms`,
  );
  log(`  import breakdown (medians): ${parts.join(', ')}`);

  const oursSize = installedClosure(['@registrar-kit/core', '@registrar-kit/adapter-dnsimple'], BENCH_DIR);
  const officialSize = installedClosure(['dnsimple'], BENCH_DIR);
  log(
    `  installed: ours ${(oursSize.bytes / 1024).toFixed(0)} KB, official ${(officialSize.bytes / 1024).toFixed(0)} KB`,
  );
  const kb = (bytes: number) => bytes / 1024;
  return {
    id: 'cold-start',
    title: 'Cold start and installed size',
    setup:
      `Import time: a fresh \`node --input-type=module -e "…"\` (no tsx) that imports \`@registrar-kit/core\` and \`@registrar-kit/adapter-dnsimple\` (their ESM builds), vs one that imports the official \`dnsimple\`, each minus a bare \`node -e ''\` spawned in the same round; ${SPAWNS} interleaved rounds after one warm-up. ` +
      'Installed size: the packages and their runtime dependency closure (`dependencies` and installed `optionalDependencies`, each package once), our packages counted as published (`files`: dist with ESM, CJS, .d.ts and source maps, plus README), installed packages as their whole directory. Targets (issue 18): core + one adapter at most 90 ms over bare node, with axios, p-retry, tr46 and libphonenumber-js loaded by the first call that needs them and the zod schemas at import; `registrar-kit --help` (the built CLI, `node dist/cli.js --help`, wall time including the start of node itself) under 150 ms. Installed size is reported.',
    figures: [
      {
        label: 'import core + adapter-dnsimple (ms over bare node)',
        unit: 'ms',
        values: ours,
        digits: 0,
        target: { op: '<=', value: 90 },
      },
      {
        label: '`registrar-kit --help` wall time (ms, node start included)',
        unit: 'ms',
        values: help,
        digits: 0,
        target: { op: '<=', value: 150 },
      },
      { label: 'bare `node -e ""` wall time (ms)', unit: 'ms', values: bares, digits: 0 },
      { label: 'import official dnsimple (ms over bare node)', unit: 'ms', values: official, digits: 0 },
      {
        label: 'import time ours / official (ratio of the medians)',
        unit: '×',
        values: [median(ours) / median(official)],
        digits: 1,
        summary: true,
      },
      {
        label: 'installed size core + adapter-dnsimple + deps (KB)',
        unit: 'KB',
        values: [kb(oursSize.bytes)],
        digits: 0,
      },
      {
        label: 'installed size official dnsimple + deps (KB)',
        unit: 'KB',
        values: [kb(officialSize.bytes)],
        digits: 0,
      },
      {
        label: 'installed size ours / official',
        unit: '×',
        values: [oursSize.bytes / officialSize.bytes],
        digits: 1,
        summary: true,
      },
    ],
    notes: [
      `Ours installs ${oursSize.packages.length} packages: ${oursSize.packages.join(', ')}. The official client installs ${officialSize.packages.length}: ${officialSize.packages.join(', ')}. Our largest: ${oursSize.sizes
        .slice(0, 6)
        .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} KB`)
        .join(', ')}.`,
      'What the difference buys: the official client is a thin typed wrapper over `https`/`fetch` (no schemas, no retries, no rate limiting, JSON passed through as `any`); ours carries axios (transport) and p-retry, loaded by the first request, tr46 (UTS 46 names) and libphonenumber-js, loaded by the first call that needs them, zod (response validation), loaded at import, and bottleneck (rate limits shared through Redis), loaded only when a bucket is shared.',
      `Where the time goes (one process importing each in turn, medians of 5): ${parts.join(', ')}. Importing core and an adapter costs the first three; the last two are paid by the first request and the first name instead of at import. The machine's load average is in the header: bare node's own start (figure above) shows how much it inflates every spawn.`,
      '`registrar-kit --help` loads commander and the command definitions only (packages/registrar-kit/src/cli/definitions); each command imports its implementation, and with it core, the adapters and zod, when it runs. packages/registrar-kit/src/cli/cold-start.e2e.test.ts spawns the built CLI with a module hook and fails if `--help`, `dns --help` or `--version` loads core, an adapter or zod.',
    ],
  };
};
