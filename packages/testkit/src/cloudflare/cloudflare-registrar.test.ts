import { describe, expect, it } from 'vitest';
import {
  accountPath,
  type CloudflareTestClient,
  cloudflareClient,
  cloudflareEmulators,
  registrantContacts as contacts,
  registrarRefusal as refusal,
  registrarPath as registrar,
  sandboxPath as sandbox,
} from '../test/cloudflare-test-client.js';

const start = cloudflareEmulators();

async function pollUntilSettled(api: CloudflareTestClient, path: string, max = 10) {
  const states: string[] = [];
  for (let i = 0; i < max; i++) {
    const res = await api('GET', path);
    expect(res.status).toBe(200);
    states.push(res.json.result.state);
    if (res.json.result.completed || res.json.result.state === 'action_required') return { states, res };
  }
  throw new Error(`not settled after ${max} polls: ${states.join(',')}`);
}

describe('Cloudflare emulator: domain-check and domain-search', () => {
  it('checks up to 20 names: prices as per-year strings only when registrable, a reason otherwise', async () => {
    const emu = await start();
    const res = await cloudflareClient(emu)('POST', registrar('/domain-check'), {
      domains: [
        'available-name.com',
        'registered-name.com',
        'premium-name.com',
        'brand.link',
        'brand.horse',
        'brand.py',
        'not a domain',
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      success: true,
      errors: [],
      messages: [],
      result: {
        domains: [
          {
            name: 'available-name.com',
            registrable: true,
            tier: 'standard',
            pricing: { currency: 'USD', registration_cost: '12.99', renewal_cost: '12.99' },
          },
          { name: 'registered-name.com', registrable: false, reason: 'domain_unavailable' },
          { name: 'premium-name.com', registrable: false, reason: 'domain_premium', tier: 'premium' },
          { name: 'brand.link', registrable: false, reason: 'extension_not_supported_via_api' },
          { name: 'brand.horse', registrable: false, reason: 'extension_not_supported' },
          { name: 'brand.py', registrable: false, reason: 'extension_disallows_registration' },
        ],
      },
    });
  });

  it('refuses an empty list (1006), more than 20 names (1007) and lists without a supported name (1008)', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const cases: [unknown, number, string][] = [
      [[], 1006, 'domains array must contain at least one domain'],
      [
        Array.from({ length: 21 }, (_, i) => `n${i}.com`),
        1007,
        'domains array exceeds maximum of 20 domains',
      ],
      [['brand.horse', 'x'], 1008, 'None of the provided domains are valid or have supported extensions'],
    ];
    for (const [domains, code, message] of cases) {
      const res = await api('POST', registrar('/domain-check'), { domains });
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ success: false, errors: [{ code, message }], messages: [], result: null });
    }
  });

  it('searches by keyword within the asked extensions (repeated or comma-joined), up to limit, premium with its price', async () => {
    const emu = await start({ seed: { premiumNames: { 'getacme.com': '2500.00' } } });
    const api = cloudflareClient(emu);
    const res = await api('GET', registrar('/domain-search?q=acme&extensions=com&extensions=dev&limit=4'));
    expect(res.status).toBe(200);
    expect(res.json.result.domains).toEqual([
      {
        name: 'acme.com',
        registrable: true,
        tier: 'standard',
        pricing: { currency: 'USD', registration_cost: '12.99', renewal_cost: '12.99' },
      },
      {
        name: 'acme.dev',
        registrable: true,
        tier: 'standard',
        pricing: { currency: 'USD', registration_cost: '15.00', renewal_cost: '15.00' },
      },
      {
        name: 'getacme.com',
        registrable: true,
        tier: 'premium',
        pricing: { currency: 'USD', registration_cost: '2500.00', renewal_cost: '12.99' },
      },
      {
        name: 'getacme.dev',
        registrable: true,
        tier: 'standard',
        pricing: { currency: 'USD', registration_cost: '15.00', renewal_cost: '15.00' },
      },
    ]);
    const joined = await api('GET', registrar('/domain-search?q=acme&extensions=com,dev&limit=4'));
    expect(joined.json.result).toEqual(res.json.result);
    // A full domain leads the list; taken names never appear; a bare extension finds nothing.
    const named = await api('GET', registrar('/domain-search?q=available-name.com&extensions=com&limit=2'));
    expect(named.json.result.domains.map((d: { name: string }) => d.name)).toEqual([
      'available-name.com',
      'getavailable-name.com',
    ]);
    const taken = await api('GET', registrar('/domain-search?q=registered-name&extensions=com'));
    expect(taken.json.result.domains.map((d: { name: string }) => d.name)).not.toContain(
      'registered-name.com',
    );
    expect((await api('GET', registrar('/domain-search?q=com'))).json.result).toEqual({ domains: [] });
  });

  it('refuses a search without q (1001) or with q over 100 characters (1002)', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const missing = await api('GET', registrar('/domain-search'));
    expect(missing.status).toBe(400);
    expect(missing.json.errors).toEqual([{ code: 1001, message: 'Missing required parameter: q' }]);
    const long = await api('GET', registrar(`/domain-search?q=${'a'.repeat(101)}`));
    expect(long.status).toBe(400);
    expect(long.json.errors).toEqual([
      { code: 1002, message: 'Parameter q exceeds maximum length of 100 characters' },
    ]);
  });
});

