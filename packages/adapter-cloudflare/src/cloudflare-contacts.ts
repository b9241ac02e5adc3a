/**
 * Contacts go inline in Cloudflare registration and transfer bodies (there is no address book in
 * the API): `{email, phone, postal_info: {name, organization?, address: {street, city, state,
 * postal_code, country_code}}}` per role (docs/providers/cloudflare.md#registrar).
 */
import {
  type ErrorContext,
  inlineContacts,
  type ParsedContactInput,
  type ParsedContactRefs,
} from '@registrar-kit/core';

const ROLES = {
  registrant: 'registrant',
  admin: 'administrator',
  tech: 'technical',
  billing: 'billing',
} as const;

export type CloudflareContact = ReturnType<typeof toCloudflareContact>;

export function toCloudflareContact(contact: ParsedContactInput) {
  return {
    email: contact.email,
    phone: contact.phone,
    postal_info: {
      name: `${contact.firstName} ${contact.lastName}`,
      ...(contact.organization ? { organization: contact.organization } : {}),
      address: {
        street: [contact.address1, contact.address2].filter(Boolean).join(', '),
        city: contact.city,
        state: contact.stateProvince ?? '',
        postal_code: contact.postalCode,
        country_code: contact.country,
      },
    },
  };
}

/** The `contacts` body field, or undefined when no role was given (string ids are refused). */
export function cloudflareContacts(
  refs: ParsedContactRefs | undefined,
  context: ErrorContext,
): Partial<Record<(typeof ROLES)[keyof typeof ROLES], CloudflareContact>> | undefined {
  const inline = inlineContacts(refs, context);
  const out: Partial<Record<(typeof ROLES)[keyof typeof ROLES], CloudflareContact>> = {};
  for (const [role, contact] of Object.entries(inline)) {
    if (contact) out[ROLES[role as keyof typeof ROLES]] = toCloudflareContact(contact);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
