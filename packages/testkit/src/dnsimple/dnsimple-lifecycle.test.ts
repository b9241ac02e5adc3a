/**
 * Contract v2 on the DNSimple emulator through plain HTTP: contacts, TLD extended attributes,
 * premium renewals and transfers, operation completion, the batch limit, and transfers in/out
 * (auth codes, locks, the e-mailed code).
 */
import { describe, expect, it } from 'vitest';
import { dnsimpleTestStarter } from './dnsimple-test-client.js';

const REG = '/v2/1010/registrar/domains';
const CONTACTS = '/v2/1010/contacts';

const start = dnsimpleTestStarter();

/** The OpenAPI ContactCreate example. */
const CONTACT_INPUT = {
  label: 'Default',
  first_name: 'First',
  last_name: 'User',
  job_title: 'CEO',
  organization_name: 'Awesome Company',
  email: 'first@example.com',
  phone: '+18001234567',
  fax: '+18011234567',
  address1: 'Italian Street, 10',
  city: 'Roma',
  state_province: 'RM',
  postal_code: '00100',
  country: 'IT',
};

describe('DNSimple emulator: contacts', () => {
  it('creates a contact (201) as the spec example shows: phone and fax in +CC.NUMBER form, absent fields as ""', async () => {
    const { api } = await start();
    const res = await api('POST', CONTACTS, CONTACT_INPUT);
    expect(res.status).toBe(201);
    expect(res.json.data).toEqual({
      id: 2,
      account_id: 1010,
      label: 'Default',
      first_name: 'First',
      last_name: 'User',
      organization_name: 'Awesome Company',
      job_title: 'CEO',
      address1: 'Italian Street, 10',
      address2: '',
      city: 'Roma',
      state_province: 'RM',
      postal_code: '00100',
      country: 'IT',
      phone: '+1.8001234567',
      fax: '+1.8011234567',
      email: 'first@example.com',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      updated_at: res.json.data.created_at,
    });
    expect((await api('GET', `${CONTACTS}/2`)).json).toEqual(res.json);
  });

  it('splits the calling code by the E.164 assignments (+44, +353, +1)', async () => {
    const { api } = await start();
    const phones = ['+44 20 7123 4567', '+353.1234567', '+1 (415) 555-0100'];
    const stored = [];
    for (const phone of phones)
      stored.push((await api('POST', CONTACTS, { ...CONTACT_INPUT, phone })).json.data.phone);
    expect(stored).toEqual(['+44.2071234567', '+353.1234567', '+1.4155550100']);
  });

  it('answers validation-error.http for an empty body, and field errors for a bad phone, email, job title', async () => {
    const { api } = await start();
    const empty = await api('POST', CONTACTS, {});
    expect(empty.status).toBe(400);
    // The official fixture, key for key.
    expect(empty.json).toEqual({
      message: 'Validation failed',
      errors: {
        address1: ["can't be blank"],
        city: ["can't be blank"],
        country: ["can't be blank"],
        email: ["can't be blank", 'is an invalid email address'],
        first_name: ["can't be blank"],
        last_name: ["can't be blank"],
        phone: ["can't be blank", 'is probably not a phone number'],
        postal_code: ["can't be blank"],
        state_province: ["can't be blank"],
      },
    });
    const bad = await api('POST', CONTACTS, { ...CONTACT_INPUT, phone: '12', email: 'nope', job_title: '' });
    expect(bad.json).toEqual({
      message: 'Validation failed',
      errors: {
        email: ['is an invalid email address'],
        phone: ['is probably not a phone number'],
        job_title: ["can't be blank"],
      },
    });
  });

  it('lists (paginated, id:asc), updates (PATCH) and deletes; 404 as notfound-contact.http', async () => {
    const { api } = await start();
    await api('POST', CONTACTS, CONTACT_INPUT);
    const list = await api('GET', `${CONTACTS}?per_page=1&page=2`);
    expect(list.json.pagination).toEqual({ current_page: 2, per_page: 1, total_entries: 2, total_pages: 2 });
    expect(list.json.data.map((c: { id: number }) => c.id)).toEqual([2]);
    const patched = await api('PATCH', `${CONTACTS}/2`, { phone: '+44.2071234567', label: 'Office' });
    expect(patched.status).toBe(200);
    expect(patched.json.data).toMatchObject({
      phone: '+44.2071234567',
      label: 'Office',
      first_name: 'First',
    });
    const invalid = await api('PATCH', `${CONTACTS}/2`, { email: 'x' });
    expect(invalid.json).toEqual({
      message: 'Validation failed',
      errors: { email: ['is an invalid email address'] },
    });
    expect((await api('DELETE', `${CONTACTS}/2`)).status).toBe(204);
    const gone = await api('GET', `${CONTACTS}/2`);
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({ message: 'Contact `2` not found' });
  });

  it('refuses to delete the registrant of a domain', async () => {
    const { api } = await start();
    const res = await api('DELETE', `${CONTACTS}/1`);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ message: 'The contact is in use and cannot be deleted' });
  });

  it('a created contact registers a domain (registrant_id)', async () => {
    const { api, emu } = await start();
    const contact = (await api('POST', CONTACTS, CONTACT_INPUT)).json.data;
    const reg = await api('POST', `${REG}/new-name.com/registrations`, { registrant_id: contact.id });
    expect(reg.status).toBe(201);
    expect(reg.json.data).toMatchObject({ registrant_id: contact.id, state: 'new' });
    expect(emu.state.findDomainAnywhere('new-name.com')?.registrant_id).toBe(contact.id);
  });
});

