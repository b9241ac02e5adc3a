import { describe, expect, it } from 'vitest';
import { dnsimpleTestStarter } from './dnsimple-test-client.js';

const REG = '/v2/1010/registrar/domains';

const start = dnsimpleTestStarter();

function yearsLater(iso: string, years: number): string {
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

describe('DNSimple emulator: check and prices', () => {
  it('checks availability: available, registered elsewhere, owned, premium', async () => {
    const { api } = await start();
    expect((await api('GET', `${REG}/available-name.com/check`)).json).toEqual({
      data: { domain: 'available-name.com', available: true, premium: false },
    });
    expect((await api('GET', `${REG}/registered-name.com/check`)).json.data).toEqual({
      domain: 'registered-name.com',
      available: false,
      premium: false,
    });
    expect((await api('GET', `${REG}/test-domain-1.com/check`)).json.data.available).toBe(false);
    expect((await api('GET', `${REG}/premium-name.com/check`)).json.data).toEqual({
      domain: 'premium-name.com',
      available: true,
      premium: true,
    });
  });

  it('answers 400 for unsupported TLDs (fixture wording) and invalid names', async () => {
    const { api } = await start();
    const tld = await api('GET', `${REG}/bingo.pineapple/prices`);
    expect(tld.status).toBe(400);
    expect(tld.json).toEqual({ message: 'TLD .PINEAPPLE is not supported' });
    expect((await api('GET', `${REG}/bingo.pineapple/check`)).json).toEqual({
      message: 'TLD .PINEAPPLE is not supported',
    });
    const invalid = await api('GET', `${REG}/-bad-.com/check`);
    expect(invalid.status).toBe(400);
    expect(typeof invalid.json.message).toBe('string');
  });

  it('quotes prices as JSON numbers in USD, premium names at their premium price', async () => {
    const { api } = await start();
    expect((await api('GET', `${REG}/available-name.com/prices`)).json.data).toEqual({
      domain: 'available-name.com',
      premium: false,
      registration_price: 12.99,
      renewal_price: 12.99,
      transfer_price: 12.99,
      restore_price: 80,
      trustee_price: 0,
    });
    const premium = (await api('GET', `${REG}/premium-name.com/prices`)).json.data;
    expect(premium).toMatchObject({ premium: true, registration_price: 1200 });
    expect((await api('GET', `${REG}/shop.co.uk/prices`)).json.data.registration_price).toBe(8);
  });
});

describe('DNSimple emulator: registration', () => {
  it('registers (201, state new), lists the domain, charges once, and completes on GET', async () => {
    const { emu, api } = await start();
    const res = await api('POST', `${REG}/available-name.com/registrations`, {
      registrant_id: 1,
      auto_renew: true,
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      registrant_id: 1,
      period: 1,
      state: 'new',
      auto_renew: true,
      whois_privacy: false,
    });
    const domain = (await api('GET', '/v2/1010/domains/available-name.com')).json.data;
    expect(domain).toMatchObject({
      id: res.json.data.domain_id,
      state: 'registered',
      registrant_id: 1,
      auto_renew: true,
    });
    expect(domain.expires_at).toBe(yearsLater(domain.created_at, 1));
    expect(emu.ledger).toEqual([
      {
        operation: 'register',
        domain: 'available-name.com',
        amount: '12.99',
        currency: 'USD',
        at: expect.any(Date),
        requestSeq: emu.requests[0]!.seq,
      },
    ]);
    const got = await api('GET', `${REG}/available-name.com/registrations/${res.json.data.id}`);
    expect(got.status).toBe(200);
    expect(got.json.data).toMatchObject({ id: res.json.data.id, state: 'registered' });
    expect((await api('GET', `${REG}/other-name.com/registrations/${res.json.data.id}`)).status).toBe(404);
    const again = await api('POST', `${REG}/available-name.com/registrations`, { registrant_id: 1 });
    expect(again.status).toBe(400);
    expect(emu.ledger).toHaveLength(1);
    expect((await api('GET', `${REG}/available-name.com/check`)).json.data.available).toBe(false);
  });

  it('refuses taken names, a missing or unknown registrant, and premium names without premium_price', async () => {
    const { emu, api } = await start();
    expect((await api('POST', `${REG}/registered-name.com/registrations`, { registrant_id: 1 })).status).toBe(
      400,
    );
    expect((await api('POST', `${REG}/available-name.com/registrations`, {})).json).toEqual({
      message: 'Validation failed',
      errors: { registrant_id: ["can't be blank"] },
    });
    const unknown = await api('POST', `${REG}/available-name.com/registrations`, { registrant_id: 999 });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ message: 'Contact `999` not found' });
    const noPrice = await api('POST', `${REG}/premium-name.com/registrations`, { registrant_id: 1 });
    expect(noPrice.status).toBe(400);
    expect(Object.keys(noPrice.json.errors)).toEqual(['premium_price']);
    const wrongPrice = await api('POST', `${REG}/premium-name.com/registrations`, {
      registrant_id: 1,
      premium_price: '10.00',
    });
    expect(wrongPrice.status).toBe(400);
    expect(emu.ledger).toHaveLength(0);
    const okPremium = await api('POST', `${REG}/premium-name.com/registrations`, {
      registrant_id: 1,
      premium_price: '1200.00',
    });
    expect(okPremium.status).toBe(201);
    expect(emu.ledger.map((e) => [e.operation, e.amount])).toEqual([['register', '1200.00']]);
  });

  it('answers 402 for purchases while invoices are unpaid', async () => {
    const { emu, api } = await start();
    emu.state.outstandingInvoices = true;
    const res = await api('POST', `${REG}/available-name.com/registrations`, { registrant_id: 1 });
    expect(res.status).toBe(402);
    expect(res.json.message).toMatch(/invoices/);
    expect((await api('POST', `${REG}/test-domain-1.com/renewals`, { period: 1 })).status).toBe(402);
    expect((await api('POST', '/v2/1010/domains', { name: 'hosted.com' })).status).toBe(402);
    expect(emu.ledger).toHaveLength(0);
  });
});

