/**
 * DNSimple contacts (https://developer.dnsimple.com/v2/contacts/): the Contact object, the create
 * and update validation, and the phone format.
 *
 * From the fixtures and the OpenAPI spec:
 * - create requires `first_name`, `last_name`, `email`, `phone`, `address1`, `city`,
 *   `state_province`, `postal_code`, `country`; `job_title` is required when `organization_name` is
 *   given; failures answer `validation-error.http`: `{"message":"Validation failed","errors":{field:
 *   [messages]}}` with "can't be blank", "is an invalid email address", "is probably not a phone
 *   number";
 * - the spec's request example sends `+18001234567`, its Contact example returns `+1.8001234567`:
 *   the API stores phone and fax in the `+CC.NUMBER` form;
 * - optional fields absent from the input come back as empty strings (`address2: ''` in the spec
 *   example), not null.
 *
 * Choices where the docs are silent: a phone must start with `+` (or `00`) and hold 7–15 digits
 * (E.164's maximum); spaces, dashes, dots and parentheses are ignored; the calling code is split off
 * by the ITU E.164 assignment list (https://www.itu.int/pub/T-SP-E.164D: codes are prefix-free,
 * one digit for 1 and 7, two digits for the list below, three digits otherwise); `country` must be
 * two letters and is stored upper-case ("is not a valid country code" otherwise).
 */
import type { FieldErrors } from './dnsimple-record-rules.js';

export interface DnsimpleContact {
  id: number;
  account_id: number;
  label: string;
  first_name: string;
  last_name: string;
  organization_name: string;
  job_title: string;
  address1: string;
  address2: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  phone: string;
  fax: string;
  email: string;
  created_at: string;
  updated_at: string;
}

export type ContactFields = Omit<DnsimpleContact, 'id' | 'account_id' | 'created_at' | 'updated_at'>;

const REQUIRED = [
  'first_name',
  'last_name',
  'address1',
  'city',
  'state_province',
  'postal_code',
  'country',
  'email',
  'phone',
] as const;
const OPTIONAL = ['label', 'organization_name', 'job_title', 'address2', 'fax'] as const;

const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
);

/** `+18001234567`, `+1 800 123 4567`, `+1.8001234567` → `+1.8001234567`; null when not a phone number. */
export function formatDnsimplePhone(raw: string): string | null {
  const compact = raw.trim().replace(/[\s().-]/g, '');
  const digits = compact.startsWith('+')
    ? compact.slice(1)
    : compact.startsWith('00')
      ? compact.slice(2)
      : null;
  if (digits === null || !/^\d{7,15}$/.test(digits)) return null;
  const ccLength =
    digits[0] === '1' || digits[0] === '7' ? 1 : TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
  return `+${digits.slice(0, ccLength)}.${digits.slice(ccLength)}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Validates a create (`partial: false`) or an update (`partial: true`, merged onto `current`) and
 * returns the stored fields, or the field errors.
 */
export function readContactInput(
  body: Record<string, unknown>,
  current: ContactFields | null,
): { ok: true; fields: ContactFields } | { ok: false; errors: FieldErrors } {
  const text = (key: string): string | undefined => {
    const value = body[key];
    if (value === undefined) return undefined;
    if (value === null) return '';
    return typeof value === 'string' ? value.trim() : String(value);
  };
  const merged = {} as Record<string, string>;
  for (const key of [...REQUIRED, ...OPTIONAL]) merged[key] = text(key) ?? current?.[key] ?? '';

  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  for (const key of REQUIRED) if (merged[key] === '') add(key, "can't be blank");
  // validation-error.http lists both messages for a blank email and a blank phone.
  if (!EMAIL.test(merged.email ?? '')) add('email', 'is an invalid email address');
  const phone = formatDnsimplePhone(merged.phone ?? '');
  if (phone === null) add('phone', 'is probably not a phone number');
  let fax = '';
  if (merged.fax !== '') {
    const formatted = formatDnsimplePhone(merged.fax ?? '');
    if (formatted === null) add('fax', 'is probably not a phone number');
    else fax = formatted;
  }
  if (merged.country !== '' && !/^[a-z]{2}$/i.test(merged.country ?? ''))
    add('country', 'is not a valid country code');
  if (merged.organization_name !== '' && merged.job_title === '') add('job_title', "can't be blank");
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      label: merged.label!,
      first_name: merged.first_name!,
      last_name: merged.last_name!,
      organization_name: merged.organization_name!,
      job_title: merged.job_title!,
      address1: merged.address1!,
      address2: merged.address2!,
      city: merged.city!,
      state_province: merged.state_province!,
      postal_code: merged.postal_code!,
      country: merged.country!.toUpperCase(),
      phone: phone!,
      fax,
      email: merged.email!,
    },
  };
}
