/**
 * How commands find "the domain" of a request: `DomainName=` for `domains.*`, `SLD=`+`TLD=` for
 * `domains.dns.*`; a name not in the account is error 2019166 (docs/providers/namecheap.md#errors).
 */
import { isValidDomainName } from '../emulator/seed-data.js';
import { missing, NamecheapError, NC } from './namecheap-errors.js';
import type { NamecheapParams } from './namecheap-params.js';
import type { NamecheapDomain, NamecheapState } from './namecheap-state.js';
import type { XmlNode } from './namecheap-xml.js';

/** The `DomainName` parameter, lower-cased and syntax-checked. */
export function domainNameParam(params: NamecheapParams, name = 'DomainName'): string {
  const value = params.get(name)?.toLowerCase();
  if (value === undefined) throw missing(name);
  if (!isValidDomainName(value)) throw new NamecheapError(NC.DOMAIN_INVALID, `${name} is invalid`);
  return value;
}

/** The domain named by `SLD` + `TLD` (the dns.* commands): its full name and the TLD as sent. */
export function sldTldParam(params: NamecheapParams): { name: string; tld: string } {
  const sld = params.get('SLD')?.toLowerCase();
  const tld = params.get('TLD')?.toLowerCase();
  if (sld === undefined) throw missing('SLD');
  if (tld === undefined) throw missing('TLD');
  const name = `${sld}.${tld}`;
  if (!isValidDomainName(name)) throw new NamecheapError(NC.DOMAIN_INVALID, 'SLD/TLD is invalid');
  return { name, tld };
}

export function notFound(name: string, skeleton?: XmlNode): NamecheapError {
  return new NamecheapError(
    NC.DOMAIN_NOT_FOUND,
    `The domain (${name}) doesn't seem to be associated with your account.`,
    skeleton,
  );
}

/** The account's domain of that name, or error 2019166 (with an optional result skeleton). */
export function ownedDomain(state: NamecheapState, name: string, skeleton?: XmlNode): NamecheapDomain {
  const domain = state.domains.get(name);
  if (!domain) throw notFound(name, skeleton);
  return domain;
}
