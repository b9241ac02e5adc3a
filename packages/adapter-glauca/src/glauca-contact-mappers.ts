/**
 * Glauca contacts and contact addresses ↔ the model's Contact (docs/providers/glauca.md#contacts).
 * A Glauca contact holds the phone and e-mail and points at a contact address, which holds the
 * name, organisation and postal address. Pure functions.
 */
import {
  type Contact,
  type ContactInput,
  nullIfBlank,
  type ParsedContactInput,
  toEppPhone,
} from '@registrar-kit/core';
import type { GlaucaContact, GlaucaContactAddress } from './glauca-schemas.js';
import { PROVIDER } from './glauca-values.js';

/** A full name split at its last space: given names, then the family name. */
function splitName(name: string): { firstName: string; lastName: string } {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const space = trimmed.lastIndexOf(' ');
  return space < 0
    ? { firstName: trimmed, lastName: '' }
    : { firstName: trimmed.slice(0, space), lastName: trimmed.slice(space + 1) };
}

/** A contact and its (local) address → the model. Phones become EPP form; blank fields null. */
export function mapContact(contact: GlaucaContact, address: GlaucaContactAddress): Contact {
  const street2 = [nullIfBlank(address.street_2), nullIfBlank(address.street_3)].filter(
    (line): line is string => line !== null,
  );
  return {
    provider: PROVIDER,
    id: contact.id,
    ...splitName(address.name),
    organization: nullIfBlank(address.organisation),
    email: contact.email,
    phone: toEppPhone(contact.phone, address.country_code) ?? contact.phone ?? '',
    address1: address.street_1,
    address2: street2.length > 0 ? street2.join(', ') : null,
    city: address.city,
    stateProvince: nullIfBlank(address.province),
    postalCode: address.postal_code ?? '',
    country: address.country_code.toUpperCase(),
    raw: { contact, address },
  };
}

/** The contact address to create for a contact (disclosure off: nothing published by default). */
export function contactAddressBody(input: ParsedContactInput): Record<string, unknown> {
  const name = `${input.firstName.trim()} ${input.lastName.trim()}`;
  return {
    description: name,
    name,
    organisation: input.organization,
    street_1: input.address1,
    street_2: input.address2,
    street_3: null,
    city: input.city,
    province: input.stateProvince,
    postal_code: input.postalCode,
    country_code: input.country,
    birthday: null,
    identity_number: null,
    disclose_name: false,
    disclose_organisation: false,
    disclose_address: false,
  };
}

/**
 * The contact to create. Glauca stores phones in E.164 (`+442071234567`), the model in EPP form
 * (`+44.2071234567`). `entity_type` says what kind of registrant this is; a ContactInput does not,
 * so it is `other_company` with an organisation and `other_individual` without.
 */
export function contactBody(
  input: ParsedContactInput | ContactInput,
  addressId: string,
): Record<string, unknown> {
  return {
    description: `${input.firstName.trim()} ${input.lastName.trim()}`,
    local_address: addressId,
    int_address: null,
    phone: input.phone.replace('.', ''),
    phone_ext: null,
    fax: null,
    fax_ext: null,
    email: input.email,
    entity_type: input.organization ? 'other_company' : 'other_individual',
    trading_name: null,
    company_number: null,
    disclose_phone: false,
    disclose_fax: false,
    disclose_email: false,
  };
}
