/**
 * The Domainr client: options, credentials and transports of the two APIs this adapter speaks,
 * Domainr v2 (docs/providers/domainr.md#v2-hosts-and-credentials) and Fastly's Domain Research API
 * (docs/providers/domainr.md#fastly-domain-research). Both are read-only GET APIs; every method
 * file asks the client for one GET and gets the parsed body back.
 */
import {
  AuthenticationError,
  type CallOptions,
  type CredentialSpec,
  createTransport,
  findCredential,
  invalidInput,
  loadCredential,
  requestOptions,
  type Transport,
  type TransportOptions,
  type TransportUserOptions,
  type ValidationIssue,
} from '@registrar-kit/core';
import type { z } from 'zod';
import { parseDomainrError } from './domainr-errors.js';
import { domainrProviderInfo } from './domainr-provider-info.js';

export const PROVIDER = 'domainr';

export const DOMAINR_BASE_URL = 'https://api.domainr.com';
export const DOMAINR_RAPIDAPI_BASE_URL = 'https://domainr.p.rapidapi.com';
export const DOMAINR_RAPIDAPI_HOST = 'domainr.p.rapidapi.com';
export const FASTLY_BASE_URL = 'https://api.fastly.com';

/** `v2`: Domainr's v2 API (default); `fastly`: Fastly's Domain Research API, Domainr's successor. */
export type DomainrApi = 'v2' | 'fastly';
/**
 * Fastly `tools/status` scope: `precise` (registry level, Fastly's default) or `estimate` (DNS and
 * aftermarket level; the literal is unconfirmed, docs/providers/domainr.md#fastly-status).
 */
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

type CredentialOption = 'clientId' | 'rapidApiKey' | 'fastlyToken';

/** The option and environment variable of each credential, as `domainrProviderInfo` declares them. */
function credentialSpec(option: CredentialOption): CredentialSpec {
  const info = domainrProviderInfo.credentials.find((credential) => credential.option === option);
  if (!info) throw new Error(`domainrProviderInfo declares no ${option} credential`);
  return { option: info.option, env: info.env };
}

const CLIENT_ID = credentialSpec('clientId');
const RAPIDAPI_KEY = credentialSpec('rapidApiKey');
const FASTLY_TOKEN = credentialSpec('fastlyToken');

/** Environment variables read at request time when the option is absent or empty. */
export const DOMAINR_ENV = {
  clientId: CLIENT_ID.env,
  rapidApiKey: RAPIDAPI_KEY.env,
  fastlyToken: FASTLY_TOKEN.env,
} as const;

/** One GET of either API: the path after the base URL, the query without credentials, the body's schema. */
export interface DomainrGet<T> {
  operation: string;
  path: string;
  query: Record<string, string | undefined>;
  schema: z.ZodType<T>;
}

/** What the method files need: one GET with the credential of this call, and `close()`. */
export interface DomainrClient {
  readonly api: DomainrApi;
  get<T>(request: DomainrGet<T>, opts?: CallOptions): Promise<T>;
  /** Releases the transports' limiters (and their Redis connections when shared). */
  close(): Promise<void>;
}

/** A non-empty option value; `''` counts as absent (the environment variable is read instead). */
function given(value: string | undefined): boolean {
  return typeof value === 'string' && value !== '';
}

/** Construction-time checks of the options, one `ValidationError` with every issue. */
function checkOptions(options: DomainrOptions): DomainrApi {
  const api = options.api ?? 'v2';
  const issues: ValidationIssue[] = [];
  if (api !== 'v2' && api !== 'fastly') issues.push({ path: 'api', message: "must be 'v2' or 'fastly'" });
  if (given(options.clientId) && given(options.rapidApiKey)) {
    issues.push({ path: 'rapidApiKey', message: 'give either clientId or rapidApiKey, not both' });
  }
  if (options.scope !== undefined && options.scope !== 'precise' && options.scope !== 'estimate') {
    issues.push({ path: 'scope', message: "must be 'precise' or 'estimate'" });
  }
  if (issues.length > 0)
    throw invalidInput({ provider: PROVIDER, operation: 'createDomainr' }, issues, 'options');
  return api;
}

function transportOptions(
  options: DomainrOptions,
  baseURL: string,
  credentials: TransportOptions['credentials'],
): TransportOptions {
  return {
    provider: PROVIDER,
    baseURL: options.baseURL ?? baseURL,
    allowInsecureHttp: options.allowInsecureHttp,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    retry: options.retry,
    rateLimit: options.rateLimit,
    axios: options.axios,
    userAgent: options.userAgent,
    onEvent: options.onEvent,
    parseError: parseDomainrError,
    credentials,
    // Neither Domainr nor Fastly publishes a rate limit (docs/providers/domainr.md#rate-limits): the
    // buckets `v2` and `fastly` exist (every request names one) but are unlimited unless
    // `rateLimit.buckets` sets a plan's quota.
    buckets: {},
  };
}