describe('DNSimple emulator: renewal and restore', () => {
  it('renews (201), moves expires_at by the period, charges price × period, completes on GET', async () => {
    const { emu, api } = await start();
    const before = (await api('GET', '/v2/1010/domains/test-domain-1.com')).json.data;
    const res = await api('POST', `${REG}/test-domain-1.com/renewals`, { period: 2 });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ domain_id: before.id, period: 2, state: 'new' });
    const after = (await api('GET', '/v2/1010/domains/test-domain-1.com')).json.data;
    expect(after.expires_at).toBe(yearsLater(before.expires_at, 2));
    expect(after.expires_on).toBe(after.expires_at.slice(0, 10));
    expect(emu.ledger.map((e) => [e.operation, e.domain, e.amount, e.currency])).toEqual([
      ['renew', 'test-domain-1.com', '25.98', 'USD'],
    ]);
    const got = await api('GET', `${REG}/test-domain-1.com/renewals/${res.json.data.id}`);
    expect(got.status).toBe(200);
    expect(got.json.data.state).toBe('renewed');
  });

  it('refuses a renewal beyond 10 years with the fixture body (empty errors), and hosted domains', async () => {
    const { emu, api } = await start();
    // Seeded expiry 2030-01-15; "now" 2026-06-01: 5 years keep it within 10, 5 more would not.
    expect((await api('POST', `${REG}/test-domain-1.com/renewals`, { period: 5 })).status).toBe(201);
    const tooEarly = await api('POST', `${REG}/test-domain-1.com/renewals`, { period: 5 });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.json).toEqual({
      message: 'test-domain-1.com may not be renewed at this time',
      errors: {},
    });
    await api('POST', '/v2/1010/domains', { name: 'hosted-only.com' });
    expect((await api('POST', `${REG}/hosted-only.com/renewals`, { period: 1 })).status).toBe(400);
    expect((await api('POST', `${REG}/test-domain-1.com/renewals`, { period: 12 })).status).toBe(400);
    expect((await api('POST', `${REG}/nope.com/renewals`, { period: 1 })).status).toBe(404);
    expect(emu.ledger).toHaveLength(1);
  });

  it('restores only expired domains, charging the restore price', async () => {
    const { emu, api } = await start();
    expect((await api('POST', `${REG}/test-domain-2.com/restores`)).status).toBe(400);
    const domain = emu.state.findDomain(1010, 'test-domain-2.com')!;
    domain.state = 'expired';
    const res = await api('POST', `${REG}/test-domain-2.com/restores`);
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ domain_id: domain.id, state: 'new' });
    expect((await api('GET', '/v2/1010/domains/test-domain-2.com')).json.data.state).toBe('registered');
    expect(emu.ledger.map((e) => [e.operation, e.amount])).toEqual([['restore', '80.00']]);
    expect((await api('GET', `${REG}/test-domain-2.com/restores/${res.json.data.id}`)).json.data.state).toBe(
      'restored',
    );
  });
});