describe('DNSimple emulator: TLD extended attributes', () => {
  it('lists the .us attributes in the ExtendedAttribute shape; [] for .com; 404 for unknown TLDs', async () => {
    const { api } = await start();
    const us = await api('GET', '/v2/tlds/us/extended_attributes');
    expect(us.status).toBe(200);
    expect(us.json.data.map((a: { name: string; required: boolean }) => [a.name, a.required])).toEqual([
      ['x-us-nexus-category', true],
      ['x-us-nexus-apppurpose', true],
    ]);
    expect(us.json.data[0]).toEqual({
      name: 'x-us-nexus-category',
      title: 'Nexus Category',
      description: expect.any(String),
      required: true,
      options: expect.arrayContaining([{ title: 'US citizen', value: 'C11', description: 'US citizen' }]),
    });
    expect(
      (await api('GET', '/v2/tlds/ca/extended_attributes')).json.data.map((a: { name: string }) => a.name),
    ).toEqual(['x-ca-legal-type', 'x-ca-official-language']);
    expect((await api('GET', '/v2/tlds/com/extended_attributes')).json).toEqual({ data: [] });
    expect((await api('GET', '/v2/tlds/pineapple/extended_attributes')).status).toBe(404);
    expect((await api('GET', '/v2/tlds/us')).json.data).toMatchObject({ tld: 'us', whois_privacy: false });
  });

  it('refuses a register without a required attribute as registerDomain/error-extended-attributes.http, nothing charged', async () => {
    const { api, emu } = await start();
    const missing = await api('POST', `${REG}/example-name.us/registrations`, { registrant_id: 1 });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({
      message: 'Invalid extended attributes',
      errors: { 'x-us-nexus-category': "it's required", 'x-us-nexus-apppurpose': "it's required" },
    });
    const wrong = await api('POST', `${REG}/example-name.us/registrations`, {
      registrant_id: 1,
      extended_attributes: { 'x-us-nexus-category': 'C99', 'x-us-nexus-apppurpose': 'P1' },
    });
    expect(wrong.json).toEqual({
      message: 'Invalid extended attributes',
      errors: { 'x-us-nexus-category': 'is not a valid option' },
    });
    expect(emu.ledger).toEqual([]);
    const ok = await api('POST', `${REG}/example-name.us/registrations`, {
      registrant_id: 1,
      extended_attributes: { 'x-us-nexus-category': 'C11', 'x-us-nexus-apppurpose': 'P3' },
    });
    expect(ok.status).toBe(201);
    expect(emu.ledger.map((e) => [e.operation, e.domain, e.amount])).toEqual([
      ['register', 'example-name.us', '9.00'],
    ]);
  });

  it('refuses a transfer of a .ca name without x-ca-legal-type', async () => {
    const { api } = await start({ seed: { registeredNames: ['elsewhere.ca'] } });
    const res = await api('POST', `${REG}/elsewhere.ca/transfers`, { registrant_id: 1, auth_code: 'code' });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      message: 'Invalid extended attributes',
      errors: { 'x-ca-legal-type': "it's required" },
    });
  });
});

