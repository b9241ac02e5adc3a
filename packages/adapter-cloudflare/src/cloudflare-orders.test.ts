import { ProviderError, UnsupportedOperationError, ValidationError } from '@registrar-kit/core';
import { describe, expect, it } from 'vitest';
import { ADA, requestIssues, setup } from './test/cloudflare-fixture.js';

const PRICES = {
  com: { register: '9.15', renew: '10.44', transfer: '9.95', restore: '80.00' },
  net: { register: '11.00', renew: '11.00', transfer: '11.00', restore: '80.00' },
  org: { register: '10.00', renew: '10.00', transfer: '10.00', restore: '80.00' },
};
const ADA_INLINE = {
  email: 'ada@example.org',
  phone: '+44.2071234567',
  postal_info: {
    name: 'Ada Lovelace',
    organization: 'Analytical Engines Ltd',
    address: {
      street: '12 St James Square',
      city: 'London',
      state: 'London',
      postal_code: 'SW1Y 4JH',
      country_code: 'GB',
    },
  },
};

const registrations = (sent: { method: string; path: string }[]) =>
  sent.filter((r) => r.method === 'POST' && r.path.endsWith('/registrations'));

describe('Cloudflare registerDomain', () => {
  it('quotes, then registers once with contacts inline, and resolves completed at the quoted cost (201)', async () => {
    const { emulator, cloudflare, sent, mark } = await setup({ seed: { tldPrices: PRICES } });
    mark();
    const registration = await cloudflare.registerDomain(
      {
        domain: 'Available-Name.com',
        years: 2,
        autoRenew: true,
        whoisPrivacy: false,
        contacts: { registrant: ADA, admin: ADA },
        maxPrice: { amount: '19.59', currency: 'USD' },
      },
      { idempotencyKey: 'order-1' },
    );
    // Cloudflare has no idempotency key (the domain name is the key): none is sent.
    expect(sent().some((r) => 'idempotency-key' in r.headers)).toBe(false);
    const account = emulator.seedInfo.credentials.accountId;
    expect(sent().map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      {
        method: 'POST',
        path: `/accounts/${account}/registrar/domain-check`,
        body: { domains: ['available-name.com'] },
      },
      {
        method: 'POST',
        path: `/accounts/${account}/registrar/registrations`,
        body: {
          domain_name: 'available-name.com',
          years: 2,
          auto_renew: true,
          privacy_mode: 'off',
          contacts: { registrant: ADA_INLINE, administrator: ADA_INLINE },
        },
      },
    ]);
    expect(registration).toMatchObject({
      provider: 'cloudflare',
      id: 'available-name.com',
      domain: 'available-name.com',
      status: 'completed',
      cost: { amount: '19.59', currency: 'USD' },
    });
    expect(emulator.ledger.map(({ operation, domain, amount }) => ({ operation, domain, amount }))).toEqual([
      { operation: 'register', domain: 'available-name.com', amount: '19.59' },
    ]);
    expect(requestIssues(emulator)).toEqual([]);
  });

  it('refuses above maxPrice, or in another currency, before anything is charged', async () => {
    const { emulator, cloudflare, sent, mark } = await setup({ seed: { tldPrices: PRICES } });
    mark();
    for (const maxPrice of [
      { amount: '9.14', currency: 'USD' },
      { amount: '100', currency: 'EUR' },
    ]) {
      const error = await cloudflare
        .registerDomain({ domain: 'available-name.com', maxPrice })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({
        code: 'price_above_limit',
        provider: 'cloudflare',
        operation: 'registerDomain',
      });
    }
    expect(registrations(sent())).toEqual([]);
    expect(emulator.ledger).toEqual([]);
  });

  it('refuses premium and taken names, contact ids and nameservers, sending no registration', async () => {
    const { cloudflare, sent, mark } = await setup({ seed: { tldPrices: PRICES } });
    mark();
    await expect(cloudflare.registerDomain({ domain: 'premium-name.com' })).rejects.toMatchObject({
      code: 'premium_not_supported',
    });
    await expect(cloudflare.registerDomain({ domain: 'registered-name.com' })).rejects.toMatchObject({
      code: 'domain_unavailable',
    });
    const before = sent().length;
    await expect(
      cloudflare.registerDomain({ domain: 'available-name.com', contacts: { registrant: 'contact-42' } }),
    ).rejects.toMatchObject({ issues: [{ path: 'contacts.registrant' }] });
    await expect(
      cloudflare.registerDomain({ domain: 'available-name.com', nameservers: ['ns1.example.net'] }),
    ).rejects.toMatchObject({ issues: [{ path: 'nameservers' }] });
    await expect(
      cloudflare.registerDomain({
        domain: 'available-name.com',
        premiumPrice: { amount: '1', currency: 'USD' },
      }),
    ).rejects.toMatchObject({ code: 'premium_not_supported' });
    expect(sent().length).toBe(before);
    expect(registrations(sent())).toEqual([]);
  });

  it('polls a 202 registration to completed; a registrant confirmation stays pending; a rejection fails uncharged', async () => {
    const { emulator, cloudflare, sent } = await setup({ seed: { tldPrices: PRICES } });
    const slow = await cloudflare.registerDomain({ domain: 'slow-name.com' });
    expect(slow).toMatchObject({ status: 'completed', cost: { amount: '9.15', currency: 'USD' } });
    expect(
      sent().filter((r) => r.path.endsWith('/slow-name.com/registration-status')).length,
    ).toBeGreaterThan(0);
    const confirm = await cloudflare.registerDomain({ domain: 'confirm-name.com' });
    expect(confirm).toMatchObject({ status: 'pending', raw: { state: 'action_required' } });
    const rejected = await cloudflare.registerDomain({ domain: 'rejected-name.com' });
    expect(rejected).toMatchObject({
      status: 'failed',
      cost: null,
      raw: { error: { code: 'registry_rejected' } },
    });
    expect(emulator.ledger.map((e) => e.domain)).toEqual(['slow-name.com']);
    expect(await cloudflare.getRegistration('confirm-name.com')).toMatchObject({ status: 'pending' });
    // While its workflow runs, the name checks as taken: a second registration is refused unsent.
    const sentBefore = sent().length;
    await expect(cloudflare.registerDomain({ domain: 'confirm-name.com' })).rejects.toMatchObject({
      code: 'domain_unavailable',
    });
    expect(registrations(sent().slice(sentBefore))).toEqual([]);
    expect(requestIssues(emulator)).toEqual([]);
  });

  it('resolves pending when the status reads fail after the registration was accepted; it is charged once', async () => {
    const { emulator, cloudflare } = await setup({ seed: { tldPrices: PRICES } });
    emulator.setFaults([
      {
        route: 'getRegistration',
        sequence: Array.from({ length: 10 }, () => ({ type: 'status' as const, status: 500 })),
      },
    ]);
    const registration = await cloudflare.registerDomain({ domain: 'slow-name.com' });
    expect(registration).toMatchObject({ status: 'pending', domain: 'slow-name.com' });
    expect(emulator.requests.filter((r) => r.operation === 'registerDomain')).toHaveLength(1);
    emulator.setFaults([]);
    let later = await cloudflare.getRegistration('slow-name.com');
    while (later.status === 'pending') later = await cloudflare.getRegistration('slow-name.com');
    expect(later.status).toBe('completed');
    expect(emulator.ledger.map((e) => e.domain)).toEqual(['slow-name.com']);
  });
});

