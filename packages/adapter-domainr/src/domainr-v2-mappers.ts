/**
 * Domainr v2 payloads → registrar-kit model (https://domainr.com/docs/api,
 * docs/providers/domainr.md#v2-status). Pure functions.
 */
import {
  type Availability,
  type DomainSuggestion,
  errorFromStatus,
  normalizeDomainName,
  ResponseFormatError,
  redactSecrets,
} from '@registrar-kit/core';
import { asciiZone, statusToAvailability } from './domainr-mappers.js';
import type {
  V2SearchResponse,
  V2StatusErrorItem,
  V2StatusItem,
  V2StatusResponse,
} from './domainr-schemas.js';

const PROVIDER = 'domainr';

/** The status object of `domain` in a v2 answer (the only one, or the one whose name matches). */
function pickStatusItem(domain: string, items: readonly V2StatusItem[]): V2StatusItem {
  const match = items.find((item) => normalizeDomainName(item.domain) === domain);
  if (match) return match;
  if (items.length === 1 && items[0]) return items[0];
  throw new ResponseFormatError(
    `domainr checkAvailability: unexpected response body: status: no status object for ${domain}`,
    {
      provider: PROVIDER,
      operation: 'checkAvailability',
      issues: [{ path: 'status', message: `no status object for ${domain}` }],
    },
  );
}

function errorText(errors: readonly V2StatusErrorItem[]): string {
  return errors
    .map((error) => [error.message, error.detail].filter(Boolean).join(': '))
    .filter(Boolean)
    .join('; ');
}

function errorCode(error: V2StatusErrorItem | undefined): number | undefined {
  const code = Number(error?.code);
  return Number.isInteger(code) && code >= 400 && code <= 599 ? code : undefined;
}

/**
 * A v2 `/status` answer → `Availability`. An (undocumented) `{"errors": [...]}` body with code 400/422
 * (or none) means Domainr found the name invalid → status `invalid`; another code is thrown as the
 * error of that status.
 */
export function v2StatusToAvailability(domain: string, body: V2StatusResponse): Availability {
  if (body.status !== undefined && body.status.length > 0) {
    const item = pickStatusItem(domain, body.status);
    return statusToAvailability(domain, item.status, item);
  }
  const errors = body.errors ?? [];
  const code = errorCode(errors[0]);
  const text = redactSecrets(errorText(errors)) || 'no status';
  if (errors.length === 0 && body.status !== undefined) {
    throw new ResponseFormatError(
      `domainr checkAvailability: unexpected response body: status: empty array`,
      {
        provider: PROVIDER,
        operation: 'checkAvailability',
        issues: [{ path: 'status', message: 'empty array' }],
      },
    );
  }
  if (code !== undefined && code !== 400 && code !== 422) {
    throw errorFromStatus(`domainr checkAvailability failed with error ${code}: ${text}`, {
      provider: PROVIDER,
      operation: 'checkAvailability',
      status: code,
    });
  }
  return {
    provider: PROVIDER,
    domain,
    available: false,
    status: 'invalid',
    premium: false,
    price: null,
    reason: text,
    suggestions: [],
    providerStatus: [],
    raw: body,
  };
}

const CREDENTIAL_PARAMS = ['client_id', 'mashape-key', 'rapidapi-key', 'key', 'api_key'];

/** `registerURL` without credential parameters (Domainr may add `client_id`; end users see this URL). */
export function publicRegisterUrl(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const present = CREDENTIAL_PARAMS.filter((name) => parsed.searchParams.has(name));
  if (present.length === 0) return url;
  for (const name of present) parsed.searchParams.delete(name);
  return parsed.toString();
}

/** v2 `/search` results → suggestions (ASCII names, with the register URL). */
export function v2SearchToSuggestions(body: V2SearchResponse): DomainSuggestion[] {
  return body.results.map((result) => ({
    domain: normalizeDomainName(result.domain),
    zone: asciiZone(result.zone),
    registerUrl: publicRegisterUrl(result.registerURL),
  }));
}
