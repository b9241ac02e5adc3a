/**
 * End-to-end: spawns the BUILT CLI (`dist/cli.js`) against the emulators for every command and
 * checks its --json output and exit codes. The root `pnpm test` builds every package first; when
 * dist/cli.js is missing, these tests are skipped with a message (run `pnpm --filter registrar-kit... build`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPABILITIES } from '@registrar-kit/core';
import { startDomainrEmulator, startPocketDnsEmulator } from '@registrar-kit/testkit/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_LIST } from '../providers.js';
import { built, CLI, cli, errorOf, json, type Run } from './cli-test-helpers.js';

/** The four original providers, whose seeded answers these tests spell out. */
const FOUR = '--provider=pocketdns,glauca,dnsimple,domainr';

if (!built) {
  console.warn(
    `registrar-kit e2e: ${CLI} is missing; skipping. Build it with \`pnpm --filter registrar-kit... build\`.`,
  );
}

type Row = Record<string, unknown>;

describe.runIf(built).concurrent('registrar-kit CLI (built, spawned)', { timeout: 60_000 }, () => {
  it('providers: the capability matrix of the four adapters', async () => {
    const { run, body } = await json<{ providers: { id: string; capabilities: Record<string, boolean> }[] }>([
      'providers',
    ]);
    expect(run.code).toBe(0);
    expect(body.providers.map((p) => p.id)).toEqual([...PROVIDER_LIST]);
    const caps = Object.fromEntries(body.providers.map((p) => [p.id, p.capabilities]));
    expect(caps.pocketdns).toMatchObject({ listDomains: true, listTldPrices: true, registerDomain: false });
    expect(caps.domainr).toMatchObject({ checkAvailability: true, getPrice: false, suggestDomains: true });
    expect(caps.dnsimple).toMatchObject({ getDsRecords: true, createRecords: true });
    expect(Object.keys(caps.glauca!)).toEqual([...CAPABILITIES]);
    expect(caps.glauca).toMatchObject({ getAuthCode: true });
  });

  it('check: one row per name × provider', async () => {
    const { run, body } = await json<{ results: Row[] }>([
      'check',
      'available-name.com',
      'registered-name.com',
      '--emulate',
      FOUR,
    ]);
    expect(run.code).toBe(0);
    expect(body.results).toHaveLength(8);
    expect(body.results.map((r) => `${r.name}@${r.provider}`)).toEqual([
      'available-name.com@pocketdns',
      'available-name.com@glauca',
      'available-name.com@dnsimple',
      'available-name.com@domainr',
      'registered-name.com@pocketdns',
      'registered-name.com@glauca',
      'registered-name.com@dnsimple',
      'registered-name.com@domainr',
    ]);
    for (const row of body.results.slice(0, 4)) {
      expect(row).toMatchObject({ available: true, status: 'available', premium: false, error: null });
    }
    for (const row of body.results.slice(4))
      expect(row).toMatchObject({ available: false, status: 'registered' });
    expect(body.results[0]).toMatchObject({ price: { amount: '12.99', currency: 'USD' } });
    expect(body.results[0]).not.toHaveProperty('raw');
  });

  it('check --provider selects providers; --raw adds the payloads', async () => {
    const { run, body } = await json<{ results: Row[] }>([
      'check',
      'premium-name.com',
      '--provider',
      'dnsimple,pocketdns',
      '--emulate',
      '--raw',
    ]);
    expect(run.code).toBe(0);
    expect(body.results.map((r) => r.provider)).toEqual(['dnsimple', 'pocketdns']);
    expect(body.results[0]).toMatchObject({ premium: true, status: 'premium', available: true });
    expect(body.results[0]).toHaveProperty('raw');
  });

  it('check: a failing provider is a row with its error, and exit 1', async () => {
    const { run, body } = await json<{ results: Row[] }>(['check', 'example.com', '--provider', 'glauca']);
    expect(run.code).toBe(1);
    expect(body.results[0]).toMatchObject({
      provider: 'glauca',
      available: null,
      error: { name: 'AuthenticationError' },
    });
    expect((body.results[0]!.error as { message: string }).message).toContain('GLAUCA_TOKEN');
  });

  it('compare: quotes cheapest first within each currency, without mixing currencies', async () => {
    const { run, body } = await json<{ quotes: Row[]; failures: Row[]; byCurrency: Record<string, Row[]> }>([
      'compare',
      'available-name.com',
      '--emulate',
      '--provider=pocketdns,glauca,dnsimple',
    ]);
    expect(run.code).toBe(0);
    expect(body).toMatchObject({
      domain: 'available-name.com',
      operation: 'register',
      years: 1,
      exchangeRates: null,
    });
    // The three original providers that quote prices.
    expect(body.quotes.map((q) => q.provider).sort()).toEqual(['dnsimple', 'glauca', 'pocketdns']);
    expect(body.failures).toEqual([]);
    // Without rates: ranked within each currency, currency groups in code order.
    expect(body.quotes.map((q) => (q.price as { currency: string }).currency)).toEqual(['GBP', 'USD', 'USD']);
    expect(Object.keys(body.byCurrency).sort()).toEqual(['GBP', 'USD']);
  });

  it('compare --rates ranks currencies together; failures carry their reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'registrar-kit-'));
    try {
      const cheapGbp = join(dir, 'rates.json');
      await writeFile(cheapGbp, JSON.stringify({ USD: 1, GBP: 0.5 }));
      const { run, body } = await json<{ quotes: Row[]; failures: Row[]; exchangeRates: unknown }>([
        'compare',
        'available-name.com',
        '--rates',
        cheapGbp,
        '--provider',
        'pocketdns,glauca,domainr',
        '--emulate',
      ]);
      expect(run.code).toBe(0);
      expect(body.exchangeRates).toEqual({ USD: 1, GBP: 0.5 });
      expect(body.quotes.map((q) => q.provider)).toEqual(['glauca', 'pocketdns']);
      expect(body.failures).toEqual([
        {
          provider: 'domainr',
          error: { name: 'UnsupportedOperationError', message: expect.stringContaining('getPrice') },
        },
      ]);

      await writeFile(cheapGbp, '{"USD": "one"}');
      const bad = await cli(['compare', 'available-name.com', '--rates', cheapGbp, '--emulate', '--json']);
      expect(bad.code).toBe(2);
      expect(errorOf(bad).name).toBe('UsageError');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('compare --operation --years', async () => {
    const { run, body } = await json<{ quotes: Row[] }>([
      'compare',
      'test-domain-1.com',
      '--operation',
      'renew',
      '--years',
      '2',
      '--provider',
      'dnsimple',
      '--emulate',
    ]);
    expect(run.code).toBe(0);
    expect(body.quotes).toHaveLength(1);
    expect(body.quotes[0]).toMatchObject({ provider: 'dnsimple', operation: 'renew', years: 2 });
  });

  it('compare: no quote at all is exit 1', async () => {
    const { run, body } = await json<{ quotes: Row[]; failures: Row[] }>([
      'compare',
      'available-name.com',
      '--provider',
      'domainr',
      '--emulate',
    ]);
    expect(run.code).toBe(1);
    expect(body.quotes).toEqual([]);
    expect(body.failures).toHaveLength(1);
  });

  it('domains list: the portfolio, dates as ISO strings, no raw payloads', async () => {
    const { run, body } = await json<{ provider: string; domains: Row[] }>([
      'domains',
      'list',
      '--provider',
      'dnsimple',
      '--emulate',
    ]);
    expect(run.code).toBe(0);
    expect(body.provider).toBe('dnsimple');
    expect(body.domains.map((d) => d.name)).toEqual([
      'test-domain-1.com',
      'test-domain-2.com',
      'xn--bcher-kva.com',
    ]);
    expect(body.domains[0]).toMatchObject({ provider: 'dnsimple', status: 'active' });
    expect(body.domains[0]!.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(body.domains[0]).not.toHaveProperty('raw');
  });

  it('domains list reads REGISTRAR_PROVIDER', async () => {
    const { run, body } = await json<{ provider: string; domains: Row[] }>(['domains', 'list', '--emulate'], {
      REGISTRAR_PROVIDER: 'glauca',
    });
    expect(run.code).toBe(0);
    expect(body.provider).toBe('glauca');
    expect(body.domains).toHaveLength(3);
  });

  it('domains show: one domain; an unknown one is exit 1 with a NotFoundError', async () => {
    const ok = await json<{ domain: Row }>([
      'domains',
      'show',
      'bücher.com',
      '--provider',
      'pocketdns',
      '--emulate',
    ]);
    expect(ok.run.code).toBe(0);
    expect(ok.body.domain).toMatchObject({
      provider: 'pocketdns',
      name: 'xn--bcher-kva.com',
      unicodeName: 'bücher.com',
    });

    const missing = await cli([
      'domains',
      'show',
      'not-mine.com',
      '--provider',
      'glauca',
      '--emulate',
      '--json',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    const error = errorOf(missing);
    expect(error).toMatchObject({ name: 'NotFoundError', code: 'not_found' });
    expect(error.hint).toContain('domains list --provider glauca');
  });

  it('dns list / add / rm', async () => {
    const list = await json<{ records: Row[] }>([
      'dns',
      'list',
      'test-domain-1.com',
      '--provider',
      'pocketdns',
      '--emulate',
    ]);
    expect(list.run.code).toBe(0);
    expect(list.body.records).toContainEqual(
      expect.objectContaining({ type: 'A', name: '@', content: '192.0.2.1', domain: 'test-domain-1.com' }),
    );
    expect(list.body.records).toContainEqual(expect.objectContaining({ type: 'MX', priority: 10 }));

    const add = await json<{ record: Row }>([
      'dns',
      'add',
      'test-domain-1.com',
      '--type',
      'TXT',
      '--name',
      'hello',
      '--content',
      'added by the cli',
      '--ttl',
      '600',
      '--provider',
      'dnsimple',
      '--emulate',
    ]);
    expect(add.run.code).toBe(0);
    expect(add.body.record).toMatchObject({
      provider: 'dnsimple',
      type: 'TXT',
      name: 'hello',
      content: 'added by the cli',
      ttl: 600,
    });

    // Every run starts fresh emulators with the same seed, so the listed ids are valid in the next run.
    const id = String(list.body.records[0]!.id);
    const removed = await json<{ deleted: Row }>([
      'dns',
      'rm',
      'test-domain-1.com',
      id,
      '--provider',
      'pocketdns',
      '--emulate',
    ]);
    expect(removed.run.code).toBe(0);
    expect(removed.body.deleted).toEqual({ provider: 'pocketdns', domain: 'test-domain-1.com', id });

    const unknown = await cli([
      'dns',
      'rm',
      'test-domain-1.com',
      '999999',
      '--provider',
      'dnsimple',
      '--emulate',
      '--json',
    ]);
    expect(unknown.code).toBe(1);
    expect(errorOf(unknown).name).toBe('NotFoundError');
  });

  it('usage errors are exit 2 with one line and a hint', async () => {
    const cases: [string[], RegExp][] = [
      [['domains', 'list', '--emulate', '--bogus'], /unknown option '--bogus'/],
      [['check'], /missing required argument 'name'/],
      [['check', 'a.com', '--provider', 'godaddy'], /unknown provider "godaddy"/],
      [['domains', 'list', '--emulate'], /no provider given/],
      [['dns', 'add', 'a.com', '--content', 'x', '--provider', 'dnsimple'], /--type/],
      [['dns', 'add', 'a.com', '--type', 'BOGUS', '--content', 'x'], /BOGUS/],
      [['compare', 'a.com', '--years', 'zero'], /whole number/],
      [['compare', 'a.com', '--operation', 'steal'], /steal/],
      [['nonsense'], /unknown command 'nonsense'/],
      [
        ['check', 'a.com', '--provider', 'glauca,dnsimple', '--base-url', 'https://proxy.example'],
        /exactly one provider/,
      ],
    ];
    const runs = await Promise.all(cases.map(([args]) => cli([...args, '--json'])));
    runs.forEach((run, index) => {
      const [args, pattern] = cases[index]!;
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      const error = errorOf(run);
      expect(error.name).toBe('UsageError');
      expect(error.code).toBe('usage');
      expect(error.message).toMatch(pattern);
      expect(error.hint).toBeTruthy();
    });
  });

  it('human mode: one error line plus a hint, no stack trace; tables without colour when not a TTY', async () => {
    const usage = await cli(['domains', 'list', '--bogus']);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim().split('\n')).toEqual([
      "error: unknown option '--bogus'",
      'hint: see `registrar-kit domains list --help` for its arguments and flags',
    ]);

    const failure = await cli(['domains', 'list', '--provider', 'dnsimple']);
    expect(failure.code).toBe(1);
    const lines = failure.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^error: .*DNSIMPLE_TOKEN/);
    expect(lines[1]).toBe('hint: set DNSIMPLE_TOKEN or use --emulate');
    expect(failure.stderr).not.toMatch(/\n\s+at /);

    const debug = await cli(['domains', 'list', '--provider', 'dnsimple', '--debug']);
    expect(debug.stderr).toMatch(/\n\s+at /);

    const table = await cli(['check', 'available-name.com', '--emulate', FOUR]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('available-name.com');
    expect(table.stdout).toMatch(/│ available-name\.com\s+│ pocketdns/);
    expect(table.stdout).not.toContain('\u001b[');
    expect(table.stderr).toBe('');
  });

  it('a missing credential names the variable and suggests --emulate', async () => {
    const run = await cli(['dns', 'list', 'example.com', '--provider', 'glauca', '--json']);
    expect(run.code).toBe(1);
    expect(errorOf(run)).toMatchObject({
      name: 'AuthenticationError',
      hint: 'set GLAUCA_TOKEN or use --emulate',
    });
  });
});

describe.runIf(built)(
  'registrar-kit CLI: demo, and never a credential in the output',
  { timeout: 60_000 },
  () => {
    const POCKET_SECRET = 'sk_live_RECOGNISABLE_FAKE_KEY_4242';
    const DOMAINR_SECRET = 'domainr-RECOGNISABLE-client-7777';
    let pocket: Awaited<ReturnType<typeof startPocketDnsEmulator>>;
    let domainr: Awaited<ReturnType<typeof startDomainrEmulator>>;

    beforeAll(async () => {
      [pocket, domainr] = await Promise.all([startPocketDnsEmulator(), startDomainrEmulator()]);
    });
    afterAll(async () => {
      await Promise.all([pocket?.close(), domainr?.close()]);
    });

    it('demo exits 0 in well under 10 seconds, human and --json', async () => {
      const started = Date.now();
      const run = await cli(['demo']);
      const elapsed = Date.now() - started;
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(elapsed).toBeLessThan(10_000);
      for (const heading of [
        '1. The provider APIs, emulated (7)',
        '2. Is the name free?',
        '3. What does',
        '4. The portfolio',
        '5. DNS',
        'Summary',
      ]) {
        expect(run.stdout).toContain(heading);
      }
      expect(run.stdout).toContain('All steps succeeded.');

      const { run: jsonRun, body } = await json<{
        failures: unknown[];
        summary: Record<string, number>;
        dns: Row;
      }>(['demo']);
      expect(jsonRun.code).toBe(0);
      expect(body.failures).toEqual([]);
      expect(body.summary).toMatchObject({
        providers: 7,
        namesChecked: 3,
        domainsListed: 6,
        recordsCopied: 3,
      });
      expect(body.summary.quotes).toBe(6);
      expect(body.summary.durationMs).toBeLessThan(10_000);
      expect(body.dns).toMatchObject({
        source: 'dnsimple',
        target: 'cloudflare',
        domain: 'test-domain-1.com',
      });
    });

    const leaks = (run: Run, secret: string) => `${run.stdout}\n${run.stderr}`.includes(secret);

    it('a refused key (401) is reported without the key, also with --debug', async () => {
      for (const extra of [['--json'], [], ['--debug']]) {
        const run = await cli(
          [
            'domains',
            'list',
            '--provider',
            'pocketdns',
            '--owner',
            'user_123',
            '--base-url',
            pocket.url,
            ...extra,
          ],
          { POCKETDNS_API_KEY: POCKET_SECRET },
        );
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/AuthenticationError|refused|401|unauthori[sz]ed/i);
        expect(leaks(run, POCKET_SECRET)).toBe(false);
      }
    });

    it('a provider that echoes the credential back (Domainr 401) is redacted', async () => {
      const run = await cli(
        ['check', 'example.com', '--provider', 'domainr', '--base-url', domainr.url, '--json', '--raw'],
        {
          DOMAINR_CLIENT_ID: DOMAINR_SECRET,
        },
      );
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).results[0].error.name).toBe('AuthenticationError');
      expect(leaks(run, DOMAINR_SECRET)).toBe(false);
    });

    it('an injected server fault and an unreachable base URL are reported without the key', async () => {
      pocket.setFaults([{ fault: { type: 'status', status: 500 } }]);
      const fault = await cli(
        [
          'domains',
          'list',
          '--provider',
          'pocketdns',
          '--owner',
          'user_123',
          '--base-url',
          pocket.url,
          '--debug',
        ],
        {
          POCKETDNS_API_KEY: pocket.seedInfo.credentials.apiKey!,
        },
      );
      pocket.setFaults([]);
      expect(fault.code).toBe(1);
      expect(leaks(fault, pocket.seedInfo.credentials.apiKey!)).toBe(false);

      const unreachable = await cli(
        ['check', 'example.com', '--provider', 'pocketdns', '--base-url', 'http://127.0.0.1:9', '--debug'],
        { POCKETDNS_API_KEY: POCKET_SECRET },
      );
      expect(unreachable.code).toBe(1);
      expect(unreachable.stdout).toContain('NetworkError');
      expect(leaks(unreachable, POCKET_SECRET)).toBe(false);
    });
  },
);
