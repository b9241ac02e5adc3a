/**
 * `createDomainr`: Domainr v2 (api.domainr.com with a `client_id`, or the RapidAPI host with a
 * RapidAPI key) or its successor, Fastly's Domain Research API (`api: 'fastly'`, a Fastly token).
 * Domainr is a search and availability service, not a registrar (docs/providers/domainr.md): only
 * `checkAvailability`, `suggestDomains` (and, on Fastly, `getPrice` from aftermarket offers) exist;
 * every other method rejects with `UnsupportedOperationError`.
 */
import { type DomainSuggestion, defineRegistrar, type Registrar } from '@registrar-kit/core';
import {
  type CheckManyOptions,
  checkAvailabilityManyWith,
  type DomainrCheckResult,
} from './domainr-check-many.js';
import { createDomainrClient, type DomainrApi, type DomainrOptions, PROVIDER } from './domainr-client.js';
import { fastlyDomainMethods } from './domainr-fastly-domains.js';
import type { DomainrSuggestOptions } from './domainr-inputs.js';
import { v2DomainMethods } from './domainr-v2-domains.js';

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

/**
 * Creates a Domainr `Registrar`. v2 (default): `clientId` → api.domainr.com with `client_id`;
 * `rapidApiKey` → domainr.p.rapidapi.com with `X-RapidAPI-Key`/`X-RapidAPI-Host`; without either
 * option, `DOMAINR_CLIENT_ID` then `DOMAINR_RAPIDAPI_KEY` are read on every call.
 * `api: 'fastly'`: api.fastly.com with `Fastly-Key` (`fastlyToken` or `FASTLY_API_TOKEN`).
 */
export function createDomainr(options: DomainrOptions = {}): DomainrRegistrar {
  const client = createDomainrClient(options);
  const methods =
    client.api === 'fastly' ? fastlyDomainMethods(client, options.scope) : v2DomainMethods(client);
  return defineRegistrar<DomainrExtras>(
    PROVIDER,
    methods,
    {
      api: client.api,
      checkAvailabilityMany: checkAvailabilityManyWith(methods.checkAvailability),
      suggestDomains: methods.suggestDomains,
    },
    { close: () => client.close() },
  );
}