describe('DNSimple emulator: premium renewals and transfers', () => {
  it('prices a premium name at its premium price for register, renew and transfer (as the getDomainPrices fixture)', async () => {
    const { api } = await start();
    expect((await api('GET', `${REG}/premium-name.com/prices`)).json.data).toEqual({
      domain: 'premium-name.com',
      premium: true,
      registration_price: 1200,
      renewal_price: 1200,
      transfer_price: 1200,
      restore_price: 80,
      trustee_price: 0,
    });
  });

  it('a premium renewal needs premium_price equal to the renewal price; charged at it', async () => {
    const { api, emu } = await start();
    await api('POST', `${REG}/premium-name.com/registrations`, {
      registrant_id: 1,
      premium_price: '1200.00',
    });
    const missing = await api('POST', `${REG}/premium-name.com/renewals`, { period: 1 });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({
      message: 'Validation failed',
      errors: { premium_price: ['is required for premium domains'] },
    });
    const wrong = await api('POST', `${REG}/premium-name.com/renewals`, {
      period: 1,
      premium_price: '12.99',
    });
    expect(wrong.json.errors).toEqual({ premium_price: ['does not match the premium price'] });
    const ok = await api('POST', `${REG}/premium-name.com/renewals`, { period: 2, premium_price: '1200.00' });
    expect(ok.status).toBe(201);
    expect(emu.ledger.map((e) => [e.operation, e.amount])).toEqual([
      ['register', '1200.00'],
      ['renew', '2400.00'],
    ]);
  });

  it('a premium transfer needs premium_price', async () => {
    const { api, emu } = await start({
      seed: {
        registeredNames: ['gold.com'],
        premiumNames: { 'premium-name.com': '1200.00', 'gold.com': '500.00' },
      },
    });
    const missing = await api('POST', `${REG}/gold.com/transfers`, { registrant_id: 1, auth_code: 'x' });
    expect(missing.json.errors).toEqual({ premium_price: ['is required for premium domains'] });
    const ok = await api('POST', `${REG}/gold.com/transfers`, {
      registrant_id: 1,
      auth_code: 'x',
      premium_price: '500.00',
    });
    expect(ok.status).toBe(201);
    expect(emu.ledger.map((e) => [e.operation, e.amount])).toEqual([['transfer', '500.00']]);
  });
});

describe('DNSimple emulator: operations complete on a later poll', () => {
  it('a renewal is new, then renewing, then renewed on the 3rd GET with completion.polls = 3', async () => {
    const { api } = await start({ completion: { polls: 3 } });
    const renewal = (await api('POST', `${REG}/test-domain-1.com/renewals`, { period: 1 })).json.data;
    expect(renewal.state).toBe('new');
    const states = [];
    for (let i = 0; i < 4; i++) {
      states.push((await api('GET', `${REG}/test-domain-1.com/renewals/${renewal.id}`)).json.data.state);
    }
    expect(states).toEqual(['renewing', 'renewing', 'renewed', 'renewed']);
  });

  it('a transfer completes after completion.afterMs; until then it is transferring and the domain hosted', async () => {
    const { api } = await start({ completion: { afterMs: 150 } });
    const transfer = (
      await api('POST', `${REG}/registered-name.com/transfers`, { registrant_id: 1, auth_code: 'a' })
    ).json.data;
    const path = `${REG}/registered-name.com/transfers/${transfer.id}`;
    expect((await api('GET', path)).json.data.state).toBe('transferring');
    // The Domain object's state enum is hosted | registered | expired: a domain being transferred in is hosted.
    expect((await api('GET', '/v2/1010/domains/registered-name.com')).json.data).toMatchObject({
      state: 'hosted',
      registrant_id: 1,
      expires_at: null,
    });
    await new Promise((r) => setTimeout(r, 200));
    expect((await api('GET', path)).json.data.state).toBe('transferred');
    expect((await api('GET', '/v2/1010/domains/registered-name.com')).json.data.state).toBe('registered');
  });
});

