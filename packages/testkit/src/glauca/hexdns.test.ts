import { describe, expect, it } from 'vitest';
import { type glaucaClient, glaucaTestStarter } from './glauca-test-client.js';

const start = glaucaTestStarter();

async function zoneOf(call: ReturnType<typeof glaucaClient>, root: string) {
  const list = await call('GET', '/api/dns_zones/?limit=1000');
  return list.body.results.find((z: { zone_root: string }) => z.zone_root === root);
}

describe('HexDNS zones', () => {
  it('lists zones paginated (25 by default) with every record array embedded', async () => {
    const { call, emu } = await start({ seed: { domains: 30 } });
    const res = await call('GET', '/api/dns_zones/');
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(30);
    expect(res.body.results).toHaveLength(25);
    expect(res.body.next).toBe(`${emu.url}/api/dns_zones/?limit=25&offset=25`);
    const zone = res.body.results[0];
    expect(zone.id).toMatch(/^hexdns_zone_[0-9a-f]{32}$/);
    expect(Object.keys(zone)).toEqual([
      'url',
      'id',
      'zone_root',
      'last_modified',
      'active',
      'dnssec',
      'address_records',
      'dynamic_address_records',
      'aname_records',
      'cname_records',
      'mx_records',
      'ns_records',
      'txt_records',
      'srv_records',
      'caa_records',
      'naptr_records',
      'sshfp_records',
      'ds_records',
      'loc_records',
      'hinfo_records',
      'rp_records',
      'https_records',
    ]);
    expect(zone.dnssec[0]).toMatchObject({
      algorithm: 13,
      digest_type: 2,
      key: { flags: 257, protocol: 3, algorithm: 13 },
    });
  });

  it('embeds the seeded records with their per-type field names', async () => {
    const { call } = await start({ seed: { recordsPerDomain: 6 } });
    const zone = await zoneOf(call, 'test-domain-1.com');
    const full = (await call('GET', `/api/dns_zones/${zone.id}/`)).body;
    const strip = (r: Record<string, unknown>) => {
      const { url: _u, id: _i, zone: _z, zone_url: _zu, ...rest } = r;
      return rest;
    };
    expect(full.address_records.map(strip)).toEqual([
      { record_name: '@', address: '192.0.2.1', auto_reverse: false, ttl: 3600 },
      { record_name: '@', address: '2001:db8::1', auto_reverse: false, ttl: 3600 },
      { record_name: 'host-6', address: '192.0.2.6', auto_reverse: false, ttl: 3600 },
    ]);
    expect(full.cname_records.map(strip)).toEqual([
      { record_name: 'www', alias: 'test-domain-1.com', ttl: 3600 },
    ]);
    expect(full.mx_records.map(strip)).toEqual([
      { record_name: '@', exchange: 'mx1.test-domain-1.com', priority: 10, ttl: 3600 },
    ]);
    expect(full.txt_records.map(strip)).toEqual([{ record_name: '@', data: 'v=spf1 -all', ttl: 3600 }]);
    expect(full.mx_records[0].zone).toBe(zone.id);
  });

  it('creates a zone (201 + Location); refuses duplicates, subdomains of existing zones and non-registrable names', async () => {
    const { call } = await start();
    const res = await call('POST', '/api/dns_zones/', { zone_root: 'New-Zone.org' });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(res.body.url);
    expect(res.body.zone_root).toBe('new-zone.org');
    expect(res.body.address_records).toEqual([]);
    for (const root of ['new-zone.org', 'sub.test-domain-1.com']) {
      const dup = await call('POST', '/api/dns_zones/', { zone_root: root });
      expect(dup.status).toBe(400);
      expect(dup.body).toEqual({ detail: 'Same or more generic zone already exists' });
    }
    const bad = await call('POST', '/api/dns_zones/', { zone_root: 'co.uk' });
    expect(bad.body).toEqual({ detail: 'Zone not a publicly registrable domain' });
    expect((await call('DELETE', `/api/dns_zones/${res.body.id}/`)).status).toBe(204);
    expect((await call('GET', `/api/dns_zones/${res.body.id}/`)).status).toBe(404);
  });

  it('402 billing_error when a billable zone cannot be paid', async () => {
    const { call } = await start({ balance: '0.00' });
    const res = await call('POST', '/api/dns_zones/', { zone_root: 'fourth-zone.com' });
    expect(res.status).toBe(402);
    expect(res.body).toEqual({ detail: 'Error billing account' });
  });
});

