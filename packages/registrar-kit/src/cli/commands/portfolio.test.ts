import { DOMAIN_FLAGS, type DomainFlag } from '@registrar-kit/core';
import { describe, expect, it, vi } from 'vitest';
import { errorOf, run } from '../../test/run-cli-in-process.js';

interface PortfolioJson {
  withinDays: number;
  needsAttention: boolean;
  entries: { domain: { name: string; provider: string; expiresAt: string | null }; flags: DomainFlag[] }[];
  failures: { provider: string; error: { name: string; code: string; message: string } }[];
}

const widest = (text: string) => Math.max(0, ...text.split('\n').map((line) => [...line].length));

describe('registrar-kit portfolio', { timeout: 60_000 }, () => {
  it('lists every provider that lists domains in one list sorted by expiry; exit 3 when something needs attention', async () => {
    const result = await run(['portfolio', '--emulate', '--json']);
    const body = JSON.parse(result.stdout) as PortfolioJson;
    expect(body.withinDays).toBe(30);
    expect(new Set(body.entries.map((entry) => entry.domain.provider))).toEqual(
      new Set(['pocketdns', 'glauca', 'dnsimple', 'porkbun', 'namecheap', 'cloudflare']),
    );
    const expiries = body.entries.map((entry) => entry.domain.expiresAt ?? '9999');
    expect(expiries).toEqual([...expiries].sort());
    for (const entry of body.entries) for (const flag of entry.flags) expect(DOMAIN_FLAGS).toContain(flag);
    expect(body.failures).toEqual([]);
    expect(body.needsAttention).toBe(body.entries.some((entry) => entry.flags.length > 0));
    expect(result.code).toBe(body.needsAttention ? 3 : 0);
  });

  it('--within widens what counts as expiring soon', async () => {
    const count = async (days: string) => {
      const body = JSON.parse(
        (await run(['portfolio', '--emulate', '--within', days, '--json'])).stdout,
      ) as PortfolioJson;
      return body.entries.filter((entry) => entry.flags.includes('expiring_without_auto_renew')).length;
    };
    const [none, all] = [await count('0'), await count('3650')];
    expect(all).toBeGreaterThan(none);
  });

  it('the table fits 80 columns; --csv has one row per domain', async () => {
    const table = await run(['portfolio', '--emulate']);
    expect(table.stdout).toContain('│');
    expect(widest(table.stdout)).toBeLessThanOrEqual(80);
    const json = JSON.parse((await run(['portfolio', '--emulate', '--json'])).stdout) as PortfolioJson;
    const csv = await run(['portfolio', '--emulate', '--csv']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('provider,domain,status,expires_at,auto_renew,transfer_lock,flags');
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(
      json.entries.map((entry) => entry.domain.name),
    );
    expect(csv.code).toBe(table.code);
  });

  it('a provider that fails is reported and the run exits 3', async () => {
    // The adapter reads its credentials from the process's environment.
    vi.stubEnv('DNSIMPLE_TOKEN', 'token');
    vi.stubEnv('DNSIMPLE_ACCOUNT_ID', '1');
    const result = await run([
      'portfolio',
      '--provider',
      'dnsimple',
      '--base-url',
      'http://127.0.0.1:1',
      '--json',
    ]);
    vi.unstubAllEnvs();
    const body = JSON.parse(result.stdout) as PortfolioJson;
    expect(body.failures).toEqual([
      { provider: 'dnsimple', error: expect.objectContaining({ name: 'NetworkError', code: 'network' }) },
    ]);
    expect(result.code).toBe(3);
  });

  it('without credentials or --emulate: exit 2 naming the variables to set', async () => {
    const result = await run(['portfolio', '--json']);
    expect(result.code).toBe(2);
    expect(errorOf(result).hint).toMatch(/POCKETDNS_API_KEY.*GLAUCA_TOKEN.*DNSIMPLE_TOKEN.*--emulate/);
  });

  it('--csv with --json, and a bad --within, are usage errors', async () => {
    expect((await run(['portfolio', '--emulate', '--csv', '--json'])).code).toBe(2);
    expect((await run(['portfolio', '--emulate', '--within', 'soon', '--json'])).code).toBe(2);
  });
});
