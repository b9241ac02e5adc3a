/**
 * `getZone` / `createZone` against the emulator (https://developer.dnsimple.com/v2/zones/): the
 * zone's name servers are its apex NS records; a zone is created by adding the domain.
 */
import { ZoneSchema } from '@registrar-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { requestsTo, startDnsimple, stopDnsimple } from './test/dnsimple-test-setup.js';

afterEach(stopDnsimple);

const DNSIMPLE_NS = ['ns1.dnsimple.com', 'ns2.dnsimple.com', 'ns3.dnsimple.com', 'ns4.dnsimple.com'];

describe('getZone and createZone', () => {
  it('getZone: the zone with the name servers of its apex NS records, by name or domain id', async () => {
    const { emulator, dnsimple } = await startDnsimple();
    const name = emulator.seedInfo.ownedDomains[0]!;
    const zone = await dnsimple.getZone(name.toUpperCase());
    expect(ZoneSchema.parse(zone)).toEqual({
      provider: 'dnsimple',
      id: String(emulator.state.zones.get(name)!.id),
      name,
      nameservers: DNSIMPLE_NS,
    });
    const domain = await dnsimple.getDomain(name);
    expect(await dnsimple.getZone(domain.id)).toEqual(zone);
    await expect(dnsimple.getZone('never-added.com')).rejects.toMatchObject({
      name: 'NotFoundError',
      operation: 'getZone',
    });
  });

  it('createZone adds the domain (POST /domains {name}) and answers the new zone; a second time is refused', async () => {
    const { emulator, dnsimple } = await startDnsimple();
    const zone = await dnsimple.createZone('Bücher-Neu.com');
    expect(requestsTo(emulator, 'POST', '/v2/1010/domains')[0]!.body).toEqual({
      name: 'xn--bcher-neu-q9a.com',
    });
    expect(zone).toMatchObject({
      provider: 'dnsimple',
      name: 'xn--bcher-neu-q9a.com',
      nameservers: DNSIMPLE_NS,
    });
    expect((await dnsimple.getDomain('xn--bcher-neu-q9a.com')).status).toBe('hosted');
    await expect(dnsimple.createZone('xn--bcher-neu-q9a.com')).rejects.toMatchObject({
      name: 'ValidationError',
      status: 400,
      operation: 'createZone',
    });
  });
});