describe('Cloudflare emulator: registrations', () => {
  it('registers at once with 201 and a succeeded workflow; charges registration plus renewals once', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const res = await api('POST', registrar('/registrations'), {
      domain_name: 'available-name.com',
      years: 2,
      auto_renew: true,
    });
    expect(res.status).toBe(201);
    const links = {
      self: registrar('/registrations/available-name.com/registration-status'),
      resource: registrar('/registrations/available-name.com'),
    };
    expect(res.json.result).toEqual({
      completed: true,
      state: 'succeeded',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      updated_at: expect.any(String),
      context: {
        domain_name: 'available-name.com',
        registration: {
          domain_name: 'available-name.com',
          status: 'active',
          created_at: expect.any(String),
          expires_at: expect.any(String),
          auto_renew: true,
          locked: true,
          privacy_mode: 'redaction',
        },
      },
      links,
    });
    const reg = res.json.result.context.registration;
    expect(Date.parse(reg.expires_at) - Date.parse(reg.created_at)).toBeGreaterThan(2 * 365 * 86_400_000 - 1);
    expect(emu.ledger).toEqual([
      expect.objectContaining({
        operation: 'register',
        domain: 'available-name.com',
        amount: '25.98',
        currency: 'USD',
      }),
    ]);
    const got = await api('GET', registrar('/registrations/available-name.com'));
    expect(got.json.result).toEqual(reg);
    // Polling the finished workflow changes nothing and charges nothing more.
    const status = await api('GET', links.self);
    expect(status.json.result.state).toBe('succeeded');
    expect(emu.ledger).toHaveLength(1);
  });

  it('answers 202 with Preference-Applied for Prefer: respond-async, then pending → in_progress → succeeded; pending while polled', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const res = await api(
      'POST',
      registrar('/registrations'),
      { domain_name: 'available-name.com' },
      { prefer: 'respond-async' },
    );
    expect(res.status).toBe(202);
    expect(res.headers.get('preference-applied')).toBe('respond-async');
    expect(res.json.result).toMatchObject({
      completed: false,
      state: 'pending',
      context: { domain_name: 'available-name.com' },
    });
    const pending = await api('GET', registrar('/registrations/available-name.com'));
    expect(pending.json.result).toMatchObject({ status: 'registration_pending', expires_at: null });
    expect(emu.ledger).toEqual([]);
    const { states, res: done } = await pollUntilSettled(
      api,
      registrar('/registrations/available-name.com/registration-status'),
    );
    expect(states).toEqual(['in_progress', 'succeeded']);
    expect(done.json.result.context.registration.status).toBe('active');
    expect(emu.ledger.map((e) => [e.operation, e.domain, e.amount])).toEqual([
      ['register', 'available-name.com', '12.99'],
    ]);
  });

  it('runs the scripted workflows: slow- (202 without Prefer), blocked-, confirm- (action_required, never completes), rejected- (failed, nothing charged, name free again)', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const status = (d: string) => registrar(`/registrations/${d}/registration-status`);

    const slow = await api('POST', registrar('/registrations'), { domain_name: 'slow-shop.com' });
    expect(slow.status).toBe(202);
    expect(slow.headers.get('preference-applied')).toBeNull();
    expect((await pollUntilSettled(api, status('slow-shop.com'))).states).toEqual([
      'in_progress',
      'succeeded',
    ]);

    expect((await api('POST', registrar('/registrations'), { domain_name: 'blocked-shop.com' })).status).toBe(
      202,
    );
    const blocked = await api('GET', status('blocked-shop.com'));
    expect(blocked.json.result).toMatchObject({
      state: 'blocked',
      completed: false,
      context: {
        domain_name: 'blocked-shop.com',
        blocked_by: 'registry',
        detail: 'Awaiting registry confirmation. This may take up to 24 hours.',
      },
    });
    expect((await pollUntilSettled(api, status('blocked-shop.com'))).states).toEqual([
      'blocked',
      'succeeded',
    ]);

    const confirm = await api('POST', registrar('/registrations'), { domain_name: 'confirm-shop.com' });
    expect(confirm.status).toBe(202);
    expect(confirm.json.result).toMatchObject({
      state: 'action_required',
      completed: false,
      context: { action: 'registrant_email_confirmation_pending', confirmation_sent_to: 'a***@example.com' },
    });
    for (let i = 0; i < 3; i++) {
      expect((await api('GET', status('confirm-shop.com'))).json.result.state).toBe('action_required');
    }

    await api('POST', registrar('/registrations'), { domain_name: 'rejected-shop.com' });
    const failed = await pollUntilSettled(api, status('rejected-shop.com'));
    expect(failed.res.json.result).toMatchObject({
      state: 'failed',
      completed: true,
      error: { code: 'registry_rejected', message: 'The registry rejected the request.' },
    });
    expect((await api('GET', registrar('/registrations/rejected-shop.com'))).status).toBe(404);
    const check = await api('POST', registrar('/domain-check'), { domains: ['rejected-shop.com'] });
    expect(check.json.result.domains[0].registrable).toBe(true);

    expect(emu.ledger.map((e) => e.domain)).toEqual(['slow-shop.com', 'blocked-shop.com']);
  });

  it('refuses a second registration of the same name: 409 while its workflow runs, 400 once it is taken', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    await api('POST', registrar('/registrations'), { domain_name: 'slow-shop.com' });
    const again = await api('POST', registrar('/registrations'), { domain_name: 'slow-shop.com' });
    expect(again.status).toBe(409);
    expect(again.json).toEqual(
      refusal('A workflow already exists for this resource. Use GET status to check its progress.'),
    );
    await pollUntilSettled(api, registrar('/registrations/slow-shop.com/registration-status'));
    expect((await api('POST', registrar('/registrations'), { domain_name: 'slow-shop.com' })).status).toBe(
      409,
    );
    const taken = await api('POST', registrar('/registrations'), { domain_name: 'registered-name.com' });
    expect(taken.status).toBe(400);
    expect(taken.json).toEqual(refusal('Domain is not available for registration', '/domain_name'));
    expect(emu.ledger).toHaveLength(1);
  });

  it('validates the body with 10000 and a JSON pointer; premium and unsupported extensions are refused', async () => {
    const emu = await start({ defaultRegistrantContact: false, domainLimit: 3 });
    const api = cloudflareClient(emu);
    const post = (body: unknown) => api('POST', registrar('/registrations'), body);
    const cases: [unknown, string, string?][] = [
      [{}, 'domain_name is required', '/domain_name'],
      [{ domain_name: 'bad..name' }, 'Invalid domain name', '/domain_name'],
      [
        { domain_name: 'brand.horse', contacts },
        'Registration is not supported for this extension',
        '/domain_name',
      ],
      [
        { domain_name: 'fresh.com', years: 11, contacts },
        'Domain registration term would exceed maximum',
        '/years',
      ],
      [
        { domain_name: 'fresh.com', auto_renew: 'yes', contacts },
        'Must be a boolean if present',
        '/auto_renew',
      ],
      [
        { domain_name: 'fresh.com', privacy_mode: 'on', contacts },
        'Must be one of: off, redaction',
        '/privacy_mode',
      ],
      [
        { domain_name: 'fresh.com' },
        'No registrant contact provided and no default address book entry found for this account.',
      ],
      [
        { domain_name: 'fresh.com', contacts: { registrant: { ...contacts.registrant, phone: '555' } } },
        'Must be a phone number of the form +CC.NUMBER',
        '/contacts/registrant/phone',
      ],
      [
        { domain_name: 'premium-name.com', contacts },
        'Premium domains cannot be registered through the API',
        '/domain_name',
      ],
      [
        { domain_name: 'fresh.com', contacts },
        'Domain limit reached: you cannot register more than 3 domains.',
      ],
    ];
    for (const [body, message, pointer] of cases) {
      const res = await post(body);
      expect(res.status, message).toBe(400);
      expect(res.json, message).toEqual(refusal(message, pointer));
    }
    expect(emu.ledger).toEqual([]);
  });

  it('PATCH changes auto_renew only: 200 with the updated registration, or 202 + update-status with respond-async', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const path = registrar('/registrations/test-domain-1.com');
    const res = await api('PATCH', path, { auto_renew: true });
    expect(res.status).toBe(200);
    expect(res.json.result).toMatchObject({
      completed: true,
      state: 'succeeded',
      context: { domain_name: 'test-domain-1.com', registration: { auto_renew: true } },
      links: { self: `${path}/update-status`, resource: path },
    });
    expect((await api('GET', path)).json.result.auto_renew).toBe(true);

    const later = await api('PATCH', path, { auto_renew: false }, { prefer: 'respond-async' });
    expect(later.status).toBe(202);
    expect(later.json.result).toMatchObject({ completed: false, state: 'in_progress' });
    expect((await api('GET', path)).json.result.auto_renew).toBe(true);
    const { states } = await pollUntilSettled(api, `${path}/update-status`);
    expect(states).toEqual(['succeeded']);
    expect((await api('GET', path)).json.result.auto_renew).toBe(false);

    const locked = await api('PATCH', path, { locked: false });
    expect(locked.status).toBe(400);
    expect(locked.json).toEqual(refusal('Only auto_renew can be updated', '/locked'));
    const notBool = await api('PATCH', path, { auto_renew: 'on' });
    expect(notBool.json).toEqual(refusal('Must be a boolean if present', '/auto_renew'));
    const unknown = await api('PATCH', registrar('/registrations/not-mine.com'), { auto_renew: true });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual(refusal('Domain not found'));
    expect(emu.ledger).toEqual([]);
  });

  it('answers 404 "Domain not found" for an unknown registration and "No workflow found" for a status never started', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const missing = await api('GET', registrar('/registrations/not-mine.com'));
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual(refusal('Domain not found'));
    const noFlow = await api('GET', registrar('/registrations/test-domain-1.com/registration-status'));
    expect(noFlow.status).toBe(404);
    expect(noFlow.json).toEqual(refusal('No workflow found for test-domain-1.com'));
    const invalidName = await api('GET', registrar('/registrations/bad..name'));
    expect(invalidName.json).toEqual(refusal('Invalid domain name'));
  });
});

