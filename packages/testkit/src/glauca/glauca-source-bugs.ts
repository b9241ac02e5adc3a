/**
 * Server-side failures visible in Glauca's published source (https://github.com/AS207960/domains
 * and https://github.com/AS207960/hexdns), as an emulator
 * mode that is OFF by default. By default the emulator answers as the docs describe; with
 * `sourceBugs: true` (every bug) or a list of names it answers as the published code would, so an
 * adapter's tests can prove the error it turns each failure into:
 *
 * | name | what the published source does | emulator answer |
 * |---|---|---|
 * | `domain-update-500` | PUT/PATCH `/api/domains/{id}/` reads an attribute the domain object lacks (since 2024-02-29) | 500, Django's HTML error page |
 * | `zone-json-500` | HexDNS zone JSON serialises DS digests that became objects | 500 HTML on every zone rendering (list, get, create answer) |
 * | `record-create-permission` | HexDNS record create checks "may reference this zone" with a token the serializers never set | 403 `{"detail":"You don't have permission to reference this object"}` |
 * | `check-renew-500` | `check_renew` calls a pricing method that does not exist | 500 HTML |
 * | `check-period-500` | `check` with a period the zone does not sell: the pricing call returns nothing and the view fails before its "Invalid period for domain" answer | 500 HTML |
 * | `malformed-id-500` | a malformed id raises a Django validation error inside the ORM lookup, which DRF does not translate | 500 HTML instead of 404 |
 * | `zone-create-delete-500` | HexDNS zone create/delete call helpers under a module where they no longer exist | 500 HTML |
 * | `order-price-lookup-500` | a registration/transfer order for a zone not sold, or a period without a price, fails during price lookup | 500 HTML, nothing charged |
 * | `order-domain-obj` | registration/transfer orders build `domain_obj` / `domain_obj_url` from the order object | the order's id and `/api/domains/{order id}/` (404); `domain_id` stays right |
 * | `contact-create-500` | `entity_type` is read-only in the API serializer while its column has no default | 500 HTML on contact create |
 */
import { EmulatorHttpError } from '../emulator/emulator-types.js';

export const GLAUCA_SOURCE_BUGS = [
  'domain-update-500',
  'zone-json-500',
  'record-create-permission',
  'check-renew-500',
  'check-period-500',
  'malformed-id-500',
  'zone-create-delete-500',
  'contact-create-500',
  'order-price-lookup-500',
  'order-domain-obj',
] as const;

export type GlaucaSourceBug = (typeof GLAUCA_SOURCE_BUGS)[number];

/** The option value → the set of enabled bugs. */
export function resolveSourceBugs(
  option: boolean | readonly GlaucaSourceBug[] | undefined,
): Set<GlaucaSourceBug> {
  if (option === true) return new Set(GLAUCA_SOURCE_BUGS);
  if (!option) return new Set();
  return new Set(option);
}

/** Django's production 500 page (DEBUG off): HTML, not JSON. */
export const DJANGO_SERVER_ERROR_HTML =
  '\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Server Error (500)</title>\n</head>\n<body>\n  <h1>Server Error (500)</h1><p></p>\n</body>\n</html>\n';

export function djangoServerError(): EmulatorHttpError {
  return new EmulatorHttpError(500, DJANGO_SERVER_ERROR_HTML, { 'content-type': 'text/html; charset=utf-8' });
}

export const REFERENCE_DENIED = "You don't have permission to reference this object";
