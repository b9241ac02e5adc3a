import { afterEach, describe, expect, it } from 'vitest';
import { startGlaucaEmulator } from './glauca-emulator.js';
import { glaucaClient } from './glauca-test-client.js';

let emulator: Awaited<ReturnType<typeof startGlaucaEmulator>> | undefined;
afterEach(async () => {
  await emulator?.close();
});

describe('Glauca emulator: lying pages (hostile.lyingPages)', () => {
  it('has nothing to lie with in the domain list (one plain array)', async () => {
    emulator = await startGlaucaEmulator({ rateLimits: false });
    expect(emulator.hostile!.lyingPages!('listDomains')).toEqual([]);
  });

  it('the zone list claims a million zones on empty pages whose next link always moves on', async () => {
    emulator = await startGlaucaEmulator({ rateLimits: false, seed: { domains: 3 } });
    const [endless] = emulator.hostile!.lyingPages!('listRecords');
    emulator.setFaults(endless!.rules);
    const client = glaucaClient(emulator.url);
    const page = await client('GET', '/api/dns_zones/?limit=2&offset=4');
    expect(page.body).toEqual({
      count: 1_000_000,
      next: `${emulator.url}/api/dns_zones/?limit=2&offset=6`,
      previous: null,
      results: [],
    });
  });

  it('the zone list points its next link back at the same page, holding only a decoy zone', async () => {
    emulator = await startGlaucaEmulator({ rateLimits: false, seed: { domains: 3 } });
    const [, repeating] = emulator.hostile!.lyingPages!('listRecords');
    emulator.setFaults(repeating!.rules);
    const client = glaucaClient(emulator.url);
    const page = await client('GET', '/api/dns_zones/');
    expect(page.body.count).toBe(1_000_000);
    expect(page.body.next).toBe(`${emulator.url}/api/dns_zones/?limit=25&offset=0`);
    expect(page.body.results.map((zone: { zone_root: string }) => zone.zone_root)).toEqual([
      'hostile-decoy.example',
    ]);
    expect(
      (await client('GET', new URL(page.body.next).pathname + new URL(page.body.next).search)).body,
    ).toEqual(page.body);
  });

  it('completeOrdersAtOnce: a renewal answered after it is a completed order', async () => {
    emulator = await startGlaucaEmulator({ rateLimits: false, seed: { domains: 3 } });
    const client = glaucaClient(emulator.url);
    const [id] = emulator.state.domains.keys();
    const renew = () => client('POST', `/api/domains/${id}/renew/`, { period: { unit: 'y', value: 1 } });
    expect((await renew()).body.state).toBe('started');
    emulator.hostile!.completeOrdersAtOnce!();
    expect((await renew()).body.state).toBe('completed');
  });
});