describe('Cloudflare emulator: registration list (cursor pagination)', () => {
  it('pages with opaque cursors until cursor "" and keeps the seeded registrations in creation order', async () => {
    const emu = await start({ seed: { domains: 5 } });
    const api = cloudflareClient(emu);
    const names: string[] = [];
    let cursor: string | undefined;
    const infos: unknown[] = [];
    do {
      const query = cursor === undefined ? '?per_page=2' : `?per_page=2&cursor=${encodeURIComponent(cursor)}`;
      const res = await api('GET', registrar(`/registrations${query}`));
      expect(res.status).toBe(200);
      names.push(...res.json.result.map((r: { domain_name: string }) => r.domain_name));
      infos.push(res.json.result_info);
      cursor = res.json.result_info.cursor;
    } while (cursor !== '');
    expect(names).toEqual(emu.seedInfo.ownedDomains);
    expect(infos).toEqual([
      { count: 2, cursor: expect.stringMatching(/^[A-Za-z0-9+/=]+$/), per_page: 2 },
      { count: 2, cursor: expect.stringMatching(/^[A-Za-z0-9+/=]+$/), per_page: 2 },
      { count: 1, cursor: '', per_page: 2 },
    ]);
  });

  it('defaults to 20 per page, clamps per_page to 1..50, sorts by name or expiry in either direction', async () => {
    const emu = await start({ seed: { domains: 3 } });
    const api = cloudflareClient(emu);
    const all = await api('GET', registrar('/registrations'));
    expect(all.json.result_info).toEqual({ count: 3, cursor: '', per_page: 20 });
    expect((await api('GET', registrar('/registrations?per_page=500'))).json.result_info.per_page).toBe(50);
    expect((await api('GET', registrar('/registrations?per_page=0'))).json.result_info.per_page).toBe(1);
    const byName = await api('GET', registrar('/registrations?sort_by=name&direction=desc'));
    const names = byName.json.result.map((r: { domain_name: string }) => r.domain_name);
    expect(names).toEqual([...names].sort().reverse());
    const badSort = await api('GET', registrar('/registrations?sort_by=price'));
    expect(badSort.status).toBe(400);
  });

  it('refuses a cursor it did not issue with 400 "Invalid pagination cursor"', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    for (const cursor of ['not-a-cursor', Buffer.from('{"o":-1}').toString('base64'), 'A'.repeat(257)]) {
      const res = await api('GET', registrar(`/registrations?cursor=${encodeURIComponent(cursor)}`));
      expect(res.status).toBe(400);
      expect(res.json).toEqual(refusal('Invalid pagination cursor'));
    }
  });
});

