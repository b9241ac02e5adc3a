/**
 * What every Cloudflare method shares: options, the API token (option or `CLOUDFLARE_API_TOKEN`,
 * read at request time), the transport with Cloudflare's one documented bucket (1200 requests per
 * five minutes), the error parser, the account id (option, environment, or discovered from the
 * token when it reaches exactly one account) and the zone name ↔ id cache
 * (docs/providers/cloudflare.md#authentication, #rate-limits, #zones).
 */
import {
  type BucketSpec,
  type CallOptions,
  createTransport,
  findCredential,
  loadCredential,
  NameIdCache,
  NotFoundError,
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
import { z } from 'zod';
import { classifyCloudflareError, parseCloudflareError } from './cloudflare-errors.js';
import { cloudflareProviderInfo } from './cloudflare-provider-info.js';
import { AccountSchema, envelope, ZonePayloadSchema } from './cloudflare-schemas.js';

export const PROVIDER = 'cloudflare';
export const PRODUCTION_BASE_URL = 'https://api.cloudflare.com/client/v4';
/** The client API limit: 1200 requests per five minutes per user or account token. */
export const CLIENT_BUCKET = 'client';
export const CLOUDFLARE_BUCKETS: Record<string, BucketSpec> = {
  [CLIENT_BUCKET]: { limit: 1200, intervalMs: 300_000, strategy: 'window' },
};
/** Changes per batch request on Free zones; paid plans allow 3,500 (docs/providers/cloudflare.md#batch). */
export const FREE_BATCH_LIMIT = 200;

const [TOKEN, ACCOUNT] = cloudflareProviderInfo.credentials;
const HEX_ID = /^[0-9a-f]{32}$/;

export interface CloudflareOptions extends TransportUserOptions {
  /** API token sent as `Authorization: Bearer`; default `CLOUDFLARE_API_TOKEN`, read at request time. */
  apiToken?: string;
  /** Account id (32 hex) for Registrar paths; default `CLOUDFLARE_ACCOUNT_ID`, else discovered. */
  accountId?: string;
  /** Use the Registrar sandbox (`/accounts/{id}/registrar-sandbox`: .com and .net, nothing charged). */
  sandbox?: boolean;
  /** Record changes per batch request: 200 on Free zones (default), 3,500 on paid plans. */
  batchLimit?: number;
  /** Smallest TTL the zones accept besides automatic: 60 (default), 30 on Enterprise. */
  minTtl?: number;
  /** Wait between two polls of a registration or update workflow (default 2000 ms). */
  pollIntervalMs?: number;
  /** How long `registerDomain`/`updateDomain` poll before answering `pending` (default 30 s). */
  pollTimeoutMs?: number;
}

export type CloudflareRequest<T> = Omit<RequestSpec<T>, 'bucket' | 'signal' | 'timeoutMs' | 'idempotencyKey'>;

export interface ZoneRef {
  id: string;
  /** ASCII, lower-case. */
  name: string;
}

export interface CloudflareClient {
  readonly options: CloudflareOptions;
  /** `registrar` or `registrar-sandbox`. */
  readonly registrarSpace: 'registrar' | 'registrar-sandbox';
  send<T>(spec: CloudflareRequest<T>, opts?: CallOptions): Promise<TransportResponse<T>>;
  /** The account id for Registrar and zone-creation paths. */
  account(operation: string, opts?: CallOptions): Promise<string>;
  /** `/accounts/{id}/registrar[-sandbox]` + rest (rest already encoded). */
  registrarPath(operation: string, rest: string, opts?: CallOptions): Promise<string>;
  /** A domain argument (zone name in any form, or a zone id) → the zone, looked up once. */
  zone(domain: string, operation: string, opts?: CallOptions): Promise<ZoneRef>;
  /** Remembers a zone read or created elsewhere. */
  rememberZone(zone: ZoneRef): void;
  close(): Promise<void>;
}

/** A domain name argument, checked locally (ValidationError naming the operation). */
export function parseDomainName(name: string, operation: string): string {
  try {
    return normalizeDomainName(name);
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(`${PROVIDER} ${operation}: ${error.message}`, {
        provider: PROVIDER,
        operation,
        issues: error.issues,
      });
    }
    throw error;
  }
}

const ZonesSchema = envelope(z.array(ZonePayloadSchema));
const ZoneSchema = envelope(ZonePayloadSchema);
const AccountsSchema = envelope(z.array(AccountSchema));

