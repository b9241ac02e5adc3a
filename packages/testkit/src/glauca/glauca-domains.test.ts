import { describe, expect, it } from 'vitest';
import { domainIdOf, glaucaTestStarter } from './glauca-test-client.js';

const start = glaucaTestStarter();

const idOf = domainIdOf;

const year1 = { unit: 'y', value: 1 };

describe('Glauca domains: list and retrieve', () => {
  it('lists every domain as a plain array (no pagination envelope), in seed order, IDN in punycode', async () => {
    const { call } = await start({ seed: { domains: 5 } });
    const res = await call('GET', '/api/domains/?limit=2');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.body.map((d: { domain: string }) => d.domain)).toEqual([
      'test-domain-1.com',
      'test-domain-2.com',
      'test-domain-3.com',
      'test-domain-4.com',
      'xn--bcher-kva.com',
    ]);
  });

  it.each([0, 1, 99, 100, 101, 250])('serves exactly %i seeded domains', async (n) => {
    const { call, emu } = await start({ seed: { domains: n } });
    const res = await call('GET', '/api/domains/');
    expect(res.body).toHaveLength(n);
    expect(emu.seedInfo.ownedDomains).toHaveLength(n);
  });

  it('serves 10,000 domains', async () => {
    const { call } = await start({ seed: { domains: 10_000, recordsPerDomain: 1 } });
    const res = await call('GET', '/api/domains/');
    expect(res.body).toHaveLength(10_000);
    expect(res.body[9_998].domain).toBe('test-domain-9999.com');
  });

  it('has the documented domain object fields and typed ids', async () => {
    const { call, emu } = await start();
    const id = await idOf(call, 'test-domain-1.com');
    const res = await call('GET', `/api/domains/${id}/`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual([
      'url',
      'id',
      'domain',
      'statuses',
      'deleted',
      'registrant',
      'registrant_url',
      'admin_contact',
      'admin_contact_url',
      'billing_contact',
      'billing_contact_url',
      'tech_contact',
      'tech_contact_url',
      'name_servers',
      'hosts',
      'rgp_state',
      'auth_info',
      'sec_dns',
      'created',
      'expiry',
      'last_updated',
      'last_transferred',
    ]);
    expect(res.body.id).toMatch(/^domains_domainregistration_[0-9a-f]{32}$/);
    expect(res.body.url).toBe(`${emu.url}/api/domains/${id}/`);
    expect(res.body.statuses).toEqual(['ok']);
    expect(res.body.auth_info).toHaveLength(16);
    expect(res.body.created).toBe('2024-01-15T00:00:00Z');
    expect(res.body.expiry).toBe('2030-01-15T00:00:00Z');
    expect(res.body.name_servers).toEqual([
      { host_object: 'ns1.as207960.net', host_name: null, addresses: null },
      { host_object: 'ns2.as207960.net', host_name: null, addresses: null },
    ]);
  });

  it('accepts the bare UUID (with dashes) in place of the typed id', async () => {
    const { call } = await start();
    const id = await idOf(call, 'test-domain-1.com');
    const hex = id.slice(-32);
    const dashed = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const res = await call('GET', `/api/domains/${dashed}/`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(id);
  });

  it('answers 404 {"detail": "Not found."} for an unknown id', async () => {
    const { call } = await start();
    const res = await call(
      'GET',
      '/api/domains/domains_domainregistration_00000000000000000000000000000000/',
    );
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Not found.' });
  });

  it('seeds special states: transfer lock, pending transfer, redemption (deleted: true, still listed)', async () => {
    const { call, emu } = await start({ seed: { domains: 5 } });
    const list = (await call('GET', '/api/domains/')).body as {
      domain: string;
      statuses: string[];
      deleted: boolean;
      rgp_state: string[];
    }[];
    const by = Object.fromEntries(list.map((d) => [d.domain, d]));
    expect(by['test-domain-2.com']!.statuses).toEqual(['client_transfer_prohibited']);
    expect(by['test-domain-3.com']!.statuses).toEqual(['pending_transfer']);
    expect(by['test-domain-4.com']!.deleted).toBe(true);
    expect(by['test-domain-4.com']!.rgp_state).toEqual(['redemption_grace_period']);
    expect(by['test-domain-1.com']!.statuses).toEqual(['ok']);
    expect(emu.state.presets).toEqual({
      'test-domain-2.com': 'transfer-locked',
      'test-domain-3.com': 'pending-transfer',
      'test-domain-4.com': 'redemption',
    });
  });

  it('redirects a path without its trailing slash (301, Django APPEND_SLASH)', async () => {
    const { call } = await start();
    const res = await call('GET', '/api/domains?x=1');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/api/domains/?x=1');
  });
});

describe('Glauca domains: PATCH / PUT', () => {
  it('block_transfer sets and clears client_transfer_prohibited, visible on a later GET', async () => {
    const { call } = await start();
    const id = await idOf(call, 'test-domain-1.com');
    const on = await call('PATCH', `/api/domains/${id}/`, { block_transfer: true });
    expect(on.status).toBe(200);
    expect(on.body.statuses).toEqual(['client_transfer_prohibited']);
    expect((await call('GET', `/api/domains/${id}/`)).body.statuses).toEqual(['client_transfer_prohibited']);
    const off = await call('PATCH', `/api/domains/${id}/`, { block_transfer: false });
    expect(off.body.statuses).toEqual(['ok']);
  });

  it('name_servers replaces the set; each entry needs all three keys', async () => {
    const { call } = await start();
    const id = await idOf(call, 'test-domain-1.com');
    const ns = [{ host_object: 'NS1.Example.net', host_name: null, addresses: null }];
    const res = await call('PATCH', `/api/domains/${id}/`, { name_servers: ns });
    expect(res.status).toBe(200);
    expect(res.body.name_servers).toEqual([
      { host_object: 'ns1.example.net', host_name: null, addresses: null },
    ]);
    const bad = await call('PATCH', `/api/domains/${id}/`, {
      name_servers: [
        { host_object: 'ns1.example.net' },
        { host_object: null, host_name: 'ns.x.com', addresses: ['nope'] },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      name_servers: [
        { host_name: ['This field is required.'], addresses: ['This field is required.'] },
        { addresses: { '0': ['Enter a valid IPv4 or IPv6 address.'] } },
      ],
    });
    const empty = await call('PATCH', `/api/domains/${id}/`, { name_servers: [] });
    expect(empty.body.statuses).toEqual(['inactive']);
  });

  it('sec_dns: DS data set, both forms refused, neither refused, null removes', async () => {
    const { call } = await start();
    const id = await idOf(call, 'test-domain-1.com');
    const ds = { key_tag: 6687, algorithm: 13, digest_type: 2, digest: '66818ACF61D1EF06', key_data: null };
    const key = { flags: 257, protocol: 3, algorithm: 13, public_key: 'AwEAAQ==' };
    const set = await call('PATCH', `/api/domains/${id}/`, {
      sec_dns: { max_sig_life: 'P1D', ds_data: [ds], key_data: null },
    });
    expect(set.status).toBe(200);
    expect(set.body.sec_dns).toEqual({ max_sig_life: '1 00:00:00', ds_data: [ds], key_data: null });

    const both = await call('PATCH', `/api/domains/${id}/`, {
      sec_dns: { max_sig_life: null, ds_data: [ds], key_data: [key] },
    });
    expect(both.status).toBe(400);
    expect(both.body).toEqual({ sec_dns: { non_field_errors: ["can't set both ds_data and key_data"] } });
    const neither = await call('PATCH', `/api/domains/${id}/`, {
      sec_dns: { max_sig_life: null, ds_data: [], key_data: null },
    });
    expect(neither.body).toEqual({ sec_dns: { non_field_errors: ['must set one of ds_data or key_data'] } });
    const missing = await call('PATCH', `/api/domains/${id}/`, { sec_dns: { ds_data: [ds] } });
    expect(missing.body).toEqual({
      sec_dns: { max_sig_life: ['This field is required.'], key_data: ['This field is required.'] },
    });
    const badDigest = await call('PATCH', `/api/domains/${id}/`, {
      sec_dns: { max_sig_life: null, ds_data: [{ ...ds, key_tag: 'x' }], key_data: null },
    });
    expect(badDigest.body).toEqual({ sec_dns: { ds_data: [{ key_tag: ['A valid integer is required.'] }] } });

    const keys = await call('PATCH', `/api/domains/${id}/`, {
      sec_dns: { max_sig_life: null, ds_data: null, key_data: [key] },
    });
    expect(keys.body.sec_dns).toEqual({ max_sig_life: null, ds_data: null, key_data: [key] });
    const removed = await call('PATCH', `/api/domains/${id}/`, { sec_dns: null });
    expect(removed.body.sec_dns).toBeNull();
  });

  it('regen_auth_code returns a new 16-character auth_info', async () => {
    const { call } = await start();
    const id = await idOf(call, 'test-domain-1.com');
    const before = (await call('GET', `/api/domains/${id}/`)).body.auth_info;
    const res = await call('PATCH', `/api/domains/${id}/`, { regen_auth_code: true });
    expect(res.body.auth_info).toHaveLength(16);
    expect(res.body.auth_info).not.toBe(before);
    expect((await call('GET', `/api/domains/${id}/`)).body.auth_info).toBe(res.body.auth_info);
  });

  it('refuses updates of a deleted domain or one with client_update_prohibited (403)', async () => {
    const { call } = await start({
      seed: { domains: 5 },
      domainStates: { 'test-domain-1.com': 'update-prohibited', 'test-domain-2.com': 'redemption' },
    });
    for (const name of ['test-domain-1.com', 'test-domain-2.com']) {
      const res = await call('PATCH', `/api/domains/${await idOf(call, name)}/`, { block_transfer: true });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ detail: 'You do not have permission to perform this action.' });
    }
  });

  it('PUT requires every writable field; an unknown contact is a pk error', async () => {
    const { call, emu } = await start();
    const id = await idOf(call, 'test-domain-1.com');
    const res = await call('PUT', `/api/domains/${id}/`, { block_transfer: true });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body).sort()).toEqual(
      ['admin_contact', 'billing_contact', 'name_servers', 'registrant', 'sec_dns', 'tech_contact'].sort(),
    );
    const contact = emu.state.defaultContactId;
    const ok = await call('PUT', `/api/domains/${id}/`, {
      registrant: contact,
      admin_contact: null,
      billing_contact: null,
      tech_contact: null,
      name_servers: [],
      sec_dns: null,
      block_transfer: false,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.admin_contact).toBeNull();
    const bad = await call('PATCH', `/api/domains/${id}/`, { registrant: 'domains_contact_nope' });
    expect(bad.body).toEqual({ registrant: ['Invalid pk "domains_contact_nope" - object does not exist.'] });
  });

  it('DELETE moves a restorable domain into redemption (202 + domain); deleting again is 403', async () => {
    const { call } = await start();
    const id = await idOf(call, 'test-domain-1.com');
    const res = await call('DELETE', `/api/domains/${id}/`);
    expect(res.status).toBe(202);
    expect(res.body.deleted).toBe(true);
    expect(res.body.rgp_state).toEqual(['redemption_grace_period']);
    const again = await call('DELETE', `/api/domains/${id}/`);
    expect(again.status).toBe(403);
    expect(again.body).toEqual({ detail: 'Object status prohibits deletion' });
  });
});