describe('Cloudflare emulator: extensions', () => {
  it('lists the extensions sold through the API with their registration schema, ETag and 304 on If-None-Match', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const res = await api('GET', registrar('/extensions'));
    expect(res.status).toBe(200);
    expect(res.json.result.map((e: { metadata: { name: string } }) => e.metadata.name)).toEqual([
      'co.uk',
      'com',
      'dev',
      'io',
      'net',
      'org',
    ]);
    expect(res.json.result[0].metadata).toEqual({ name: 'co.uk', tld: 'uk' });
    expect(res.json.result[0].registration_schema).toMatchObject({
      type: 'object',
      required: ['domain_name'],
    });
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await api('GET', registrar('/extensions'), undefined, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');

    const one = await api('GET', registrar('/extensions/co.uk'));
    expect(one.json.result.metadata).toEqual({ name: 'co.uk', tld: 'uk' });
    const unknown = await api('GET', registrar('/extensions/horse'));
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual(refusal('Extension not found'));
  });
});

describe('Cloudflare emulator: Registrar sandbox', () => {
  it('sells .com and .net only, charges nothing, and needs full contacts (no express mode)', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const check = await api('POST', sandbox('/domain-check'), {
      domains: ['sandbox-shop.com', 'sandbox-shop.dev'],
    });
    expect(check.json.result.domains).toEqual([
      {
        name: 'sandbox-shop.com',
        registrable: true,
        tier: 'standard',
        pricing: { currency: 'USD', registration_cost: '12.99', renewal_cost: '12.99' },
      },
      { name: 'sandbox-shop.dev', registrable: false, reason: 'extension_not_supported_via_api' },
    ]);
    const express = await api('POST', sandbox('/registrations'), { domain_name: 'sandbox-shop.com' });
    expect(express.status).toBe(400);
    expect(express.json).toEqual(
      refusal('No registrant contact provided and no default address book entry found for this account.'),
    );
    const bought = await api('POST', sandbox('/registrations'), {
      domain_name: 'sandbox-shop.com',
      contacts,
    });
    expect(bought.status).toBe(201);
    expect(bought.json.result.links.self).toBe(
      sandbox('/registrations/sandbox-shop.com/registration-status'),
    );
    expect(emu.ledger).toEqual([]);
    // Sandbox purchases are separate from production ones: no zone, not in the production list.
    expect(emu.state.zoneByName('sandbox-shop.com')).toBeUndefined();
    const production = await api('GET', registrar('/registrations/sandbox-shop.com'));
    expect(production.status).toBe(404);
    const listed = await api('GET', sandbox('/registrations'));
    expect(listed.json.result.map((r: { domain_name: string }) => r.domain_name)).toEqual([
      'sandbox-shop.com',
    ]);
    const dev = await api('POST', sandbox('/registrations'), { domain_name: 'sandbox-shop.dev', contacts });
    expect(dev.json).toEqual(refusal('Registration is not supported for this extension', '/domain_name'));
  });

  it('keeps purchases unique across every sandbox user, and needs the Registrar Sandbox permission', async () => {
    const other = 'b'.repeat(32);
    const emu = await start({ extraAccountIds: [other] });
    const api = cloudflareClient(emu);
    await api('POST', sandbox('/registrations'), { domain_name: 'sandbox-shop.com', contacts });
    const second = await api('POST', accountPath('/registrar-sandbox/registrations', other), {
      domain_name: 'sandbox-shop.com',
      contacts,
    });
    expect(second.status).toBe(400);
    expect(second.json).toEqual(refusal('Domain is not available for registration', '/domain_name'));
    const check = await api('POST', accountPath('/registrar-sandbox/domain-check', other), {
      domains: ['sandbox-shop.com'],
    });
    expect(check.json.result.domains[0]).toEqual({
      name: 'sandbox-shop.com',
      registrable: false,
      reason: 'domain_unavailable',
    });

    const denied = await start({ sandboxPermission: false });
    const res = await cloudflareClient(denied)('POST', sandbox('/domain-check'), { domains: ['a.com'] });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      success: false,
      errors: [{ code: 10000, message: 'Authentication error' }],
      messages: [],
      result: null,
    });
    expect(
      (await cloudflareClient(denied)('POST', registrar('/domain-check'), { domains: ['a.com'] })).status,
    ).toBe(200);
  });

  it('has no transfer-in and no legacy /registrar/domains (removed 2026-09-27): 404/7000', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    for (const [method, path] of [
      ['POST', sandbox('/domain-transfer-check')],
      ['GET', registrar('/domains')],
      ['GET', registrar('/domains/test-domain-1.com')],
    ] as const) {
      const res = await api(method, path, method === 'POST' ? { domains: [] } : undefined);
      expect(res.status).toBe(404);
      expect(res.json.errors).toEqual([{ code: 7000, message: 'No route for that URI' }]);
    }
  });
});
