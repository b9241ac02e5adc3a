/** Request helpers shared by the PocketDNS routes: body shape, `{domain_id}` lookup, domain names. */
import { domainToASCII } from 'node:url';
import type { EmulatorRequest } from '../emulator/emulator-types.js';
import { isValidDomainName } from '../emulator/seed-data.js';
import { pocketDnsError } from './pocketdns-errors.js';
import type { PocketDnsDomain, PocketDnsState } from './pocketdns-state.js';

/** Body as an object, or a 400 `validation_error`. */
export function objectBody(req: EmulatorRequest): Record<string, unknown> {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw pocketDnsError(400, 'Request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** The domain of a `{domain_id}` path parameter: 404 when unknown, 403 when it is another partner's. */
export function domainById(state: PocketDnsState, domainId: string | undefined): PocketDnsDomain {
  const domain = domainId === undefined ? undefined : state.domains.get(domainId);
  if (!domain) throw pocketDnsError(404, 'Domain not found');
  if (!domain.accessible) throw pocketDnsError(403, 'Access denied to domain');
  return domain;
}

/** A domain name as sent (any case, Unicode or punycode) → ASCII lower-case, or null when invalid. */
export function asciiDomainName(value: string): string | null {
  const ascii = domainToASCII(value.toLowerCase());
  return ascii !== '' && isValidDomainName(ascii) ? ascii : null;
}
