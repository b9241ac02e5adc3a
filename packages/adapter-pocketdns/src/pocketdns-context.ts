/**
 * What every PocketDNS method shares: the transport (auth per attempt, buckets, errors), the owner
 * (`user_identifier`) of a call, and the domain argument → id resolution with its name ↔ id cache.
 */
import {
  AuthenticationError,
  assertListComplete,
  type CallOptions,
  createTransport,
  encodePathSegment,
  NotFoundError,
  normalizeDomainName,
  type RequestSpec,
  requestOptions,
  type Transport,
  type TransportResponse,
  type TransportUserOptions,
  urlPath,
  ValidationError,
} from '@registrar-kit/core';
import { parsePocketDnsError } from './pocketdns-errors.js';
import { modelDomainName, PROVIDER } from './pocketdns-mappers.js';
import { DomainDetailSchema, DomainListSchema, type DomainSummaryPayload } from './pocketdns-schemas.js';

export const POCKETDNS_API_KEY_ENV = 'POCKETDNS_API_KEY';
export const POCKETDNS_PRODUCTION_URL = 'https://api.pocketdns.com';
export const POCKETDNS_SANDBOX_URL = 'https://api.sandbox.pocketdns.com';

const MINUTE = 60_000;

/** The documented rate limits (both seed pages, "Rate Limits"), one bucket per line of the docs. */
export const POCKETDNS_BUCKETS = {
  /** Domain retrieval: list, details, TLD list, transfer status (1000/min). */
  domainRetrieval: { limit: 1000, intervalMs: MINUTE },
  /** Domain updates: settings and renewal (60/min). */
  domainUpdates: { limit: 60, intervalMs: MINUTE },
  /** Domain transfers: initiation (10/min). */
  domainTransfers: { limit: 10, intervalMs: MINUTE },
  /** Availability checks (500/min). */
  availability: { limit: 500, intervalMs: MINUTE },
  /** Record retrieval (1000/min). */
  recordRetrieval: { limit: 1000, intervalMs: MINUTE },
  /** Record creation (300/min). */
  recordCreation: { limit: 300, intervalMs: MINUTE },
  /** Record updates (300/min). */
  recordUpdates: { limit: 300, intervalMs: MINUTE },
  /** Record deletion (300/min). */
  recordDeletion: { limit: 300, intervalMs: MINUTE },
  /** Bulk operations: bulk create and templates (60/min). */
  bulkOperations: { limit: 60, intervalMs: MINUTE },
} as const;
export type PocketDnsBucket = keyof typeof POCKETDNS_BUCKETS;

export interface PocketDnsOptions extends TransportUserOptions {
  /** Partner API key (`sk_live_…`). Default: the `POCKETDNS_API_KEY` environment variable, read at request time. */
  apiKey?: string;
  /** Default owner: the partner's `user_identifier` for listDomains, name resolution and transfers. */
  owner?: string;
  /** Use `https://api.sandbox.pocketdns.com` (ignored when `baseURL` is given). */
  sandbox?: boolean;
}

/** A domain argument after the local checks: a name (ASCII) or a PocketDNS id. */
export type DomainRef = { kind: 'name'; name: string } | { kind: 'id'; id: string };

/** A resolved domain: its id and (when known) its ASCII name. */
export interface ResolvedDomain {
  id: string;
  name: string;
  /** True when the id was found by name (cache or owner list): evicted from the cache on a 404. */
  cached: boolean;
}

const USER_IDENTIFIER = /^[A-Za-z0-9_-]{1,255}$/;

function withContext(error: unknown, operation: string): never {
  if (error instanceof ValidationError) {
    throw new ValidationError(error.message, { provider: PROVIDER, operation, issues: error.issues });
  }
  throw error;
}

export class PocketDnsContext {
  readonly transport: Transport;
  private readonly idsByName = new Map<string, string>();

  constructor(private readonly options: PocketDnsOptions) {
    const { apiKey: _key, owner: _owner, sandbox, baseURL, ...transportOptions } = options;
    this.transport = createTransport({
      ...transportOptions,
      provider: PROVIDER,
      baseURL: baseURL ?? (sandbox ? POCKETDNS_SANDBOX_URL : POCKETDNS_PRODUCTION_URL),
      credentials: () => ({ headers: { Authorization: `Bearer ${this.requireApiKey('request')}` } }),
      parseError: parsePocketDnsError,
      buckets: POCKETDNS_BUCKETS,
    });
  }

  /** The API key from the options or, when absent, from POCKETDNS_API_KEY now. */
  requireApiKey(operation: string): string {
    const key = this.options.apiKey || process.env[POCKETDNS_API_KEY_ENV];
    if (!key) {
      throw new AuthenticationError(
        `pocketdns ${operation}: no API key: pass the \`apiKey\` option to createPocketDns or set the ${POCKETDNS_API_KEY_ENV} environment variable`,
        { provider: PROVIDER, operation, code: 'missing_credentials' },
      );
    }
    return key;
  }

  /** Sends one request; a missing API key fails here, before anything is sent. */
  async send<T>(
    spec: RequestSpec<T> & { bucket?: PocketDnsBucket },
    opts: CallOptions = {},
  ): Promise<TransportResponse<T>> {
    this.requireApiKey(spec.operation);
    return this.transport.request({ ...spec, ...requestOptions(opts) });
  }

