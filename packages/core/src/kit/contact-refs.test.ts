import { describe, expect, it } from 'vitest';
import type { Contact, ContactInput } from '../model/contact.js';
import { ContactRefsSchema } from '../model/inputs.js';
import { type ContactDirectory, inlineContacts, isSameContact, resolveContactIds } from './contact-refs.js';

const alice: ContactInput = {
  firstName: 'Alice',
  lastName: 'Liddell',
  email: 'alice@example.com',
  phone: '+44.2071234567',
  address1: '1 Rabbit Hole',
  city: 'Oxford',
  postalCode: 'OX1 1AA',
  country: 'GB',
};
const parse = (refs: unknown) => ContactRefsSchema.parse(refs);

function directory(existing: Contact[]) {
  const calls: string[] = [];
  let next = 100;
  const dir: ContactDirectory = {
    async *listContacts() {
      calls.push('list');
      yield* existing;
    },
    async createContact(input) {
      calls.push(`create ${input.firstName}`);
      const fields = parse({ registrant: input }).registrant as Omit<Contact, 'provider' | 'id' | 'raw'>;
      return { provider: 'dnsimple', id: String(next++), raw: null, ...fields };
    },
  };
  return { dir, calls };
}

const stored = (id: string, overrides: Partial<Contact> = {}): Contact => ({
  provider: 'dnsimple',
  id,
  raw: {},
  ...(parse({ registrant: alice }).registrant as Omit<Contact, 'provider' | 'id' | 'raw'>),
  ...overrides,
});

describe('resolveContactIds', () => {
  it('passes ids through without a request', async () => {
    const { dir, calls } = directory([]);
    expect(await resolveContactIds(parse({ registrant: '7', tech: '8' }), dir)).toEqual({
      registrant: '7',
      tech: '8',
    });
    expect(calls).toEqual([]);
  });

  it('reuses an identical contact (case, spacing and phone form aside) instead of creating one', async () => {
    const { dir, calls } = directory([
      stored('1', { firstName: 'Bob' }),
      stored('2', { email: 'ALICE@example.com ', phone: '+44.2071234567', postalCode: 'OX11AA' }),
    ]);
    expect(await resolveContactIds(parse({ registrant: alice, admin: alice }), dir)).toEqual({
      registrant: '2',
      admin: '2',
    });
    expect(calls).toEqual(['list']);
  });

  it('creates a contact once for several roles, and lists only once', async () => {
    const { dir, calls } = directory([stored('1', { city: 'Cambridge' })]);
    const bob = { ...alice, firstName: 'Bob' };
    expect(
      await resolveContactIds(parse({ registrant: alice, admin: alice, tech: bob, billing: '9' }), dir),
    ).toEqual({
      registrant: '100',
      admin: '100',
      tech: '101',
      billing: '9',
    });
    expect(calls).toEqual(['list', 'create Alice', 'create Bob']);
  });
});

describe('isSameContact', () => {
  it('tells a different address apart', () => {
    const input = parse({ registrant: alice }).registrant as never;
    expect(isSameContact(stored('1'), input)).toBe(true);
    expect(isSameContact(stored('1', { address2: 'Flat 2' }), input)).toBe(false);
  });
});

describe('inlineContacts', () => {
  const context = { provider: 'namecheap', operation: 'registerDomain' };
  it('gives the contacts per role', () => {
    expect(Object.keys(inlineContacts(parse({ registrant: alice, tech: alice }), context))).toEqual([
      'registrant',
      'tech',
    ]);
  });
  it('refuses an id with a ValidationError naming the provider and the role', () => {
    expect(() => inlineContacts(parse({ registrant: alice, admin: '12' }), context)).toThrowError(
      expect.objectContaining({
        name: 'ValidationError',
        provider: 'namecheap',
        operation: 'registerDomain',
        issues: [
          {
            path: 'contacts.admin',
            message: 'namecheap has no contact ids: pass the contact itself (a ContactInput)',
          },
        ],
      }),
    );
  });
});
