/**
 * The README's example runs against the DNSimple emulator, so it cannot rot: the test takes the
 * first ```ts block under "## Example", points `createDnsimple` at the emulator (`baseURL`), puts a
 * seeded domain where the example says `example.com`, and reads the credentials from the
 * environment as the example says.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DnsimpleEmulator, startDnsimpleEmulator } from '@registrar-kit/testkit';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));

function readmeExample(): string {
  const readme = readFileSync(join(here, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Example'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md has no ts block under "## Example"');
  return match[1]!;
}

let emulator: DnsimpleEmulator;
const folder = mkdtempSync(join(tmpdir(), 'dnsimple-readme-'));
const script = join(folder, 'readme-example.ts');

beforeAll(async () => {
  emulator = await startDnsimpleEmulator({ rateLimits: false, seed: { domains: 2, recordsPerDomain: 0 } });
  vi.stubEnv('DNSIMPLE_TOKEN', emulator.seedInfo.credentials.token!);
  vi.stubEnv('DNSIMPLE_ACCOUNT_ID', '');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  rmSync(folder, { recursive: true, force: true });
  await emulator?.close();
});

it('the README example runs against the emulator', async () => {
  const zone = emulator.seedInfo.ownedDomains[0]!;
  const source = readmeExample()
    .replace('createDnsimple({', `createDnsimple({ baseURL: ${JSON.stringify(emulator.url)},`)
    .replaceAll("'example.com'", JSON.stringify(zone));
  expect(source).toContain(emulator.url);
  writeFileSync(script, `${source}\nexport {};\n`);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await import(/* @vite-ignore */ script);
  } finally {
    log.mockRestore();
  }
  expect(emulator.ledger.map((entry) => [entry.operation, entry.domain, entry.amount])).toEqual([
    ['register', 'ada-lovelace-shop.com', '12.99'],
    ['renew', zone, '25.98'],
  ]);
  expect([...emulator.state.contacts.values()].map((c) => c.email)).toContain('ada@example.com');
  const txt = emulator.state.zoneRecords(zone).find((record) => record.type === 'TXT');
  expect(txt?.content).toBe('"v=spf1 -all"');
  // The account was discovered through /v2/whoami (no DNSIMPLE_ACCOUNT_ID).
  expect(emulator.requests.filter((r) => r.path === '/v2/whoami')).toHaveLength(1);
});
