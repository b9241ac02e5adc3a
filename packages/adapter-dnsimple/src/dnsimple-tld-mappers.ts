/**
 * DNSimple TLDs and their extended attributes (https://developer.dnsimple.com/v2/tlds/) → the
 * model's `TldRequirements`.
 */
import { type ExtendedAttribute, nullIfBlank, type TldRequirements } from '@registrar-kit/core';
import { PROVIDER } from './dnsimple-mappers.js';
import type { DnsimpleExtendedAttribute, DnsimpleTld } from './dnsimple-schemas.js';

/**
 * The longest term a registry takes (ICANN's ten years); DNSimple publishes no maximum, it
 * registers for `minimum_registration` years and renewals extend (docs/providers/dnsimple.md#tlds).
 */
export const MAX_TERM_YEARS = 10;

export function mapTldRequirements(
  tld: DnsimpleTld,
  attributes: DnsimpleExtendedAttribute[],
): TldRequirements {
  return {
    provider: PROVIDER,
    tld: tld.tld.toLowerCase().replace(/^\./, ''),
    minYears: tld.minimum_registration,
    maxYears: MAX_TERM_YEARS,
    whoisPrivacy: tld.whois_privacy ?? null,
    autoRenewOnly: tld.auto_renew_only ?? null,
    extendedAttributes: mapExtendedAttributes(attributes),
    raw: { tld, extendedAttributes: attributes },
  };
}

export function mapExtendedAttributes(attributes: DnsimpleExtendedAttribute[]): ExtendedAttribute[] {
  return attributes.map((attribute) => ({
    name: attribute.name,
    required: attribute.required,
    description: nullIfBlank(attribute.description) ?? nullIfBlank(attribute.title),
    options: attribute.options.map((option) => ({ value: option.value, title: nullIfBlank(option.title) })),
  }));
}
