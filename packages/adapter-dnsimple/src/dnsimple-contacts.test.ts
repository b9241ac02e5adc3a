/**
 * Contacts against the emulator (https://developer.dnsimple.com/v2/contacts/): exact bodies sent,
 * the model read back (EPP phones, null for blanks), and a `ContactInput` on an order created once
 * and reused after.
 */
import { toArray, ValidationError } from '@registrar-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ADA } from './test/dnsimple-fixtures.js';
import { requestsTo, startDnsimple, stopDnsimple } from './test/dnsimple-test-setup.js';

afterEach(stopDnsimple);

describe('createContact, getContact, listContacts', () => {
  it('sends the DNSimple fields and reads the contact back in the model (blanks null, EPP phone)', async () => {
    const { emulator, dnsimple } = await startDnsimple();
    const contact = await dnsimple.createContact(ADA);
    expect(requestsTo(emulator, 'POST', '/v2/1010/contacts')[0]!.body).toEqual({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      phone: '+44.2071234567',
      address1: '12 St James Square',
      city: 'London',
      state_province: 'Greater London',
      postal_code: 'SW1Y 4LB',
      country: 'GB',
    });
    expect(contact).toEqual({
      provider: 'dnsimple',
      id: expect.stringMatching(/^\d+$/),
      ...ADA,
      organization: null,
      address2: null,
      raw: expect.objectContaining({ address2: '', organization_name: '' }),
    });
    expect(await dnsimple.getContact(contact.id)).toEqual(contact);
    const listed = await toArray(dnsimple.listContacts());
    expect(listed.map((c) => c.id)).toEqual(['1', contact.id]);
  });

  it('an organization goes with the job title DNSimple requires', async () => {
    const { emulator, dnsimple } = await startDnsimple();
    const contact = await dnsimple.createContact({ ...ADA, organization: 'Analytical Engines Ltd' });
    expect(requestsTo(emulator, 'POST', '/v2/1010/contacts')[0]!.body).toMatchObject({
      organization_name: 'Analytical Engines Ltd',
      job_title: 'Registrant',
    });
    expect(contact.organization).toBe('Analytical Engines Ltd');
  });

  it('refuses locally, nothing sent: a bad email or phone, and no state (DNSimple requires one)', async () => {
    const { emulator, dnsimple } = await startDnsimple();
    const bad = await dnsimple
      .createContact({ ...ADA, email: 'nope', phone: '020 7123 4567' })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).issues.map((i) => i.path).sort()).toEqual(['email', 'phone']);
    expect((bad as Error).message).toMatch(/^dnsimple createContact: invalid contact: /);
    const noState = await dnsimple.createContact({ ...ADA, stateProvince: null }).catch((e: unknown) => e);
    expect(noState).toMatchObject({
      name: 'ValidationError',
      operation: 'createContact',
      issues: [{ path: 'stateProvince', message: 'is required by DNSimple' }],
    });
    expect(requestsTo(emulator, 'POST', '/v2/1010/contacts')).toHaveLength(0);
  });

  it('getContact of an unknown or non-numeric id: NotFoundError, ValidationError', async () => {
    const { dnsimple } = await startDnsimple();
    await expect(dnsimple.getContact('999')).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(dnsimple.getContact('../1')).rejects.toMatchObject({ name: 'ValidationError' });
  });
});

describe('orders with a ContactInput', () => {
  it('registerDomain creates the registrant once; an identical contact is reused by the next order', async () => {
    const { emulator, dnsimple } = await startDnsimple();
    const first = await dnsimple.registerDomain({
      domain: 'available-name.com',
      contacts: { registrant: ADA, admin: ADA, tech: ADA, billing: ADA },
    });
    expect(first.status).toBe('pending');
    const created = requestsTo(emulator, 'POST', '/v2/1010/contacts');
    expect(created).toHaveLength(1);
    const id = [...emulator.state.contacts.keys()].find((key) => key !== 1);
    expect(
      requestsTo(emulator, 'POST', '/v2/1010/registrar/domains/available-name.com/registrations')[0]!.body,
    ).toEqual({
      registrant_id: id,
    });
    // Case and spacing aside, the same person at the same address: reused.
    await dnsimple.transferDomain({
      domain: 'registered-name.com',
      authCode: 'any-code',
      contacts: { registrant: { ...ADA, city: ' london ', email: 'ADA@example.com' } },
    });
    expect(requestsTo(emulator, 'POST', '/v2/1010/contacts')).toHaveLength(1);
    expect(
      requestsTo(emulator, 'POST', '/v2/1010/registrar/domains/registered-name.com/transfers')[0]!.body,
    ).toEqual({
      registrant_id: id,
      auth_code: 'any-code',
    });
  });

  it('another role that is not the registrant is refused (DNSimple takes one contact), nothing sent', async () => {
    const { emulator, dnsimple } = await startDnsimple();
    const error = await dnsimple
      .registerDomain({ domain: 'available-name.com', contacts: { registrant: ADA, admin: '1' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ValidationError',
      operation: 'registerDomain',
      issues: [{ path: 'contacts.admin', message: expect.stringContaining('one contact') }],
    });
    expect(emulator.requests).toHaveLength(0);
  });
});
