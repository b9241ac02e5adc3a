/**
 * Every published package works from CommonJS: a child process `require()`s the CommonJS builds
 * (dist/index.cjs of each adapter, registrar-kit's createRegistrar and core's comparePrices) and
 * makes real calls against the emulators. Loading alone proved nothing: p-retry is ESM-only, and
 * every request of a CommonJS caller once failed with "(0, import_p_retry.default) is not a
 * function" (packages/core/README.md, "CommonJS").
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AnyEmulator,
  factoryOptions,
  PROVIDER_IDS,
  type ProviderId,
  startEmulator,
} from './support/providers.js';

const WORKER = fileURLToPath(new URL('./support/commonjs-worker.cjs', import.meta.url));
const BUILDS = [
  'core',
  'adapter-pocketdns',
  'adapter-dnsimple',
  'adapter-glauca',
  'adapter-domainr',
  'adapter-porkbun',
  'adapter-namecheap',
  'adapter-cloudflare',
  'registrar-kit',
].map((dir) => fileURLToPath(new URL(`../../${dir}/dist/index.cjs`, import.meta.url)));
const FREE_NAME = 'commonjs-caller-test.com';

type Outcome = { ok?: Record<string, unknown>; error?: string };

function runWorker(config: Record<string, unknown>): Promise<Record<string, Record<string, Outcome>>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [WORKER],
      { env: { PATH: process.env.PATH ?? '', CONFIG: JSON.stringify(config) }, timeout: 60_000 },
      (error, stdout, stderr) => {
        try {
          resolve(JSON.parse(stdout));
        } catch {
          reject(new Error(`worker failed (${error?.message}):\n${stdout}\n${stderr}`));
        }
      },
    );
  });
}

describe('CommonJS builds make real calls (run `pnpm build` first; `pnpm test` does)', () => {
  const emulators = new Map<ProviderId, AnyEmulator>();
  let result: Record<string, Record<string, Outcome>>;

  beforeAll(async () => {
    for (const build of BUILDS)
      if (!existsSync(build)) throw new Error(`${build} is missing: run pnpm build`);
    const config: Record<string, unknown> = { freeName: FREE_NAME };
    for (const provider of PROVIDER_IDS) {
      const emulator = await startEmulator(provider);
      emulators.set(provider, emulator);
      config[provider] = factoryOptions(provider, emulator, emulator.url);
    }
    result = await runWorker(config);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([...emulators.values()].map((emulator) => emulator.close()));
  });

  it.each([
    'pocketdns',
    'dnsimple',
    'glauca',
    'porkbun',
    'namecheap',
    'cloudflare',
    'registrar-kit createRegistrar (dnsimple)',
  ])('%s: listDomains, getDomain and createRecord succeed', (label) => {
    expect(result).not.toHaveProperty('crashed');
    const calls = result[label]!;
    const name = calls.listDomains?.ok?.name;
    expect(calls.listDomains).toEqual({ ok: expect.objectContaining({ name: expect.any(String) }) });
    expect(calls.getDomain).toEqual({ ok: expect.objectContaining({ name }) });
    expect(calls.createRecord).toEqual({
      ok: expect.objectContaining({ type: 'TXT', name: 'cjs', content: `required ${label}` }),
    });
  });

  it('domainr: checkAvailability succeeds', () => {
    expect(result.domainr?.checkAvailability).toEqual({
      ok: expect.objectContaining({ domain: FREE_NAME, status: 'available' }),
    });
  });

  it('comparePrices quotes every registrar that prices the name', () => {
    expect(result.comparePrices).toEqual({ quotes: expect.any(Array), failures: [] });
    expect([...(result.comparePrices!.quotes as unknown as string[])].sort()).toEqual([
      'cloudflare',
      'dnsimple',
      'glauca',
      'namecheap',
      'pocketdns',
      'porkbun',
    ]);
  });

  it('require() loads none of what the first call loads: the HTTP stack, the XML parser, the suffix list', () => {
    const loaded = result.loadedPackages as unknown as { byRequire: string[]; afterCalls: string[] };
    // axios itself is loaded by import() (an ES module, not in require.cache): its CommonJS
    // dependencies form-data and follow-redirects show when it is.
    const onFirstUse = [
      'axios',
      'form-data',
      'follow-redirects',
      'tr46',
      'libphonenumber-js',
      'bottleneck',
      'ioredis',
      'tldts',
      'fast-xml-parser',
    ];
    expect(loaded.byRequire.filter((name) => onFirstUse.includes(name))).toEqual([]);
    // The calls above did load them: the log sees what it is asked about.
    expect(loaded.afterCalls).toEqual(
      expect.arrayContaining(['form-data', 'follow-redirects', 'tr46', 'tldts', 'fast-xml-parser']),
    );
  });
});
