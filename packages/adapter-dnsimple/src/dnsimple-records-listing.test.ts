/**
 * `listRecords` leaves out system records (SOA, apex NS) and child records; a page holding only
 * those is not an empty page: the listing goes on (https://developer.dnsimple.com/v2/zones/records/).
 */
import { toArray } from '@registrar-kit/core';
import { afterEach, expect, it } from 'vitest';
import { startDnsimple, stopDnsimple } from './test/dnsimple-test-setup.js';

afterEach(stopDnsimple);

it('a page of system records only does not end the listing: every user record is listed', async () => {
  const { emulator, dnsimple } = await startDnsimple({ seed: { domains: 1, recordsPerDomain: 3 } });
  const zone = emulator.seedInfo.ownedDomains[0]!;
  // Ids ascending: SOA and four apex NS records first, then the three seeded records.
  const expected = emulator.state
    .zoneRecords(zone)
    .filter((record) => !record.system_record)
    .map((record) => String(record.id));
  expect(expected).toHaveLength(3);
  for (const pageSize of [1, 2, 3, 100]) {
    const records = await toArray(dnsimple.listRecords(zone, { pageSize }));
    expect(records.map((record) => record.id)).toEqual(expected);
  }
});
