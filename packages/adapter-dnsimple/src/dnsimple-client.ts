/**
 * What every DNSimple method shares: the options, the token (core `loadCredential`, read at request
 * time), the transport (the hourly bucket, adaptive pacing from `X-RateLimit-*` headers), the
 * account id (option, environment, or discovered once through `/whoami` or `/accounts`) and domain
 * references (a name or a numeric id; the id ↔ name mapping is the only thing cached).
 * Facts: docs/providers/dnsimple.md.
 */
import {
  type BucketSpec,
  type CallOptions,
  createTransport,
  type ErrorContext,
  findCredential,
  invalidInput,
  type ListOptions,
  loadCredential,
  NameIdCache,
  normalizeDomainName,
  PermissionError,
  type RequestSpec,
  requestOptions,
  type Transport,
  type TransportResponse,
  type TransportUserOptions,
  urlPath,
  ValidationError,
} from '@registrar-kit/core';
import { parseDnsimpleError } from './dnsimple-errors.js';
import { PROVIDER } from './dnsimple-mappers.js';
import { dnsimpleProviderInfo } from './dnsimple-provider-info.js';
import {
  AccountsSchema,
  type DnsimpleDomainPayload,
  DomainPayloadSchema,
  envelope,
  WhoamiSchema,
} from './dnsimple-schemas.js';

const [TOKEN_CREDENTIAL, ACCOUNT_CREDENTIAL] = dnsimpleProviderInfo.credentials;
export const DNSIMPLE_TOKEN_ENV = TOKEN_CREDENTIAL.env;
export const DNSIMPLE_ACCOUNT_ID_ENV = ACCOUNT_CREDENTIAL.env;
export const PRODUCTION_BASE_URL = 'https://api.dnsimple.com';
export const SANDBOX_BASE_URL = 'https://api.sandbox.dnsimple.com';
/** The documented bucket: 2400 authenticated requests per hour (docs/providers/dnsimple.md#rate-limits). */
export const HOURLY_BUCKET = 'hourly';
export const DNSIMPLE_BUCKETS: Record<string, BucketSpec> = {
  [HOURLY_BUCKET]: { limit: 2400, intervalMs: 3_600_000, strategy: 'window' },
};

export interface DnsimpleOptions extends TransportUserOptions {
  /** API token (account or user token); default (or ''): `DNSIMPLE_TOKEN`, read at request time. */
  token?: string;
  /** Account id used in every path; default: `DNSIMPLE_ACCOUNT_ID`, else discovered through `/whoami`. */
  accountId?: string | number;
  /** Use https://api.sandbox.dnsimple.com (ignored when `baseURL` is set). */
  sandbox?: boolean;
  /** Contact id used as `registrant_id` when `registerDomain`/`transferDomain` get no `contacts.registrant`. */
  registrantId?: string | number;
  /**
   * Most record creates sent in one batch request (default 100). DNSimple publishes no limit: a
   * batch it refuses as a whole is split further (docs/providers/dnsimple.md#batch).
   */
  batchSize?: number;
}

/** A domain argument, checked locally: a numeric DNSimple id or a normalised ASCII name. */
export type DomainRef = { kind: 'id'; id: string } | { kind: 'name'; name: string };

export interface DnsimpleClient {
  readonly options: DnsimpleOptions;
  /** Sends a request in the hourly bucket with the call's signal, timeout and idempotency key. */
  send<T>(
    spec: Omit<RequestSpec<T>, 'bucket' | 'signal' | 'timeoutMs' | 'idempotencyKey'>,
    opts?: CallOptions,
  ): Promise<TransportResponse<T>>;
  /** The token (option, else `DNSIMPLE_TOKEN`); missing → AuthenticationError missing_credentials. */
  token(operation: string): string;
  /** The account id for paths (checks the token first, so nothing is sent without one). */
  account(operation: string, opts?: CallOptions): Promise<string>;
  /** Name or id → ASCII name, fetching the domain once for an unknown id. */
  domainName(domain: string, operation: string, opts?: CallOptions): Promise<string>;
  /** Remembers the id ↔ name pair of a domain payload. */
  remember(payload: DnsimpleDomainPayload): void;
  /** Releases the transport's limiters. */
  close(): Promise<void>;
}

/** DNSimple's largest page (docs/providers/dnsimple.md#pagination). */
const MAX_PAGE_SIZE = 100;

/** `per_page` for a listing: the caller's page size (checked by defineRegistrar), at most 100. */
export function pageSize(opts: ListOptions | undefined): number {
  return Math.min(opts?.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
}

export const context = (operation: string): ErrorContext => ({ provider: PROVIDER, operation });

/**
 * Runs a core check (record or domain-name validation) and gives its `ValidationError` the
 * adapter's message shape: "dnsimple <operation>: invalid <what>: …".
 */
export function checked<T>(operation: string, what: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ValidationError && error.status === undefined)
      throw invalidInput(context(operation), error.issues, what);
    throw error;
  }
}

