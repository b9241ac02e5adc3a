/**
 * PocketDNS's prices: the TLD list (`GET /domains/tlds`, register, renewal and transfer price per
 * TLD) and the quotes built from it and from the availability answer
 * (docs/providers/pocketdns.md#prices). Nothing is cached: every quote is fetched fresh.
 */
import {
  type CallOptions,
  invalidInput,
  type Money,
  multiplyDecimal,
  type PriceQuote,
  type TldPrice,
  urlPath,
} from '@registrar-kit/core';
import type { PocketDnsClient } from './pocketdns-client.js';
import { toAvailability, toTldPrice } from './pocketdns-mappers.js';
import { PROVIDER } from './pocketdns-provider-info.js';
import { AvailabilitySchema, TldListSchema } from './pocketdns-schemas.js';

export type QuotedOperation = 'register' | 'renew' | 'transfer';

const times = (price: Money, years: number): Money => ({
  amount: multiplyDecimal(price.amount, years),
  currency: price.currency,
});

export function priceMethods(client: PocketDnsClient) {
  async function fetchTldPrices(operation: string, opts: CallOptions): Promise<TldPrice[]> {
    const { data } = await client.send(
      {
        operation,
        method: 'GET',
        path: '/api/v1/domains/tlds',
        schema: TldListSchema,
        bucket: 'domainRetrieval',
      },
      opts,
    );
    return data.tlds.map(toTldPrice);
  }

  /** The TLD list entry of a name: the longest matching suffix (`example.co.uk` → `co.uk`), or undefined. */
  async function findTld(name: string, operation: string, opts: CallOptions): Promise<TldPrice | undefined> {
    const prices = await fetchTldPrices(operation, opts);
    const labels = name.split('.');
    for (let start = 1; start < labels.length; start++) {
      const suffix = labels.slice(start).join('.');
      const found = prices.find((price) => price.tld === suffix);
      if (found) return found;
    }
    return undefined;
  }

  async function tldOf(name: string, operation: string, opts: CallOptions): Promise<TldPrice> {
    const found = await findTld(name, operation, opts);
    if (found) return found;
    throw invalidInput(
      { provider: PROVIDER, operation },
      [{ path: 'name', message: `PocketDNS sells no TLD of ${name}` }],
      'TLD',
    );
  }

  function noPrice(name: string, kind: QuotedOperation, operation: string): never {
    throw invalidInput(
      { provider: PROVIDER, operation },
      [{ path: 'name', message: `PocketDNS has no ${kind} price for ${name}` }],
      'price',
    );
  }

  async function fetchAvailability(ascii: string, operation: string, opts: CallOptions) {
    const { data } = await client.send(
      {
        operation,
        method: 'GET',
        path: urlPath`/api/v1/domains/availability/${ascii}`,
        schema: AvailabilitySchema,
        bucket: 'availability',
      },
      opts,
    );
    return toAvailability(data, ascii);
  }

  /**
   * A quote for `years` of `kind`. Register: the availability answer's one-year price (premium
   * included); a taken name has none, so the TLD list's registration price is quoted with
   * `available: false`. Renew and transfer: the TLD list. `renewalPrice` is always the TLD list's
   * renewal price (PocketDNS publishes no other).
   */
  async function quote(
    ascii: string,
    kind: QuotedOperation,
    years: number,
    operation: string,
    opts: CallOptions,
  ): Promise<PriceQuote> {
    const quoted = { provider: PROVIDER, domain: ascii, operation: kind, years };
    if (kind === 'register') {
      const availability = await fetchAvailability(ascii, operation, opts);
      const tld = await findTld(ascii, operation, opts);
      const price = availability.price ?? tld?.register ?? noPrice(ascii, kind, operation);
      return {
        ...quoted,
        price: times(price, years),
        premium: availability.premium,
        available: availability.available,
        renewalPrice: tld?.renew ?? null,
      };
    }
    const tld = await tldOf(ascii, operation, opts);
    const price = (kind === 'renew' ? tld.renew : tld.transfer) ?? noPrice(`.${tld.tld}`, kind, operation);
    return {
      ...quoted,
      price: times(price, years),
      premium: false,
      available: null,
      renewalPrice: tld.renew,
    };
  }

  return { fetchTldPrices, fetchAvailability, tldOf, quote, times };
}

export type PocketDnsPrices = ReturnType<typeof priceMethods>;