describe('Cloudflare sandbox', () => {
  it('registers under registrar-sandbox with the full contacts, charging nothing; no transfers', async () => {
    const { emulator, cloudflare, sent, mark } = await setup(
      { seed: { tldPrices: PRICES } },
      { sandbox: true },
    );
    mark();
    await expect(cloudflare.registerDomain({ domain: 'sandbox-name.com' })).rejects.toMatchObject({
      issues: [{ path: 'contacts.registrant' }],
    });
    expect(sent()).toEqual([]);
    const registration = await cloudflare.registerDomain({
      domain: 'sandbox-name.com',
      contacts: { registrant: ADA },
    });
    expect(registration).toMatchObject({ status: 'completed', cost: { amount: '0.00', currency: 'USD' } });
    expect(sent().every((r) => r.path.includes('/registrar-sandbox/'))).toBe(true);
    expect(emulator.ledger).toEqual([]);
    await expect(
      cloudflare.registerDomain({ domain: 'sandbox-name.org', contacts: { registrant: ADA } }),
    ).rejects.toMatchObject({ code: 'not_registrable' });
    expect(cloudflare.supports('transferDomain')).toBe(false);
    await expect(cloudflare.transferDomain({ domain: 'x.com', authCode: 'a' })).rejects.toBeInstanceOf(
      UnsupportedOperationError,
    );
    expect(requestIssues(emulator)).toEqual([]);
  });
});

