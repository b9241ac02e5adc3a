/**
 * Namecheap error numbers the emulator answers with (docs/providers/namecheap.md#error-numbers).
 * Every API error is HTTP 200 with `Status="ERROR"` and `<Error Number="…">text</Error>`; a handler
 * throws `NamecheapError`, optionally with the result skeleton some commands still send.
 */
import type { XmlNode } from './namecheap-xml.js';

export const NC = {
  // Global parameters and authentication.
  API_USER_MISSING: 1010101,
  API_KEY_MISSING: 1010102,
  /** Not in the error table; by analogy with its neighbours (inferred). */
  USER_NAME_MISSING: 1010103,
  COMMAND_MISSING: 1010104,
  CLIENT_IP_MISSING: 1010105,
  API_KEY_INVALID: 1011102,
  /** Not in the error table; by analogy with 1011102/1011105 (inferred). */
  COMMAND_INVALID: 1011104,
  CLIENT_IP_INVALID: 1011105,
  REQUEST_IP_INVALID: 1011150,
  USER_NAME_UNAUTHORIZED: 1016103,
  // Request validation and business rules.
  /** A required command parameter is missing (no documented number; inferred). */
  PARAMETER_MISSING: 2010100,
  DOMAIN_NAME_MISSING: 2010166,
  REGISTRANT_MISSING: 2010324,
  TECH_MISSING: 2010325,
  ADMIN_MISSING: 2010326,
  AUX_BILLING_MISSING: 2010327,
  DOMAIN_INVALID: 2011166,
  NAMESERVERS_INVALID: 2011168,
  TOO_MANY_CHECK_NAMES: 2011169,
  TLD_INVALID: 2011280,
  /** Host record refused by setHosts (no documented number; from the number pattern, inferred). */
  HOST_INVALID: 2011288,
  EXTENDED_ATTRIBUTES_INVALID: 2011322,
  WHOISGUARD_INVALID: 2011331,
  WHOISGUARD_EMAIL_INVALID: 2011369,
  LIST_TYPE_INVALID: 2011272,
  PRODUCT_TYPE_INVALID: 2011298,
  YEARS_INVALID: 2015167,
  PHONE_INVALID: 2015182,
  LOCK_ACTION_INVALID: 2015278,
  DOMAIN_NOT_ASSOCIATED: 2016166,
  DOMAIN_NOT_FOUND: 2019166,
  DOMAIN_EXPIRED: 2020166,
  DOMAIN_EDIT_INVALID: 2030166,
  NOT_USING_OUR_DNS: 2030288,
  TLD_NOT_SUPPORTED: 2030280,
  PRIVACY_NEEDS_WHOISGUARD: 2033407,
  PREMIUM_PRICE_MISMATCH: 2515610,
  PREMIUM_FLAG_MISMATCH: 2515623,
  ORDER_FAILED: 2528166,
  COUNTRY_INVALID: 2005,
  TOO_MANY_RECORDS: 3013288,
  DOMAIN_NOT_AVAILABLE: 3019166,
  TRANSFER_STATUS_UNAVAILABLE: 4019329,
  UNHANDLED: 5050900,
  /** The legacy over-limit answer (2018). */
  TOO_MANY_REQUESTS: 500000,
} as const;

export class NamecheapError extends Error {
  constructor(
    readonly number: number,
    readonly text: string,
    /** Children of `CommandResponse` sent with the error (a zero-filled result), if any. */
    readonly skeleton?: XmlNode,
  ) {
    super(text);
  }
}

export function missing(name: string): NamecheapError {
  const number = /^(DomainName|SLD|TLD)$/i.test(name) ? NC.DOMAIN_NAME_MISSING : NC.PARAMETER_MISSING;
  return new NamecheapError(number, `Parameter ${name} is missing`);
}
