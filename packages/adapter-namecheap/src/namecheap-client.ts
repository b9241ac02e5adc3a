/**
 * What every Namecheap method shares: the credentials (the five global parameters,
 * https://www.namecheap.com/support/api/global-parameters/), the transport (one endpoint, every
 * parameter POSTed as a form, XML answers, the per-minute/hour/day windows), the SLD/TLD split and
 * the domain id → name mapping (the only thing cached).
 */
import {
  type BucketSpec,
  type CallOptions,
  type CredentialSpec,
  createTransport,
  lazyRequire,
  loadCredential,
  NameIdCache,
  normalizeDomainName,
  requestOptions,
  type Transport,
  type TransportUserOptions,
  ValidationError,
} from '@registrar-kit/core';
import type * as Tldts from 'tldts';
import type { z } from 'zod';
import { classifyNamecheapAnswer, PROVIDER, parseNamecheapError } from './namecheap-errors.js';
import { namecheapXml } from './namecheap-xml.js';

/** The Public Suffix List, loaded by the first name split rather than at import (bench/RESULTS.md, "Cold start"). */
const tldts = lazyRequire<typeof Tldts>('tldts', import.meta.url);

export const PRODUCTION_BASE_URL = 'https://api.namecheap.com';
export const SANDBOX_BASE_URL = 'https://api.sandbox.namecheap.com';
/** The one path; the operation is the `Command` parameter (docs/providers/namecheap.md#request-format). */
export const NAMECHEAP_PATH = '/xml.response';

export const NAMECHEAP_API_USER_ENV = 'NAMECHEAP_API_USER';
export const NAMECHEAP_API_KEY_ENV = 'NAMECHEAP_API_KEY';
export const NAMECHEAP_USERNAME_ENV = 'NAMECHEAP_USERNAME';
export const NAMECHEAP_CLIENT_IP_ENV = 'NAMECHEAP_CLIENT_IP';

const API_USER: CredentialSpec = { option: 'apiUser', env: NAMECHEAP_API_USER_ENV };
const API_KEY: CredentialSpec = { option: 'apiKey', env: NAMECHEAP_API_KEY_ENV };
const USER_NAME: CredentialSpec = { option: 'userName', env: NAMECHEAP_USERNAME_ENV };
const CLIENT_IP: CredentialSpec = { option: 'clientIp', env: NAMECHEAP_CLIENT_IP_ENV };

/**
 * Every request counts in three windows per user: 20 per minute, 700 per hour, 8000 per day
 * (https://www.namecheap.com/support/api/intro/, docs/providers/namecheap.md#rate-limits).
 * Namecheap does not say whether a window is fixed or sliding, so the buckets are `sliding`, the
 * stricter reading: never more than the limit in any minute (hour, day), each request counted
 * until a window after its answer. Fixed windows from the first request would let 40 requests
 * into one sliding minute. Override one with `rateLimit: { buckets: { minute: … } }`.
 */
export const NAMECHEAP_BUCKETS: Record<string, BucketSpec> = {
  minute: { limit: 20, intervalMs: 60_000, strategy: 'sliding' },
  hour: { limit: 700, intervalMs: 3_600_000, strategy: 'sliding' },
  day: { limit: 8000, intervalMs: 86_400_000, strategy: 'sliding' },
};
const BUCKETS = Object.keys(NAMECHEAP_BUCKETS);

export interface NamecheapOptions extends TransportUserOptions {
  /** ApiUser: the account that owns the key; default `NAMECHEAP_API_USER`. */
  apiUser?: string;
  /** ApiKey; default `NAMECHEAP_API_KEY`. The only value treated as a secret. */
  apiKey?: string;
  /** UserName: the account commands act on; default `NAMECHEAP_USERNAME`, else the ApiUser. */
  userName?: string;
  /** ClientIp: the whitelisted IPv4 of this server; default `NAMECHEAP_CLIENT_IP`. */
  clientIp?: string;
  /** Use https://api.sandbox.namecheap.com (ignored when `baseURL` is set). */
  sandbox?: boolean;
}

/** Parameters of one command (values sent as they are; undefined ones left out). */
export type CommandParams = Record<string, string | number | undefined>;

/** A schema of the `ApiResponse` envelope around a command's result. */
type AnswerSchema = z.ZodType<{ apiresponse: { commandresponse: unknown } }>;

