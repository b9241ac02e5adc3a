/**
 * The CLI as a newcomer meets it (issue 18), run in process: tables fit COLUMNS=80, bad input is
 * exit 2 with a hint saying what to do, CLI-worded credential errors, --owner, provider ids in any
 * case, compare --json's converted value, --no-color and the spinner, and `portfolio`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorOf, run, seededZone } from '../test/run-cli-in-process.js';

const widest = (text: string) => Math.max(0, ...text.split('\n').map((line) => [...line].length));

describe('tables fit an 80-column terminal', { timeout: 30_000 }, () => {
  it('check without credentials (long error cells)', async () => {
    const result = await run(['check', 'example.com']);
    expect(result.stdout).toContain('DNSIMPLE_TOKEN');
    expect(widest(result.stdout)).toBeLessThanOrEqual(80);
  });

  it('Glauca dns list against the emulator', async () => {
    const zone = await seededZone('glauca');
    const result = await run(['dns', 'list', zone, '--provider', 'glauca', '--emulate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('│');
    expect(widest(result.stdout)).toBeLessThanOrEqual(80);
  });

  it('the demo, notes included, over every provider', async () => {
    const result = await run(['demo']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('All steps succeeded.');
    expect(widest(result.stdout)).toBeLessThanOrEqual(80);
  });
});

describe('bad input is exit 2 with a hint saying what to do', () => {
  it.each([
    [['dns', 'add', 'a.com', '--type', 'MX', '--content', 'mail.a.com'], /pass --priority/],
    [['dns', 'add', 'a.com', '--type', 'A', '--content', '999.1.1.1'], /fix --content/],
    [['domains', 'list', '--base-url', 'notaurl'], /pass --base-url https:\/\//],
  ])('%j', async (args, hint) => {
    const result = await run([...args, '--provider', 'dnsimple', '--json'], {
      DNSIMPLE_TOKEN: 't',
      DNSIMPLE_ACCOUNT_ID: '1',
    });
    expect(result.code).toBe(2);
    expect(errorOf(result).hint).toMatch(hint);
  });

  it('a zone file with errors', async () => {
    const zone = await seededZone('pocketdns');
    const dir = mkdtempSync(join(tmpdir(), 'rk-zone-'));
    const json = join(dir, 'zone.json');
    writeFileSync(json, JSON.stringify([{ type: 'A', name: 'www', content: '192.0.2.1', priority: 1.5 }]));
    const bind = join(dir, 'zone.txt');
    writeFileSync(bind, `$ORIGIN ${zone}.\n$TTL 300\nwww IN A 999.1.1.1\n`);
    for (const file of [json, bind]) {
      const result = await run([
        'dns',
        'diff',
        zone,
        '--file',
        file,
        '--provider',
        'pocketdns',
        '--emulate',
        '--json',
      ]);
      expect(result.code, file).toBe(2);
      expect(errorOf(result).hint, file).toMatch(/^fix /);
    }
  });
});

describe('credentials, --owner and provider ids', () => {
  it('a missing credential is worded for the shell, not for the library', async () => {
    const noOwner = await run(['domains', 'list', '--provider', 'pocketdns']);
    expect(noOwner.code).toBe(2);
    expect(noOwner.stderr).toContain('error: PocketDNS needs the user whose domains to use');
    expect(noOwner.stderr).toContain('hint: pass --owner <user_identifier>');
    const result = await run(['domains', 'list', '--provider', 'pocketdns', '--owner', 'user_123']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: no PocketDNS credentials: POCKETDNS_API_KEY is not set');
    expect(result.stderr).toContain('hint: set POCKETDNS_API_KEY or use --emulate');
    expect(result.stderr).not.toMatch(/createPocketDns|`apiKey`/);
  });

  it('--owner is honoured for PocketDNS and refused for a provider without owners', async () => {
    const own = await run(['domains', 'list', '--provider', 'pocketdns', '--emulate', '--json']);
    const other = await run([
      'domains',
      'list',
      '--provider',
      'pocketdns',
      '--emulate',
      '--owner',
      'user_nobody',
      '--json',
    ]);
    expect((JSON.parse(own.stdout) as { domains: unknown[] }).domains.length).toBeGreaterThan(0);
    expect(
      other.stdout === '' || (JSON.parse(other.stdout) as { domains: unknown[] }).domains.length === 0,
    ).toBe(true);
    const refused = await run([
      'domains',
      'list',
      '--provider',
      'glauca',
      '--emulate',
      '--owner',
      'x',
      '--json',
    ]);
    expect(refused.code).toBe(2);
    expect(errorOf(refused)).toMatchObject({
      name: 'UsageError',
      message: '--owner applies to PocketDNS only',
    });
  });

  it('--provider is case-insensitive, and output ids are lower-case', async () => {
    const result = await run(['domains', 'list', '--provider', 'GLAUCA', '--emulate', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ provider: 'glauca' });
  });
});

describe('compare and colours', () => {
  it('compare --json carries the converted value the table shows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-rates-'));
    const rates = join(dir, 'rates.json');
    writeFileSync(rates, JSON.stringify({ USD: 1, GBP: 1.25 }));
    const result = await run(['compare', 'available-name.com', '--emulate', '--rates', rates, '--json']);
    const body = JSON.parse(result.stdout) as {
      quotes: { price: { amount: string; currency: string }; convertedValue: string | null }[];
    };
    expect(body.quotes.length).toBeGreaterThan(0);
    for (const quote of body.quotes) {
      const rate = { USD: 1, GBP: 1.25 }[quote.price.currency];
      expect(quote.convertedValue).toBe(
        rate === undefined ? null : (Number(quote.price.amount) * rate).toFixed(2),
      );
    }
    const table = await run(['compare', 'available-name.com', '--emulate', '--rates', rates]);
    const first = body.quotes.find((quote) => quote.convertedValue !== null)!;
    expect(table.stdout).toContain(first.convertedValue);
  });

  it('--no-color and NO_COLOR leave no coloured spinner on a terminal', async () => {
    const plain = await run(['check', 'available-name.com', '--emulate', '--no-color'], {}, true);
    expect(plain.stderr).toBe('');
    const noColor = await run(['check', 'available-name.com', '--emulate'], { NO_COLOR: '1' }, true);
    expect(noColor.stderr).toBe('');
  });
});
