/**
 * `createGlauca(options)`: the Glauca Digital domains API (`https://domains.glauca.digital/api/`)
 * and HexDNS (`https://dns.glauca.digital/api/`) behind the `Registrar` interface. This file holds
 * the factory, authentication and the name → id resolution shared by the method files
 * (glauca-domains.ts, glauca-orders.ts, glauca-records.ts).
 */
import {
  AuthenticationError,
  type CallOptions,
  type ContactIds,
  type Credentials,
  createTransport,
  defineRegistrar,
  encodePathSegment,
  NotFoundError,
  normalizeDomainName,
  paginate,
  plainCause,
  type Registrar,
  type RequestSpec,
  requestOptions,
  type Transport,
  type TransportUserOptions,
  urlPath,
  ValidationError,
} from '@registrar-kit/core';
import { makeDomainMethods } from './glauca-domains.js';
import { parseGlaucaError } from './glauca-errors.js';
import { makeOrderMethods } from './glauca-orders.js';
import { makeRecordMethods } from './glauca-records.js';
import {
  GlaucaDomainListSchema,
  type GlaucaDomainPayload,
  GlaucaDomainPayloadSchema,
  HexZonePageSchema,
  HexZoneSchema,
} from './glauca-schemas.js';
import type { GlaucaExtras } from './glauca-types.js';
import { isName } from './glauca-values.js';

export const GLAUCA_BASE_URL = 'https://domains.glauca.digital';
export const GLAUCA_SANDBOX_BASE_URL = 'https://domains.test.glauca.digital';
export const HEXDNS_BASE_URL = 'https://dns.glauca.digital';
export const GLAUCA_TOKEN_ENV = 'GLAUCA_TOKEN';
/** HexDNS zones are read in pages of this size when a zone is looked up by name (DRF default). */
export const ZONE_PAGE_SIZE = 25;

export interface GlaucaTokenContext {
  /** True after the API refused the previous token (403 `Invalid token`): return a fresh one. */
  forceRefresh: boolean;
}

export interface GlaucaOptions extends TransportUserOptions {
  /** OAuth access token, sent as `Authorization: Bearer …`. Default: `GLAUCA_TOKEN`, read at request time. */
  token?: string;
  /**
   * Returns an OAuth access token; called before every request (Glauca's tokens live minutes), and
   * once more with `forceRefresh: true` after the API refused a token.
   */
  getToken?: (context: GlaucaTokenContext) => string | Promise<string>;
  /** Personal access token, sent as `Authorization: X-AS207960-PAT …`. */
  personalAccessToken?: string;
  /** Use the Glauca test host `https://domains.test.glauca.digital` (domains API only). */
  sandbox?: boolean;
  /** Scheme and host of HexDNS (default `https://dns.glauca.digital`); `/api/…` is appended. */
  dnsBaseURL?: string;
  /** Default contact ids for registration and transfer orders (the registrant is required). */
  contacts?: ContactIds;
  /** `auto_reverse` for new A/AAAA records (HexDNS default: true, also serve a PTR). Default: not sent. */
  autoReverse?: boolean;
  /** Clock used to tell `expired` from `active` (default: the system clock). */
  now?: () => Date;
}

export type GlaucaRegistrar = Registrar & GlaucaExtras;

/** What the method files share. */
export interface GlaucaContext {
  /** Sends a domains-API request; checks that a credential exists first. */
  domains<T>(spec: RequestSpec<T>): Promise<T>;
  /** Sends a HexDNS request; checks that a credential exists first. */
  dns<T>(spec: RequestSpec<T>): Promise<T>;
  /** A domain name (any case, Unicode, trailing dot) or a Glauca domain id → the domain id. */
  resolveDomainId(domain: string, opts: CallOptions | undefined, operation: string): Promise<string>;
  /** Forgets a cached name → id mapping (after a 404). */
  forgetDomainId(id: string): void;
  /** A zone name, a HexDNS zone id or a Glauca domain id → the zone's id and root. */
  resolveZone(
    domain: string,
    opts: CallOptions | undefined,
    operation: string,
  ): Promise<{ id: string; root: string }>;
  /** The zone name when `domain` is a name (no request), else null. */
  zoneHint(domain: string): string | null;
  now(): Date;
  contacts: ContactIds;
  autoReverse: boolean | undefined;
}

export { isName } from './glauca-values.js';

