/**
 * Utility, pricing and availability routes: `/ping`, `/ip`, `/pricing/get` (public),
 * `/domain/checkDomain/{domain}` (POST only, 1 check per 10 s) and
 * `/domain/getRegistrationRequirements/{tld}`. docs/providers/porkbun.md#pricing-and-availability.
 */
import type { EmulatorRequest, EmulatorRoute } from '../emulator/emulator-types.js';
import { isValidDomainName } from '../emulator/seed-data.js';
import { defineRoutes, ok, type PorkbunContext } from './porkbun-context.js';
import { PorkbunError } from './porkbun-errors.js';
import { toCents } from './porkbun-money.js';
import { bodyOf, credentialsOf, pathDomain } from './porkbun-request.js';
import { emptyMap } from './porkbun-shapes.js';

/** Every seeded TLD has a one-year minimum term. */
export const MIN_DURATION_YEARS = 1;
export const MAX_REGISTRATION_YEARS = 10;

export interface Quote {
  tld: string;
  premium: boolean;
  /** Registration price per year as Porkbun quotes it (decimal USD). */
  registration: string;
  renewal: string;
  transfer: string;
}

/** The quote of a valid name in a seeded TLD, or null when the TLD is not sold. */
export function quoteOf(ctx: PorkbunContext, name: string): Quote | null {
  const seed = ctx.state.seed;
  const tld = seed.tldOf(name);
  if (tld === null) return null;
  return {
    tld,
    premium: seed.availability(name) === 'premium',
    registration: seed.priceOf(name, 'register')!,
    renewal: seed.priceOf(name, 'renew')!,
    transfer: seed.priceOf(name, 'transfer')!,
  };
}

/** The exact `cost` in cents an order must send: price × minimum duration. */
export function orderCents(price: string): number {
  return toCents(price) * MIN_DURATION_YEARS;
}

/** The checked domain name from the path (400 `INVALID_DOMAIN` when malformed). */
export function validPathName(req: EmulatorRequest): string {
  const name = pathDomain(req);
  if (!isValidDomainName(name)) throw new PorkbunError('INVALID_DOMAIN');
  return name;
}

function clientIp(req: EmulatorRequest): { yourIp: string; xForwardedFor: string } {
  const forwarded = req.headers['x-forwarded-for'];
  const yourIp = '127.0.0.1';
  return { yourIp, xForwardedFor: (Array.isArray(forwarded) ? forwarded[0] : forwarded) ?? yourIp };
}

function requestSchema() {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      apikey: { type: 'string' },
      secretapikey: { type: 'string' },
      cost: { type: 'integer' },
      agreeToTerms: { type: 'string', enum: ['yes', '1'] },
      whoisPrivacy: { type: ['boolean', 'string'] },
    },
    required: ['apikey', 'secretapikey', 'cost', 'agreeToTerms'],
    additionalProperties: false,
  };
}

export function catalogRoutes(
  ctx: PorkbunContext,
  checkCredentials: (req: EmulatorRequest) => void,
): EmulatorRoute[] {
  const shapes = ctx.settings.shapes;
  return defineRoutes(ctx, [
    {
      methods: 'both',
      paths: ['/ping'],
      operation: 'ping',
      public: true,
      handler: (req) => {
        // Credentials are optional here; when present they must be valid.
        const presented = checkCredentialsIfAny(req, checkCredentials);
        return ok({ ...clientIp(req), ...(presented ? { credentialsValid: true } : {}) });
      },
    },
    { methods: 'both', paths: ['/ip'], operation: 'ip', public: true, handler: (req) => ok(clientIp(req)) },
    {
      methods: 'both',
      paths: ['/pricing/get'],
      operation: 'listTldPrices',
      public: true,
      handler: (req) => {
        const wanted = req.method === 'POST' ? bodyOf(req).tlds : undefined;
        const filter = Array.isArray(wanted) ? new Set(wanted.map((t) => String(t).toLowerCase())) : null;
        const pricing: Record<string, unknown> = {};
        for (const [tld, price] of Object.entries(ctx.state.seed.tldPrices)) {
          if (filter && !filter.has(tld)) continue;
          const entry: Record<string, unknown> = {
            registration: price.register,
            renewal: price.renew,
            transfer: price.transfer,
          };
          if (shapes === 'observed') entry.coupons = emptyMap(shapes);
          pricing[tld] = entry;
        }
        return ok({ pricing }, { 'access-control-allow-origin': '*' });
      },
    },
    {
      methods: 'POST',
      paths: ['/domain/checkDomain/:domain'],
      operation: 'checkAvailability',
      handler: (req) => {
        const { limits, ttlRemaining } = ctx.limits.checkDomain.take();
        const name = validPathName(req);
        const quote = quoteOf(ctx, name);
        if (!quote) throw new PorkbunError('INVALID_TLD');
        const available = ctx.state.seed.availability(name) !== 'registered' && !ctx.state.domains.has(name);
        const pair = (type: string, price: string) => ({ type, price, regularPrice: price });
        return ok({
          response: {
            avail: available ? 'yes' : 'no',
            type: 'registration',
            price: quote.registration,
            firstYearPromo: 'no',
            regularPrice: quote.registration,
            premium: quote.premium ? 'yes' : 'no',
            minDuration: MIN_DURATION_YEARS,
            additional: {
              renewal: pair('renewal', quote.renewal),
              transfer: pair('transfer', quote.transfer),
            },
          },
          limits,
          ttlRemaining,
        });
      },
    },
    {
      methods: 'both',
      paths: ['/domain/getRegistrationRequirements/:tld'],
      operation: 'getTldRequirements',
      handler: (req) => {
        const tld = (req.params.tld ?? '').toLowerCase().replace(/^\./, '');
        if (!Object.hasOwn(ctx.state.seed.tldPrices, tld)) throw new PorkbunError('INVALID_TLD');
        return ok({
          tld,
          apiRegisterable: true,
          registrationDurationYears: MIN_DURATION_YEARS,
          maxRegistrationYears: MAX_REGISTRATION_YEARS,
          whoisPrivacySupported: true,
          requiresValidatedAddress: false,
          registrantOnly: false,
          requestSchema: requestSchema(),
          registryRequirements: null,
        });
      },
    },
  ]);
}

function checkCredentialsIfAny(req: EmulatorRequest, check: (req: EmulatorRequest) => void): boolean {
  if (credentialsOf(req).source === 'none') return false;
  check(req);
  return true;
}