describe('DNSimple emulator: transfers', () => {
  it('transfers in (201 transferring), adds the domain as hosted, completes on GET', async () => {
    const { emu, api } = await start();
    const res = await api('POST', `${REG}/registered-name.com/transfers`, {
      registrant_id: 1,
      auth_code: 'x1y2',
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ registrant_id: 1, state: 'transferring', whois_privacy: false });
    expect((await api('GET', '/v2/1010/domains/registered-name.com')).json.data.state).toBe('hosted');
    expect(emu.ledger.map((e) => [e.operation, e.domain, e.amount])).toEqual([
      ['transfer', 'registered-name.com', '12.99'],
    ]);
    const got = await api('GET', `${REG}/registered-name.com/transfers/${res.json.data.id}`);
    expect(got.json.data).toMatchObject({ state: 'transferred', status_description: null });
    const domain = (await api('GET', '/v2/1010/domains/registered-name.com')).json.data;
    expect(domain.state).toBe('registered');
    expect(domain.expires_at).not.toBeNull();
  });

  it('cancels a pending transfer (202), and a later GET shows it cancelled', async () => {
    const { api } = await start();
    const res = await api('POST', `${REG}/registered-name.com/transfers`, {
      registrant_id: 1,
      auth_code: 'x',
    });
    const path = `${REG}/registered-name.com/transfers/${res.json.data.id}`;
    const cancelled = await api('DELETE', path);
    expect(cancelled.status).toBe(202);
    expect(cancelled.json.data.state).toBe('transferring');
    expect((await api('GET', path)).json.data).toMatchObject({
      state: 'cancelled',
      status_description: 'Canceled by customer',
    });
    expect((await api('DELETE', path)).status).toBe(400);
  });

  it('refuses transfers with the fixture bodies: missing auth code, already in DNSimple; and unregistered names', async () => {
    const { emu, api } = await start();
    expect((await api('POST', `${REG}/registered-name.com/transfers`, { registrant_id: 1 })).json).toEqual({
      message: 'Validation failed',
      errors: { base: ['You must provide an authorization code for the domain'] },
    });
    expect(
      (await api('POST', `${REG}/test-domain-1.com/transfers`, { registrant_id: 1, auth_code: 'x' })).json,
    ).toEqual({
      message: 'The domain test-domain-1.com is already in DNSimple and cannot be added',
    });
    expect(
      (await api('POST', `${REG}/available-name.com/transfers`, { registrant_id: 1, auth_code: 'x' })).status,
    ).toBe(400);
    expect(emu.ledger).toHaveLength(0);
  });

  it('authorizes a transfer out with 204 and no auth code, unlocking the domain', async () => {
    const { api } = await start();
    expect((await api('GET', `${REG}/test-domain-1.com/transfer_lock`)).json).toEqual({
      data: { enabled: true },
    });
    const res = await api('POST', `${REG}/test-domain-1.com/authorize_transfer_out`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api('GET', `${REG}/test-domain-1.com/transfer_lock`)).json.data.enabled).toBe(false);
  });
});

describe('DNSimple emulator: domain settings', () => {
  it('transfer lock: enable answers 201, disable 200', async () => {
    const { api } = await start();
    const off = await api('DELETE', `${REG}/test-domain-1.com/transfer_lock`);
    expect([off.status, off.json]).toEqual([200, { data: { enabled: false } }]);
    const on = await api('POST', `${REG}/test-domain-1.com/transfer_lock`);
    expect([on.status, on.json]).toEqual([201, { data: { enabled: true } }]);
    expect((await api('GET', `${REG}/test-domain-1.com/transfer_lock`)).json.data.enabled).toBe(true);
  });

  it('auto-renewal: PUT and DELETE answer 204 and change Domain.auto_renew', async () => {
    const { api } = await start();
    expect((await api('PUT', `${REG}/test-domain-1.com/auto_renewal`)).status).toBe(204);
    expect((await api('GET', '/v2/1010/domains/test-domain-1.com')).json.data.auto_renew).toBe(true);
    expect((await api('DELETE', `${REG}/test-domain-1.com/auto_renewal`)).status).toBe(204);
    expect((await api('GET', '/v2/1010/domains/test-domain-1.com')).json.data.auto_renew).toBe(false);
    expect((await api('PUT', `${REG}/nope.com/auto_renewal`)).status).toBe(404);
  });

  it('WHOIS privacy: enable/disable answer 200 with the WhoisPrivacy object and change Domain.private_whois', async () => {
    const { api } = await start();
    const on = await api('PUT', `${REG}/test-domain-1.com/whois_privacy`);
    expect(on.status).toBe(200);
    expect(on.json.data).toMatchObject({ enabled: true, expires_on: '2030-01-15' });
    expect((await api('GET', '/v2/1010/domains/test-domain-1.com')).json.data.private_whois).toBe(true);
    const off = await api('DELETE', `${REG}/test-domain-1.com/whois_privacy`);
    expect(off.json.data).toMatchObject({ id: on.json.data.id, enabled: false });
    expect((await api('GET', '/v2/1010/domains/test-domain-1.com')).json.data.private_whois).toBe(false);
  });

  it('delegation: GET lists name servers, PUT takes a bare array within the TLD bounds', async () => {
    const { api } = await start();
    expect((await api('GET', `${REG}/test-domain-1.com/delegation`)).json).toEqual({
      data: ['ns1.dnsimple.com', 'ns2.dnsimple.com', 'ns3.dnsimple.com', 'ns4.dnsimple.com'],
    });
    const put = await api('PUT', `${REG}/test-domain-1.com/delegation`, [
      'ns1.example.net',
      'ns2.example.net',
    ]);
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ data: ['ns1.example.net', 'ns2.example.net'] });
    expect((await api('GET', `${REG}/test-domain-1.com/delegation`)).json.data).toEqual([
      'ns1.example.net',
      'ns2.example.net',
    ]);
    const wrapped = await api('PUT', `${REG}/test-domain-1.com/delegation`, {
      name_servers: ['ns1.example.net', 'ns2.example.net'],
    });
    expect(wrapped.status).toBe(400);
    expect(wrapped.json.message).toBe('Validation failed');
    expect((await api('PUT', `${REG}/test-domain-1.com/delegation`, ['ns1.example.net'])).status).toBe(400);
    await api('POST', '/v2/1010/domains', { name: 'hosted-only.com' });
    expect((await api('GET', `${REG}/hosted-only.com/delegation`)).json).toEqual({ data: [] });
  });
});

