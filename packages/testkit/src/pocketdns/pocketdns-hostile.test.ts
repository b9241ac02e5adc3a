import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import { POCKETDNS_DEFAULT_USER, startPocketDnsEmulator } from './pocketdns-emulator.js';
import { call } from './pocketdns-test-client.js';

let emulator: RunningEmulator<unknown> | undefined;
afterEach(async () => {
  await emulator?.close();
});

describe('PocketDNS emulator: lying pages (hostile.lyingPages)', () => {
  it.each([
    ['listDomains', 'domains'],
    ['listRecords', 'records'],
  ] as const)('%s states a total of a million beside the whole short list', async (operation, key) => {
    const running = await startPocketDnsEmulator({
      rateLimits: false,
      seed: { domains: 3, recordsPerDomain: 3 },
    });
    emulator = running as RunningEmulator<unknown>;
    const domains = `/api/v1/users/${POCKETDNS_DEFAULT_USER}/domains`;
    const { id } = (await call(emulator, 'GET', domains)).body.domains[0];
    const [scenario] = running.hostile!.lyingPages!(operation);
    running.setFaults(scenario!.rules);
    const answer = await call(
      emulator,
      'GET',
      operation === 'listDomains' ? domains : `/api/v1/domains/${id}/dns`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body[key]).toHaveLength(3);
    expect(answer.body.total).toBe(1_000_000);
  });
});
