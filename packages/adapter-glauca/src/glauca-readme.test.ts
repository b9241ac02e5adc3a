/** The README's example, run against the Glauca emulator, so it cannot rot. */
import { readmeExample, runReadmeExample, startGlaucaEmulator } from '@registrar-kit/testkit';
import { afterAll, expect, it, vi } from 'vitest';
import type { GlaucaOptions } from './glauca-client.js';
import { createGlauca } from './glauca-registrar.js';

const emulator = await startGlaucaEmulator({ rateLimits: false, seed: { domains: 1 } });
afterAll(async () => {
  await emulator.close();
  vi.unstubAllEnvs();
});

it('README example: registers with a ContactInput under maxPrice, renews and polls, creates the zone, delegates, adds a record, reads the auth code', async () => {
  vi.stubEnv('GLAUCA_TOKEN', emulator.seedInfo.credentials.token!);
  // The example as written; only the hosts point at the emulator.
  const atEmulator = (options: GlaucaOptions = {}) =>
    createGlauca({ ...options, baseURL: emulator.url, dnsBaseURL: emulator.url, rateLimit: false });
  await runReadmeExample(
    readmeExample(new URL('../README.md', import.meta.url)),
    { '@registrar-kit/adapter-glauca': { createGlauca: atEmulator } },
    console,
  );

  expect(emulator.ledger.map((entry) => [entry.operation, entry.domain])).toEqual([
    ['register', 'example-shop.com'],
    ['renew', 'example-shop.com'],
  ]);
  const domain = [...emulator.state.domains.values()].find((d) => d.domain === 'example-shop.com')!;
  expect(domain.nameServers.map((ns) => ns.host_object)).toEqual([
    'ns1.as207960.net',
    'ns2.as207960.net',
    'ns3.as207960.net',
    'ns4.as207960.net',
  ]);
  const zone = [...emulator.state.zones.values()].find((z) => z.zoneRoot === 'example-shop.com')!;
  expect(emulator.state.recordsOfZone(zone.id).map((r) => [r.kind, r.fields.exchange])).toEqual([
    ['mx', 'mail.example-shop.com'],
  ]);
  expect(emulator.requests.filter((r) => r.path === '/api/contacts/' && r.method === 'POST')).toHaveLength(1);
});
