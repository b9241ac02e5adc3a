/**
 * Checks of Registrar request bodies, answered as the API does: code 10000 with a message and a
 * JSON Pointer into the request (`source.pointer`) (docs/providers/cloudflare.md#registrar-errors).
 */
import { CF, fail } from './cloudflare-errors.js';
import { asciiDomain, isDomainName } from './cloudflare-registrar-catalog.js';

export function invalid(message: string, pointer?: string): never {
  fail(400, CF.generic, message, pointer);
}

/** A domain name from the body or path: required, well-formed, ASCII lower-case. */
export function domainNameOf(value: unknown, pointer?: string): string {
  if (value === undefined || value === null || value === '') invalid('domain_name is required', pointer);
  const name = asciiDomain(value);
  if (!isDomainName(name)) invalid('Invalid domain name', pointer);
  return name;
}

export function optionalBoolean(value: unknown, pointer: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') invalid('Must be a boolean if present', pointer);
  return value;
}

export function privacyModeOf(value: unknown): 'off' | 'redaction' {
  if (value === undefined) return 'redaction';
  if (value !== 'off' && value !== 'redaction') invalid('Must be one of: off, redaction', '/privacy_mode');
  return value;
}

export function yearsOf(value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    invalid('Must be an integer between 1 and 10', '/years');
  }
  if (value > 10) invalid('Domain registration term would exceed maximum', '/years');
  return value;
}

const CONTACT_FIELDS = ['email', 'phone', 'postal_info'] as const;
const POSTAL_FIELDS = ['name', 'address'] as const;
const ADDRESS_FIELDS = ['street', 'city', 'state', 'postal_code', 'country_code'] as const;

function requireProperties(
  value: unknown,
  fields: readonly string[],
  pointer: string,
): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    invalid(`object at ${pointer} must be an object`, pointer);
  }
  const object = value as Record<string, unknown>;
  const missing = fields.filter((f) => typeof object[f] !== 'string' && typeof object[f] !== 'object');
  if (missing.length > 0) {
    invalid(`object at ${pointer} is missing required properties: ${missing.join(', ')}`, pointer);
  }
  return object;
}

/** Checks `contacts`; true when a registrant contact was given. */
export function checkContacts(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  const contacts = requireProperties(value, [], '/contacts');
  for (const [role, contact] of Object.entries(contacts)) {
    if (!['registrant', 'administrator', 'technical', 'billing'].includes(role)) {
      invalid(`Unknown contact role ${role}`, `/contacts/${role}`);
    }
    const base = `/contacts/${role}`;
    const c = requireProperties(contact, CONTACT_FIELDS, base);
    if (typeof c.email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c.email)) {
      invalid('Must be a valid email address', `${base}/email`);
    }
    if (typeof c.phone !== 'string' || !/^\+\d{1,3}\.\d{4,14}$/.test(c.phone)) {
      invalid('Must be a phone number of the form +CC.NUMBER', `${base}/phone`);
    }
    const postal = requireProperties(c.postal_info, POSTAL_FIELDS, `${base}/postal_info`);
    const address = requireProperties(postal.address, ADDRESS_FIELDS, `${base}/postal_info/address`);
    if (typeof address.country_code !== 'string' || !/^[A-Z]{2}$/.test(address.country_code)) {
      invalid('Must be an ISO 3166-1 alpha-2 country code', `${base}/postal_info/address/country_code`);
    }
  }
  return contacts.registrant !== undefined;
}

/** True for a base64 string (RFC 4648 section 4, padding optional). */
export function isBase64(value: string): boolean {
  return (
    value.length > 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value) && value.replace(/=+$/, '').length % 4 !== 1
  );
}