/** Checks a domain argument: a numeric id, else a domain name (Unicode or ASCII, any case, one trailing dot). */
export function parseDomainRef(domain: string, operation: string): DomainRef {
  if (typeof domain === 'string' && /^\d+$/.test(domain)) return { kind: 'id', id: domain };
  return { kind: 'name', name: parseDomainName(domain, operation) };
}

/** A domain name argument (no ids): availability, prices, registration, transfer. */
export function parseDomainName(name: string, operation: string): string {
  return checked(operation, 'domain', () => normalizeDomainName(name));
}

export function createDnsimpleClient(options: DnsimpleOptions): DnsimpleClient {
  const token = (operation: string): string =>
    loadCredential(options.token, TOKEN_CREDENTIAL, context(operation));

  const transport: Transport = createTransport({
    ...options,
    provider: PROVIDER,
    baseURL: options.baseURL ?? (options.sandbox ? SANDBOX_BASE_URL : PRODUCTION_BASE_URL),
    credentials: () => ({ headers: { Authorization: `Bearer ${token('request')}` } }),
    parseError: parseDnsimpleError,
    buckets: DNSIMPLE_BUCKETS,
    adaptiveRateLimit: true,
  });

  // DNSimple's official client (https://github.com/dnsimple/dnsimple-node, lib/main.ts) sends
  // `Content-Type: application/json` on every request, bodiless PUT/POST included; without it axios
  // would label an empty PUT/POST `application/x-www-form-urlencoded`.
  const send: DnsimpleClient['send'] = (spec, opts) =>
    transport.request({
      ...spec,
      headers: { 'Content-Type': 'application/json', ...spec.headers },
      bucket: HOURLY_BUCKET,
      ...requestOptions(opts),
    });

  /** Discovered account ids, per token (a token read from the environment may change). */
  const discovered = new Map<string, Promise<string>>();

  async function discover(operation: string, opts: CallOptions | undefined): Promise<string> {
    const { data } = await send({ operation, method: 'GET', path: '/v2/whoami', schema: WhoamiSchema }, opts);
    if (data.data.account) return String(data.data.account.id);
    // A user token: the account must be chosen among those it reaches.
    const accounts = (
      await send({ operation, method: 'GET', path: '/v2/accounts', schema: AccountsSchema }, opts)
    ).data.data;
    if (accounts.length === 1) return String(accounts[0]!.id);
    if (accounts.length === 0) {
      throw new PermissionError(`dnsimple ${operation}: the token reaches no account`, context(operation));
    }
    throw invalidInput(
      context(operation),
      [
        {
          path: 'accountId',
          message: `this user token reaches ${accounts.length} accounts (${accounts.map((a) => a.id).join(', ')}): choose one with the \`accountId\` option or ${DNSIMPLE_ACCOUNT_ID_ENV}`,
        },
      ],
      'options',
    );
  }

  async function account(operation: string, opts?: CallOptions): Promise<string> {
    const credential = token(operation);
    const configured = findCredential(
      options.accountId === undefined ? undefined : String(options.accountId),
      ACCOUNT_CREDENTIAL,
    );
    if (configured !== undefined) {
      if (!/^\d+$/.test(configured)) {
        throw invalidInput(
          context(operation),
          [
            {
              path: 'accountId',
              message: `must be a numeric DNSimple account id (\`accountId\` option or ${DNSIMPLE_ACCOUNT_ID_ENV})`,
            },
          ],
          'options',
        );
      }
      return configured;
    }
    let pending = discovered.get(credential);
    if (!pending) {
      pending = discover(operation, opts);
      discovered.set(credential, pending);
      pending.catch(() => discovered.delete(credential));
    }
    return pending;
  }

  const names = new NameIdCache();

  const remember = (payload: DnsimpleDomainPayload): void => {
    names.remember(String(payload.id), normalizeDomainName(payload.name));
  };

  async function domainName(domain: string, operation: string, opts?: CallOptions): Promise<string> {
    const ref = parseDomainRef(domain, operation);
    if (ref.kind === 'name') return ref.name;
    return names.resolveName(ref.id, async () => {
      const accountId = await account(operation, opts);
      const { data } = await send(
        {
          operation,
          method: 'GET',
          path: urlPath`/v2/${accountId}/domains/${ref.id}`,
          schema: envelope(DomainPayloadSchema),
        },
        opts,
      );
      return normalizeDomainName(data.data.name);
    });
  }

  return { options, send, token, account, domainName, remember, close: () => transport.close() };
}
