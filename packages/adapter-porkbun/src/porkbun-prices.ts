/**
 * Availability, prices and TLD requirements (docs/providers/porkbun.md#pricing-and-availability):
 * `/domain/checkDomain` (1 per 10 s per account) quotes one name, premium included, with its
 * registry-minimum term; `/pricing/get` lists every TLD without credentials;
 * `/domain/getRegistrationRequirements` gives the only term the API registers.
 */
import {
  type Availability,
  type CallOptions,
  isRegistrarError,
  type Money,
  money,
  multiplyDecimal,
  type PriceOperation,
  type PriceOptions,
  type PriceQuote,
  providerZone,
  type RegistrarMethods,
  ResponseFormatError,
  type TldPrice,
  type TldRequirements,
  UnsupportedOperationError,
  urlPath,
  ValidationError,
} from '@registrar-kit/core';
import { domainName, type PorkbunClient, PROVIDER } from './porkbun-client.js';
import { CURRENCY, flag } from './porkbun-mappers.js';
import {
  CheckDomainSchema,
  type PorkbunCheck,
  type PorkbunRequirements,
  PricingSchema,
  RequirementsSchema,
} from './porkbun-schemas.js';

/** Codes with which Porkbun refuses a name it cannot sell (not an error of the call). */
const UNREGISTRABLE_CODES = new Set(['INVALID_TLD', 'UNSUPPORTED_TLD']);

export async function checkDomain(
  client: PorkbunClient,
  name: string,
  operation: string,
  opts?: CallOptions,
): Promise<PorkbunCheck> {
  const data = await client.send(
    {
      operation,
      method: 'POST',
      path: urlPath`/domain/checkDomain/${name}`,
      schema: CheckDomainSchema,
      bucket: 'checkDomain',
      readOnly: true,
    },
    opts,
  );
  return data.response;
}

/** The registry-minimum term of a quote (the only term Porkbun's API registers or renews). */
export function minimumYears(check: PorkbunCheck): number {
  const years = Number(check.minDuration ?? 1);
  return Number.isInteger(years) && years > 0 ? years : 1;
}

/** The per-year price of `operation` in a checkDomain answer. */
export function yearlyPrice(
  check: PorkbunCheck,
  operation: Exclude<PriceOperation, 'restore'>,
  op: string,
): Money {
  const amount =
    operation === 'register'
      ? check.price
      : operation === 'renew'
        ? check.additional?.renewal?.price
        : check.additional?.transfer?.price;
  if (amount === undefined || amount === null) {
    const field =
      operation === 'register'
        ? 'response.price'
        : `response.additional.${operation === 'renew' ? 'renewal' : 'transfer'}.price`;
    throw new ResponseFormatError(`${PROVIDER} ${op}: the quote has no ${operation} price (${field})`, {
      provider: PROVIDER,
      operation: op,
      issues: [{ path: field, message: 'missing' }],
    });
  }
  return money(amount, CURRENCY);
}

/** `years` other than the registry minimum, refused with the minimum named. */
export function assertMinimumTerm(years: number, minimum: number, tld: string, operation: string): void {
  if (years === minimum) return;
  const message = `Porkbun's API ${operation === 'renewDomain' ? 'renews' : 'registers'} .${tld} for its minimum term only: years must be ${minimum}`;
  throw new ValidationError(`${PROVIDER} ${operation}: invalid input: years: ${message}`, {
    provider: PROVIDER,
    operation,
    code: 'term_not_supported',
    issues: [{ path: 'years', message }],
  });
}

export function tldOf(name: string): string {
  return name.slice(name.indexOf('.') + 1);
}

export async function readRequirements(
  client: PorkbunClient,
  tld: string,
  operation: string,
  opts?: CallOptions,
): Promise<PorkbunRequirements> {
  return client.send(
    {
      operation,
      method: 'GET',
      path: urlPath`/domain/getRegistrationRequirements/${tld}`,
      schema: RequirementsSchema,
    },
    opts,
  );
}

