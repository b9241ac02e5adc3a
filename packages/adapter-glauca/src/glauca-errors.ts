/**
 * Glauca / HexDNS error bodies (Django REST Framework, docs/providers/glauca.md#errors) and the one
 * `parseError` the transport uses for both APIs:
 * - `{"detail": "..."}` (403, 404, 402 `billing_error`, 409 `object_exists`, 400 `unsupported` /
 *   `invalid_zone`, 500 registry failure);
 * - a field map `{"field": ["msg"], "nested": {"sub": ["msg"]}, "list": [{...}, {}]}` (400);
 * - a bare list `["Admin contact required"]` (400 from a save-time ValidationError).
 * A 403 whose detail is `Invalid token` means the credential itself is bad → AuthenticationError.
 */
import {
  isRegistrarError,
  NotFoundError,
  normalizeDomainName,
  PermissionError,
  ProviderError,
  type ProviderErrorDetails,
  type RegistrarError,
  type ValidationIssue,
} from '@registrar-kit/core';
import { z } from 'zod';

type FieldErrors = string | FieldErrors[] | { [key: string]: FieldErrors };

const FieldErrorsSchema: z.ZodType<FieldErrors> = z.lazy(() =>
  z.union([z.string(), z.array(FieldErrorsSchema), z.record(z.string(), FieldErrorsSchema)]),
);

export const GlaucaErrorBodySchema = z.union([
  z.looseObject({ detail: z.string() }),
  z.array(FieldErrorsSchema),
  z.record(z.string(), FieldErrorsSchema),
]);

/** DRF `detail` texts of the exception classes the Glauca code defines, and their codes. */
const DETAIL_CODES: Record<string, string> = {
  'Error billing account': 'billing_error',
  'Object already exists': 'object_exists',
  'Unsupported by the registry': 'unsupported',
  'Zone not a publicly registrable domain': 'invalid_zone',
  'Same or more generic zone already exists': 'invalid_zone',
};

export const INVALID_TOKEN_DETAIL = 'Invalid token';

/** Flattens a DRF error structure into issues with dotted paths (`period.unit`, `name_servers.0.host_object`). */
export function flattenFieldErrors(value: FieldErrors, path = ''): ValidationIssue[] {
  if (typeof value === 'string') return [{ path, message: value }];
  if (Array.isArray(value)) {
    // A list of strings is the messages of one field; a list of objects is one entry per list item.
    return value.flatMap((item, index) =>
      typeof item === 'string'
        ? [{ path, message: item }]
        : flattenFieldErrors(item, join(path, String(index))),
    );
  }
  return Object.entries(value).flatMap(([key, item]) =>
    flattenFieldErrors(item, key === 'non_field_errors' ? path : join(path, key)),
  );
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** The transport's `parseError` for Glauca and HexDNS. */
export function parseGlaucaError(body: unknown, status: number): ProviderErrorDetails {
  const parsed = GlaucaErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const data = parsed.data;
  if (!Array.isArray(data) && typeof data.detail === 'string') {
    const detail = data.detail;
    const code = DETAIL_CODES[detail];
    return {
      message: detail,
      ...(code ? { code } : {}),
      ...(status === 400 || status === 422 ? { issues: [{ path: '', message: detail }] } : {}),
      invalidCredential: status === 403 && detail === INVALID_TOKEN_DETAIL,
    };
  }
  const issues = flattenFieldErrors(data as FieldErrors);
  const message = issues
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
  return { ...(message ? { message } : {}), issues };
}

// ---------------------------------------------------------------------------------------------
// Local checks

/**
 * An error of one of core's checks (named after the check, without a provider) relabelled with
 * the Glauca method that ran it; any other value unchanged.
 */
export function labelled(error: unknown, operation: string): unknown {
  if (isRegistrarError(error) && (!error.provider || error.provider === 'unknown'))
    Object.assign(error, { provider: 'glauca', operation });
  return error;
}

/** A domain name argument → its ASCII form; a bad one is a ValidationError of `operation`. */
export function asciiName(name: string, operation: string): string {
  try {
    return normalizeDomainName(name);
  } catch (error) {
    throw labelled(error, operation);
  }
}

// ---------------------------------------------------------------------------------------------
// Known server failures (docs/providers/glauca.md#server-failures)

/** HexDNS's answer when its record-create permission check runs without a token. */
export const REFERENCE_DENIED = "You don't have permission to reference this object";

/** A Glauca typed id (`<prefix>_<32 hex>`) or a bare UUID, with or without dashes. */
export function isGlaucaId(value: string): boolean {
  return (
    /^[a-z]+(?:_[a-z]+)*_[0-9a-f]{32}$/i.test(value) ||
    /^[0-9a-f]{32}$/i.test(value) ||
    /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value)
  );
}

/** What a known failure means for the caller, and what they can do. */
interface KnownFailure {
  code: string;
  message: string;
  kind?: typeof NotFoundError | typeof PermissionError;
}

