/** Public types of the Domainr adapter: options, adapter-specific methods and their results. */
import type {
  Availability,
  CallOptions,
  DomainSuggestion,
  Registrar,
  RegistrarError,
  SuggestOptions,
  TransportUserOptions,
} from '@registrar-kit/core';

/** `v2`: Domainr's v2 API (default); `fastly`: Fastly's Domain Research API, Domainr's successor. */
export type DomainrApi = 'v2' | 'fastly';
/** Fastly `tools/status` scope: `precise` (registry level, Fastly's default) or `estimate` (DNS + aftermarket; literal unconfirmed). */
export type FastlyStatusScope = 'precise' | 'estimate';

export interface DomainrOptions extends TransportUserOptions {
  /** Which API to call (default `v2`). */
  api?: DomainrApi;
  /** v2 on api.domainr.com: sent as the `client_id` query parameter. Env `DOMAINR_CLIENT_ID`. */
  clientId?: string;
  /** v2 through RapidAPI: sent as the `X-RapidAPI-Key` header. Env `DOMAINR_RAPIDAPI_KEY`. */
  rapidApiKey?: string;
  /** `X-RapidAPI-Host` header sent with a RapidAPI key (default `domainr.p.rapidapi.com`). */
  rapidApiHost?: string;
  /** `api: 'fastly'`: a Fastly API token, sent as the `Fastly-Key` header. Env `FASTLY_API_TOKEN`. */
  fastlyToken?: string;
  /** `api: 'fastly'`: the `scope` of `tools/status`; not sent when absent (Fastly's default, Precise). */
  scope?: FastlyStatusScope;
}

/** `suggestDomains` options: `tlds` → Domainr `defaults`; `registrar` → v2 `registrar` / Fastly `vendor`. */
export type DomainrSuggestOptions = SuggestOptions & {
  /** Two-letter country code overriding Domainr's IP geolocation (affects suggested ccTLDs). */
  location?: string;
  /** A registrar's domain name (e.g. `namecheap.com`): only zones it sells. */
  registrar?: string;
  /** `api: 'fastly'` only: extra keywords to seed results (not documented for v2). */
  keywords?: string[];
};

export interface CheckManyOptions extends Omit<CallOptions, 'idempotencyKey'> {
  /** Requests in flight at once (default 4); every request also waits for the rate limiter. */
  concurrency?: number;
}

/** One name's outcome in `checkAvailabilityMany`; `name` is the name as given. */
export type DomainrCheckResult =
  | { name: string; result: Availability }
  | { name: string; error: RegistrarError };

export interface DomainrExtras {
  /** The API this instance calls. */
  readonly api: DomainrApi;
  /**
   * Checks many names, one request per name (the API takes one name per call), at most
   * `concurrency` at once under the rate limiter, yielding each outcome as it completes. A failure
   * (including an invalid name, refused without a request) is that name's `error`, never the whole
   * iteration's; an abort of `signal` ends the iteration with an aborted `NetworkError`, and a
   * `break` stops further requests.
   */
  checkAvailabilityMany(names: Iterable<string>, opts?: CheckManyOptions): AsyncIterable<DomainrCheckResult>;
  suggestDomains(query: string, opts?: DomainrSuggestOptions): Promise<DomainSuggestion[]>;
}

export type DomainrRegistrar = Registrar & DomainrExtras;
