/**
 * Loopback emulator of Domainr: the v2 API (`/v2/status`, `/v2/search`, `/v2/register`, on
 * api.domainr.com or RapidAPI) and its successor, Fastly's Domain Research API
 * (`/domain-management/v1/tools/status` and `/tools/suggest`), on one server. Written from
 * Domainr's and Fastly's public documentation only, as summarised in docs/providers/domainr.md.
 *
 * Domainr is read-only: no accounts, no domains, no money (the ledger stays empty).
 * Default credentials: `client_id` 'domainr-test-client', RapidAPI key 'domainr-test-rapidapi-key'
 * (`mashape-key` parameter, or `X-RapidAPI-Key` + `X-RapidAPI-Host: domainr.p.rapidapi.com`),
 * Fastly token 'fastly-test-token' (`Fastly-Key`).
 */
import { startEmulatorServer } from '../emulator/emulator-server.js';
import type {
  CommonEmulatorOptions,
  EmulatorApp,
  RateLimitBucket,
  RunningEmulator,
} from '../emulator/emulator-types.js';
import { authenticateDomainr, isFastlyPath } from './domainr-auth.js';
import { asJsonp } from './domainr-jsonp.js';
import { domainrV2Routes } from './domainr-routes.js';
import {
  createDomainrState,
  DEFAULT_DOMAINR_BUCKETS,
  type DomainrState,
  type DomainrStateOptions,
} from './domainr-state.js';
import { fastlyRoutes } from './fastly-routes.js';

export interface DomainrEmulatorOptions extends CommonEmulatorOptions, Omit<DomainrStateOptions, 'seed'> {
  /** Override the rate-limit buckets (`v2`: the Domainr host, `fastly`: the Domain Research tools). */
  buckets?: Partial<Record<'v2' | 'fastly', RateLimitBucket>>;
}

/** The Domainr app (routes, auth, error body) over a state, for `startEmulatorServer`. */
export function createDomainrApp(
  state: DomainrState,
  options: DomainrEmulatorOptions = {},
): EmulatorApp<DomainrState> {
  return {
    name: 'domainr',
    state,
    routes: [...domainrV2Routes(state), ...fastlyRoutes(state)],
    buckets: { ...DEFAULT_DOMAINR_BUCKETS, ...options.buckets },
    authenticate(req) {
      const denied = authenticateDomainr(state, req);
      if (denied === null || isFastlyPath(req.path)) return denied;
      return asJsonp(req, denied);
    },
    // `{"message": ...}` (docs/providers/domainr.md#errors). Used by the server for unknown routes,
    // 429 and injected faults on every path (it has no request context), so the Fastly paths get
    // this body for those too. Fastly paths answer Fastly's `{ msg }`; everything else Domainr's
    // `{ message }`.
    errorBody: (_status, message, req) =>
      req?.path.startsWith('/domain-management/') ? { msg: message } : { message },
    ledger: [],
    seedInfo: {
      ownedDomains: [...state.seed.domainNames],
      idnDomain: state.seed.idnDomain,
      availableName: state.seed.availableName,
      registeredName: state.seed.registeredName,
      premiumName: state.seed.premiumName,
      // Domainr quotes no registration prices; this is the seeded price, for generic tests.
      premiumPrice: state.seed.premiumPrice,
      // Fastly aftermarket offers are in USD.
      currency: 'USD',
      tldPrices: structuredClone(state.seed.tldPrices),
      credentials: {
        clientId: state.credentials.clientId,
        rapidApiKey: state.credentials.rapidApiKey,
        fastlyToken: state.credentials.fastlyToken,
      },
    },
  };
}

export function startDomainrEmulator(
  options: DomainrEmulatorOptions = {},
): Promise<RunningEmulator<DomainrState>> {
  const state = createDomainrState({ ...options, seed: options.seed });
  return startEmulatorServer(createDomainrApp(state, options), options);
}