  /** The owner of a call (explicit, then per call, then the factory's), checked; null when none is set. */
  ownerOf(operation: string, opts: CallOptions = {}, explicit?: string): string | null {
    const owner = explicit ?? opts.owner ?? this.options.owner;
    if (owner === undefined || owner === null) return null;
    if (typeof owner !== 'string' || !USER_IDENTIFIER.test(owner)) {
      throw new ValidationError(
        `pocketdns ${operation}: owner must be 1–255 letters, digits, "_" or "-" (a PocketDNS user_identifier)`,
        {
          provider: PROVIDER,
          operation,
          issues: [{ path: 'owner', message: 'must be 1–255 letters, digits, "_" or "-"' }],
        },
      );
    }
    return owner;
  }

  requireOwner(
    operation: string,
    opts: CallOptions = {},
    explicit?: string,
    why = 'PocketDNS lists domains per user',
  ): string {
    const owner = this.ownerOf(operation, opts, explicit);
    if (owner === null) {
      throw new ValidationError(
        `pocketdns ${operation} needs an owner (${why}): pass \`owner\` (the partner's user_identifier) to createPocketDns or in the call options`,
        { provider: PROVIDER, operation, issues: [{ path: 'owner', message: 'is required' }] },
      );
    }
    return owner;
  }

  /** Checks a domain argument without sending anything: a domain name (any case, Unicode, one trailing dot) or an id. */
  parseDomain(domain: string, operation: string, path = 'domain'): DomainRef {
    if (typeof domain !== 'string') {
      throw new ValidationError(`pocketdns ${operation}: ${path} must be a string`, {
        provider: PROVIDER,
        operation,
        issues: [{ path, message: 'must be a string' }],
      });
    }
    try {
      // Anything with a dot or a non-ASCII character is a name; ids look like `dom_abc123`.
      if (domain.includes('.') || [...domain].some((char) => char.charCodeAt(0) > 0x7f))
        return { kind: 'name', name: normalizeDomainName(domain) };
      encodePathSegment(domain, path);
      return { kind: 'id', id: domain };
    } catch (error) {
      return withContext(error, operation);
    }
  }

  /** Checks an id that becomes one path segment. */
  checkId(id: string, operation: string, path = 'id'): string {
    try {
      encodePathSegment(id, path);
      return id;
    } catch (error) {
      return withContext(error, operation);
    }
  }

  remember(name: string, id: string): void {
    this.idsByName.set(modelDomainName(name), id);
  }

  forget(id: string): void {
    for (const [name, known] of this.idsByName) if (known === id) this.idsByName.delete(name);
  }

  /** The zone name of a checked domain argument when known without a request. */
  knownZone(ref: DomainRef): string | undefined {
    return ref.kind === 'name' ? ref.name : this.nameOf(ref.id);
  }

  private nameOf(id: string): string | undefined {
    for (const [name, known] of this.idsByName) if (known === id) return name;
    return undefined;
  }

  /** `GET /users/{owner}/domains` (the whole list: PocketDNS documents no pagination); fills the cache. */
  async fetchDomains(owner: string, operation: string, opts: CallOptions): Promise<DomainSummaryPayload[]> {
    const { data } = await this.send(
      {
        operation,
        method: 'GET',
        path: urlPath`/api/v1/users/${owner}/domains`,
        schema: DomainListSchema,
        bucket: 'domainRetrieval',
      },
      opts,
    );
    assertListComplete(data.domains.length, data.total, { provider: PROVIDER, operation });
    for (const domain of data.domains) this.remember(domain.name, domain.id);
    return data.domains;
  }

  /**
   * The id (and name) of a checked domain argument. A name is looked up in the cache, else in the
   * owner's domain list; an id whose name is not known yet is fetched (`GET /domains/{id}`) only
   * when `needName` (record methods need the zone name).
   */
  async resolve(
    ref: DomainRef,
    operation: string,
    opts: CallOptions,
    needName: boolean,
  ): Promise<ResolvedDomain> {
    if (ref.kind === 'id') {
      const known = this.nameOf(ref.id);
      if (known !== undefined || !needName) return { id: ref.id, name: known ?? '', cached: false };
      const { data } = await this.send(
        {
          operation,
          method: 'GET',
          path: urlPath`/api/v1/domains/${ref.id}`,
          schema: DomainDetailSchema,
          bucket: 'domainRetrieval',
        },
        opts,
      );
      this.remember(data.name, data.id);
      return { id: ref.id, name: modelDomainName(data.name), cached: false };
    }
    const cached = this.idsByName.get(ref.name);
    if (cached !== undefined) return { id: cached, name: ref.name, cached: true };
    const owner = this.requireOwner(
      operation,
      opts,
      undefined,
      `PocketDNS finds the id of ${ref.name} in its owner's domain list; or pass the domain id (dom_…)`,
    );
    await this.fetchDomains(owner, operation, opts);
    const id = this.idsByName.get(ref.name);
    if (id === undefined) {
      throw new NotFoundError(`pocketdns ${operation}: ${ref.name} is not among the domains of ${owner}`, {
        provider: PROVIDER,
        operation,
      });
    }
    return { id, name: ref.name, cached: true };
  }

  /** Runs `fn` with the resolved domain; a 404 for an id found by name evicts it (the domain may have a new id). */
  async withDomain<T>(
    ref: DomainRef,
    operation: string,
    opts: CallOptions,
    needName: boolean,
    fn: (domain: ResolvedDomain) => Promise<T>,
  ): Promise<T> {
    const domain = await this.resolve(ref, operation, opts, needName);
    try {
      return await fn(domain);
    } catch (error) {
      if (domain.cached && error instanceof NotFoundError && error.status === 404) this.forget(domain.id);
      throw error;
    }
  }
}