export function createCloudflareClient(options: CloudflareOptions): CloudflareClient {
  const token = (operation: string) =>
    loadCredential(options.apiToken, TOKEN!, { provider: PROVIDER, operation });
  const transport: Transport = createTransport({
    ...options,
    provider: PROVIDER,
    baseURL: options.baseURL ?? PRODUCTION_BASE_URL,
    credentials: () => ({ headers: { Authorization: `Bearer ${token('request')}` } }),
    parseError: parseCloudflareError,
    buckets: CLOUDFLARE_BUCKETS,
    // Past the limit Cloudflare refuses every call for five minutes: pace from its `Ratelimit`
    // header (docs/providers/cloudflare.md#rate-limits) so the budget is never overrun.
    adaptiveRateLimit: true,
  });

  // Cloudflare has no idempotency key (a registration's domain name is its key), so none is sent.
  const send: CloudflareClient['send'] = async (spec, opts) => {
    token(spec.operation);
    const { idempotencyKey: _none, ...call } = requestOptions(opts);
    try {
      return await transport.request({ ...spec, bucket: CLIENT_BUCKET, ...call });
    } catch (error) {
      throw classifyCloudflareError(error);
    }
  };

  const discovered = new Map<string, Promise<string>>();

  async function discover(operation: string, opts: CallOptions | undefined): Promise<string> {
    const { data } = await send(
      { operation, method: 'GET', path: '/accounts', query: { per_page: 50 }, schema: AccountsSchema },
      opts,
    );
    const accounts = data.result;
    if (accounts.length === 1) return accounts[0]!.id;
    if (accounts.length === 0) {
      throw new PermissionError(`${PROVIDER} ${operation}: the API token reaches no account`, {
        provider: PROVIDER,
        operation,
      });
    }
    throw new ValidationError(
      `${PROVIDER} ${operation}: the API token reaches ${accounts.length} accounts (${accounts.map((a) => a.id).join(', ')}); ` +
        `choose one with the \`accountId\` option or ${ACCOUNT!.env}`,
      {
        provider: PROVIDER,
        operation,
        issues: [{ path: 'accountId', message: 'required: the token reaches several accounts' }],
      },
    );
  }

  async function account(operation: string, opts?: CallOptions): Promise<string> {
    const credential = token(operation);
    const configured = findCredential(options.accountId, ACCOUNT!);
    if (configured !== undefined) {
      if (!HEX_ID.test(configured)) {
        throw new ValidationError(
          `${PROVIDER} ${operation}: the account id must be 32 lower-case hex characters (\`accountId\` option or ${ACCOUNT!.env})`,
          {
            provider: PROVIDER,
            operation,
            issues: [{ path: 'accountId', message: 'must be a 32-hex Cloudflare account id' }],
          },
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

  const registrarSpace = options.sandbox ? 'registrar-sandbox' : 'registrar';
  const registrarPath: CloudflareClient['registrarPath'] = async (operation, rest, opts) =>
    `${urlPath`/accounts/${await account(operation, opts)}`}/${registrarSpace}${rest}`;

  const zones = new NameIdCache();

  /** The zone named `name` (`GET /zones?name=` is an exact match). */
  async function findZone(name: string, operation: string, opts: CallOptions | undefined): Promise<string> {
    const { data } = await send(
      { operation, method: 'GET', path: '/zones', query: { name }, schema: ZonesSchema },
      opts,
    );
    const found = data.result.find((z) => z.name.toLowerCase() === name);
    if (found) return found.id;
    throw new NotFoundError(`${PROVIDER} ${operation}: no zone ${name} in this Cloudflare account`, {
      provider: PROVIDER,
      operation,
      code: 'zone_not_found',
    });
  }

  async function zone(domain: string, operation: string, opts?: CallOptions): Promise<ZoneRef> {
    if (typeof domain === 'string' && HEX_ID.test(domain)) {
      const name = await zones.resolveName(domain, async () => {
        const { data } = await send(
          { operation, method: 'GET', path: urlPath`/zones/${domain}`, schema: ZoneSchema },
          opts,
        );
        return normalizeDomainName(data.result.name);
      });
      return { id: domain, name };
    }
    const name = parseDomainName(domain, operation);
    const id = await zones.resolveId(name, () => findZone(name, operation, opts));
    return { id, name };
  }

  return {
    options,
    registrarSpace,
    send,
    account,
    registrarPath,
    zone,
    rememberZone: (z) => zones.remember(z.id, z.name),
    close: () => transport.close(),
  };
}
