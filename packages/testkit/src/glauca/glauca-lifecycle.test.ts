/**
 * Contract v2 on the Glauca emulator through plain HTTP: contacts and contact addresses, orders
 * not complete at creation, the HexDNS token audience, the published-source failure mode, auth
 * codes and zone creation.
 */
import { describe, expect, it } from 'vitest';
import { DJANGO_SERVER_ERROR_HTML } from './glauca-source-bugs.js';
import { domainIdOf, glaucaClient, glaucaTestStarter, registrationOrderBody } from './glauca-test-client.js';

const start = glaucaTestStarter();

type Call = ReturnType<typeof glaucaClient>;

const idOf = domainIdOf;

const ADDRESS = {
  description: 'Home',
  name: 'Jane Doe',
  organisation: null,
  street_1: '1 High Street',
  city: 'London',
  postal_code: 'EC1A 1AA',
  country_code: 'gb',
};

async function createContact(call: Call, extra: Record<string, unknown> = {}) {
  const address = (await call('POST', '/api/contact_addresses/', ADDRESS)).body;
  const res = await call('POST', '/api/contacts/', {
    description: 'Jane',
    local_address: address.id,
    phone: '+44 20 7123 4567',
    email: 'jane@example.com',
    entity_type: 'uk_individual',
    ...extra,
  });
  return { address, res };
}

describe('Glauca emulator: contacts and contact addresses', () => {
  it('creates an address (201 + Location, country upper-cased, nullable fields null)', async () => {
    const { call, emu } = await start();
    const res = await call('POST', '/api/contact_addresses/', ADDRESS);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(res.body.url);
    expect(res.body).toEqual({
      url: `${emu.url}/api/contact_addresses/${res.body.id}/`,
      id: expect.stringMatching(/^domains_contactaddress_[0-9a-f]{32}$/),
      description: 'Home',
      name: 'Jane Doe',
      organisation: null,
      street_1: '1 High Street',
      street_2: null,
      street_3: null,
      city: 'London',
      province: null,
      postal_code: 'EC1A 1AA',
      country_code: 'GB',
      birthday: null,
      identity_number: null,
      disclose_name: false,
      disclose_organisation: false,
      disclose_address: false,
    });
  });

  it('address validation: DRF field errors', async () => {
    const { call } = await start();
    const res = await call('POST', '/api/contact_addresses/', { ...ADDRESS, name: 'Jo', country_code: 'XX' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      name: ['Ensure this field has at least 4 characters.'],
      country_code: ['"XX" is not a valid choice.'],
    });
    expect((await call('POST', '/api/contact_addresses/', {})).body).toMatchObject({
      description: ['This field is required.'],
      street_1: ['This field is required.'],
    });
  });

  it('creates a contact with the phone in E.164 and its address linked', async () => {
    const { call, emu } = await start();
    const { address, res } = await createContact(call);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      url: `${emu.url}/api/contacts/${res.body.id}/`,
      id: expect.stringMatching(/^domains_contact_[0-9a-f]{32}$/),
      description: 'Jane',
      local_address: address.id,
      local_address_url: address.url,
      int_address: null,
      int_address_url: null,
      phone: '+442071234567',
      phone_ext: null,
      fax: null,
      fax_ext: null,
      email: 'jane@example.com',
      entity_type: 'uk_individual',
      trading_name: null,
      company_number: null,
      disclose_phone: false,
      disclose_fax: false,
      disclose_email: false,
    });
    expect((await call('GET', `/api/contacts/${res.body.id}/`)).body).toEqual(res.body);
  });

  it('contact validation: phone, email, entity type, unknown address', async () => {
    const { call } = await start();
    const res = await call('POST', '/api/contacts/', {
      description: 'x',
      local_address: 'domains_contactaddress_00000000000000000000000000000000',
      phone: '020 7123 4567',
      email: 'nope',
      entity_type: 'martian',
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      local_address: [
        'Invalid pk "domains_contactaddress_00000000000000000000000000000000" - object does not exist.',
      ],
      phone: ['Enter a valid phone number (e.g. +12125552368).'],
      email: ['Enter a valid email address.'],
      entity_type: ['"martian" is not a valid choice.'],
    });
  });

  it('PATCH updates, list is paginated, DELETE 204; a contact in use is 403', async () => {
    const { call, emu } = await start();
    const { res } = await createContact(call);
    const patched = await call('PATCH', `/api/contacts/${res.body.id}/`, { phone: '+1.4155550100' });
    expect(patched.body.phone).toBe('+14155550100');
    const list = await call('GET', '/api/contacts/?limit=1');
    expect(list.body.count).toBe(2);
    expect(list.body.results).toHaveLength(1);
    const used = await call('DELETE', `/api/contacts/${emu.state.defaultContactId}/`);
    expect(used.status).toBe(403);
    expect(used.body).toEqual({ detail: 'Object status prohibits deletion' });
    expect((await call('DELETE', `/api/contacts/${res.body.id}/`)).status).toBe(204);
    expect((await call('GET', `/api/contacts/${res.body.id}/`)).status).toBe(404);
  });

  it('a created contact registers a domain', async () => {
    const { call, emu } = await start({ instantOrders: true });
    const { res } = await createContact(call);
    const order = await call('POST', '/api/domain_registration_orders/', {
      domain: 'new-name.com',
      period: { unit: 'y', value: 1 },
      registrant: res.body.id,
      admin_contact: res.body.id,
      billing_contact: null,
      tech_contact: null,
    });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ state: 'completed', registrant: res.body.id });
    expect(emu.state.domainByName('new-name.com')?.registrant).toBe(res.body.id);
  });
});