describe('HexDNS records', () => {
  it('MX create → 201 + Location, listed in the zone afterwards; update; delete → 204', async () => {
    const { call, emu } = await start();
    const zone = await zoneOf(call, 'test-domain-1.com');
    const res = await call('POST', '/api/zone_mx_records/', {
      zone: zone.id,
      record_name: '@',
      exchange: 'Mail.Example.com',
      priority: 20,
      ttl: 300,
    });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^hexdns_zonemxrecord_[0-9a-f]{32}$/);
    expect(res.headers.get('location')).toBe(`${emu.url}/api/zone_mx_records/${res.body.id}/`);
    expect(res.body).toEqual({
      url: `${emu.url}/api/zone_mx_records/${res.body.id}/`,
      id: res.body.id,
      zone: zone.id,
      zone_url: `${emu.url}/api/dns_zones/${zone.id}/`,
      record_name: '@',
      exchange: 'mail.example.com',
      priority: 20,
      ttl: 300,
    });
    const listed = (await call('GET', `/api/dns_zones/${zone.id}/`)).body.mx_records;
    expect(listed.map((r: { id: string }) => r.id)).toContain(res.body.id);

    const patched = await call('PATCH', `/api/zone_mx_records/${res.body.id}/`, {
      priority: 5,
      zone: 'ignored',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      priority: 5,
      exchange: 'mail.example.com',
      ttl: 300,
      zone: zone.id,
    });
    const put = await call('PUT', `/api/zone_mx_records/${res.body.id}/`, { exchange: 'mx.example.com' });
    expect(put.status).toBe(400);
    expect(put.body).toEqual({ priority: ['This field is required.'] });

    expect((await call('DELETE', `/api/zone_mx_records/${res.body.id}/`)).status).toBe(204);
    expect((await call('GET', `/api/zone_mx_records/${res.body.id}/`)).status).toBe(404);
  });

  it('validation: MX without priority, negative TTL, bad address, missing/unknown zone', async () => {
    const { call } = await start();
    const zone = await zoneOf(call, 'test-domain-1.com');
    const mx = await call('POST', '/api/zone_mx_records/', { zone: zone.id, exchange: 'mx.example.com' });
    expect(mx.status).toBe(400);
    expect(mx.body).toEqual({ priority: ['This field is required.'] });
    const ttl = await call('POST', '/api/zone_txt_records/', { zone: zone.id, data: 'x', ttl: -1 });
    expect(ttl.body).toEqual({ ttl: ['Ensure this value is greater than or equal to 0.'] });
    const address = await call('POST', '/api/zone_address_records/', { zone: zone.id, address: '300.1.1.1' });
    expect(address.body).toEqual({ address: ['Enter a valid IPv4 or IPv6 address.'] });
    const noZone = await call('POST', '/api/zone_txt_records/', { data: 'x' });
    expect(noZone.body).toEqual({ zone: ['This field is required.'] });
    const unknown = await call('POST', '/api/zone_txt_records/', { zone: 'hexdns_zone_nope', data: 'x' });
    expect(unknown.body).toEqual({ zone: ['Invalid pk "hexdns_zone_nope" - object does not exist.'] });
    const port = await call('POST', '/api/zone_srv_records/', {
      zone: zone.id,
      record_name: '_sip._tcp',
      priority: 1,
      weight: 2,
      port: 70000,
      target: 'sip.example.com',
    });
    expect(port.body).toEqual({ port: ['Ensure this value is less than or equal to 65535.'] });
  });

  it('defaults: record_name "@", ttl 3600, auto_reverse true; A vs AAAA share one endpoint', async () => {
    const { call } = await start();
    const zone = await zoneOf(call, 'test-domain-1.com');
    const v6 = await call('POST', '/api/zone_address_records/', { zone: zone.id, address: '2001:db8::2' });
    expect(v6.body).toMatchObject({
      record_name: '@',
      address: '2001:db8::2',
      auto_reverse: true,
      ttl: 3600,
    });
    const caa = await call('POST', '/api/zone_caa_records/', {
      zone: zone.id,
      flag: 0,
      tag: 'issue',
      value: 'letsencrypt.org',
    });
    expect(caa.body).toMatchObject({ flag: 0, tag: 'issue', value: 'letsencrypt.org' });
    const srv = await call('POST', '/api/zone_srv_records/', {
      zone: zone.id,
      record_name: '_SIP._tcp',
      priority: 10,
      weight: 60,
      port: 5060,
      target: 'SIP.example.com',
    });
    // record_name lower-cased; SRV target stored as sent.
    expect(srv.body).toMatchObject({ record_name: '_sip._tcp', target: 'SIP.example.com' });
    for (const [path, body] of [
      ['/api/zone_aname_records/', { alias: 'target.example.net' }],
      ['/api/zone_ns_records/', { record_name: 'sub', nameserver: 'ns1.example.net' }],
    ] as const) {
      const res = await call('POST', path, { zone: zone.id, ...body });
      expect(res.status).toBe(201);
    }
  });

  it('per-type lists span every zone, paginated', async () => {
    const { call } = await start({ seed: { domains: 30 } });
    const res = await call('GET', '/api/zone_mx_records/?limit=10&offset=20');
    expect(res.body.count).toBe(30);
    expect(res.body.results).toHaveLength(10);
    expect(res.body.next).toBeNull();
  });

  it('CNAME at the apex: accepted as the API does; refused with modelValidation', async () => {
    const loose = await start();
    const zone = await zoneOf(loose.call, 'test-domain-1.com');
    const accepted = await loose.call('POST', '/api/zone_cname_records/', {
      zone: zone.id,
      record_name: '@',
      alias: 'x.example.com',
    });
    expect(accepted.status).toBe(201);
    await loose.emu.close();

    const strict = await start({ modelValidation: true });
    const zone2 = await zoneOf(strict.call, 'test-domain-1.com');
    const apex = await strict.call('POST', '/api/zone_cname_records/', {
      zone: zone2.id,
      record_name: '@',
      alias: 'x.example.com',
    });
    expect(apex.status).toBe(400);
    expect(apex.body).toEqual({ non_field_errors: ['CNAME records cannot exit at the zone root'] });
    const beside = await strict.call('POST', '/api/zone_txt_records/', {
      zone: zone2.id,
      record_name: 'www',
      data: 'x',
    });
    expect(beside.body).toEqual({ non_field_errors: ['A CNAME already exists with the same label'] });
  });
});