/** JSON Schema properties of `registryRequirements` → extended attributes (informational: /domain/create takes none today). */
function extendedAttributes(schema: unknown): TldRequirements['extendedAttributes'] {
  if (!schema || typeof schema !== 'object') return [];
  const { properties, required } = schema as { properties?: unknown; required?: unknown };
  if (!properties || typeof properties !== 'object') return [];
  const requiredNames = new Set(Array.isArray(required) ? required.map(String) : []);
  return Object.entries(properties as Record<string, { description?: unknown; enum?: unknown }>).map(
    ([name, property]) => ({
      name,
      required: requiredNames.has(name),
      description: typeof property?.description === 'string' ? property.description : null,
      options: Array.isArray(property?.enum)
        ? property.enum.map((value) => ({ value: String(value), title: null }))
        : [],
    }),
  );
}

export function priceMethods(client: PorkbunClient): Partial<RegistrarMethods> {
  async function checkAvailability(domain: string, opts?: CallOptions): Promise<Availability> {
    const name = domainName(domain, 'checkAvailability');
    const base = { provider: PROVIDER, domain: name, suggestions: [] as string[] };
    let check: PorkbunCheck;
    try {
      check = await checkDomain(client, name, 'checkAvailability', opts);
    } catch (error) {
      if (isRegistrarError(error) && UNREGISTRABLE_CODES.has(error.code)) {
        return {
          ...base,
          available: false,
          status: 'unregistrable',
          premium: false,
          price: null,
          reason: error.message,
          providerStatus: [error.code],
          raw: null,
        };
      }
      throw error;
    }
    const available = flag(check.avail) === true;
    const premium = flag(check.premium) === true;
    return {
      ...base,
      available,
      status: !available ? 'registered' : premium ? 'premium' : 'available',
      premium,
      price: money(check.price, CURRENCY),
      reason: available && premium ? "premium names cannot be bought through Porkbun's API" : null,
      providerStatus: [`avail:${String(check.avail)}`, ...(premium ? ['premium'] : [])],
      raw: check,
    };
  }

  async function getPrice(domain: string, opts: PriceOptions = {}): Promise<PriceQuote> {
    const name = domainName(domain, 'getPrice');
    const operation = opts.operation ?? 'register';
    if (operation === 'restore')
      throw new UnsupportedOperationError(PROVIDER, 'getPrice', 'Porkbun quotes no restore price');
    const check = await checkDomain(client, name, 'getPrice', opts);
    const minimum = minimumYears(check);
    if (opts.years !== undefined) assertMinimumTerm(opts.years, minimum, tldOf(name), 'getPrice');
    const yearly = yearlyPrice(check, operation, 'getPrice');
    const renewal = check.additional?.renewal?.price;
    return {
      provider: PROVIDER,
      domain: name,
      operation,
      years: minimum,
      price: { amount: multiplyDecimal(yearly.amount, minimum), currency: CURRENCY },
      premium: flag(check.premium) === true,
      available: operation === 'register' ? flag(check.avail) === true : null,
      renewalPrice: renewal === undefined || renewal === null ? null : money(renewal, CURRENCY),
    };
  }

  async function listTldPrices(opts?: CallOptions): Promise<TldPrice[]> {
    const data = await client.sendPublic(
      { operation: 'listTldPrices', method: 'GET', path: '/pricing/get', schema: PricingSchema },
      opts,
    );
    const price = (amount: string | number | null | undefined) =>
      amount === undefined || amount === null ? null : money(amount, CURRENCY);
    return Object.entries(data.pricing).map(([tld, entry]) => ({
      provider: PROVIDER,
      tld: providerZone(tld, `pricing.${tld}`, { provider: PROVIDER, operation: 'listTldPrices' }),
      register: price(entry.registration),
      renew: price(entry.renewal),
      transfer: price(entry.transfer),
      restore: null,
    }));
  }

  async function getTldRequirements(tld: string, opts?: CallOptions): Promise<TldRequirements> {
    const bare = domainName(`x.${String(tld).replace(/^\./, '')}`, 'getTldRequirements').slice(2);
    const data = await readRequirements(client, bare, 'getTldRequirements', opts);
    const years = Number(data.registrationDurationYears);
    return {
      provider: PROVIDER,
      tld: bare,
      // The API registers and renews for this term only (docs/providers/porkbun.md#pricing-and-availability).
      minYears: years,
      maxYears: years,
      whoisPrivacy: flag(data.whoisPrivacySupported),
      autoRenewOnly: null,
      extendedAttributes: extendedAttributes(data.registryRequirements),
      raw: data,
    };
  }

  return { checkAvailability, getPrice, listTldPrices, getTldRequirements };
}
