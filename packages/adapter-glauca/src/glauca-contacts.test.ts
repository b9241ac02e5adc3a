/** Contacts against the Glauca emulator: the model, reuse of an identical ContactInput, checks before sending. */
import { ContactSchema, ValidationError } from '@registrar-kit/core';
import { describe, expect, it } from 'vitest';
import { emulatorPerTest } from './test/glauca-test-setup.js';

const startEmulator = emulatorPerTest();

async function start() {
  const { emulator, glauca } = await startEmulator({ instantOrders: true, seed: { domains: 2 } });
  return { running: emulator, glauca };
}

const JANE = {
  firstName: 'Jane Mary',
  lastName: 'Doe',
  organization: 'Example Ltd',
  email: 'jane@example.com',
  phone: '+44.2071234567',
  address1: '1 High Street',
  city: 'London',
  postalCode: 'SW1A 1AA',
  country: 'GB',
};

describe('createContact / getContact / listContacts', () => {
  it('creates the address and the contact, and reads back the exact model (EPP phone, nulls for blanks)', async () => {
    const { running, glauca } = await start();
    const contact = await glauca.createContact(JANE);
    expect(contact).toEqual({
      provider: 'glauca',
      id: expect.stringMatching(/^domains_contact_[0-9a-f]{32}$/),
      firstName: 'Jane Mary',
      lastName: 'Doe',
      organization: 'Example Ltd',
      email: 'jane@example.com',
      phone: '+44.2071234567',
      address1: '1 High Street',
      address2: null,
      city: 'London',
      stateProvince: null,
      postalCode: 'SW1A 1AA',
      country: 'GB',
      raw: expect.anything(),
    });
    expect(ContactSchema.parse(contact)).toBeTruthy();
    const posts = running.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => [r.path, (r.body as Record<string, unknown>).phone ?? null])).toEqual([
      ['/api/contact_addresses/', null],
      ['/api/contacts/', '+442071234567'],
    ]);
    expect(posts[1]!.body).toMatchObject({ entity_type: 'other_company', email: 'jane@example.com' });
    expect(await glauca.getContact(contact.id)).toEqual(contact);
    const listed = [];
    for await (const item of glauca.listContacts()) listed.push(item);
    expect(listed.map((item) => item.id)).toContain(contact.id);
    expect(listed.find((item) => item.id === contact.id)).toEqual(contact);
  });

  it('refuses a bad email, phone or country before anything is sent', async () => {
    const { running, glauca } = await start();
    const sent = running.requests.length;
    const error = await glauca
      .createContact({ ...JANE, email: 'not-an-email', phone: '020 7123 4567', country: 'gb' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'glauca', operation: 'createContact' });
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
      'email',
      'phone',
      'country',
    ]);
    expect(running.requests.length).toBe(sent);
  });
});

describe('registerDomain with a ContactInput', () => {
  it('creates the contact once, reuses the identical one on the next order, and orders with its id', async () => {
    const { running, glauca } = await start();
    await glauca.registerDomain({ domain: 'first-order.com', contacts: { registrant: JANE, admin: JANE } });
    await glauca.registerDomain({
      domain: 'second-order.com',
      contacts: { registrant: { ...JANE, email: 'JANE@example.com', city: ' London ' } },
    });
    const created = running.requests.filter((r) => r.method === 'POST' && r.path === '/api/contacts/');
    expect(created).toHaveLength(1);
    const orders = running.requests.filter((r) => r.path === '/api/domain_registration_orders/');
    const [first, second] = orders.map((r) => r.body as Record<string, unknown>);
    expect(first).toMatchObject({ registrant: expect.stringMatching(/^domains_contact_/) });
    expect(first!.admin_contact).toBe(first!.registrant);
    expect(second!.registrant).toBe(first!.registrant);
  });
});
