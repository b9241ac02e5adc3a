import { afterEach, describe, expect, it } from 'vitest';
import { type DnsimpleEmulator, startDnsimpleEmulator } from './dnsimple-emulator.js';
import { dnsimpleClient } from './dnsimple-test-client.js';

let emulator: DnsimpleEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
});

describe('DNSimple emulator: lying pages (hostile.lyingPages)', () => {
  it.each(['listDomains', 'listRecords'] as const)(
    '%s claims a million pages; pages past the real ones are empty',
    async (operation) => {
      emulator = await startDnsimpleEmulator({
        rateLimits: false,
        seed: { domains: 3, recordsPerDomain: 3 },
      });
      const [scenario] = emulator.hostile!.lyingPages!(operation);
      emulator.setFaults(scenario!.rules);
      const client = dnsimpleClient(emulator);
      const path =
        operation === 'listDomains'
          ? '/v2/1010/domains'
          : `/v2/1010/zones/${emulator.seedInfo.ownedDomains[0]}/records`;
      const first = await client('GET', `${path}?per_page=2`);
      expect(first.json.data).toHaveLength(2);
      expect(first.json.pagination).toEqual({
        current_page: 1,
        per_page: 2,
        total_entries: 2_000_000,
        total_pages: 1_000_000,
      });
      const beyond = await client('GET', `${path}?per_page=2&page=10`);
      expect(beyond.json.data).toEqual([]);
      expect(beyond.json.pagination.total_pages).toBe(1_000_000);
    },
  );
});
