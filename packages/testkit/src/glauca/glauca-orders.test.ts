import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import type { GlaucaState } from './glauca-state.js';
import { domainIdOf, glaucaTestStarter, registrationOrderBody } from './glauca-test-client.js';

const start = glaucaTestStarter();

const idOf = domainIdOf;

const registration = registrationOrderBody;

describe('Glauca registration orders', () => {
  it('201 + Location, started → processing → completed one poll at a time; the domain then exists', async () => {
    const { call, emu } = await start();
    const res = await call(
      'POST',
      '/api/domain_registration_orders/',
      registration(emu, 'available-name.com'),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(res.body.url);
    expect(res.body.url).toBe(`${emu.url}/api/domain_registration_orders/${res.body.id}/`);
    expect(res.body.id).toMatch(/^domains_domainregistrationorder_[0-9a-f]{32}$/);
    expect(res.body).toMatchObject({
      state: 'started',
      price: 25.98,
      domain: 'available-name.com',
      domain_obj: null,
      domain_obj_url: null,
      redirect_uri: null,
      last_error: null,
      off_session: true,
      period: { unit: 'y', value: 2 },
      admin_contact: null,
    });
    expect(typeof res.body.price).toBe('number');
    expect(res.body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(res.body.domain_id).toMatch(/^domains_domainregistration_[0-9a-f]{32}$/);
    expect((await call('GET', '/api/domains/')).body).toHaveLength(3);

    const poll1 = await call('GET', `/api/domain_registration_orders/${res.body.id}/`);
    expect(poll1.body.state).toBe('processing');
    const poll2 = await call('GET', `/api/domain_registration_orders/${res.body.id}/`);
    expect(poll2.body.state).toBe('completed');
    // Order links as documented: the domain's id and URL.
    expect(poll2.body.domain_obj).toBe(res.body.domain_id);
    expect(poll2.body.domain_obj_url).toBe(`${emu.url}/api/domains/${res.body.domain_id}/`);

    const domain = await call('GET', `/api/domains/${res.body.domain_id}/`);
    expect(domain.status).toBe(200);
    expect(domain.body).toMatchObject({
      domain: 'available-name.com',
      statuses: ['ok'],
      rgp_state: ['add_grace_period'],
    });
    const check = await call('POST', '/api/domains/check/', {
      domain: 'available-name.com',
      period: { unit: 'y', value: 1 },
    });
    expect(check.body.available).toBe(false);

    expect(emu.ledger).toHaveLength(1);
    expect(emu.ledger[0]).toMatchObject({
      operation: 'register',
      domain: 'available-name.com',
      amount: '25.98',
      currency: 'GBP',
    });
    expect(emu.ledger[0]!.requestSeq).toBe(emu.requests.find((r) => r.operation === 'registerDomain')!.seq);
  });

  it('a taken name gives a failed order with last_error and no charge', async () => {
    const { call, emu } = await start();
    const res = await call(
      'POST',
      '/api/domain_registration_orders/',
      registration(emu, 'registered-name.com'),
    );
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('failed');
    expect(res.body.last_error).toBe('Domain no longer available to purchase.');
    expect(emu.ledger).toEqual([]);
  });

  it('validation: contacts declared without default are required; unsupported zone is 400 detail', async () => {
    const { call, emu } = await start();
    const res = await call('POST', '/api/domain_registration_orders/', {
      domain: 'x.com',
      period: { unit: 'y', value: 1 },
      registrant: emu.state.defaultContactId,
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      admin_contact: ['This field is required.'],
      billing_contact: ['This field is required.'],
      tech_contact: ['This field is required.'],
    });
    const zone = await call('POST', '/api/domain_registration_orders/', registration(emu, 'example.zz'));
    expect(zone.status).toBe(400);
    expect(zone.body).toEqual({ detail: 'Unsupported by the registry' });
    expect(emu.ledger).toEqual([]);
  });

  it('a registration list is paginated (limit/offset envelope)', async () => {
    const { call, emu } = await start({ instantOrders: true });
    for (const name of ['a1.com', 'a2.com', 'a3.com']) {
      await call('POST', '/api/domain_registration_orders/', registration(emu, name));
    }
    const page = await call('GET', '/api/domain_registration_orders/?limit=2');
    expect(page.body.count).toBe(3);
    expect(page.body.results).toHaveLength(2);
    expect(page.body.next).toBe(`${emu.url}/api/domain_registration_orders/?limit=2&offset=2`);
    expect(page.body.previous).toBeNull();
    const last = await call('GET', '/api/domain_registration_orders/?limit=2&offset=2');
    expect(last.body.results.map((o: { domain: string }) => o.domain)).toEqual(['a3.com']);
    expect(last.body.next).toBeNull();
    expect(last.body.previous).toBe(`${emu.url}/api/domain_registration_orders/?limit=2`);
  });

  it('instantOrders: completed in the 201 answer', async () => {
    const { call, emu } = await start({ instantOrders: true });
    const res = await call(
      'POST',
      '/api/domain_registration_orders/',
      registration(emu, 'available-name.com'),
    );
    expect(res.body.state).toBe('completed');
    expect((await call('GET', `/api/domains/${res.body.domain_id}/`)).status).toBe(200);
  });

  it('orders cannot be changed once started: 400 {"state": ["invalid state transition"]}', async () => {
    const { call, emu } = await start();
    const res = await call(
      'POST',
      '/api/domain_registration_orders/',
      registration(emu, 'available-name.com'),
    );
    const patch = await call('PATCH', `/api/domain_registration_orders/${res.body.id}/`, { state: 'failed' });
    expect(patch.status).toBe(400);
    expect(patch.body).toEqual({ state: ['invalid state transition'] });
  });

  it('balance: off_session true fails without charge; off_session false waits in needs_payment', async () => {
    const { call, emu } = await start({ balance: '20.00' });
    const offSession = await call(
      'POST',
      '/api/domain_registration_orders/',
      registration(emu, 'available-name.com'),
    );
    expect(offSession.body).toMatchObject({ state: 'failed', last_error: 'Insufficient funds' });
    const interactive = await call(
      'POST',
      '/api/domain_registration_orders/',
      registration(emu, 'available-name.com', { off_session: false }),
    );
    expect(interactive.body.state).toBe('needs_payment');
    expect(interactive.body.redirect_uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/billing\/order\//);
    expect((await call('GET', `/api/domain_registration_orders/${interactive.body.id}/`)).body.state).toBe(
      'needs_payment',
    );
    expect(emu.ledger).toEqual([]);
    const cheap = await call(
      'POST',
      '/api/domain_registration_orders/',
      registration(emu, 'cheap.org', { period: { unit: 'y', value: 1 } }),
    );
    expect(cheap.body.state).toBe('started');
    expect(emu.state.balancePence).toBe(2000 - 1099);
  });
});

describe('Glauca transfer orders', () => {
  function transfer(emu: RunningEmulator<GlaucaState>, domain: string, authCode = 'Xk7pQ2m9LwR4') {
    return {
      domain,
      auth_code: authCode,
      registrant: emu.state.defaultContactId,
      admin_contact: null,
      billing_contact: null,
      tech_contact: null,
      off_session: true,
    };
  }

  it('started → processing → pending_approval → completed; auth_code echoed; domain arrives', async () => {
    const { call, emu } = await start();
    const res = await call('POST', '/api/domain_transfer_orders/', transfer(emu, 'registered-name.com'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'started', auth_code: 'Xk7pQ2m9LwR4', price: 12.99 });
    expect(res.body).not.toHaveProperty('period');
    const states: string[] = [];
    for (let i = 0; i < 4; i++) {
      states.push((await call('GET', `/api/domain_transfer_orders/${res.body.id}/`)).body.state);
    }
    expect(states).toEqual(['processing', 'pending_approval', 'completed', 'completed']);
    const domain = await call('GET', `/api/domains/${res.body.domain_id}/`);
    expect(domain.body).toMatchObject({
      domain: 'registered-name.com',
      rgp_state: ['transfer_grace_period'],
    });
    expect(domain.body.last_transferred).not.toBeNull();
    expect(emu.ledger.map((e) => [e.operation, e.amount, e.currency])).toEqual([
      ['transfer', '12.99', 'GBP'],
    ]);
  });

  it('an unregistered name or a wrong auth code fails at once, uncharged', async () => {
    const { call, emu } = await start({ transferAuthCodes: { 'registered-name.com': 'right-code' } });
    const unregistered = await call(
      'POST',
      '/api/domain_transfer_orders/',
      transfer(emu, 'available-name.com'),
    );
    expect(unregistered.body).toMatchObject({
      state: 'failed',
      last_error: 'Domain not eligible for transfer',
    });
    const wrong = await call(
      'POST',
      '/api/domain_transfer_orders/',
      transfer(emu, 'registered-name.com', 'wrong'),
    );
    expect(wrong.body).toMatchObject({ state: 'failed', last_error: 'Invalid authorization code' });
    expect(emu.ledger).toEqual([]);
    const right = await call(
      'POST',
      '/api/domain_transfer_orders/',
      transfer(emu, 'registered-name.com', 'right-code'),
    );
    expect(right.body.state).toBe('started');
    expect(emu.ledger).toHaveLength(1);
  });

  it('an unknown transfer order is 404; auth_code is required', async () => {
    const { call, emu } = await start();
    expect((await call('GET', '/api/domain_transfer_orders/domains_domaintransferorder_x/')).status).toBe(
      404,
    );
    const { auth_code: _omit, ...body } = transfer(emu, 'registered-name.com');
    const res = await call('POST', '/api/domain_transfer_orders/', body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ auth_code: ['This field is required.'] });
  });
});

describe('Glauca renew and restore', () => {
  it('renew: 201 renew order, charged once, expiry moves by the period when completed', async () => {
    const { call, emu } = await start();
    const id = await idOf(call, 'test-domain-1.com');
    const res = await call('POST', `/api/domains/${id}/renew/`, {
      period: { unit: 'y', value: 2 },
      off_session: true,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`${emu.url}/api/domain_renew_orders/${res.body.id}/`);
    expect(res.body).toMatchObject({
      state: 'started',
      price: 25.98,
      domain: 'test-domain-1.com',
      domain_obj: id,
    });
    expect((await call('GET', `/api/domains/${id}/`)).body.expiry).toBe('2030-01-15T00:00:00Z');
    await call('GET', `/api/domain_renew_orders/${res.body.id}/`);
    const done = await call('GET', `/api/domain_renew_orders/${res.body.id}/`);
    expect(done.body.state).toBe('completed');
    const domain = (await call('GET', `/api/domains/${id}/`)).body;
    expect(domain.expiry).toBe('2032-01-15T00:00:00Z');
    expect(domain.rgp_state).toEqual(['renew_grace_period']);
    expect(emu.ledger.map((e) => [e.operation, e.domain, e.amount])).toEqual([
      ['renew', 'test-domain-1.com', '25.98'],
    ]);
    const list = await call('GET', '/api/domain_renew_orders/');
    expect(list.body.count).toBe(1);
  });

  it('renew of a deleted domain is 403; creating on the renew collection is 405', async () => {
    const { call } = await start({ seed: { domains: 5 } });
    const deleted = await idOf(call, 'test-domain-4.com');
    const res = await call('POST', `/api/domains/${deleted}/renew/`, { period: { unit: 'y', value: 1 } });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ detail: 'You do not have permission to perform this action.' });
    const direct = await call('POST', '/api/domain_renew_orders/', {});
    expect(direct.status).toBe(405);
  });

  it('restore: only for deleted domains; completion brings the domain back', async () => {
    const { call, emu } = await start({ seed: { domains: 5 } });
    const active = await idOf(call, 'test-domain-1.com');
    expect((await call('POST', `/api/domains/${active}/restore/`, {})).status).toBe(403);
    const deleted = await idOf(call, 'test-domain-4.com');
    const res = await call('POST', `/api/domains/${deleted}/restore/`, { off_session: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'started', price: 80, domain: 'test-domain-4.com' });
    expect(res.body).not.toHaveProperty('period');
    await call('GET', `/api/domain_restore_orders/${res.body.id}/`);
    await call('GET', `/api/domain_restore_orders/${res.body.id}/`);
    const domain = (await call('GET', `/api/domains/${deleted}/`)).body;
    expect(domain).toMatchObject({ deleted: false, rgp_state: [], statuses: ['ok'] });
    expect(emu.ledger.map((e) => [e.operation, e.amount])).toEqual([['restore', '80.00']]);
  });

  it('contacts list (paginated) holds the registrant the seeded domains use', async () => {
    const { call, emu } = await start();
    const res = await call('GET', '/api/contacts/');
    expect(res.body.count).toBe(1);
    expect(res.body.results[0].id).toBe(emu.state.defaultContactId);
    expect((await call('GET', `/api/contacts/${emu.state.defaultContactId}/`)).status).toBe(200);
  });
});
