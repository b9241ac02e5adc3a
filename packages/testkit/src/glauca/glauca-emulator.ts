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
import { resolveSeed, seedInfoOf } from '../emulator/seed-data.js';
import type { TransferRegistry } from '../emulator/transfer-registry.js';
import { authenticate, DEFAULT_PAT, DEFAULT_TOKEN } from './glauca-auth.js';
import { contactRoutes } from './glauca-contact-routes.js';
import { domainRoutes } from './glauca-domain-routes.js';
import { NOT_FOUND } from './glauca-errors.js';
import { glaucaHostile } from './glauca-hostile.js';
import { toPence } from './glauca-money.js';
import { orderRoutes } from './glauca-order-routes.js';
import { type GlaucaSourceBug, resolveSourceBugs } from './glauca-source-bugs.js';
import { GLAUCA_REGISTRAR_ID, type GlaucaDomainPreset, GlaucaState } from './glauca-state.js';
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
  /**
   * Bearer tokens whose audience is HexDNS. Glauca and HexDNS each check that a token's audience is
   * their own: when set, HexDNS routes accept only these (the domains tokens get 403 "Invalid
   * token") and the domains routes refuse them. Default: unset, one token works on both.
   */
  dnsTokens?: string[];
  /**
   * Answer as Glauca's published source would on its broken paths (glauca-source-bugs.ts): `true`
   * for every one, or a list of names. Default off: the documented behaviour.
   */
  sourceBugs?: boolean | GlaucaSourceBug[];
  /**
   * The registry's reason text that `check` gives for a taken name (`null`: the registry gave no
   * reason, answered `available: false, reason: null`). Default "In use" for every taken name.
   */
  checkReasons?: Record<string, string | null>;
  /**
   * Orders stay in their first unfinished state until this many ms after creation, then complete on
   * the next GET. Default: one state further per GET (see glauca-order-engine.ts).
   */
  orderDelayMs?: number;
  /** A registry shared with another emulator, so a domain can move between them (emulator/transfer-registry.ts). */
  registry?: TransferRegistry;
  /** Creation / last-transfer dates of standard names (ISO strings), e.g. for the 60-day transfer lock. */
  domainDates?: Record<string, { created?: string; lastTransferred?: string }>;
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
    dnsTokens: options.dnsTokens ?? null,
    sourceBugs: resolveSourceBugs(options.sourceBugs),
    checkReasons: options.checkReasons ?? {},
    orderDelayMs: options.orderDelayMs ?? null,
    registry: options.registry,
    domainDates: options.domainDates ?? {},
  });
  options.registry?.attach(GLAUCA_REGISTRAR_ID, {
    lookup: (name) => {
      const domain = state.domainByName(name);
      if (!domain || domain.deleted) return undefined;
      return {
        authCode: domain.authInfo,
        clientTransferProhibited: domain.statuses.includes('client_transfer_prohibited'),
        serverTransferProhibited: domain.statuses.includes('server_transfer_prohibited'),
        pendingTransfer: domain.statuses.includes('pending_transfer'),
        createdAt: domain.created,
        lastTransferredAt: domain.lastTransferred,
      };
    },
    // Transferred away: gone from the domain list ("former" domains are excluded); the HexDNS zone stays.
    release: (name) => {
      const domain = state.domainByName(name);
      if (domain) state.domains.delete(domain.id);
    },
  });

  const bucket = options.rateLimit ? 'proxy' : undefined;
  const apiRoutes = [
    ...domainRoutes(state),
    ...orderRoutes(state),
    ...contactRoutes(state),
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
      ...seedInfoOf(seed, 'GBP', {
        token: tokens[0] ?? DEFAULT_TOKEN,
        personalAccessToken: pats[0] ?? DEFAULT_PAT,
        ...(options.dnsTokens?.[0] === undefined ? {} : { dnsToken: options.dnsTokens[0] }),
      }),
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
