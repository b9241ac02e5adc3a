/**
 * What every Glauca method shares: the options, the two transports (the domains API and HexDNS,
 * separate services with separate token audiences, docs/providers/glauca.md#authentication), the
 * credentials of each, the translation of the server's known failures (glauca-errors.ts) and the
 * name → id caches (domains, HexDNS zones), the only thing cached.
 */
import {
  AuthenticationError,
  type CallOptions,
  type ContactIds,
  type CredentialSpec,
  type Credentials,
  createTransport,
  encodePathSegment,
  findCredential,
  invalidInput,
  missingCredentialError,
  NameIdCache,
  NotFoundError,
  normalizeDomainName,
  paginate,
  plainCause,
  type RequestSpec,
  requestOptions,
  type Transport,
  type TransportUserOptions,
  urlPath,
  type ValidationIssue,
} from '@registrar-kit/core';
import { asciiName, explainGlaucaFailure, parseGlaucaError } from './glauca-errors.js';
import {
  GlaucaDomainListSchema,
  type GlaucaDomainPayload,
  GlaucaDomainPayloadSchema,
  HexZonePageSchema,
  HexZoneSchema,
} from './glauca-schemas.js';
import { isName, PROVIDER } from './glauca-values.js';

export const GLAUCA_BASE_URL = 'https://domains.glauca.digital';
export const GLAUCA_SANDBOX_BASE_URL = 'https://domains.test.glauca.digital';
export const HEXDNS_BASE_URL = 'https://dns.glauca.digital';
export const GLAUCA_TOKEN_ENV = 'GLAUCA_TOKEN';
export const GLAUCA_DNS_TOKEN_ENV = 'GLAUCA_DNS_TOKEN';
/** HexDNS zones are read in pages of this size when a zone is looked up by name (DRF default). */
export const ZONE_PAGE_SIZE = 25;

export const TOKEN_CREDENTIAL: CredentialSpec = { option: 'token', env: GLAUCA_TOKEN_ENV };
export const DNS_TOKEN_CREDENTIAL: CredentialSpec = { option: 'dnsToken', env: GLAUCA_DNS_TOKEN_ENV };

export interface GlaucaTokenContext {
  /** True after the API refused the previous token (403 `Invalid token`): return a fresh one. */
  forceRefresh: boolean;
}

export type GlaucaTokenCallback = (context: GlaucaTokenContext) => string | Promise<string>;