export interface NamecheapClient {
  readonly options: NamecheapOptions;
  /** The API base URL (with the account, a key for per-zone write serialisation). */
  readonly scope: string;
  /**
   * Sends one command and returns the children of its `CommandResponse`. `once` commands (charges,
   * whole-list writes) are never retried after a timeout or a server error, only after a rate-limit
   * refusal, which executed nothing.
   */
  command<S extends AnswerSchema>(
    operation: string,
    command: string,
    params: CommandParams,
    schema: S,
    opts?: CallOptions,
    mode?: { once?: boolean },
  ): Promise<z.output<S>['apiresponse']['commandresponse']>;
  /** Name → id and id → name of the account's domains. */
  readonly ids: NameIdCache;
  close(): Promise<void>;
}

/** `SLD` + `TLD` of a registered name: the registry suffix whole (`example.co.uk` → example + co.uk). */
export interface SplitName {
  name: string;
  sld: string;
  tld: string;
}

function invalid(operation: string, path: string, message: string): ValidationError {
  return new ValidationError(`${PROVIDER} ${operation}: ${message}`, {
    provider: PROVIDER,
    operation,
    issues: [{ path, message }],
  });
}

/** A domain name argument as ASCII, lower-case, without trailing dot (ValidationError otherwise). */
export function domainNameOf(domain: string, operation: string, path = 'domain'): string {
  try {
    return normalizeDomainName(domain);
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(`${PROVIDER} ${operation}: ${error.message}`, {
        provider: PROVIDER,
        operation,
        issues: error.issues.map((issue) => ({
          ...issue,
          path: issue.path ? `${path}.${issue.path}` : path,
        })),
      });
    throw error;
  }
}

/**
 * Splits a registered name at its public suffix, from the Public Suffix List including its private
 * section (Namecheap sells names under suffixes such as `co.com`): never at the first dot
 * (docs/providers/namecheap.md#sld-and-tld). A name below a registered one is refused: it is not
 * a zone (its records are hosts of the parent).
 */
export function splitName(name: string, operation: string): SplitName {
  const parsed = tldts().parse(name, { allowPrivateDomains: true });
  const tld = parsed.publicSuffix;
  const sld = parsed.domainWithoutSuffix;
  if (!tld || !sld || tld === name)
    throw invalid(operation, 'domain', `${name} is not a registrable domain name`);
  if (sld.includes('.')) {
    const parent = `${sld.slice(sld.lastIndexOf('.') + 1)}.${tld}`;
    throw invalid(
      operation,
      'domain',
      `${name} is not a registered domain: Namecheap manages its records as hosts of ${parent}`,
    );
  }
  return { name, sld, tld };
}

export function createNamecheapClient(options: NamecheapOptions): NamecheapClient {
  const baseURL = options.baseURL ?? (options.sandbox ? SANDBOX_BASE_URL : PRODUCTION_BASE_URL);
  const transport: Transport = createTransport({
    ...options,
    provider: PROVIDER,
    baseURL,
    // Every global parameter is registered for redaction, not only the key: the user names and
    // the whitelisted IP are half of the account's access, and a provider may echo them (an IP
    // Namecheap refuses is the caller's real one, not the configured one, so it stays readable).
    credentials: () => ({ form: { ...globals('request'), ApiKey: apiKey('request') } }),
    parseError: parseNamecheapError,
    classifyAnswer: classifyNamecheapAnswer,
    bodyDecoder: namecheapXml,
    buckets: NAMECHEAP_BUCKETS,
  });

  const apiKey = (operation: string) =>
    loadCredential(options.apiKey, API_KEY, { provider: PROVIDER, operation });
  const globals = (operation: string) => {
    const context = { provider: PROVIDER, operation };
    const apiUser = loadCredential(options.apiUser, API_USER, context);
    apiKey(operation);
    const clientIp = loadCredential(options.clientIp, CLIENT_IP, context);
    const userName = options.userName || process.env[USER_NAME.env] || apiUser;
    return { ApiUser: apiUser, UserName: userName, ClientIp: clientIp };
  };

  const command: NamecheapClient['command'] = async (operation, name, params, schema, opts, mode) => {
    const { data } = await transport.request({
      operation,
      method: 'POST',
      path: NAMECHEAP_PATH,
      form: { ...globals(operation), Command: name, ...params },
      schema,
      bucket: BUCKETS,
      idempotent: !mode?.once,
      headers: { Accept: 'text/xml' },
      ...requestOptions({ ...opts, idempotencyKey: undefined }),
    });
    return data.apiresponse.commandresponse as never;
  };

  return {
    options,
    scope: `${baseURL}|${options.userName ?? options.apiUser ?? ''}`,
    command,
    ids: new NameIdCache(),
    close: () => transport.close(),
  };
}
