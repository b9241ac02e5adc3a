/**
 * DNSimple contacts (https://developer.dnsimple.com/v2/contacts/) ↔ the model's `Contact` and
 * `ContactInput`. DNSimple stores phones as `+CC.NUMBER` and returns optional fields as '' (both in
 * docs/providers/dnsimple.md#contacts); the model has EPP phones and null for what is absent.
 */
import { type Contact, nullIfBlank, type ParsedContactInput, toEppPhone } from '@registrar-kit/core';
import { PROVIDER } from './dnsimple-mappers.js';
import type { DnsimpleContactPayload } from './dnsimple-schemas.js';

/**
 * DNSimple requires a job title with an organization (its contact validation); the model has no
 * such field, so a contact created for an organization is sent with this one.
 */
export const ORGANIZATION_JOB_TITLE = 'Registrant';

export function mapContact(payload: DnsimpleContactPayload): Contact {
  const country = payload.country.toUpperCase();
  return {
    provider: PROVIDER,
    id: String(payload.id),
    firstName: payload.first_name,
    lastName: payload.last_name,
    organization: nullIfBlank(payload.organization_name),
    email: payload.email,
    phone: toEppPhone(payload.phone, country) ?? payload.phone,
    address1: payload.address1,
    address2: nullIfBlank(payload.address2),
    city: payload.city,
    stateProvince: nullIfBlank(payload.state_province),
    postalCode: payload.postal_code,
    country,
    raw: payload,
  };
}

/** A checked `ContactInput` → the create body (phone in DNSimple's stored form `+CC.NUMBER`). */
export function contactBody(input: ParsedContactInput): Record<string, string> {
  return {
    first_name: input.firstName.trim(),
    last_name: input.lastName.trim(),
    email: input.email,
    phone: input.phone,
    address1: input.address1.trim(),
    ...(input.address2 ? { address2: input.address2 } : {}),
    city: input.city.trim(),
    state_province: (input.stateProvince ?? '').trim(),
    postal_code: input.postalCode.trim(),
    country: input.country,
    ...(input.organization
      ? { organization_name: input.organization, job_title: ORGANIZATION_JOB_TITLE }
      : {}),
  };
}