/**
 * v2 needs one of two credentials: the client id (api.domainr.com, `client_id` query parameter) or
 * a RapidAPI key (the RapidAPI host, `X-RapidAPI-Key` header). Missing both names both variables.
 */
function missingV2Credential(operation: string): AuthenticationError {
  return new AuthenticationError(
    `${PROVIDER} ${operation}: missing credential: pass the \`${CLIENT_ID.option}\` option (or \`${RAPIDAPI_KEY.option}\`) or set ${CLIENT_ID.env} (or ${RAPIDAPI_KEY.env})`,
    { provider: PROVIDER, operation, code: 'missing_credentials' },
  );
}

/**
 * Which v2 credential this call uses, decided on every call so a key set or rotated after
 * construction is picked up: the options first (client id, then RapidAPI key), then the
 * environment (`DOMAINR_CLIENT_ID`, then `DOMAINR_RAPIDAPI_KEY`).
 */
function v2Route(options: DomainrOptions, operation: string): 'clientId' | 'rapidApiKey' {
  if (given(options.clientId)) return 'clientId';
  if (given(options.rapidApiKey)) return 'rapidApiKey';
  if (findCredential(undefined, CLIENT_ID) !== undefined) return 'clientId';
  if (findCredential(undefined, RAPIDAPI_KEY) !== undefined) return 'rapidApiKey';
  throw missingV2Credential(operation);
}

/** Domainr v2: https://domainr.com/docs/api (docs/providers/domainr.md#v2-hosts-and-credentials). */
function createV2Client(options: DomainrOptions): DomainrClient {
  const context = { provider: PROVIDER, operation: 'request' };
  const direct = createTransport(
    transportOptions(options, DOMAINR_BASE_URL, () => ({
      query: { client_id: loadCredential(options.clientId, CLIENT_ID, context) },
    })),
  );
  // The header form of the RapidAPI key is the RapidAPI gateway's convention; Domainr's own page
  // shows a `mashape-key` query parameter, which would put the key into URLs and logs.
  const rapid = createTransport(
    transportOptions(options, DOMAINR_RAPIDAPI_BASE_URL, () => ({
      headers: { 'X-RapidAPI-Key': loadCredential(options.rapidApiKey, RAPIDAPI_KEY, context) },
    })),
  );
  const rapidApiHost = options.rapidApiHost?.trim() || DOMAINR_RAPIDAPI_HOST;
  return {
    api: 'v2',
    async get(request, opts) {
      const route = v2Route(options, request.operation);
      const transport: Transport = route === 'clientId' ? direct : rapid;
      const { data } = await transport.request({
        operation: request.operation,
        method: 'GET',
        path: request.path,
        query: request.query,
        headers: route === 'rapidApiKey' ? { 'X-RapidAPI-Host': rapidApiHost } : undefined,
        schema: request.schema,
        bucket: 'v2',
        ...requestOptions(opts),
      });
      return data;
    },
    close: async () => {
      await Promise.all([direct.close(), rapid.close()]);
    },
  };
}

/**
 * Fastly Domain Research: https://www.fastly.com/documentation/reference/api/domain-management/domain-research/
 * with Fastly's `Fastly-Key` header (https://www.fastly.com/documentation/reference/api/#authentication).
 */
function createFastlyClient(options: DomainrOptions): DomainrClient {
  const transport = createTransport(
    transportOptions(options, FASTLY_BASE_URL, () => ({
      headers: {
        'Fastly-Key': loadCredential(options.fastlyToken, FASTLY_TOKEN, {
          provider: PROVIDER,
          operation: 'request',
        }),
      },
    })),
  );
  return {
    api: 'fastly',
    async get(request, opts) {
      // Checked before the limiter is asked for a slot: a missing token sends nothing.
      loadCredential(options.fastlyToken, FASTLY_TOKEN, { provider: PROVIDER, operation: request.operation });
      const { data } = await transport.request({
        operation: request.operation,
        method: 'GET',
        path: request.path,
        query: request.query,
        schema: request.schema,
        bucket: 'fastly',
        ...requestOptions(opts),
      });
      return data;
    },
    close: () => transport.close(),
  };
}

/** The client of the API `options.api` names, after checking the options. */
export function createDomainrClient(options: DomainrOptions): DomainrClient {
  return checkOptions(options) === 'fastly' ? createFastlyClient(options) : createV2Client(options);
}
