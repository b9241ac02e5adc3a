/**
 * Fastly Domain Research payloads → registrar-kit model
 * (https://www.fastly.com/documentation/reference/api/domain-management/domain-research/,
 * docs/providers/domainr.md#fastly-domain-research). Pure functions.
 */
import {
  type Availability,
  compareDecimal,
  type DomainSuggestion,
  type Money,
  money,
  normalizeDomainName,
  type PriceQuote,
  toDecimalString,
} from '@registrar-kit/core';
import { asciiZone, statusToAvailability } from './domainr-mappers.js';
import {
  type FastlyOffer,
  FastlyOfferSchema,
  type FastlyStatusResponse,
  type FastlySuggestResponse,
} from './domainr-schemas.js';

const PROVIDER = 'domainr';

/** A plain non-negative decimal: `2500`, `2500.5`. */
const PLAIN_AMOUNT = /^\d+(?:\.\d+)?$/;
/**
 * Thousands grouped by commas, then a decimal point: `2,500.00`. Only with the decimal point is
 * the comma certainly a group separator (`2,500` alone reads as 2.5 in much of Europe), so a
 * grouped amount without one is not read (docs/providers/domainr.md#fastly-offers).
 */
const GROUPED_AMOUNT = /^\d{1,3}(?:,\d{3})+\.\d+$/;

/** The decimal amount of an offer's free-text price (`"2,500.00"` → `"2500.00"`), or null when unreadable. */
export function offerAmount(price: string): string | null {
  const text = price.trim();
  if (PLAIN_AMOUNT.test(text)) return toDecimalString(text);
  if (GROUPED_AMOUNT.test(text)) return toDecimalString(text.replaceAll(',', ''));
  return null;
}

/** An offer that can be quoted, with its price read. */
export interface UsableOffer {
  /** The offer as Fastly sent it. */
  offer: FastlyOffer;
  price: Money;
}

/**
 * The offers that can be quoted: a price this adapter can read and a currency code. Every offer
 * field is optional in Fastly's spec; the others (no price, an unreadable price, an empty offer)
 * are skipped here and stay in the answer's `raw`.
 */
export function usableOffers(offers: readonly unknown[] | null | undefined): UsableOffer[] {
  return (offers ?? []).flatMap((candidate) => {
    const parsed = FastlyOfferSchema.safeParse(candidate);
    if (!parsed.success) return [];
    const amount = offerAmount(parsed.data.price);
    return amount === null ? [] : [{ offer: parsed.data, price: money(amount, parsed.data.currency) }];
  });
}

/**
 * The cheapest usable offer: offers are compared within the currency of the first usable offer
 * (currencies are never compared as if equal); null when there is none.
 */
export function cheapestUsableOffer(offers: readonly unknown[] | null | undefined): UsableOffer | null {
  const usable = usableOffers(offers);
  const first = usable[0];
  if (!first) return null;
  return usable
    .filter((candidate) => candidate.price.currency === first.price.currency)
    .reduce((best, candidate) =>
      compareDecimal(candidate.price.amount, best.price.amount) < 0 ? candidate : best,
    );
}

/** The cheapest usable offer as Fastly sent it (see `cheapestUsableOffer`); null when there is none. */
export function cheapestOffer(offers: readonly unknown[] | null | undefined): FastlyOffer | null {
  return cheapestUsableOffer(offers)?.offer ?? null;
}

function offerText({ offer, price }: UsableOffer): string {
  const from = offer.vendor ? ` from ${offer.vendor}` : '';
  return `aftermarket offer${from}: ${price.amount} ${price.currency}`;
}

/** A Fastly `tools/status` answer → `Availability` (`price` stays null: offers are aftermarket prices). */
export function fastlyStatusToAvailability(domain: string, body: FastlyStatusResponse): Availability {
  const offer = cheapestUsableOffer(body.offers);
  return statusToAvailability(domain, body.status, body, offer ? offerText(offer) : undefined);
}

/** What `getPrice` returns in Fastly mode: a quote whose `raw` is the cheapest offer (with its `vendor`). */
export type DomainrPriceQuote = PriceQuote & { raw: FastlyOffer };

/**
 * The cheapest usable Fastly aftermarket offer as a one-year `register` quote; null without one.
 * `available` is null when the answer carries no status.
 */
export function fastlyStatusToPriceQuote(
  domain: string,
  body: FastlyStatusResponse,
): DomainrPriceQuote | null {
  const cheapest = cheapestUsableOffer(body.offers);
  if (!cheapest) return null;
  const availability = statusToAvailability(domain, body.status, body);
  return {
    provider: PROVIDER,
    domain,
    operation: 'register',
    years: 1,
    price: cheapest.price,
    premium: availability.premium,
    available: body.status === undefined ? null : availability.available,
    // An aftermarket offer is a one-off sale; the renewal is the registry's, which Fastly does not give.
    renewalPrice: null,
    raw: cheapest.offer,
  };
}

/** Fastly `tools/suggest` results → suggestions (Fastly gives no register URL). */
export function fastlySuggestToSuggestions(body: FastlySuggestResponse): DomainSuggestion[] {
  return body.results.map((result) => ({
    domain: normalizeDomainName(result.domain),
    zone: asciiZone(result.zone),
    registerUrl: null,
  }));
}