function checkOptions(options: GlaucaOptions): void {
  const given = (['token', 'getToken', 'personalAccessToken'] as const).filter(
    (key) => options[key] !== undefined,
  );
  if (given.length > 1) {
    throw new ValidationError(
      `glauca: pass only one of token, getToken, personalAccessToken (got ${given.join(', ')})`,
      {
        provider: 'glauca',
        operation: 'createGlauca',
        issues: given.map((key) => ({ path: key, message: 'only one credential option may be set' })),
      },
    );
  }
  if (options.getToken !== undefined && typeof options.getToken !== 'function') {
    throw new ValidationError('glauca: getToken must be a function', {
      provider: 'glauca',
      operation: 'createGlauca',
      issues: [{ path: 'getToken', message: 'must be a function' }],
    });
  }
}

export function createGlauca(options: GlaucaOptions = {}): GlaucaRegistrar {
  checkOptions(options);
  let forceRefresh = false;

  const missingCredential = (operation: string) =>
    new AuthenticationError(
      `glauca ${operation}: no credential: set the ${GLAUCA_TOKEN_ENV} environment variable or pass the token (or getToken / personalAccessToken) option`,
      { provider: 'glauca', operation },
    );

  const hasCredential = (): boolean =>
    options.getToken !== undefined ||
    Boolean(options.personalAccessToken) ||
    Boolean(options.token) ||
    Boolean(process.env[GLAUCA_TOKEN_ENV]);

  const credentials = async (): Promise<Credentials> => {
    if (options.personalAccessToken)
      return { headers: { Authorization: `X-AS207960-PAT ${options.personalAccessToken}` } };
    if (options.getToken) {
      const refresh = forceRefresh;
      forceRefresh = false;
      let token: string;
      try {
        token = await options.getToken({ forceRefresh: refresh });
      } catch (error) {
        // The callback's own error (often an axios error carrying the client secret in
        // config.auth and headers) is never kept: only its name and message, redacted.
        throw new AuthenticationError('glauca: getToken() failed', {
          provider: 'glauca',
          operation: 'getToken',
          cause: plainCause(error),
        });
      }
      if (typeof token !== 'string' || token.length === 0)
        throw new AuthenticationError('glauca: getToken() returned no token', { provider: 'glauca' });
      return { headers: { Authorization: `Bearer ${token}` } };
    }
    const token = options.token || process.env[GLAUCA_TOKEN_ENV];
    if (!token) throw missingCredential('request');
    return { headers: { Authorization: `Bearer ${token}` } };
  };

  const common = {
    provider: 'glauca',
    credentials,
    parseError: parseGlaucaError,
    buckets: {},
    ...(options.getToken
      ? {
          refreshCredentials: () => {
            forceRefresh = true;
          },
        }
      : {}),
    ...(options.allowInsecureHttp !== undefined ? { allowInsecureHttp: options.allowInsecureHttp } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxResponseBytes !== undefined ? { maxResponseBytes: options.maxResponseBytes } : {}),
    ...(options.retry !== undefined ? { retry: options.retry } : {}),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    ...(options.axios !== undefined ? { axios: options.axios } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
    ...(options.onEvent !== undefined ? { onEvent: options.onEvent } : {}),
  };
  const domainsTransport: Transport = createTransport({
    ...common,
    baseURL: options.baseURL ?? (options.sandbox ? GLAUCA_SANDBOX_BASE_URL : GLAUCA_BASE_URL),
  });
  const dnsTransport: Transport = createTransport({
    ...common,
    baseURL: options.dnsBaseURL ?? HEXDNS_BASE_URL,
  });

  const send = async <T>(transport: Transport, spec: RequestSpec<T>): Promise<T> => {
    if (!hasCredential()) throw missingCredential(spec.operation);
    return (await transport.request(spec)).data;
  };

  /** name → domain id; zone name → zone id (and zone id → root). Nothing else is cached. */
  const domainIds = new Map<string, string>();
  const zoneIds = new Map<string, string>();
  const zoneRoots = new Map<string, string>();

  const ctx: GlaucaContext = {
    domains: (spec) => send(domainsTransport, spec),
    dns: (spec) => send(dnsTransport, spec),
    now: options.now ?? (() => new Date()),
    contacts: options.contacts ?? {},
    autoReverse: options.autoReverse,

    zoneHint: (domain) => (isName(domain) ? normalizeDomainName(domain) : null),

    forgetDomainId(id) {
      for (const [name, cached] of domainIds) if (cached === id) domainIds.delete(name);
    },

    async resolveDomainId(domain, opts, operation) {
      if (typeof domain !== 'string')
        throw new ValidationError('domain must be a string', {
          provider: 'glauca',
          operation,
          issues: [{ path: 'domain', message: 'must be a string' }],
        });
      if (!isName(domain)) {
        encodePathSegment(domain, 'domain');
        return domain;
      }
      const name = normalizeDomainName(domain);
      const cached = domainIds.get(name);
      if (cached) return cached;
      const list = await ctx.domains({
        operation,
        method: 'GET',
        path: '/api/domains/',
        schema: GlaucaDomainListSchema,
        bucket: 'domains',
        ...requestOptions(opts),
      });
      rememberDomains(list);
      const id = domainIds.get(name);
      if (!id)
        throw new NotFoundError(`glauca ${operation}: no domain ${name} in this account`, {
          provider: 'glauca',
          operation,
          status: 404,
        });
      return id;
    },

    async resolveZone(domain, opts, operation) {
      if (typeof domain !== 'string')
        throw new ValidationError('domain must be a string', {
          provider: 'glauca',
          operation,
          issues: [{ path: 'domain', message: 'must be a string' }],
        });
      if (!isName(domain)) {
        encodePathSegment(domain, 'domain');
        if (domain.startsWith('domains_')) {
          // A Glauca domain id: its name is the zone root.
          const payload = await ctx.domains({
            operation,
            method: 'GET',
            path: urlPath`/api/domains/${domain}/`,
            schema: GlaucaDomainPayloadSchema,
            bucket: 'domains',
            ...requestOptions(opts),
          });
          return ctx.resolveZone(payload.domain, opts, operation);
        }
        const known = zoneRoots.get(domain);
        if (known) return { id: domain, root: known };
        const zone = await ctx.dns({
          operation,
          method: 'GET',
          path: urlPath`/api/dns_zones/${domain}/`,
          schema: HexZoneSchema,
          bucket: 'dns',
          ...requestOptions(opts),
        });
        const root = normalizeDomainName(zone.zone_root);
        zoneRoots.set(zone.id, root);
        return { id: zone.id, root };
      }
      const name = normalizeDomainName(domain);
      const cached = zoneIds.get(name);
      if (cached) return { id: cached, root: name };
      // No filter exists on /api/dns_zones/ [src]: page through until the zone shows up.
      const pages = paginate(
        async (page, signal) => {
          const data = await ctx.dns({
            operation,
            method: 'GET',
            path: '/api/dns_zones/',
            query: { limit: ZONE_PAGE_SIZE, offset: (page - 1) * ZONE_PAGE_SIZE },
            schema: HexZonePageSchema,
            bucket: 'dns',
            ...requestOptions(opts),
            // paginate's signal follows opts.signal and also stops the listing once the zone is found.
            signal,
          });
          return {
            items: data.results,
            hasMore: Boolean(data.next),
            next: data.next,
            totalItems: data.count,
          };
        },
        { concurrency: 1, provider: 'glauca', operation, ...(opts?.signal ? { signal: opts.signal } : {}) },
      );
      for await (const zone of pages) {
        const root = normalizeDomainName(zone.zone_root);
        zoneIds.set(root, zone.id);
        zoneRoots.set(zone.id, root);
        if (root === name) return { id: zone.id, root };
      }
      throw new NotFoundError(`glauca ${operation}: no HexDNS zone ${name} in this account`, {
        provider: 'glauca',
        operation,
        status: 404,
      });
    },
  };

  function rememberDomains(list: GlaucaDomainPayload[]): void {
    for (const payload of list) domainIds.set(normalizeDomainName(payload.domain), payload.id);
  }

  const domainMethods = makeDomainMethods(ctx, rememberDomains);
  const orderMethods = makeOrderMethods(ctx, domainMethods.fetchDomain);
  const recordMethods = makeRecordMethods(ctx);

  return defineRegistrar<GlaucaExtras>(
    'glauca',
    {
      listDomains: domainMethods.listDomains,
      getDomain: domainMethods.getDomain,
      updateDomain: domainMethods.updateDomain,
      getDsRecords: domainMethods.getDsRecords,
      setDsRecords: domainMethods.setDsRecords,
      checkAvailability: orderMethods.checkAvailability,
      getPrice: orderMethods.getPrice,
      registerDomain: orderMethods.registerDomain,
      renewDomain: orderMethods.renewDomain,
      transferDomain: orderMethods.transferDomain,
      getTransfer: orderMethods.getTransfer,
      listRecords: recordMethods.listRecords,
      createRecord: recordMethods.createRecord,
      createRecords: recordMethods.createRecords,
      updateRecord: recordMethods.updateRecord,
      deleteRecord: recordMethods.deleteRecord,
      getAuthCode: domainMethods.getAuthCode,
    },
    {
      regenerateAuthCode: domainMethods.regenerateAuthCode,
      restoreDomain: orderMethods.restoreDomain,
      getRegistration: orderMethods.getRegistration,
    },
    {
      close: async () => {
        await Promise.all([domainsTransport.close(), dnsTransport.close()]);
      },
    },
  );
}