describe('DNSimple emulator: DNSSEC and DS records', () => {
  it('enables (201) and disables (204) DNSSEC; disabling when off is 428 with the fixture message', async () => {
    const { api } = await start();
    const base = '/v2/1010/domains/test-domain-1.com/dnssec';
    expect((await api('GET', base)).json.data).toMatchObject({ enabled: false, active: false });
    const notEnabled = await api('DELETE', base);
    expect(notEnabled.status).toBe(428);
    expect(notEnabled.json).toEqual({ message: 'DNSSEC cannot be disabled because it is not enabled' });
    const on = await api('POST', base);
    expect(on.status).toBe(201);
    expect(on.json.data).toMatchObject({ enabled: true, active: true });
    expect((await api('GET', base)).json.data.enabled).toBe(true);
    expect((await api('DELETE', base)).status).toBe(204);
    expect((await api('GET', base)).json.data.enabled).toBe(false);
  });

  it('creates, lists, gets and deletes DS records; fields are strings; validation and 404 as in the fixtures', async () => {
    const { api } = await start();
    const base = '/v2/1010/domains/test-domain-1.com/ds_records';
    const invalid = await api('POST', base, {});
    expect(invalid.status).toBe(400);
    expect(invalid.json).toEqual({
      message: 'Validation failed',
      errors: {
        algorithm: ["can't be blank"],
        digest: ["can't be blank"],
        digest_type: ["can't be blank"],
        keytag: ["can't be blank"],
      },
    });
    const created = await api('POST', base, {
      algorithm: '13',
      digest: 'ABCDEF',
      digest_type: 2,
      keytag: '2371',
    });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      algorithm: '13',
      digest: 'ABCDEF',
      digest_type: '2',
      keytag: '2371',
      public_key: null,
    });
    const list = await api('GET', base);
    expect(list.json.data).toEqual([created.json.data]);
    expect(list.json.pagination).toEqual({ current_page: 1, per_page: 30, total_entries: 1, total_pages: 1 });
    expect((await api('GET', `${base}/${created.json.data.id}`)).json.data).toEqual(created.json.data);
    expect((await api('DELETE', `${base}/${created.json.data.id}`)).status).toBe(204);
    const gone = await api('GET', `${base}/${created.json.data.id}`);
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({ message: `Delegation signer record \`${created.json.data.id}\` not found` });
  });
});

describe('DNSimple emulator: TLDs', () => {
  it('lists the seeded TLDs sorted by tld with pagination, and gets one; 404 for others', async () => {
    const { api } = await start();
    const list = await api('GET', '/v2/tlds?per_page=2');
    // The six standard TLDs plus .us, .ca and .eu (the TLDs with extended attributes).
    expect(list.json.data.map((t: { tld: string }) => t.tld)).toEqual(['ca', 'co.uk']);
    expect(list.json.pagination).toEqual({ current_page: 1, per_page: 2, total_entries: 9, total_pages: 5 });
    const com = await api('GET', '/v2/tlds/com');
    expect(com.json.data).toMatchObject({
      tld: 'com',
      tld_type: 1,
      name_server_min: '2',
      name_server_max: '13',
    });
    expect(com.json.data).not.toHaveProperty('registration_price');
    expect((await api('GET', '/v2/tlds/pineapple')).status).toBe(404);
  });
});
