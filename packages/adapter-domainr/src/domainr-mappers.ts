/**
 * Domainr / Fastly payloads → registrar-kit model. Pure functions.
 */
import {
  type Availability,
  compareDecimal,
  type DomainSuggestion,
  errorFromStatus,
  money,
  normalizeDomainName,
  type PriceQuote,
  providerZone,
  ResponseFormatError,
  redactSecrets,
} from '@registrar-kit/core';
import type {
  FastlyOffer,
  FastlyStatusResponse,
  FastlySuggestResponse,
  V2SearchResponse,
  V2StatusErrorItem,
  V2StatusItem,
  V2StatusResponse,
} from './domainr-schemas.js';
import { interpretStatusFlags, splitStatusFlags } from './domainr-status-flags.js';

const PROVIDER = 'domainr';

/**
 * ASCII form of a zone the schema checked (`coffee`, `co.uk`, a Unicode TLD → punycode),
 * lower-case, no leading dot.
 */
export function asciiZone(zone: string): string {
  return providerZone(zone);
}

/**
 * An `Availability` from a space-delimited status string. `domain` is the ASCII name that was
 * asked for. `extraReason` is appended to the flag reason (Fastly's cheapest offer).
 */
export function statusToAvailability(
  domain: string,
  status: string,
  raw: unknown,
  extraReason?: string,
): Availability {
  const providerStatus = splitStatusFlags(status);
  const meaning = interpretStatusFlags(providerStatus);
  const reason = [meaning.reason, extraReason].filter((part): part is string => !!part).join('; ') || null;
  return {
    provider: PROVIDER,
    domain,
    available: meaning.available,
    status: meaning.status,
    premium: meaning.premium,
    // Domainr quotes no registration prices.
    price: null,
    reason,
    suggestions: [],
    providerStatus,
    raw,
  };
}

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

/**
 * The cheapest offer: offers are compared within the currency of the first offer (currencies are
 * never compared as if equal); null when there is none.
 */
export function cheapestOffer(offers: readonly FastlyOffer[] | null | undefined): FastlyOffer | null {
  const first = offers?.[0];
  if (!offers || !first) return null;
  const currency = first.currency.toUpperCase();
  return offers
    .filter((offer) => offer.currency.toUpperCase() === currency)
    .reduce((best, offer) => (compareDecimal(offer.price, best.price) < 0 ? offer : best), first);
}

function offerText(offer: FastlyOffer): string {
  const { amount, currency } = money(offer.price, offer.currency);
  return `aftermarket offer from ${offer.vendor}: ${amount} ${currency}`;
}

/** A Fastly `tools/status` answer → `Availability` (`price` stays null: offers are aftermarket prices). */
export function fastlyStatusToAvailability(domain: string, body: FastlyStatusResponse): Availability {
  const offer = cheapestOffer(body.offers);
  return statusToAvailability(domain, body.status, body, offer ? offerText(offer) : undefined);
}

/** What `getPrice` returns in Fastly mode: a quote whose `raw` is the cheapest offer (with its `vendor`). */
export type DomainrPriceQuote = PriceQuote & { raw: FastlyOffer };

/** The cheapest Fastly aftermarket offer as a one-year `register` quote; null without offers. */
export function fastlyStatusToPriceQuote(
  domain: string,
  body: FastlyStatusResponse,
): DomainrPriceQuote | null {
  const offer = cheapestOffer(body.offers);
  if (!offer) return null;
  const availability = statusToAvailability(domain, body.status, body);
  return {
    provider: PROVIDER,
    domain,
    operation: 'register',
    years: 1,
    price: money(offer.price, offer.currency),
    premium: availability.premium,
    available: availability.available,
    // An aftermarket offer is a one-off sale; the renewal is the registry's, which Fastly does not give.
    renewalPrice: null,
    raw: offer,
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

/** Fastly `tools/suggest` results → suggestions (Fastly gives no register URL). */
export function fastlySuggestToSuggestions(body: FastlySuggestResponse): DomainSuggestion[] {
  return body.results.map((result) => ({
    domain: normalizeDomainName(result.domain),
    zone: asciiZone(result.zone),
    registerUrl: null,
  }));
}
