/**
 * The Glauca emulator: the domains API (`/api/domains/…`, orders, contacts) and the HexDNS API
 * (`/api/dns_zones/…`, `/api/zone_*_records/…`) on ONE loopback server. Point both the adapter's
 * `baseURL` and its `dnsBaseURL` at `emulator.url`.
 *
 * Behaviour where the docs are silent or the published source looks broken is documented at the
 * place it is implemented (glauca-checks.ts, glauca-order-engine.ts, hexdns-routes.ts, …).
 */

import { startEmulatorServer } from '../emulator/emulator-server.js';
import type {
  CommonEmulatorOptions,
  EmulatorApp,
  EmulatorRoute,
  RateLimitBucket,
  RunningEmulator,
} from '../emulator/emulator-types.js';
import { resolveSeed } from '../emulator/seed-data.js';
import { authenticate, DEFAULT_PAT, DEFAULT_TOKEN } from './glauca-auth.js';
import { domainRoutes } from './glauca-domain-routes.js';
import { NOT_FOUND } from './glauca-errors.js';
import { glaucaHostile } from './glauca-hostile.js';
import { toPence } from './glauca-money.js';
import { orderRoutes } from './glauca-order-routes.js';
import { type GlaucaDomainPreset, GlaucaState } from './glauca-state.js';
import { hexdnsRoutes } from './hexdns-routes.js';

export interface GlaucaEmulatorOptions extends CommonEmulatorOptions {
  /** Accepted `Authorization: Bearer` tokens (replaces the default `['glauca-test-token']`). */
  tokens?: string[];
  /** Accepted `Authorization: X-AS207960-PAT` tokens (replaces the default `['glauca-test-pat']`). */
  personalAccessTokens?: string[];
  /** Account balance in GBP (`'50.00'`); default unlimited. Orders beyond it fail or need payment. */
  balance?: string;
  /** Orders complete at creation instead of one state per poll. Default false. */
  instantOrders?: boolean;
  /**
   * Special states of standard names (`{ 'test-domain-1.com': 'redemption' }`). Default: the 2nd
   * domain transfer-locked, the 3rd pending transfer, the 4th in redemption (IDN domain excluded).
   */
  domainStates?: Record<string, GlaucaDomainPreset>;
  /** Auth codes the losing registrar expects per name; a transfer order with another code fails. */
  transferAuthCodes?: Record<string, string>;
  /** Run the web UI's record checks (CNAME at apex, CNAME beside other records). Default false, as the API. */
  modelValidation?: boolean;
  /**
   * Glauca documents 429 but no limit (any 429 comes from a proxy). Default: no limit. Set a bucket
   * (`{ limit: 10, intervalMs: 60_000 }`) to throttle every API route as one proxy bucket.
   */
  rateLimit?: RateLimitBucket;
}

/** Django's APPEND_SLASH: a path without its trailing slash gets a 301 to the slashed path. */
function appendSlashRoutes(routes: EmulatorRoute[]): EmulatorRoute[] {
  const seen = new Set<string>();
  const redirects: EmulatorRoute[] = [];
  for (const route of routes) {
    const path = route.path.replace(/\/$/, '');
    const key = `${route.method} ${path}`;
    if (path === route.path || seen.has(key)) continue;
    seen.add(key);
    redirects.push({
      method: route.method,
      path,
      operation: 'appendSlash',
      public: true,
      handler: (req) => {
        const query = new URLSearchParams(req.query).toString();
        return { status: 301, headers: { location: `${req.path}/${query ? `?${query}` : ''}` } };
      },
    });
  }
  return redirects;
}

export function createGlaucaApp(options: GlaucaEmulatorOptions = {}): EmulatorApp<GlaucaState> {
  const seed = resolveSeed(options.seed);
  const ledger: EmulatorApp<GlaucaState>['ledger'] = [];
  const tokens = options.tokens ?? [DEFAULT_TOKEN];
  const pats = options.personalAccessTokens ?? [DEFAULT_PAT];
  const state = new GlaucaState(seed, ledger, {
    tokens,
    personalAccessTokens: pats,
    balancePence: options.balance === undefined ? null : toPence(options.balance),
    instantOrders: options.instantOrders ?? false,
    domainStates: options.domainStates,
    transferAuthCodes: options.transferAuthCodes ?? {},
  });

  const bucket = options.rateLimit ? 'proxy' : undefined;
  const apiRoutes = [
    ...domainRoutes(state),
    ...orderRoutes(state),
    ...hexdnsRoutes(state, { modelValidation: options.modelValidation ?? false }),
  ].map((route) => (bucket ? { ...route, bucket } : route));

  return {
    name: 'glauca',
    state,
    routes: [...apiRoutes, ...appendSlashRoutes(apiRoutes)],
    buckets: options.rateLimit ? { proxy: options.rateLimit } : {},
    authenticate: (req) => authenticate(state, req),
    errorBody: (status, message) => {
      // DRF's texts for the generic cases.
      if (status === 404) return { detail: NOT_FOUND };
      if (status === 429) return { detail: 'Request was throttled.' };
      if (status === 400 && /json/i.test(message)) return { detail: `JSON parse error - ${message}` };
      if (status >= 500 && !/fault/i.test(message)) return { detail: 'A server error occurred.' };
      return { detail: message };
    },
    ledger,
    seedInfo: {
      ownedDomains: [...seed.domainNames],
      idnDomain: seed.idnDomain,
      availableName: seed.availableName,
      registeredName: seed.registeredName,
      premiumName: seed.premiumName,
      premiumPrice: seed.premiumPrice,
      currency: 'GBP',
      tldPrices: structuredClone(seed.tldPrices),
      credentials: { token: tokens[0] ?? DEFAULT_TOKEN, personalAccessToken: pats[0] ?? DEFAULT_PAT },
      contactId: state.defaultContactId,
    },
    hostile: glaucaHostile(state),
  };
}

/** Starts the Glauca emulator on 127.0.0.1 (a free port unless `port` is given). */
export function startGlaucaEmulator(
  options: GlaucaEmulatorOptions = {},
): Promise<RunningEmulator<GlaucaState>> {
  return startEmulatorServer(createGlaucaApp(options), options);
}
