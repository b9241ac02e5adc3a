/**
 * Phone numbers as providers store them (`+18001234567`, `+1.8001234567`, `+44 20 7123 4567`)
 * → the EPP form of RFC 5733 (`+CC.NUMBER`) the model uses. Parsing and calling codes come from
 * libphonenumber-js (Google's libphonenumber metadata), not a hand-kept table.
 */
import type * as LibPhoneNumber from 'libphonenumber-js/min';
import { lazyRequire } from '../lazy-require.js';

/** Loaded by the first number to parse (its metadata is large). */
const libPhoneNumber = lazyRequire<typeof LibPhoneNumber>('libphonenumber-js/min');

/**
 * The EPP form of `value`, or null when it is empty or not a phone number. A number without a
 * `+` is read in `defaultCountry` (ISO 3166-1 alpha-2) when given.
 */
export function toEppPhone(value: string | null | undefined, defaultCountry?: string): string | null {
  const text = value?.trim();
  if (!text) return null;
  // EPP's `+CC.NUMBER`: the dot separates the calling code, which libphonenumber would misread.
  const epp = /^\+(\d{1,3})\.(\d{1,14})$/.exec(text);
  if (epp) return `+${epp[1]}.${epp[2]}`;
  const parsed = libPhoneNumber().parsePhoneNumberFromString(text, defaultCountry?.toUpperCase() as never);
  if (!parsed?.countryCallingCode || !parsed.nationalNumber) return null;
  return `+${parsed.countryCallingCode}.${parsed.nationalNumber}`;
}

/** A provider's optional text field: empty or blank strings become null. */
export function nullIfBlank(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