export interface GlaucaOptions extends TransportUserOptions {
  /** OAuth access token, sent as `Authorization: Bearer …`. Default: `GLAUCA_TOKEN`, read at request time. */
  token?: string;
  /**
   * Returns an OAuth access token; called before every request (Glauca's tokens live minutes), and
   * once more with `forceRefresh: true` after the API refused a token.
   */
  getToken?: GlaucaTokenCallback;
  /** Personal access token, sent as `Authorization: X-AS207960-PAT …`. */
  personalAccessToken?: string;
  /**
   * Token for HexDNS, whose audience check refuses a domains-API token
   * (docs/providers/glauca.md#authentication). Default: `GLAUCA_DNS_TOKEN`, else the domains credential.
   */
  dnsToken?: string;
  /** Like `getToken`, for HexDNS. Default: the domains credential (`getToken`, `token`, PAT). */
  getDnsToken?: GlaucaTokenCallback;
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

/** A zone as the record methods need it: the HexDNS id and the zone root. */
export interface ZoneRef {
  id: string;
  root: string;
}

export interface GlaucaClient {
  /** Sends a domains-API request; checks that a credential exists first; explains known server failures. */
  domains<T>(spec: RequestSpec<T>): Promise<T>;
  /** Sends a HexDNS request, likewise. */
  dns<T>(spec: RequestSpec<T>): Promise<T>;
  /** A domain name (any case, Unicode, trailing dot) or a Glauca domain id → the domain id. */
  resolveDomainId(domain: string, opts: CallOptions | undefined, operation: string): Promise<string>;
  /** GET one domain by name or id; a 404 forgets a cached name → id mapping. */
  fetchDomain(domain: string, opts: CallOptions | undefined, operation: string): Promise<GlaucaDomainPayload>;
  /** Every domain of the account (the name → id pairs remembered). */
  listDomainPayloads(opts: CallOptions | undefined, operation: string): Promise<GlaucaDomainPayload[]>;
  /** A zone name, a HexDNS zone id or a Glauca domain id → the zone's id and root. */
  resolveZone(domain: string, opts: CallOptions | undefined, operation: string): Promise<ZoneRef>;
  /** Remembers a zone read or created. */
  rememberZone(zone: ZoneRef): void;
  /** The zone name when `domain` is a name (no request), else null. */
  zoneHint(domain: string, operation: string): string | null;
  now(): Date;
  readonly contacts: ContactIds;
  readonly autoReverse: boolean | undefined;
  /** Releases both transports (their rate limiters, local or shared through Redis). */
  close(): Promise<void>;
}

function checkOptions(options: GlaucaOptions): void {
  const issues: ValidationIssue[] = [];
  const exclusive = (keys: readonly (keyof GlaucaOptions)[]) => {
    const given = keys.filter((key) => options[key] !== undefined);
    if (given.length > 1)
      for (const key of given)
        issues.push({ path: key, message: `only one of ${keys.join(', ')} may be set` });
  };
  exclusive(['token', 'getToken', 'personalAccessToken']);
  exclusive(['dnsToken', 'getDnsToken']);
  for (const key of ['getToken', 'getDnsToken'] as const)
    if (options[key] !== undefined && typeof options[key] !== 'function')
      issues.push({ path: key, message: 'must be a function' });
  if (issues.length > 0)
    throw invalidInput({ provider: PROVIDER, operation: 'createGlauca' }, issues, 'options');
}

/** A token callback with its own "refresh on the next call" flag (one per transport). */
function callbackCredentials(callback: GlaucaTokenCallback, name: string) {
  let forceRefresh = false;
  return {
    refresh: () => {
      forceRefresh = true;
    },
    async headers(): Promise<Credentials> {
      const refresh = forceRefresh;
      forceRefresh = false;
      let token: string;
      try {
        token = await callback({ forceRefresh: refresh });
      } catch (error) {
        // The callback's own error (often an axios error carrying the client secret in
        // config.auth and headers) is never kept: only its name and message, redacted.
        throw new AuthenticationError(`glauca: ${name}() failed`, {
          provider: PROVIDER,
          operation: name,
          cause: plainCause(error),
        });
      }
      if (typeof token !== 'string' || token.length === 0)
        throw new AuthenticationError(`glauca: ${name}() returned no token`, { provider: PROVIDER });
      return { headers: { Authorization: `Bearer ${token}` } };
    },
  };
}

interface CredentialSource {
  /** Whether a credential is there (checked before anything is sent). */
  present(): boolean;
  headers(): Credentials | Promise<Credentials>;
  refresh?: () => void;
}

function domainsCredentials(options: GlaucaOptions): CredentialSource {
  if (options.personalAccessToken) {
    const pat = options.personalAccessToken;
    return { present: () => true, headers: () => ({ headers: { Authorization: `X-AS207960-PAT ${pat}` } }) };
  }
  if (options.getToken) {
    const callback = callbackCredentials(options.getToken, 'getToken');
    return { present: () => true, headers: callback.headers, refresh: callback.refresh };
  }
  const token = () => findCredential(options.token, TOKEN_CREDENTIAL);
  return {
    present: () => token() !== undefined,
    headers: () => ({ headers: { Authorization: `Bearer ${token()}` } }),
  };
}

/** HexDNS: its own token when given (option, callback or GLAUCA_DNS_TOKEN), else the domains credential. */
function dnsCredentials(options: GlaucaOptions): CredentialSource {
  if (options.getDnsToken) {
    const callback = callbackCredentials(options.getDnsToken, 'getDnsToken');
    return { present: () => true, headers: callback.headers, refresh: callback.refresh };
  }
  const own = () => findCredential(options.dnsToken, DNS_TOKEN_CREDENTIAL);
  // The fallback gets its own refresh flag: a HexDNS refusal refreshes only the HexDNS request.
  const fallback = domainsCredentials(options);
  return {
    present: () => own() !== undefined || fallback.present(),
    headers: () => {
      const token = own();
      return token !== undefined ? { headers: { Authorization: `Bearer ${token}` } } : fallback.headers();
    },
    ...(fallback.refresh ? { refresh: fallback.refresh } : {}),
  };
}

export function createGlaucaClient(options: GlaucaOptions = {}): GlaucaClient {
  checkOptions(options);
  const {
    token: _token,
    getToken: _getToken,
    personalAccessToken: _pat,
    dnsToken: _dnsToken,
    getDnsToken: _getDnsToken,
    sandbox,
    dnsBaseURL,
    contacts,
    autoReverse,
    now,
    baseURL,
    ...transportOptions
  } = options;

  const transport = (source: CredentialSource, url: string): Transport =>
    createTransport({
      ...transportOptions,
      provider: PROVIDER,
      baseURL: url,
      credentials: () => source.headers(),
      parseError: parseGlaucaError,
      // Glauca documents no limits (a 429 comes from a proxy): buckets exist, unlimited by default.
      buckets: {},
      ...(source.refresh ? { refreshCredentials: source.refresh } : {}),
    });

  const domainsSource = domainsCredentials(options);
  const dnsSource = dnsCredentials(options);
  const domainsTransport = transport(
    domainsSource,
    baseURL ?? (sandbox ? GLAUCA_SANDBOX_BASE_URL : GLAUCA_BASE_URL),
  );
  const dnsTransport = transport(dnsSource, dnsBaseURL ?? HEXDNS_BASE_URL);

  const send = async <T>(source: CredentialSource, via: Transport, spec: RequestSpec<T>): Promise<T> => {
    if (!source.present()) throw missingCredentialError(PROVIDER, spec.operation, TOKEN_CREDENTIAL);
    try {
      return (await via.request(spec)).data;
    } catch (error) {
      throw explainGlaucaFailure(error, spec);
    }
  };

  const domainIds = new NameIdCache();
  const zoneIds = new NameIdCache();

  const checkString = (domain: unknown, operation: string): void => {
    if (typeof domain !== 'string')
      throw invalidInput(
        { provider: PROVIDER, operation },
        [{ path: 'domain', message: 'must be a string' }],
        'domain',
      );
  };

  const client: GlaucaClient = {
    domains: (spec) => send(domainsSource, domainsTransport, spec),
    dns: (spec) => send(dnsSource, dnsTransport, spec),
    now: now ?? (() => new Date()),
    contacts: contacts ?? {},
    autoReverse,

    zoneHint: (domain, operation) => (isName(domain) ? asciiName(domain, operation) : null),

    async listDomainPayloads(opts, operation) {
      // Not paginated and not filterable: one plain array of every domain, redemption domains
      // included with `deleted: true` (docs/providers/glauca.md#domains).
      const list = await client.domains({
        operation,
        method: 'GET',
        path: '/api/domains/',
        schema: GlaucaDomainListSchema,
        bucket: 'domains',
        ...requestOptions(opts),
      });
      for (const payload of list) domainIds.remember(payload.id, normalizeDomainName(payload.domain));
      return list;
    },

    rememberZone(zone) {
      zoneIds.remember(zone.id, zone.root);
    },

    async resolveDomainId(domain, opts, operation) {
      checkString(domain, operation);
      if (!isName(domain)) {
        encodePathSegment(domain, 'domain');
        return domain;
      }
      const name = asciiName(domain, operation);
      return domainIds.resolveId(name, async () => {
        await client.listDomainPayloads(opts, operation);
        const id = domainIds.idOf(name);
        if (id === undefined)
          throw new NotFoundError(`glauca ${operation}: no domain ${name} in this account`, {
            provider: PROVIDER,
            operation,
            status: 404,
          });
        return id;
      });
    },

    async fetchDomain(domain, opts, operation) {
      const id = await client.resolveDomainId(domain, opts, operation);
      try {
        return await client.domains({
          operation,
          method: 'GET',
          path: urlPath`/api/domains/${id}/`,
          schema: GlaucaDomainPayloadSchema,
          bucket: 'domains',
          ...requestOptions(opts),
        });
      } catch (error) {
        if (error instanceof NotFoundError) {
          const name = domainIds.nameOf(id);
          if (name !== undefined) domainIds.forget(name);
        }
        throw error;
      }
    },

    async resolveZone(domain, opts, operation) {
      checkString(domain, operation);
      if (!isName(domain)) {
        encodePathSegment(domain, 'domain');
        // A Glauca domain id: its name is the zone root.
        if (domain.startsWith('domains_'))
          return client.resolveZone(
            (await client.fetchDomain(domain, opts, operation)).domain,
            opts,
            operation,
          );
        const root = await zoneIds.resolveName(domain, async () => {
          const zone = await client.dns({
            operation,
            method: 'GET',
            path: urlPath`/api/dns_zones/${domain}/`,
            schema: HexZoneSchema,
            bucket: 'dns',
            ...requestOptions(opts),
          });
          return normalizeDomainName(zone.zone_root);
        });
        return { id: domain, root };
      }
      const name = asciiName(domain, operation);
      const id = await zoneIds.resolveId(name, () => findZoneByName(name, opts, operation));
      return { id, root: name };
    },

    async close() {
      await Promise.all([domainsTransport.close(), dnsTransport.close()]);
    },
  };

  /** No filter exists on /api/dns_zones/: pages are read until the zone shows up. */
  async function findZoneByName(name: string, opts: CallOptions | undefined, operation: string) {
    const pages = paginate(
      async (page, signal) => {
        const data = await client.dns({
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
        return { items: data.results, hasMore: Boolean(data.next), next: data.next, totalItems: data.count };
      },
      { concurrency: 1, provider: PROVIDER, operation, ...(opts?.signal ? { signal: opts.signal } : {}) },
    );
    for await (const zone of pages) {
      const root = normalizeDomainName(zone.zone_root);
      if (root === name) return zone.id;
      zoneIds.remember(zone.id, root);
    }
    throw new NotFoundError(`glauca ${operation}: no HexDNS zone ${name} in this account`, {
      provider: PROVIDER,
      operation,
      status: 404,
    });
  }

  return client;
}
