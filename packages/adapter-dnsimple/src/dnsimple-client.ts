/**
 * What every DNSimple method shares: the transport (auth, the hourly bucket, adaptive pacing from
 * X-RateLimit-* headers), the token read at request time, the account id (option, environment or
 * discovered once through /whoami or /accounts) and domain references (name or numeric id, with the
 * id → name mapping cached, the only thing cached).
 */
import {
  AuthenticationError,
  type BucketSpec,
  type CallOptions,
  createTransport,
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
import {
  AccountsSchema,
  type DnsimpleDomainPayload,
  DomainPayloadSchema,
  envelope,
  WhoamiSchema,
} from './dnsimple-schemas.js';

export const DNSIMPLE_TOKEN_ENV = 'DNSIMPLE_TOKEN';
export const DNSIMPLE_ACCOUNT_ID_ENV = 'DNSIMPLE_ACCOUNT_ID';
export const PRODUCTION_BASE_URL = 'https://api.dnsimple.com';
export const SANDBOX_BASE_URL = 'https://api.sandbox.dnsimple.com';
/** The documented bucket: 2400 authenticated requests per hour (api-notes §4). */
export const HOURLY_BUCKET = 'hourly';
export const DNSIMPLE_BUCKETS: Record<string, BucketSpec> = {
  [HOURLY_BUCKET]: { limit: 2400, intervalMs: 3_600_000, strategy: 'window' },
};

export interface DnsimpleOptions extends TransportUserOptions {
  /** API token (account or user token); default: `DNSIMPLE_TOKEN`, read at request time. */
  token?: string;
  /** Account id used in every path; default: `DNSIMPLE_ACCOUNT_ID`, else discovered through `/whoami`. */
  accountId?: string | number;
  /** Use https://api.sandbox.dnsimple.com (ignored when `baseURL` is set). */
  sandbox?: boolean;
  /** Contact id used as `registrant_id` when `registerDomain`/`transferDomain` get no `contacts.registrant`. */
  registrantId?: string | number;
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
  /** The account id for paths (checks the token first, so nothing is sent without one). */
  account(operation: string, opts?: CallOptions): Promise<string>;
  /** Name or id → ASCII name, fetching the domain once for an unknown id. */
  domainName(domain: string, operation: string, opts?: CallOptions): Promise<string>;
  /** Remembers the id ↔ name pair of a domain payload. */
  remember(payload: DnsimpleDomainPayload): void;
}

/** Checks a domain argument: a numeric id, else a domain name (Unicode or ASCII, any case, one trailing dot). */
export function parseDomainRef(domain: string, operation: string): DomainRef {
  if (typeof domain === 'string' && /^\d+$/.test(domain)) return { kind: 'id', id: domain };
  try {
    return { kind: 'name', name: normalizeDomainName(domain) };
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(
        `dnsimple ${operation}: ${error.message} (expected a domain name or a numeric DNSimple domain id)`,
        {
          provider: PROVIDER,
          operation,
          issues: error.issues,
        },
      );
    }
    throw error;
  }
}

/** A domain name argument (no ids): availability, prices, registration, transfer. */
export function parseDomainName(name: string, operation: string): string {
  try {
    return normalizeDomainName(name);
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(`dnsimple ${operation}: ${error.message}`, {
        provider: PROVIDER,
        operation,
        issues: error.issues,
      });
    }
    throw error;
  }
}

export function createDnsimpleClient(options: DnsimpleOptions): DnsimpleClient {
  const token = (operation: string): string => {
    const value = options.token ?? process.env[DNSIMPLE_TOKEN_ENV];
    if (!value) {
      throw new AuthenticationError(
        `dnsimple ${operation}: no API token: pass the \`token\` option to createDnsimple or set ${DNSIMPLE_TOKEN_ENV}`,
        { provider: PROVIDER, operation, code: 'missing_credentials' },
      );
    }
    return value;
  };

  const transport: Transport = createTransport({
    ...options,
    provider: PROVIDER,
    baseURL: options.baseURL ?? (options.sandbox ? SANDBOX_BASE_URL : PRODUCTION_BASE_URL),
    credentials: () => ({ headers: { Authorization: `Bearer ${token('request')}` } }),
    parseError: parseDnsimpleError,
    buckets: DNSIMPLE_BUCKETS,
    adaptiveRateLimit: true,
  });

  // DNSimple's official client (github.com/dnsimple/dnsimple-node, lib/main.ts) sends
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
      throw new PermissionError(`dnsimple ${operation}: the token reaches no account`, {
        provider: PROVIDER,
        operation,
      });
    }
    throw new ValidationError(
      `dnsimple ${operation}: this user token reaches ${accounts.length} accounts (${accounts.map((a) => a.id).join(', ')}); ` +
        `choose one with the \`accountId\` option or ${DNSIMPLE_ACCOUNT_ID_ENV}`,
      {
        provider: PROVIDER,
        operation,
        issues: [{ path: 'accountId', message: 'required when the token reaches several accounts' }],
      },
    );
  }

  async function account(operation: string, opts?: CallOptions): Promise<string> {
    const credential = token(operation);
    const configured = options.accountId ?? process.env[DNSIMPLE_ACCOUNT_ID_ENV];
    if (configured !== undefined && configured !== '') {
      const id = String(configured);
      if (!/^\d+$/.test(id)) {
        throw new ValidationError(
          `dnsimple ${operation}: the account id must be numeric (\`accountId\` option or ${DNSIMPLE_ACCOUNT_ID_ENV})`,
          {
            provider: PROVIDER,
            operation,
            issues: [{ path: 'accountId', message: 'must be a numeric DNSimple account id' }],
          },
        );
      }
      return id;
    }
    let pending = discovered.get(credential);
    if (!pending) {
      pending = discover(operation, opts);
      discovered.set(credential, pending);
      pending.catch(() => discovered.delete(credential));
    }
    return pending;
  }

  const nameById = new Map<string, string>();

  const remember = (payload: DnsimpleDomainPayload): void => {
    nameById.set(String(payload.id), normalizeDomainName(payload.name));
  };

  async function domainName(domain: string, operation: string, opts?: CallOptions): Promise<string> {
    const ref = parseDomainRef(domain, operation);
    if (ref.kind === 'name') return ref.name;
    const known = nameById.get(ref.id);
    if (known) return known;
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
    remember(data.data);
    return normalizeDomainName(data.data.name);
  }

  return { options, send, account, domainName, remember };
}
