import { ConflictError, ValidationError } from '@registrar-kit/core';
import { describe, expect, it } from 'vitest';
import { CONTACT as contact, namecheapOnEmulator, sent } from './test/namecheap-setup.js';

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('orders against the emulator (money ledger)', () => {
  it('maxPrice below the quote refuses with nothing charged and no order sent', async () => {
    const { emulator, registrar } = await namecheapOnEmulator();
    const error = await caught(
      registrar.registerDomain({
        domain: emulator.seedInfo.availableName,
        contacts: { registrant: contact },
        maxPrice: { amount: '12.98', currency: 'USD' },
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'price_above_limit', operation: 'registerDomain' });
    expect(sent(emulator, 'registerDomain')).toHaveLength(0);
    expect(emulator.ledger).toHaveLength(0);
  });

  it('registers with a ContactInput sent inline as all four roles; the domain then has those contacts', async () => {
    const { emulator, registrar } = await namecheapOnEmulator();
    const domain = emulator.seedInfo.availableName;
    const registration = await registrar.registerDomain({
      domain,
      years: 2,
      contacts: { registrant: contact },
      maxPrice: { amount: '25.98', currency: 'USD' },
    });
    expect(registration).toMatchObject({
      domain,
      status: 'completed',
      cost: { amount: '25.9800', currency: 'USD' },
    });
    expect(emulator.ledger.map((e) => [e.operation, e.domain, e.amount])).toEqual([
      ['register', domain, '25.98'],
    ]);
    const contacts = await registrar.getDomainContacts(domain);
    for (const role of ['registrant', 'admin', 'tech', 'billing'] as const)
      expect(contacts[role]).toMatchObject({
        firstName: 'Ada',
        email: 'ada@example.com',
        phone: '+44.2071234567',
        country: 'GB',
      });
  });

  it('a premium name is ordered with IsPremiumDomain and the premium price from domains.check', async () => {
    const { emulator, registrar } = await namecheapOnEmulator();
    const domain = emulator.seedInfo.premiumName;
    const quote = await registrar.getPrice(domain);
    expect(quote).toMatchObject({ premium: true, price: { amount: '1200.0000', currency: 'USD' } });
    await registrar.registerDomain({ domain, contacts: { registrant: contact }, maxPrice: quote.price });
    expect(sent(emulator, 'registerDomain')[0]).toMatchObject({
      IsPremiumDomain: 'true',
      PremiumPrice: '1200.0000',
    });
    expect(emulator.ledger.map((e) => e.amount)).toEqual(['1200.00']);
    const wrong = await caught(
      registrar.renewDomain(domain, { years: 1, premiumPrice: { amount: '1.00', currency: 'USD' } }),
    );
    expect(wrong).toBeInstanceOf(ValidationError);
    expect(wrong).toMatchObject({ issues: [{ path: 'premiumPrice' }] });
  });

  it('contacts: an id is refused (Namecheap has none), a missing registrant too, .us attributes are checked locally', async () => {
    const { emulator, registrar } = await namecheapOnEmulator();
    const before = emulator.requests.length;
    const byId = await caught(
      registrar.registerDomain({ domain: 'new-name.com', contacts: { registrant: 'c-1' } }),
    );
    expect(byId).toBeInstanceOf(ValidationError);
    expect((byId as Error).message).toContain('namecheap has no contact ids');
    expect(await caught(registrar.registerDomain({ domain: 'new-name.com' }))).toBeInstanceOf(
      ValidationError,
    );
    const us = await caught(
      registrar.registerDomain({
        domain: 'new-name.us',
        contacts: { registrant: contact },
        extendedAttributes: { RegistrantNexus: 'C99' },
      }),
    );
    expect(us).toBeInstanceOf(ValidationError);
    expect((us as ValidationError).issues.map((i) => i.path).sort()).toEqual([
      'extendedAttributes.RegistrantNexus',
      'extendedAttributes.RegistrantPurpose',
    ]);
    expect(emulator.requests.length).toBe(before);
    await registrar.registerDomain({
      domain: 'new-name.us',
      contacts: { registrant: contact },
      extendedAttributes: { RegistrantNexus: 'C11', RegistrantPurpose: 'P3' },
    });
    expect(sent(emulator, 'registerDomain')[0]).toMatchObject({
      RegistrantNexus: 'C11',
      RegistrantPurpose: 'P3',
    });
  });

  it('an expired domain cannot be renewed (2020166, ConflictError) and is reactivated by restoreDomain', async () => {
    const { emulator, registrar } = await namecheapOnEmulator();
    const domain = emulator.seedInfo.ownedDomains[0]!;
    emulator.state.expireDomain(domain);
    const error = await caught(registrar.renewDomain(domain, { years: 1 }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: '2020166' });
    expect((error as Error).message).toContain('restoreDomain');
    const restored = await registrar.restoreDomain(domain, {
      maxPrice: { amount: '80.00', currency: 'USD' },
    });
    expect(restored).toMatchObject({
      domain,
      status: 'completed',
      cost: { amount: '80.0000', currency: 'USD' },
    });
    expect(emulator.ledger.map((e) => [e.operation, e.amount])).toEqual([['restore', '80.00']]);
  });

  it('transfers and follows the transfer by its id', async () => {
    const { emulator, registrar } = await namecheapOnEmulator();
    const domain = emulator.seedInfo.registeredName;
    const transfer = await registrar.transferDomain({ domain, authCode: 'secret-code' });
    expect(transfer).toMatchObject({ domain, status: 'pending' });
    expect(sent(emulator, 'transferDomain')[0]!.EPPCode).toBe(
      `base64:${Buffer.from('secret-code').toString('base64')}`,
    );
    const later = await registrar.getTransfer(transfer.id);
    expect(later).toMatchObject({ id: transfer.id, domain });
    expect(['pending', 'in_progress', 'completed']).toContain(later.status);
  });

  it('checkAvailabilityMany: 50 names per domains.check, a result or an error for every name', async () => {
    const { emulator, registrar } = await namecheapOnEmulator();
    const names = [...Array.from({ length: 110 }, (_, i) => `free-name-${i}.com`), 'not a name!'];
    const batch = await registrar.checkAvailabilityMany(names);
    expect(sent(emulator, 'checkAvailability').map((body) => body.DomainList!.split(',').length)).toEqual([
      50, 50, 10,
    ]);
    expect(batch.results).toHaveLength(110);
    expect(batch.errors.map((e) => e.name)).toEqual(['not a name!']);
    expect(batch.errors[0]!.error).toBeInstanceOf(ValidationError);
  });

  it('auto-renew cannot be set through the API: refused locally', async () => {
    const { emulator, registrar } = await namecheapOnEmulator();
    const before = emulator.requests.length;
    const error = await caught(
      registrar.updateDomain(emulator.seedInfo.ownedDomains[0]!, { autoRenew: true }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ issues: [{ path: 'autoRenew' }] });
    expect(emulator.requests.length).toBe(before);
  });

  it('the sandbox moves no money', async () => {
    const { emulator, registrar } = await namecheapOnEmulator({ sandbox: true });
    await registrar.renewDomain(emulator.seedInfo.ownedDomains[0]!, { years: 1 });
    expect(emulator.ledger).toHaveLength(0);
  });
});
