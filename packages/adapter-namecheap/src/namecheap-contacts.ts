/**
 * Contacts are per domain and sent inline: four role blocks (`Registrant`, `Tech`, `Admin`,
 * `AuxBilling`) of prefixed fields, no ids or handles
 * (https://www.namecheap.com/support/api/methods/domains/set-contacts/). A `ContactInput` becomes
 * the four blocks (roles not given take the registrant); `getDomainContacts`/`setDomainContacts`
 * read and replace a domain's contacts. `listContacts`/`getContact`/`createContact` are not offered:
 * the account address book (`users.address.*`) is not the domain's contacts.
 */
import {
  type CallOptions,
  type Contact,
  type ContactInput,
  ContactRefsSchema,
  type ContactRole,
  ExtendedAttributesSchema,
  inlineContacts,
  invalidInput,
  nullIfBlank,
  type ParsedContactInput,
  parseInput,
  toEppPhone,
} from '@registrar-kit/core';
import { z } from 'zod';
import type { CommandParams, NamecheapClient } from './namecheap-client.js';
import { resolveDomain } from './namecheap-domains.js';
import { PROVIDER } from './namecheap-errors.js';
import { type ContactXml, GetContactsSchema, SetContactsSchema } from './namecheap-schemas.js';

/** Our roles → Namecheap's field prefixes. */
const PREFIX: Record<ContactRole, string> = {
  registrant: 'Registrant',
  tech: 'Tech',
  admin: 'Admin',
  billing: 'AuxBilling',
};

export type NamecheapDomainContacts = Record<ContactRole, Contact>;

export interface SetDomainContactsInput {
  /** Roles not given take the registrant. */
  contacts: { registrant: ContactInput; admin?: ContactInput; tech?: ContactInput; billing?: ContactInput };
  extendedAttributes?: Record<string, string>;
}

const SetDomainContactsSchema = z
  .object({ contacts: ContactRefsSchema, extendedAttributes: ExtendedAttributesSchema.optional() })
  .strict();

/** The four role blocks of create/setContacts from the caller's contacts (ids refused: Namecheap has none). */
export function contactParams(refs: unknown, operation: string): CommandParams {
  const context = { provider: PROVIDER, operation };
  const contacts = inlineContacts(refs as Parameters<typeof inlineContacts>[0], context);
  const registrant = contacts.registrant;
  if (!registrant)
    throw invalidInput(context, [
      { path: 'contacts.registrant', message: 'Namecheap needs the registrant contact (a ContactInput)' },
    ]);
  const params: CommandParams = {};
  const issues = [];
  for (const role of Object.keys(PREFIX) as ContactRole[]) {
    const contact: ParsedContactInput = contacts[role] ?? registrant;
    if (!contact.stateProvince)
      issues.push({
        path: `contacts.${role}.stateProvince`,
        message: 'Namecheap requires a state or province',
      });
    const prefix = PREFIX[role];
    Object.assign(params, {
      [`${prefix}FirstName`]: contact.firstName,
      [`${prefix}LastName`]: contact.lastName,
      [`${prefix}OrganizationName`]: contact.organization ?? undefined,
      [`${prefix}Address1`]: contact.address1,
      [`${prefix}Address2`]: contact.address2 ?? undefined,
      [`${prefix}City`]: contact.city,
      [`${prefix}StateProvince`]: contact.stateProvince ?? undefined,
      [`${prefix}PostalCode`]: contact.postalCode,
      [`${prefix}Country`]: contact.country,
      [`${prefix}Phone`]: contact.phone,
      [`${prefix}EmailAddress`]: contact.email,
    });
  }
  if (issues.length > 0) throw invalidInput(context, issues, 'contacts');
  return params;
}

export function contactFromXml(xml: ContactXml, domain: string, role: ContactRole): Contact {
  const country = xml.country.trim().toUpperCase();
  return {
    provider: PROVIDER,
    id: `${domain}:${role}`,
    firstName: xml.firstname,
    lastName: xml.lastname,
    organization: nullIfBlank(xml.organizationname),
    email: xml.emailaddress,
    phone: toEppPhone(xml.phone, country) ?? xml.phone,
    address1: xml.address1,
    address2: nullIfBlank(xml.address2),
    city: xml.city,
    stateProvince: nullIfBlank(xml.stateprovince),
    postalCode: xml.postalcode,
    country,
    raw: xml,
  };
}

export function contactMethods(client: NamecheapClient) {
  return {
    /** The domain's four contacts (domains.getContacts); ids are `<domain>:<role>`. */
    async getDomainContacts(domain: string, opts?: CallOptions): Promise<NamecheapDomainContacts> {
      const operation = 'getDomainContacts';
      const name = await resolveDomain(client, domain, operation, opts);
      const answer = await client.command(
        operation,
        'namecheap.domains.getContacts',
        { DomainName: name },
        GetContactsSchema,
        opts,
      );
      const result = answer.domaincontactsresult;
      return {
        registrant: contactFromXml(result.registrant, name, 'registrant'),
        admin: contactFromXml(result.admin, name, 'admin'),
        tech: contactFromXml(result.tech, name, 'tech'),
        billing: contactFromXml(result.auxbilling, name, 'billing'),
      };
    },

    /** Replaces the domain's four contacts (domains.setContacts); roles not given take the registrant. */
    async setDomainContacts(
      domain: string,
      input: SetDomainContactsInput,
      opts?: CallOptions,
    ): Promise<void> {
      const operation = 'setDomainContacts';
      const parsed = parseInput(SetDomainContactsSchema, input, { provider: PROVIDER, operation });
      const params = contactParams(parsed.contacts, operation);
      const name = await resolveDomain(client, domain, operation, opts);
      await client.command(
        operation,
        'namecheap.domains.setContacts',
        { DomainName: name, ...params, ...parsed.extendedAttributes },
        SetContactsSchema,
        opts,
      );
    },
  };
}
