/**
 * State of the Domainr emulator. Domainr is read-only (no accounts, domains or money), so the state
 * is the name → status table, the zones used for suggestions, the accepted credentials and a few
 * switches for documented-but-optional behaviour.
 */
import type { RateLimitBucket, SeedOptions } from '../emulator/emulator-types.js';
import { type ResolvedSeed, resolveSeed } from '../emulator/seed-data.js';
import { buildStatusTable, type DomainrStatusEntry, knownZones } from './domainr-status-table.js';

export const DEFAULT_DOMAINR_CLIENT_ID = 'domainr-test-client';
export const DEFAULT_DOMAINR_RAPIDAPI_KEY = 'domainr-test-rapidapi-key';
/** The RapidAPI gateway host of Domainr (sent as `X-RapidAPI-Host`). */
export const DOMAINR_RAPIDAPI_HOST = 'domainr.p.rapidapi.com';
export const DEFAULT_FASTLY_TOKEN = 'fastly-test-token';

/**
 * Rate limits: neither Domainr nor Fastly publishes one for these endpoints
 * (docs/providers/domainr.md#rate-limits).
 * Chosen: 1000 requests per minute per bucket, one bucket for the v2 host and one for the Fastly
 * Domain Research tools. Override with the `buckets` option (and `timeScale`) in tests.
 */
export const DEFAULT_DOMAINR_BUCKETS: Readonly<Record<'v2' | 'fastly', RateLimitBucket>> = {
  v2: { limit: 1000, intervalMs: 60_000 },
  fastly: { limit: 1000, intervalMs: 60_000 },
};

/** Registrars known to the `registrar`/`vendor` filter → the zones they sell. */
export const DEFAULT_DOMAINR_REGISTRARS: Readonly<Record<string, string[]>> = {
  'dnsimple.com': ['com', 'net', 'org', 'io', 'dev', 'co.uk'],
  'namecheap.com': ['com', 'net', 'org', 'io', 'co.uk'],
  'example-registrar.com': ['com'],
};

export interface DomainrCredentials {
  /** `client_id` query parameter on api.domainr.com. */
  clientId: string;
  /** RapidAPI key: `mashape-key` query parameter or `X-RapidAPI-Key` header. */
  rapidApiKey: string;
  /** Fastly API token: `Fastly-Key` header. */
  fastlyToken: string;
}

/** Requests the Fastly Domain Research API would bill, per method (no money is charged: counts only). */
export interface FastlyUsage {
  suggest: number;
  statusPrecise: number;
  statusEstimated: number;
}

export interface DomainrState {
  seed: ResolvedSeed;
  credentials: DomainrCredentials;
  /** ASCII name → status entry. Tests may add or change entries at run time. */
  statusTable: Map<string, DomainrStatusEntry>;
  /** Zones used for suggestions, in the order they are suggested. */
  zones: string[];
  /** Registrar (or Fastly vendor) domain name → zones it sells. Unknown registrars do not filter. */
  registrars: Record<string, string[]>;
  /** Registrar that `/v2/register` redirects to when the request names none. */
  defaultRegistrar: string;
  /** When true (default) the header form of RapidAPI auth needs `X-RapidAPI-Host: domainr.p.rapidapi.com`. */
  requireRapidApiHost: boolean;
  /**
   * How v2 status answers an invalid name: `'status'` (default) with the documented `invalid` flag,
   * or `'errors'`, the undocumented `200 {"errors":[{code,message,detail}]}` body third-party clients
   * handle (docs/providers/domainr.md#v2-status), to exercise defensive parsing.
   */
  invalidNameResponse: 'status' | 'errors';
  /** The Fastly Domain Research product is off by default on real accounts; the emulator's is on. */
  fastlyProductEnabled: boolean;
  fastlyUsage: FastlyUsage;
}

export interface DomainrStateOptions {
  seed?: SeedOptions;
  credentials?: Partial<DomainrCredentials>;
  /** Extra name → flags (or full entries), added after (and overriding) the built-in table. */
  statuses?: Record<string, string | DomainrStatusEntry>;
  registrars?: Record<string, string[]>;
  requireRapidApiHost?: boolean;
  invalidNameResponse?: 'status' | 'errors';
  fastlyProductEnabled?: boolean;
}

export function createDomainrState(options: DomainrStateOptions = {}): DomainrState {
  const seed = resolveSeed(options.seed);
  return {
    seed,
    credentials: {
      clientId: options.credentials?.clientId ?? DEFAULT_DOMAINR_CLIENT_ID,
      rapidApiKey: options.credentials?.rapidApiKey ?? DEFAULT_DOMAINR_RAPIDAPI_KEY,
      fastlyToken: options.credentials?.fastlyToken ?? DEFAULT_FASTLY_TOKEN,
    },
    statusTable: buildStatusTable(seed, options.statuses),
    zones: Object.keys(seed.tldPrices),
    registrars: structuredClone(options.registrars ?? { ...DEFAULT_DOMAINR_REGISTRARS }),
    defaultRegistrar: 'dnsimple.com',
    requireRapidApiHost: options.requireRapidApiHost ?? true,
    invalidNameResponse: options.invalidNameResponse ?? 'status',
    fastlyProductEnabled: options.fastlyProductEnabled ?? true,
    fastlyUsage: { suggest: 0, statusPrecise: 0, statusEstimated: 0 },
  };
}

/** Every zone known for `zone` fields (sold zones and their parent TLDs). */
export function allZones(state: DomainrState): string[] {
  return knownZones(state.seed);
}
