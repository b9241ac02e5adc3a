/**
 * Orders against the Porkbun emulator and its cents ledger: the exact cost from a fresh quote, the
 * money guard, the minimum term, one Idempotency-Key per spending call across its retries, and
 * contacts applied after a registration (a failure there never undoes the charge).
 */
import {
  ConflictError,
  NetworkError,
  type TransportEvent,
  toArray,
  ValidationError,
} from '@registrar-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { PorkbunFollowUpError } from './index.js';
import { type PorkbunFixture, startPorkbun } from './test/porkbun-test-setup.js';

const CONTACT = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  organization: 'Analytical Engines Ltd',
  email: 'ada@example.org',
  phone: '+44.2071234567',
  address1: '12 St James Square',
  city: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
};

let fixture: PorkbunFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const posts = (f: PorkbunFixture, path: string) =>
  f.emulator.requests.filter((r) => r.method === 'POST' && r.path.includes(path));

describe('registerDomain', () => {
  it('charges the exact quoted price once and the domain joins the account', async () => {
    fixture = await startPorkbun();
    const { porkbun, emulator } = fixture;
    const before = emulator.state.balanceCents;
    const registration = await porkbun.registerDomain({ domain: 'available-name.com' });
    expect(registration).toMatchObject({
      provider: 'porkbun',
      domain: 'available-name.com',
      status: 'completed',
      cost: { amount: '12.99', currency: 'USD' },
    });
    expect(registration.id).toMatch(/^\d+$/);
    expect(emulator.ledger.map((e) => [e.operation, e.domain, e.amount, e.currency])).toEqual([
      ['register', 'available-name.com', '12.99', 'USD'],
    ]);
    expect(emulator.state.balanceCents).toBe(before - 1299);
    expect(posts(fixture, '/domain/create/')[0]!.body).toMatchObject({ cost: 1299, agreeToTerms: 'yes' });
    expect((await porkbun.getDomain('available-name.com')).name).toBe('available-name.com');
  });

  it('above maxPrice: ValidationError price_above_limit, no create sent, nothing charged', async () => {
    fixture = await startPorkbun();
    const error = await fixture.porkbun
      .registerDomain({ domain: 'available-name.com', maxPrice: { amount: '12.98', currency: 'USD' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      code: 'price_above_limit',
      provider: 'porkbun',
      operation: 'registerDomain',
    });
    expect((error as Error).message).toContain('12.99 USD, above maxPrice 12.98 USD');
    expect(posts(fixture, '/domain/create/')).toEqual([]);
    expect(fixture.emulator.ledger).toEqual([]);
  });

  it('maxPrice in another currency is refused (Porkbun charges USD)', async () => {
    fixture = await startPorkbun();
    const error = await fixture.porkbun
      .registerDomain({ domain: 'available-name.com', maxPrice: { amount: '100', currency: 'EUR' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'price_above_limit' });
    expect(fixture.emulator.ledger).toEqual([]);
  });

  it('years other than the minimum: ValidationError naming the minimum from getTldRequirements, before any quote', async () => {
    fixture = await startPorkbun();
    const error = await fixture.porkbun
      .registerDomain({ domain: 'available-name.com', years: 3 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'term_not_supported' });
    expect((error as ValidationError).issues).toEqual([
      { path: 'years', message: "Porkbun's API registers .com for its minimum term only: years must be 1" },
    ]);
    expect(fixture.emulator.requests.map((r) => r.path)).toEqual([
      '/api/json/v3/domain/getRegistrationRequirements/com',
    ]);
  });

  it('a taken name is a ConflictError and a premium name is refused, before anything is sent to create', async () => {
    fixture = await startPorkbun();
    expect(
      await fixture.porkbun.registerDomain({ domain: 'registered-name.com' }).catch((e: unknown) => e),
    ).toBeInstanceOf(ConflictError);
    expect(
      await fixture.porkbun.registerDomain({ domain: 'premium-name.com' }).catch((e: unknown) => e),
    ).toMatchObject({ name: 'ValidationError', code: 'premium_not_supported' });
    expect(posts(fixture, '/domain/create/')).toEqual([]);
  });

  it('contacts, nameservers and auto-renew are applied right after the registration', async () => {
    fixture = await startPorkbun();
    const { porkbun } = fixture;
    await porkbun.registerDomain({
      domain: 'available-name.com',
      contacts: { registrant: CONTACT, admin: CONTACT },
      nameservers: ['NS1.Example-DNS.net', 'ns2.example-dns.net'],
      autoRenew: true,
    });
    const order = fixture.emulator.requests.map((r) => r.path.replace('/api/json/v3', ''));
    expect(order.slice(-3)).toEqual([
      '/domain/updateContacts/available-name.com',
      '/domain/updateNs/available-name.com',
      '/domain/updateAutoRenew/available-name.com',
    ]);
    const contacts = await porkbun.getDomainContacts('available-name.com');
    expect(contacts.registrant).toEqual({ ...CONTACT, address2: null, stateProvince: null });
    expect(contacts.admin).toEqual(contacts.registrant);
    expect(await porkbun.getDomain('available-name.com')).toMatchObject({
      autoRenew: true,
      nameservers: ['ns1.example-dns.net', 'ns2.example-dns.net'],
    });
  });

  it('a contact id is refused (Porkbun has no contact objects), nothing sent', async () => {
    fixture = await startPorkbun();
    const error = await fixture.porkbun
      .registerDomain({ domain: 'available-name.com', contacts: { registrant: 'contact-42' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ path: 'contacts.registrant' });
    expect((error as Error).message).toContain('porkbun has no contact ids');
    expect(fixture.emulator.requests).toEqual([]);
  });

  it('the contacts step failing after the charge: the registration resolves, the error is on raw and emitted', async () => {
    const events: TransportEvent[] = [];
    fixture = await startPorkbun({}, { onEvent: (event) => events.push(event) });
    fixture.emulator.setFaults([{ route: 'updateContacts', sequence: [{ type: 'status', status: 500 }] }]);
    const registration = await fixture.porkbun.registerDomain({
      domain: 'available-name.com',
      contacts: { registrant: CONTACT },
    });
    expect(registration).toMatchObject({ status: 'completed', cost: { amount: '12.99', currency: 'USD' } });
    const followUps = (registration.raw as { followUpErrors: PorkbunFollowUpError[] }).followUpErrors;
    expect(followUps.map((f) => [f.step, f.error.name, f.error.status])).toEqual([
      ['contacts', 'ProviderError', 500],
    ]);
    expect(
      events.filter(
        (e) =>
          e.type === 'error' && e.path === '/domain/updateContacts/available-name.com' && e.durationMs === 0,
      ),
    ).toHaveLength(1);
    expect(fixture.emulator.ledger).toHaveLength(1);
  });
});

describe('Idempotency-Key', () => {
  it('a 429 on create is retried with the same key and charged once', async () => {
    fixture = await startPorkbun();
    fixture.emulator.setFaults([
      { route: 'registerDomain', sequence: [{ type: 'error', status: 429, retryAfterSeconds: 0 }] },
    ]);
    await fixture.porkbun.registerDomain({ domain: 'available-name.com' });
    const creates = posts(fixture, '/domain/create/');
    expect(creates.map((r) => r.status)).toEqual([429, 200]);
    const keys = creates.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(fixture.emulator.ledger).toHaveLength(1);
  });

  it('a reset after the renewal was processed is not retried; the same idempotencyKey again replays it, charged once', async () => {
    fixture = await startPorkbun();
    const domain = fixture.emulator.seedInfo.ownedDomains[0]!;
    fixture.emulator.setFaults([{ route: 'renewDomain', sequence: [{ type: 'reset-after' }] }]);
    const error = await fixture.porkbun
      .renewDomain(domain, { years: 1 }, { idempotencyKey: 'renew-once' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(posts(fixture, '/domain/renew/')).toHaveLength(1);
    const renewal = await fixture.porkbun.renewDomain(domain, { years: 1 }, { idempotencyKey: 'renew-once' });
    expect(renewal).toMatchObject({ status: 'completed', cost: { amount: '12.99', currency: 'USD' } });
    expect(fixture.emulator.ledger.map((e) => [e.operation, e.domain])).toEqual([['renew', domain]]);
  });
});

describe('renewDomain and transferDomain', () => {
  it('renewDomain for 2 years: ValidationError naming the minimum, nothing charged', async () => {
    fixture = await startPorkbun();
    const error = await fixture.porkbun
      .renewDomain(fixture.emulator.seedInfo.ownedDomains[0]!, { years: 2 })
      .catch((e: unknown) => e);
    expect((error as ValidationError).issues).toEqual([
      { path: 'years', message: "Porkbun's API renews .com for its minimum term only: years must be 1" },
    ]);
    expect(fixture.emulator.ledger).toEqual([]);
  });

  it('renewDomain moves the expiry by the minimum term and reports it', async () => {
    fixture = await startPorkbun();
    const domain = fixture.emulator.seedInfo.ownedDomains[0]!;
    const before = await fixture.porkbun.getDomain(domain);
    const renewal = await fixture.porkbun.renewDomain(domain, {
      years: 1,
      maxPrice: { amount: '13', currency: 'USD' },
    });
    const expected = new Date(before.expiresAt!);
    expected.setUTCFullYear(expected.getUTCFullYear() + 1);
    expect(renewal.expiresAt?.toISOString().slice(0, 10)).toBe(expected.toISOString().slice(0, 10));
  });

  it('transferDomain refuses contacts (never silently dropped), then a transfer is followed by domain to completion', async () => {
    fixture = await startPorkbun();
    const { porkbun } = fixture;
    const refused = await porkbun
      .transferDomain({
        domain: 'registered-name.com',
        authCode: 'abc123',
        contacts: { registrant: CONTACT },
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(fixture.emulator.requests).toEqual([]);
    const transfer = await porkbun.transferDomain({ domain: 'registered-name.com', authCode: 'abc123' });
    expect(transfer).toMatchObject({
      id: 'registered-name.com',
      status: 'pending',
      cost: { amount: '12.99', currency: 'USD' },
    });
    const states: string[] = [];
    for (let i = 0; i < 4; i++) states.push((await porkbun.getTransfer(transfer.id)).status);
    expect(states).toContain('completed');
    expect((await toArray(porkbun.listDomains())).map((d) => d.name)).toContain('registered-name.com');
    expect(fixture.emulator.ledger.map((e) => e.operation)).toEqual(['transfer']);
  });
});