describe('Glauca domains: checks', () => {
  it('check: available at the GBP string price × period, premium at its own price', async () => {
    const { call } = await start();
    const res = await call('POST', '/api/domains/check/', {
      domain: 'available-name.com',
      period: { unit: 'y', value: 2 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ domain: 'available-name.com', available: true, reason: null, price: '25.98' });
    const premium = await call('POST', '/api/domains/check/', { domain: 'premium-name.com', period: year1 });
    expect(premium.body).toEqual({
      domain: 'premium-name.com',
      available: true,
      reason: null,
      price: '1200.00',
    });
    const uk = await call('POST', '/api/domains/check/', { domain: 'anything.co.uk', period: year1 });
    expect(uk.body.price).toBe('8.00');
  });

  it('check: taken names, unsupported zones, subdomains and unsupported periods', async () => {
    const { call } = await start();
    const check = async (domain: string, period = year1) =>
      (await call('POST', '/api/domains/check/', { domain, period })).body;
    expect(await check('registered-name.com')).toEqual({
      domain: 'registered-name.com',
      available: false,
      reason: 'In use',
      price: null,
    });
    expect((await check('test-domain-1.com')).reason).toBe('In use');
    expect((await check('bücher.com')).reason).toBe('In use');
    expect(await check('example.zz')).toEqual({
      domain: 'example.zz',
      available: false,
      reason: 'Unsupported or invalid domain',
      price: null,
    });
    expect((await check('www.available-name.com')).reason).toBe('Unsupported or invalid domain');
    expect((await check('not a name')).reason).toBe('Unsupported or invalid domain');
    expect((await check('available-name.com', { unit: 'y', value: 11 })).reason).toBe(
      'Invalid period for domain',
    );
  });

  it('check: DRF field errors for a missing domain or a bad period', async () => {
    const { call } = await start();
    expect((await call('POST', '/api/domains/check/', {})).body).toEqual({
      domain: ['This field is required.'],
      period: ['This field is required.'],
    });
    const res = await call('POST', '/api/domains/check/', {
      domain: 'a.com',
      period: { unit: 'w', value: 0 },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      period: {
        unit: ['"w" is not a valid choice.'],
        value: ['Ensure this value is greater than or equal to 1.'],
      },
    });
  });

  it('check_transfer answers as the published source: a price only for unregistered names', async () => {
    const { call } = await start();
    const check = async (domain: string) =>
      (await call('POST', '/api/domains/check_transfer/', { domain, period: year1 })).body;
    // Registered (elsewhere) and eligible for transfer: not available, no reason, no price.
    expect(await check('registered-name.com')).toEqual({
      domain: 'registered-name.com',
      available: false,
      reason: null,
      price: null,
    });
    // Unregistered: "available" with the transfer price.
    expect(await check('available-name.com')).toEqual({
      domain: 'available-name.com',
      available: true,
      reason: null,
      price: '12.99',
    });
    // Registered with a transfer prohibition (the 2nd seeded domain is transfer-locked).
    expect(await check('test-domain-2.com')).toEqual({
      domain: 'test-domain-2.com',
      available: false,
      reason: 'Domain not eligible for transfer',
      price: null,
    });
    expect((await check('example.aa')).reason).toBe('Unsupported or invalid domain');
    const noPeriod = await call('POST', '/api/domains/check_transfer/', { domain: 'registered-name.com' });
    expect(noPeriod.body).toEqual({ period: ['This field is required.'] });
  });

  it('check: a taken name whose registry gave no reason is available: false, reason: null (checkReasons)', async () => {
    const { call } = await start({
      seed: { registeredNames: ['silent-name.com', 'reserved-name.com'] },
      checkReasons: { 'silent-name.com': null, 'reserved-name.com': 'Reserved by registry' },
    });
    const check = async (domain: string) =>
      (await call('POST', '/api/domains/check/', { domain, period: year1 })).body;
    expect(await check('silent-name.com')).toEqual({
      domain: 'silent-name.com',
      available: false,
      reason: null,
      price: null,
    });
    expect((await check('reserved-name.com')).reason).toBe('Reserved by registry');
    expect((await check('registered-name.com')).reason).toBe('In use');
  });

  it('check_renew and check_restore answer as documented', async () => {
    const { call } = await start({ seed: { domains: 5 } });
    const active = await idOf(call, 'test-domain-1.com');
    const deleted = await idOf(call, 'test-domain-4.com');
    const renew = await call('POST', `/api/domains/${active}/check_renew/`, {
      domain: 'ignored.com',
      period: { unit: 'y', value: 3 },
    });
    expect(renew.body).toEqual({
      domain: 'test-domain-1.com',
      available: true,
      reason: null,
      price: '38.97',
    });
    const renewDeleted = await call('POST', `/api/domains/${deleted}/check_renew/`, { period: year1 });
    expect(renewDeleted.body).toEqual({
      domain: 'test-domain-4.com',
      available: false,
      reason: 'Domain not in state to be renewed',
      price: null,
    });
    const restore = await call('GET', `/api/domains/${deleted}/check_restore/`);
    expect(restore.body).toEqual({
      domain: 'test-domain-4.com',
      available: true,
      reason: null,
      price: '80.00',
    });
    const restoreActive = await call('GET', `/api/domains/${active}/check_restore/`);
    expect(restoreActive.body).toEqual({
      domain: 'test-domain-1.com',
      available: false,
      reason: 'Domain not in state to be restored',
      price: null,
    });
  });

  it('checks only read: nothing is charged', async () => {
    const { call, emu } = await start();
    await call('POST', '/api/domains/check/', { domain: 'available-name.com', period: year1 });
    await call('POST', '/api/domains/check_transfer/', { domain: 'registered-name.com', period: year1 });
    expect(emu.ledger).toEqual([]);
    expect(emu.state.orders.size).toBe(0);
  });
});
