/**
 * Contacts exist at Porkbun only per domain (docs/providers/porkbun.md#domains): `/domain/getContacts`
 * answers the four roles, `/domain/updateContacts` takes any subset. There are no account contact
 * objects or ids, so orders take `ContactInput` objects (an id is refused) and registration applies
 * them right after the domain is created.
 */
import {
  type CallOptions,
  CONTACT_ROLES,
  type ContactInput,
  ContactRefsSchema,
  type ContactRole,
  inlineContacts,
  nullIfBlank,
  type ParsedContactInput,
  parseInput,
  toEppPhone,
  urlPath,
} from '@registrar-kit/core';
import { domainName, type PorkbunClient, PROVIDER } from './porkbun-client.js';
import { BasicSuccessSchema, ContactsSchema, type PorkbunContact } from './porkbun-schemas.js';

/** A domain contact as the model writes it (Porkbun gives it no id). */
export type PorkbunDomainContact = ParsedContactInput;
export type PorkbunDomainContacts = Partial<Record<ContactRole, PorkbunDomainContact>>;

/** A contact in Porkbun's `DomainContact` form: the phone split into calling code and national digits. */
export function toPorkbunContact(contact: ParsedContactInput): Record<string, string> {
  const [, countryCode = '', national = ''] = /^\+(\d+)\.(\d+)$/.exec(contact.phone) ?? [];
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    organization: contact.organization ?? '',
    address1: contact.address1,
    address2: contact.address2 ?? '',
    city: contact.city,
    state: contact.stateProvince ?? '',
    postalCode: contact.postalCode,
    country: contact.country,
    phone: national,
    phoneCountryCode: countryCode,
    email: contact.email,
  };
}

function fromPorkbunContact(contact: PorkbunContact): PorkbunDomainContact | null {
  if (!contact.email && !contact.firstName) return null;
  const country = (contact.country ?? '').toUpperCase();
  const phone = contact.phone
    ? toEppPhone(
        contact.phoneCountryCode
          ? `+${contact.phoneCountryCode}.${contact.phone.replace(/\D/g, '')}`
          : contact.phone,
        country || undefined,
      )
    : null;
  return {
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    organization: nullIfBlank(contact.organization),
    email: contact.email ?? '',
    phone: phone ?? '',
    address1: contact.address1 ?? '',
    address2: nullIfBlank(contact.address2),
    city: contact.city ?? '',
    stateProvince: nullIfBlank(contact.state),
    postalCode: contact.postalCode ?? '',
    country,
  };
}

/** Sends the given roles to `/domain/updateContacts` (Porkbun keeps the roles not given). */
export async function sendDomainContacts(
  client: PorkbunClient,
  name: string,
  contacts: Partial<Record<ContactRole, ParsedContactInput>>,
  operation: string,
  opts?: CallOptions,
): Promise<void> {
  const body = Object.fromEntries(
    Object.entries(contacts).map(([role, contact]) => [role, toPorkbunContact(contact)]),
  );
  await client.send(
    {
      operation,
      method: 'POST',
      path: urlPath`/domain/updateContacts/${name}`,
      body: { contacts: body },
      schema: BasicSuccessSchema,
    },
    opts,
  );
}

/** Porkbun-only methods for the per-domain contacts. */
export interface PorkbunContactExtras {
  /** The domain's registrant, admin, tech and billing contacts (roles Porkbun leaves empty are absent). */
  getDomainContacts(domain: string, opts?: CallOptions): Promise<PorkbunDomainContacts>;
  /** Replaces the given roles' contacts (the others stay); a registrant change makes Porkbun email the new owner. */
  updateDomainContacts(
    domain: string,
    contacts: Partial<Record<ContactRole, ContactInput>>,
    opts?: CallOptions,
  ): Promise<PorkbunDomainContacts>;
}

export function contactExtras(client: PorkbunClient): PorkbunContactExtras {
  async function getDomainContacts(domain: string, opts?: CallOptions): Promise<PorkbunDomainContacts> {
    const name = domainName(domain, 'getDomainContacts');
    const data = await client.send(
      {
        operation: 'getDomainContacts',
        method: 'GET',
        path: urlPath`/domain/getContacts/${name}`,
        schema: ContactsSchema,
      },
      opts,
    );
    const contacts: PorkbunDomainContacts = {};
    for (const role of CONTACT_ROLES) {
      const contact = data.contacts[role];
      const mapped = contact ? fromPorkbunContact(contact) : null;
      if (mapped) contacts[role] = mapped;
    }
    return contacts;
  }

  async function updateDomainContacts(
    domain: string,
    contacts: Partial<Record<ContactRole, ContactInput>>,
    opts?: CallOptions,
  ): Promise<PorkbunDomainContacts> {
    const name = domainName(domain, 'updateDomainContacts');
    const context = { provider: PROVIDER, operation: 'updateDomainContacts' };
    const parsed = inlineContacts(parseInput(ContactRefsSchema, contacts, context, 'contacts'), context);
    await sendDomainContacts(client, name, parsed, 'updateDomainContacts', opts);
    return getDomainContacts(name, opts);
  }

  return { getDomainContacts, updateDomainContacts };
}
