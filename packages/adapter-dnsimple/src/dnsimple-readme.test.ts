/**
 * The README's example runs against the DNSimple emulator, so it cannot rot: the test takes the
 * first ```ts block under "## Example", points `createDnsimple` at the emulator (`baseURL`), puts a
 * seeded domain where the example says `example.com`, and reads the credentials from the
 * environment as the example says.
 */
import * as core from '@registrar-kit/core';
import {
  type DnsimpleEmulator,
  readmeExample,
  runReadmeExample,
  startDnsimpleEmulator,
} from '@registrar-kit/testkit';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createDnsimple, type DnsimpleOptions } from './index.js';

let emulator: DnsimpleEmulator;

beforeAll(async () => {
  emulator = await startDnsimpleEmulator({ rateLimits: false, seed: { domains: 2, recordsPerDomain: 0 } });
  vi.stubEnv('DNSIMPLE_TOKEN', emulator.seedInfo.credentials.token!);
  vi.stubEnv('DNSIMPLE_ACCOUNT_ID', '');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await emulator?.close();
});

it('the README example runs against the emulator', async () => {
  const zone = emulator.seedInfo.ownedDomains[0]!;
  const example = readmeExample(new URL('../README.md', import.meta.url));
  expect(example.imports).toContainEqual({ name: 'createDnsimple', from: '@registrar-kit/adapter-dnsimple' });
  // The example as written; only the API is the emulator and 'example.com' a seeded domain.
  const atEmulator = (options: DnsimpleOptions = {}) => createDnsimple({ ...options, baseURL: emulator.url });
  await runReadmeExample(
    { ...example, body: example.body.replaceAll("'example.com'", JSON.stringify(zone)) },
    { '@registrar-kit/core': core, '@registrar-kit/adapter-dnsimple': { createDnsimple: atEmulator } },
    { log: () => {} },
  );
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