describe('Glauca emulator: renew and restore orders are not complete at creation', () => {
  it('renew: started at creation, processing, then completed on the 2nd poll; expiry moves only then', async () => {
    const { call, emu } = await start();
    const id = await idOf(call, 'test-domain-1.com');
    const before = (await call('GET', `/api/domains/${id}/`)).body.expiry;
    const order = await call('POST', `/api/domains/${id}/renew/`, { period: { unit: 'y', value: 1 } });
    expect(order.status).toBe(201);
    expect(order.body.state).toBe('started');
    expect(emu.ledger).toHaveLength(1);
    expect((await call('GET', `/api/domains/${id}/`)).body.expiry).toBe(before);
    expect((await call('GET', new URL(order.body.url).pathname)).body.state).toBe('processing');
    expect((await call('GET', new URL(order.body.url).pathname)).body.state).toBe('completed');
    expect((await call('GET', `/api/domains/${id}/`)).body.expiry).not.toBe(before);
  });

  it('orderDelayMs: the order keeps its state until the delay has passed, then completes on the next GET', async () => {
    const { call } = await start({ orderDelayMs: 150, seed: { domains: 5 } });
    const id = await idOf(call, 'test-domain-4.com');
    const order = await call('POST', `/api/domains/${id}/restore/`, {});
    expect(order.body.state).toBe('started');
    const path = new URL(order.body.url).pathname;
    expect((await call('GET', path)).body.state).toBe('started');
    await new Promise((r) => setTimeout(r, 200));
    expect((await call('GET', path)).body.state).toBe('completed');
    expect((await call('GET', `/api/domains/${id}/`)).body.deleted).toBe(false);
  });
});

describe('Glauca emulator: HexDNS checks the token audience (dnsTokens)', () => {
  it('HexDNS accepts only the DNS token, the domains API only the domains token', async () => {
    const { emu } = await start({ dnsTokens: ['glauca-dns-token'] });
    const domains = glaucaClient(emu.url);
    const dns = glaucaClient(emu.url, 'Bearer glauca-dns-token');
    expect((await domains('GET', '/api/domains/')).status).toBe(200);
    expect((await dns('GET', '/api/dns_zones/')).status).toBe(200);
    const wrongForDns = await domains('GET', '/api/dns_zones/');
    expect(wrongForDns.status).toBe(403);
    expect(wrongForDns.body).toEqual({ detail: 'Invalid token' });
    const wrongForDomains = await dns('GET', '/api/domains/');
    expect(wrongForDomains.status).toBe(403);
    expect(wrongForDomains.body).toEqual({ detail: 'Invalid token' });
    expect(emu.seedInfo.credentials.dnsToken).toBe('glauca-dns-token');
  });

  it('without dnsTokens one token works on both services', async () => {
    const { call } = await start();
    expect((await call('GET', '/api/dns_zones/')).status).toBe(200);
    expect((await call('GET', '/api/domains/')).status).toBe(200);
  });
});