const WEB_UI = 'https://domains.glauca.digital';
const HEXDNS_UI = 'https://dns.glauca.digital';

/** The known failure a request ran into, or null (read path by path, in docs/providers/glauca.md#server-failures). */
function knownFailure(error: RegistrarError, spec: { method: string; path: string }): KnownFailure | null {
  const { method, path } = spec;
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (error.status === 403 && method === 'POST' && /^\/api\/zone_\w+_records\/$/.test(path)) {
    if (!error.message.includes(REFERENCE_DENIED)) return null;
    return {
      kind: PermissionError,
      code: 'record_create_refused',
      message: `HexDNS refused to create the record ("${REFERENCE_DENIED}"): its create check runs without the caller's token, so record creation through the API can fail for every zone. Create the record in the HexDNS web UI (${HEXDNS_UI}) and report it to Glauca; updates and deletes of existing records still work`,
    };
  }
  if (error.status !== 500) return null;
  // A registry's failure passed on as JSON is the registry's answer, not a failure of Glauca's code.
  if (/Error communicating with (regitry|registry)/.test(error.message)) return null;
  const id = segments[2];
  const collectionAction = segments[1] === 'domains' && (id === 'check' || id === 'check_transfer');
  if (id !== undefined && !collectionAction && !isGlaucaId(id)) {
    return {
      kind: NotFoundError,
      code: 'malformed_id',
      message: `Glauca answered 500 for the id "${id}": it is not a Glauca id (<type>_<32 hex digits>, e.g. domains_domainregistration_631a9f986f2045a09468d599f318133a), and Glauca's server fails on malformed ids instead of answering 404. Pass a domain name or an id read from the API`,
    };
  }
  if (
    segments[1] === 'domains' &&
    id !== undefined &&
    segments.length === 3 &&
    (method === 'PATCH' || method === 'PUT')
  )
    return {
      code: 'domain_update_failed',
      message: `Glauca answered 500 (an HTML error page) to the domain update: its published server code fails on every domain update since February 2024, so the change was most likely not made. Read the domain to see its state, make the change in the Glauca web UI (${WEB_UI}) and report it to Glauca`,
    };
  if (segments[3] === 'check_renew')
    return {
      code: 'renew_price_unavailable',
      message: `Glauca answered 500 to check_renew: its published server code calls a pricing method that does not exist, so the renewal price cannot be read through the API. See the renewal price in the Glauca web UI (${WEB_UI}); renewDomain without maxPrice still works and charges Glauca's current renewal price`,
    };
  if (segments[1] === 'domains' && id === 'check')
    return {
      code: 'check_failed',
      message: `Glauca answered 500 to the availability check: its published server code fails when the zone is not sold for the period asked (it cannot price it). Check one year, or a period the zone sells`,
    };
  if (
    method === 'POST' &&
    (segments[1] === 'domain_registration_orders' || segments[1] === 'domain_transfer_orders')
  )
    return {
      code: 'order_price_lookup_failed',
      message: `Glauca answered 500 while pricing the order: its published server code fails this way, before charging, when the zone is not sold or not for the period asked. Run checkAvailability or getPrice first, and look at the orders in the Glauca web UI (${WEB_UI}) before trying again`,
    };
  if (segments[1] === 'dns_zones' && (method === 'POST' || method === 'DELETE'))
    return {
      code: 'zone_create_failed',
      message: `HexDNS answered 500 to the zone ${method === 'POST' ? 'creation' : 'deletion'}: its published server code calls helpers that no longer exist there. ${method === 'POST' ? 'Create' : 'Delete'} the zone in the HexDNS web UI (${HEXDNS_UI}) and report it to Glauca`,
    };
  if (segments[1] === 'dns_zones')
    return {
      code: 'zone_unreadable',
      message: `HexDNS answered 500 while rendering a zone: its published server code fails to serialise zones since their DNSSEC digests became objects, so zones (and the records listed through them) cannot be read through the API. Manage the zone in the HexDNS web UI (${HEXDNS_UI}) and report it to Glauca`,
    };
  if (method === 'POST' && segments[1] === 'contacts')
    return {
      code: 'contact_create_failed',
      message: `Glauca answered 500 to the contact creation: its published server code makes entity_type read-only while the database needs a value. Create the contact in the Glauca web UI (${WEB_UI}) and pass its id (domains_contact_…) instead`,
    };
  return null;
}

/**
 * The error of a request, with the server's known failures (docs/providers/glauca.md#server-failures)
 * turned into errors that say what failed and what the user can do; the original stays the `cause`.
 */
export function explainGlaucaFailure(
  error: unknown,
  spec: { operation: string; method: string; path: string },
): unknown {
  if (!isRegistrarError(error)) return error;
  const failure = knownFailure(error, spec);
  if (!failure) return error;
  const ErrorClass = failure.kind ?? ProviderError;
  return new ErrorClass(`glauca ${spec.operation}: ${failure.message}`, {
    provider: 'glauca',
    operation: spec.operation,
    code: failure.code,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
    cause: error,
  });
}