describe('DNSimple emulator: batch operation limit', () => {
  const ZONE = '/v2/1010/zones/test-domain-1.com';
  const creates = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ name: `h${i}`, type: 'A', content: '192.0.2.10', ttl: 3600 }));

  it('refuses the whole batch above batchOperationLimit (default 100), nothing applied', async () => {
    const { api, emu } = await start();
    const before = emu.state.zoneRecords('test-domain-1.com').length;
    const res = await api('POST', `${ZONE}/batch`, { creates: creates(100), deletes: [{ id: 999_999 }] });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      message: 'Validation failed',
      errors: { base: ['The batch has 101 operations and exceeds the maximum of 100 operations'] },
    });
    expect(emu.state.zoneRecords('test-domain-1.com').length).toBe(before);
    expect((await api('POST', `${ZONE}/batch`, { creates: creates(100) })).status).toBe(200);
  });

  it('takes another limit, or none', async () => {
    const small = await start({ batchOperationLimit: 2 });
    expect((await small.api('POST', `${ZONE}/batch`, { creates: creates(3) })).status).toBe(400);
    const none = await start({ batchOperationLimit: null });
    expect((await none.api('POST', `${ZONE}/batch`, { creates: creates(150) })).status).toBe(200);
  });
});

describe('DNSimple emulator: transfer in and out', () => {
  it('checks the auth code the losing registrar expects (transferAuthCodes)', async () => {
    const { api, emu } = await start({ transferAuthCodes: { 'registered-name.com': 'right-code' } });
    const wrong = await api('POST', `${REG}/registered-name.com/transfers`, {
      registrant_id: 1,
      auth_code: 'nope',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toEqual({
      message: 'Validation failed',
      errors: { base: ['The authorization code for the domain registered-name.com is not valid'] },
    });
    expect(emu.ledger).toEqual([]);
    const ok = await api('POST', `${REG}/registered-name.com/transfers`, {
      registrant_id: 1,
      auth_code: 'right-code',
    });
    expect(ok.status).toBe(201);
  });

  it('transfers in a domain the account already hosts (added for DNS first)', async () => {
    const { api } = await start();
    expect((await api('POST', '/v2/1010/domains', { name: 'registered-name.com' })).status).toBe(201);
    const res = await api('POST', `${REG}/registered-name.com/transfers`, {
      registrant_id: 1,
      auth_code: 'a',
    });
    expect(res.status).toBe(201);
    const again = await api('POST', `${REG}/registered-name.com/transfers`, {
      registrant_id: 1,
      auth_code: 'a',
    });
    expect(again.json).toEqual({
      message: 'Validation failed',
      errors: { base: ['A transfer of the domain registered-name.com is already pending'] },
    });
  });

  it('authorize_transfer_out unlocks, e-mails a new code (never in the answer: 204)', async () => {
    const { api, emu } = await start();
    const res = await api('POST', `${REG}/test-domain-1.com/authorize_transfer_out`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(emu.state.emailedAuthCodes.get('test-domain-1.com')).toBe('DNSIMPLE-AUTH-1');
    expect((await api('GET', `${REG}/test-domain-1.com/transfer_lock`)).json).toEqual({
      data: { enabled: false },
    });
  });
});
