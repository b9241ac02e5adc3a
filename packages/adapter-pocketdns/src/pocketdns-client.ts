/**
 * What every PocketDNS method shares: the options, the API key (read at request time), the
 * transport with PocketDNS's documented buckets, the owner (`user_identifier`) of a call, and the
 * domain argument → id resolution with its name ↔ id cache (the only thing cached).
 * See docs/providers/pocketdns.md.
 */
import {
  assertListComplete,
  type CallOptions,
  createTransport,
  encodePathSegment,
  invalidInput,
  loadCredential,
  NameIdCache,
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
import { modelDomainName } from './pocketdns-mappers.js';
import { POCKETDNS_API_KEY_ENV, PROVIDER } from './pocketdns-provider-info.js';
import {
  type DomainDetailPayload,
  DomainDetailSchema,
  DomainListSchema,
  type DomainSummaryPayload,
} from './pocketdns-schemas.js';

export { POCKETDNS_API_KEY_ENV } from './pocketdns-provider-info.js';
export const POCKETDNS_PRODUCTION_URL = 'https://api.pocketdns.com';
export const POCKETDNS_SANDBOX_URL = 'https://api.sandbox.pocketdns.com';

const MINUTE = 60_000;

/** The documented rate limits, one bucket per line (docs/providers/pocketdns.md#rate-limits). */
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
const USER_IDENTIFIER_RULE = 'must be 1–255 letters, digits, "_" or "-" (a PocketDNS user_identifier)';

/** True for a partner `user_identifier` (docs/providers/pocketdns.md#users). */
export function isUserIdentifier(value: unknown): value is string {
  return typeof value === 'string' && USER_IDENTIFIER.test(value);
}

/**
 * Runs a core check, naming provider and operation on the ValidationError it throws, in the one
 * message shape: `pocketdns getDomain: invalid domain name "x": …`.
 */
function checked<T>(operation: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(
        `${PROVIDER} ${operation}: ${error.message.replace(/^Invalid /, 'invalid ')}`,
        {
          provider: PROVIDER,
          operation,
          issues: error.issues,
        },
      );
    throw error;
  }
}

export class PocketDnsClient {
  readonly transport: Transport;
  private readonly ids = new NameIdCache();

  constructor(private readonly options: PocketDnsOptions) {
    const { apiKey: _key, owner: _owner, sandbox, baseURL, ...transportOptions } = options;
    this.transport = createTransport({
      ...transportOptions,
      provider: PROVIDER,
      baseURL: baseURL ?? (sandbox ? POCKETDNS_SANDBOX_URL : POCKETDNS_PRODUCTION_URL),
      credentials: () => ({ headers: { Authorization: `Bearer ${this.apiKey('request')}` } }),
      parseError: parsePocketDnsError,
      buckets: POCKETDNS_BUCKETS,
    });
  }

  /** The API key from the options or, when absent or empty, from POCKETDNS_API_KEY now. */
  apiKey(operation: string): string {
    return loadCredential(
      this.options.apiKey,
      { option: 'apiKey', env: POCKETDNS_API_KEY_ENV },
      { provider: PROVIDER, operation },
    );
  }

  /** Sends one request; a missing API key fails here, before anything is sent. */
  async send<T>(
    spec: RequestSpec<T> & { bucket?: PocketDnsBucket },
    opts: CallOptions = {},
  ): Promise<TransportResponse<T>> {
    this.apiKey(spec.operation);
    return this.transport.request({ ...spec, ...requestOptions(opts) });
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  /** The owner of a call (explicit, then per call, then the factory's), checked; null when none is set. */
  ownerOf(operation: string, opts: CallOptions = {}, explicit?: string): string | null {
    const owner = explicit ?? opts.owner ?? this.options.owner;
    if (owner === undefined || owner === null) return null;
    if (!isUserIdentifier(owner))
      throw invalidInput({ provider: PROVIDER, operation }, [
        { path: 'owner', message: USER_IDENTIFIER_RULE },
      ]);
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
        `${PROVIDER} ${operation} needs an owner (${why}): pass \`owner\` (the partner's user_identifier) to createPocketDns or in the call options`,
        { provider: PROVIDER, operation, issues: [{ path: 'owner', message: 'is required' }] },
      );
    }
    return owner;
  }

  /** Checks a domain argument without sending anything: a domain name (any case, Unicode, one trailing dot) or an id. */
  parseDomain(domain: string, operation: string, path = 'domain'): DomainRef {
    if (typeof domain !== 'string')
      throw invalidInput({ provider: PROVIDER, operation }, [{ path, message: 'must be a string' }]);
    return checked(operation, () => {
      // Anything with a dot or a non-ASCII character is a name; ids look like `dom_abc123`.
      if (domain.includes('.') || [...domain].some((char) => char.charCodeAt(0) > 0x7f))
        return { kind: 'name', name: normalizeDomainName(domain) };
      encodePathSegment(domain, path);
      return { kind: 'id', id: domain };
    });
  }

  /** Checks a domain name argument (no ids): availability, prices, transfers. */
  parseName(name: string, operation: string): string {
    return checked(operation, () => normalizeDomainName(name));
  }

  /** Checks an id that becomes one path segment. */
  checkId(id: string, operation: string, path = 'id'): string {
    return checked(operation, () => {
      encodePathSegment(id, path);
      return id;
    });
  }

  remember(name: string, id: string): void {
    this.ids.remember(id, modelDomainName(name));
  }

  forget(id: string): void {
    const name = this.ids.nameOf(id);
    if (name !== undefined) this.ids.forget(name);
  }

  /** The zone name of a checked domain argument when known without a request. */
  knownZone(ref: DomainRef): string | undefined {
    return ref.kind === 'name' ? ref.name : this.ids.nameOf(ref.id);
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

  /** `GET /domains/{id}`: the domain's details; teaches the cache its name. */
  async fetchDetail(id: string, operation: string, opts: CallOptions): Promise<DomainDetailPayload> {
    const { data } = await this.send(
      {
        operation,
        method: 'GET',
        path: urlPath`/api/v1/domains/${id}`,
        schema: DomainDetailSchema,
        bucket: 'domainRetrieval',
      },
      opts,
    );
    this.remember(data.name, data.id);
    return data;
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
      const known = this.ids.nameOf(ref.id);
      if (known !== undefined || !needName) return { id: ref.id, name: known ?? '', cached: false };
      const detail = await this.fetchDetail(ref.id, operation, opts);
      return { id: ref.id, name: modelDomainName(detail.name), cached: false };
    }
    const cached = this.ids.idOf(ref.name);
    if (cached !== undefined) return { id: cached, name: ref.name, cached: true };
    const owner = this.requireOwner(
      operation,
      opts,
      undefined,
      `PocketDNS finds the id of ${ref.name} in its owner's domain list; or pass the domain id (dom_…)`,
    );
    await this.fetchDomains(owner, operation, opts);
    const id = this.ids.idOf(ref.name);
    if (id === undefined) {
      throw new NotFoundError(`${PROVIDER} ${operation}: ${ref.name} is not among the domains of ${owner}`, {
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