describe('Glauca emulator: the published source failure mode (sourceBugs)', () => {
  const html = (res: { status: number; headers: Headers; text: string }) => {
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.text).toBe(DJANGO_SERVER_ERROR_HTML);
  };

  it('domain PATCH → HTML 500, nothing changed', async () => {
    const { call } = await start({ sourceBugs: ['domain-update-500'] });
    const id = await idOf(call, 'test-domain-1.com');
    html(await call('PATCH', `/api/domains/${id}/`, { block_transfer: true }));
    expect((await call('GET', `/api/domains/${id}/`)).body.statuses).toEqual(['ok']);
  });

  it('HexDNS zone JSON → HTML 500 (list and get)', async () => {
    const { call, emu } = await start({ sourceBugs: ['zone-json-500'] });
    html(await call('GET', '/api/dns_zones/'));
    html(await call('GET', `/api/dns_zones/${[...emu.state.zones.keys()][0]}/`));
  });

  it('HexDNS record create → 403 reference permission; nothing created', async () => {
    const { call, emu } = await start({ sourceBugs: ['record-create-permission'] });
    const before = emu.state.records.size;
    const res = await call('POST', '/api/zone_txt_records/', {
      zone: [...emu.state.zones.keys()][0],
      record_name: '@',
      data: 'hello',
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ detail: "You don't have permission to reference this object" });
    expect(emu.state.records.size).toBe(before);
  });

  it('check_renew → HTML 500', async () => {
    const { call } = await start({ sourceBugs: ['check-renew-500'] });
    const id = await idOf(call, 'test-domain-1.com');
    html(await call('POST', `/api/domains/${id}/check_renew/`, { period: { unit: 'y', value: 1 } }));
  });

  it('check with a period the registry does not sell → HTML 500 (the pricing call returns nothing)', async () => {
    const { call } = await start({ sourceBugs: ['check-period-500'] });
    html(
      await call('POST', '/api/domains/check/', {
        domain: 'available-name.com',
        period: { unit: 'y', value: 11 },
      }),
    );
    expect(
      (
        await call('POST', '/api/domains/check/', {
          domain: 'available-name.com',
          period: { unit: 'y', value: 1 },
        })
      ).status,
    ).toBe(200);
  });

  it('registration order for a zone not sold or a period without a price → HTML 500 (price lookup), nothing charged', async () => {
    const { call, emu } = await start({ sourceBugs: ['order-price-lookup-500'] });
    const orders = '/api/domain_registration_orders/';
    html(await call('POST', orders, registrationOrderBody(emu, 'name.notsold')));
    html(
      await call(
        'POST',
        orders,
        registrationOrderBody(emu, 'available-name.com', { period: { unit: 'y', value: 11 } }),
      ),
    );
    expect(emu.ledger).toEqual([]);
    expect((await call('POST', orders, registrationOrderBody(emu, 'available-name.com'))).status).toBe(201);
  });

  it('registration order links built from the order: domain_obj is the order id, its URL leads nowhere', async () => {
    const { call, emu } = await start({ sourceBugs: ['order-domain-obj'], instantOrders: true });
    const res = await call(
      'POST',
      '/api/domain_registration_orders/',
      registrationOrderBody(emu, 'available-name.com'),
    );
    expect(res.body).toMatchObject({ state: 'completed', domain_obj: res.body.id });
    expect(res.body.domain_obj_url).toBe(`${emu.url}/api/domains/${res.body.id}/`);
    expect((await call('GET', new URL(res.body.domain_obj_url).pathname)).status).toBe(404);
    // domain_id is right.
    expect((await call('GET', `/api/domains/${res.body.domain_id}/`)).body.domain).toBe('available-name.com');
  });

  it('malformed id → HTML 500 rather than 404 (a well-formed unknown id is still 404)', async () => {
    const { call } = await start({ sourceBugs: ['malformed-id-500'] });
    html(await call('GET', '/api/domains/not-an-id/'));
    html(await call('GET', '/api/dns_zones/nope/'));
    expect(
      (await call('GET', '/api/domains/domains_domainregistration_00000000000000000000000000000000/')).status,
    ).toBe(404);
  });

  it('zone create and delete → HTML 500; contact create → HTML 500', async () => {
    const { call, emu } = await start({ sourceBugs: true });
    html(await call('POST', '/api/dns_zones/', { zone_root: 'new-zone.com' }));
    html(await call('DELETE', `/api/dns_zones/${[...emu.state.zones.keys()][0]}/`));
    const address = (await call('POST', '/api/contact_addresses/', ADDRESS)).body;
    html(
      await call('POST', '/api/contacts/', {
        description: 'x',
        local_address: address.id,
        phone: '+441234567890',
        email: 'a@example.com',
        entity_type: 'uk_individual',
      }),
    );
  });

  it('off by default: the documented answers', async () => {
    const { call } = await start();
    expect((await call('GET', '/api/domains/not-an-id/')).status).toBe(404);
    expect((await call('POST', '/api/dns_zones/', { zone_root: 'new-zone.com' })).status).toBe(201);
  });
});

describe('Glauca emulator: auth codes and zones', () => {
  it('returns the auth code (auth_info, 16 characters); regen_auth_code issues a new one', async () => {
    const { call } = await start();
    const id = await idOf(call, 'test-domain-1.com');
    const code = (await call('GET', `/api/domains/${id}/`)).body.auth_info;
    expect(code).toMatch(/^.{16}$/);
    const regen = await call('PATCH', `/api/domains/${id}/`, { regen_auth_code: true });
    expect(regen.body.auth_info).toMatch(/^.{16}$/);
    expect(regen.body.auth_info).not.toBe(code);
  });

  it('creates a HexDNS zone (201 + Location) for a domain held elsewhere; a second one is refused', async () => {
    const { call } = await start();
    const res = await call('POST', '/api/dns_zones/', { zone_root: 'Registered-Name.com' });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(res.body.url);
    expect(res.body).toMatchObject({ zone_root: 'registered-name.com', active: true, txt_records: [] });
    const again = await call('POST', '/api/dns_zones/', { zone_root: 'registered-name.com' });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ detail: 'Same or more generic zone already exists' });
  });
});