describe('Cloudflare transferDomain', () => {
  const transferSetup = () =>
    setup({
      seed: { tldPrices: PRICES, registeredNames: ['transfer-me.com', 'locked-name.com'] },
      authCodes: { 'transfer-me.com': 'EPP-code-1' },
    });

  it('checks with the base64 auth code, guards the price, starts the transfer and follows it to completed', async () => {
    const { emulator, cloudflare, sent, mark } = await transferSetup();
    await cloudflare.createZone('transfer-me.com');
    mark();
    const transfer = await cloudflare.transferDomain({
      domain: 'transfer-me.com',
      authCode: 'EPP-code-1',
      maxPrice: { amount: '9.95', currency: 'USD' },
    });
    const account = emulator.seedInfo.credentials.accountId;
    const code = Buffer.from('EPP-code-1').toString('base64');
    expect(sent().map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      {
        method: 'POST',
        path: `/accounts/${account}/registrar/domain-transfer-check`,
        body: { domains: [{ domain_name: 'transfer-me.com', auth_code: code }] },
      },
      {
        method: 'POST',
        path: `/accounts/${account}/registrar/registrations/transfer-me.com/transfer-in`,
        body: { auth_code: code },
      },
    ]);
    expect(transfer).toMatchObject({
      provider: 'cloudflare',
      id: 'transfer-me.com',
      domain: 'transfer-me.com',
      status: 'pending',
      cost: { amount: '9.95', currency: 'USD' },
      completedAt: null,
    });
    const seen: string[] = [];
    let current = await cloudflare.getTransfer(transfer.id);
    seen.push(current.status);
    while (current.status !== 'completed') {
      current = await cloudflare.getTransfer(transfer.id);
      seen.push(current.status);
    }
    expect(seen).toEqual(['in_progress', 'completed']);
    expect(current).toMatchObject({ domainId: 'transfer-me.com' });
    expect(emulator.ledger.map(({ operation, amount }) => ({ operation, amount }))).toEqual([
      { operation: 'transfer', amount: '9.95' },
    ]);
    expect((await cloudflare.getDomain('transfer-me.com')).status).toBe('active');
    expect(requestIssues(emulator)).toEqual([]);
  });

  it('refuses a name Cloudflare says cannot move (wrong code, lock, no zone) or above maxPrice, starting nothing', async () => {
    const { emulator, cloudflare } = await transferSetup();
    await cloudflare.createZone('transfer-me.com');
    const cases = [
      [{ domain: 'transfer-me.com', authCode: 'wrong' }, 'invalid_auth_code'],
      [{ domain: 'locked-name.com', authCode: 'x' }, 'domain_locked'],
    ] as const;
    for (const [input, reason] of cases) {
      const error = await cloudflare.transferDomain(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: 'not_transferable' });
      expect((error as ValidationError).issues.map((i) => i.message)).toContain(reason);
    }
    await expect(
      cloudflare.transferDomain({
        domain: 'transfer-me.com',
        authCode: 'EPP-code-1',
        maxPrice: { amount: '9.94', currency: 'USD' },
      }),
    ).rejects.toMatchObject({ code: 'price_above_limit' });
    expect(emulator.requests.filter((r) => r.operation === 'transferDomain')).toEqual([]);
  });

  it('reports a registry that did not answer as a retryable ProviderError', async () => {
    const { cloudflare } = await transferSetup();
    const error = await cloudflare
      .transferDomain({ domain: 'upstream-error-x.com', authCode: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 503 });
  });
});
