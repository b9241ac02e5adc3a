/**
 * The README's example runs against the PocketDNS emulator, so it cannot rot: the test takes the
 * first ```ts block under "## Example", points `createPocketDns` at the emulator (`baseURL`) and
 * puts a seeded domain where the example says `test-domain-1.com` (already the first seeded name).
 */
import * as core from '@registrar-kit/core';
import {
  type PocketDnsState,
  type RunningEmulator,
  readmeExample,
  runReadmeExample,
} from '@registrar-kit/testkit';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createPocketDns, type PocketDnsOptions } from './index.js';
import { startWithEmulator } from './test/pocketdns-test-setup.js';

let emulator: RunningEmulator<PocketDnsState>;

beforeAll(async () => {
  ({ emulator } = await startWithEmulator({ seed: { domains: 2, recordsPerDomain: 0 } }));
  vi.stubEnv('POCKETDNS_API_KEY', emulator.seedInfo.credentials.apiKey!);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await emulator?.close();
});

it('the README example runs against the emulator', async () => {
  const zone = emulator.seedInfo.ownedDomains[0]!;
  const example = readmeExample(new URL('../README.md', import.meta.url));
  expect(example.imports).toContainEqual({
    name: 'createPocketDns',
    from: '@registrar-kit/adapter-pocketdns',
  });
  // The example as written; only the API is the emulator and 'example.com' a seeded domain.
  const atEmulator = (options: PocketDnsOptions = {}) =>
    createPocketDns({ ...options, baseURL: emulator.url });
  await runReadmeExample(
    { ...example, body: example.body.replaceAll("'example.com'", JSON.stringify(zone)) },
    { '@registrar-kit/core': core, '@registrar-kit/adapter-pocketdns': { createPocketDns: atEmulator } },
    { log: () => {} },
  );
  const charged = emulator.ledger.filter((entry) => entry.operation === 'renew');
  expect(charged).toMatchObject([{ domain: zone, amount: '12.99', currency: 'USD' }]);
  const srv = [...emulator.state.domains.values()]
    .flatMap((domain) => domain.records)
    .find((record) => record.type === 'SRV');
  expect(srv?.content).toBe('10 60 5060 sip.test-domain-1.com');
});
