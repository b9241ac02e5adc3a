/**
 * `getTldRequirements` and the extended attributes of orders, against the emulator
 * (https://developer.dnsimple.com/v2/tlds/): checked locally, nothing charged when they do not fit.
 */
import { TldRequirementsSchema, ValidationError } from '@registrar-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { requestsTo, startDnsimple, stopDnsimple } from './test/dnsimple-test-setup.js';

afterEach(stopDnsimple);

const NEXUS = { 'x-us-nexus-category': 'C11', 'x-us-nexus-apppurpose': 'P3' };

describe('getTldRequirements', () => {
  it('reads the TLD and its extended attributes into the model', async () => {
    const { dnsimple } = await startDnsimple();
    const us = await dnsimple.getTldRequirements('.US');
    expect(TldRequirementsSchema.parse(us)).toBeTruthy();
    expect(us).toMatchObject({
      provider: 'dnsimple',
      tld: 'us',
      minYears: 1,
      maxYears: 10,
      whoisPrivacy: false,
      autoRenewOnly: false,
    });
    expect(us.extendedAttributes.map((a) => [a.name, a.required, a.options.length])).toEqual([
      ['x-us-nexus-category', true, 5],
      ['x-us-nexus-apppurpose', true, 5],
    ]);
    expect(us.extendedAttributes[0]!.options[0]).toEqual({ value: 'C11', title: 'US citizen' });
    expect(await dnsimple.getTldRequirements('com')).toMatchObject({ tld: 'com', extendedAttributes: [] });
  });

  it('an unknown TLD is NotFoundError; a malformed one is refused before sending', async () => {
    const { emulator, dnsimple } = await startDnsimple();
    await expect(dnsimple.getTldRequirements('pineapple')).rejects.toMatchObject({
      name: 'NotFoundError',
      operation: 'getTldRequirements',
    });
    const sent = emulator.requests.length;
    const error = await dnsimple.getTldRequirements('not a tld').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/^dnsimple getTldRequirements: invalid TLD: /);
    expect(emulator.requests.length).toBe(sent);
  });
});

describe('extendedAttributes on register and transfer', () => {
  it('a missing required attribute or a value not offered is refused locally: nothing charged', async () => {
    const { emulator, dnsimple } = await startDnsimple({}, { registrantId: 1 });
    const error = (await dnsimple
      .registerDomain({ domain: 'new-name.us', extendedAttributes: { 'x-us-nexus-category': 'C99' } })
      .catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^dnsimple registerDomain: invalid extended attributes: /);
    expect(error.issues.map((i) => i.path)).toEqual([
      'extendedAttributes.x-us-nexus-apppurpose',
      'extendedAttributes.x-us-nexus-category',
    ]);
    expect(requestsTo(emulator, 'POST', /registrations$/)).toHaveLength(0);
    expect(emulator.ledger).toEqual([]);
  });

  it('valid attributes are sent as extended_attributes and the registration goes through', async () => {
    const { emulator, dnsimple } = await startDnsimple({}, { registrantId: 1 });
    const registration = await dnsimple.registerDomain({ domain: 'new-name.us', extendedAttributes: NEXUS });
    expect(registration.status).toBe('pending');
    expect(requestsTo(emulator, 'POST', /new-name\.us\/registrations$/)[0]!.body).toEqual({
      registrant_id: 1,
      extended_attributes: NEXUS,
    });
    expect(emulator.ledger).toHaveLength(1);
  });
});
