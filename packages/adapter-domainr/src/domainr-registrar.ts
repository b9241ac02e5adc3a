/**
 * `createDomainr`: Domainr v2 (api.domainr.com with a `client_id`, or the RapidAPI host with a
 * RapidAPI key) or its successor, Fastly's Domain Research API (`api: 'fastly'`, a Fastly token).
 * Domainr is a search/availability service, not a registrar: only `checkAvailability`,
 * `suggestDomains` (and, on Fastly, `getPrice` from aftermarket offers) exist; every other method
 * rejects with `UnsupportedOperationError`.
 */
import {
  AuthenticationError,
  type CallOptions,
  createTransport,
  type DomainSuggestion,
  defineRegistrar,
  isRegistrarError,
  NetworkError,
  NotFoundError,
  type PriceOptions,
  ProviderError,
  type RegistrarError,
  type RegistrarMethods,
  redactSecrets,
  requestOptions,
  type Transport,
  type ValidationIssue,
} from '@registrar-kit/core';
import { parseDomainrError } from './domainr-errors.js';
import { checkedName, checkedSuggestQuery, invalid } from './domainr-inputs.js';
import {
  type DomainrPriceQuote,
  fastlyStatusToAvailability,
  fastlyStatusToPriceQuote,
  fastlySuggestToSuggestions,
  v2SearchToSuggestions,
  v2StatusToAvailability,
} from './domainr-mappers.js';
import {
  FastlyStatusResponseSchema,
  FastlySuggestResponseSchema,
  V2SearchResponseSchema,
  V2StatusResponseSchema,
} from './domainr-schemas.js';
import type {
  CheckManyOptions,
  DomainrCheckResult,
  DomainrExtras,
  DomainrOptions,
  DomainrRegistrar,
  DomainrSuggestOptions,
} from './domainr-types.js';
import { mapInCompletionOrder } from './map-in-completion-order.js';

const PROVIDER = 'domainr';

export const DOMAINR_BASE_URL = 'https://api.domainr.com';
export const DOMAINR_RAPIDAPI_BASE_URL = 'https://domainr.p.rapidapi.com';
export const DOMAINR_RAPIDAPI_HOST = 'domainr.p.rapidapi.com';
export const FASTLY_BASE_URL = 'https://api.fastly.com';
const FASTLY_TOOLS = '/domain-management/v1/tools';

/** Environment variables read at request time when the option is absent. */
export const DOMAINR_ENV = {
  clientId: 'DOMAINR_CLIENT_ID',
  rapidApiKey: 'DOMAINR_RAPIDAPI_KEY',
  fastlyToken: 'FASTLY_API_TOKEN',
} as const;

type CredentialName = keyof typeof DOMAINR_ENV;

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function asRegistrarError(error: unknown): RegistrarError {
  if (isRegistrarError(error)) return error;
  return new ProviderError(
    `${PROVIDER} checkAvailability failed: ${redactSecrets(String((error as Error)?.message ?? error))}`,
    {
      provider: PROVIDER,
      operation: 'checkAvailability',
    },
  );
}

/**
 * Creates a Domainr `Registrar`. v2 (default): `clientId` → api.domainr.com with `client_id`;
 * `rapidApiKey` → domainr.p.rapidapi.com with `X-RapidAPI-Key`/`X-RapidAPI-Host`; without either
 * option, `DOMAINR_CLIENT_ID` then `DOMAINR_RAPIDAPI_KEY` are read on every call.
 * `api: 'fastly'`: api.fastly.com with `Fastly-Key` (`fastlyToken` or `FASTLY_API_TOKEN`).
 */
export function createDomainr(options: DomainrOptions = {}): DomainrRegistrar {
  const api = options.api ?? 'v2';
  const configIssues: ValidationIssue[] = [];
  if (api !== 'v2' && api !== 'fastly')
    configIssues.push({ path: 'api', message: "must be 'v2' or 'fastly'" });
  if (present(options.clientId) && present(options.rapidApiKey)) {
    configIssues.push({ path: 'rapidApiKey', message: 'give either clientId or rapidApiKey, not both' });
  }
  if (options.scope !== undefined && options.scope !== 'precise' && options.scope !== 'estimate') {
    configIssues.push({ path: 'scope', message: "must be 'precise' or 'estimate'" });
  }
  if (configIssues.length > 0) throw invalid('configure', configIssues);

  const credential = (name: CredentialName): string | undefined =>
    present(options[name]) ?? present(process.env[DOMAINR_ENV[name]]);
  const missing = (name: CredentialName, operation: string): AuthenticationError =>
    new AuthenticationError(
      name === 'fastlyToken'
        ? `${PROVIDER} ${operation}: no Fastly API token: pass the fastlyToken option or set ${DOMAINR_ENV.fastlyToken}`
        : `${PROVIDER} ${operation}: no credential: pass the clientId option (or rapidApiKey) or set ${DOMAINR_ENV.clientId} (or ${DOMAINR_ENV.rapidApiKey})`,
      { provider: PROVIDER, operation },
    );
  /** Read on every attempt, so a rotated key in the environment is picked up. */
  const required = (name: CredentialName): string => {
    const value = credential(name);
    if (value === undefined) throw missing(name, 'request');
    return value;
  };

  const transportOptions = {
    provider: PROVIDER,
    allowInsecureHttp: options.allowInsecureHttp,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    retry: options.retry,
    rateLimit: options.rateLimit,
    axios: options.axios,
    userAgent: options.userAgent,
    onEvent: options.onEvent,
    parseError: parseDomainrError,
    // Neither Domainr nor Fastly publishes a rate limit: the buckets `v2` and `fastly` exist (every
    // request names one) but are unlimited unless `rateLimit.buckets` sets a plan's quota.
    buckets: {},
  };

  let methods: Partial<RegistrarMethods>;
  let suggest: (query: string, opts?: DomainrSuggestOptions) => Promise<DomainSuggestion[]>;

  if (api === 'v2') {
    const transports: Record<'clientId' | 'rapidApiKey', Transport> = {
      clientId: createTransport({
        ...transportOptions,
        baseURL: options.baseURL ?? DOMAINR_BASE_URL,
        credentials: () => ({ query: { client_id: required('clientId') } }),
      }),
      rapidApiKey: createTransport({
        ...transportOptions,
        baseURL: options.baseURL ?? DOMAINR_RAPIDAPI_BASE_URL,
        credentials: () => ({ headers: { 'X-RapidAPI-Key': required('rapidApiKey') } }),
      }),
    };
    const rapidApiHost = present(options.rapidApiHost) ?? DOMAINR_RAPIDAPI_HOST;
    /** The auth mode of this call: options first, then the environment (read now). */
    const route = (operation: string) => {
      const mode: CredentialName | undefined = present(options.clientId)
        ? 'clientId'
        : present(options.rapidApiKey)
          ? 'rapidApiKey'
          : present(process.env[DOMAINR_ENV.clientId])
            ? 'clientId'
            : present(process.env[DOMAINR_ENV.rapidApiKey])
              ? 'rapidApiKey'
              : undefined;
      if (mode === undefined) throw missing('clientId', operation);
      return mode === 'clientId'
        ? { transport: transports.clientId, headers: undefined }
        : { transport: transports.rapidApiKey, headers: { 'X-RapidAPI-Host': rapidApiHost } };
    };

    suggest = async (query, opts) => {
      const q = checkedSuggestQuery(query, opts, api);
      const { transport, headers } = route('suggestDomains');
      const { data } = await transport.request({
        operation: 'suggestDomains',
        method: 'GET',
        path: '/v2/search',
        query: { query: q.query, location: q.location, registrar: q.registrar, defaults: q.defaults },
        headers,
        schema: V2SearchResponseSchema,
        bucket: 'v2',
        ...requestOptions(opts),
      });
      return v2SearchToSuggestions(data);
    };
    methods = {
      async checkAvailability(name, opts) {
        const domain = checkedName(name, 'checkAvailability');
        const { transport, headers } = route('checkAvailability');
        const { data } = await transport.request({
          operation: 'checkAvailability',
          method: 'GET',
          path: '/v2/status',
          query: { domain },
          headers,
          schema: V2StatusResponseSchema,
          bucket: 'v2',
          ...requestOptions(opts),
        });
        return v2StatusToAvailability(domain, data);
      },
      suggestDomains: suggest,
    };
  } else {
    const transport = createTransport({
      ...transportOptions,
      baseURL: options.baseURL ?? FASTLY_BASE_URL,
      credentials: () => ({ headers: { 'Fastly-Key': required('fastlyToken') } }),
    });
    const status = async (domain: string, operation: string, opts: CallOptions | undefined) => {
      if (credential('fastlyToken') === undefined) throw missing('fastlyToken', operation);
      const { data } = await transport.request({
        operation,
        method: 'GET',
        path: `${FASTLY_TOOLS}/status`,
        query: { domain, scope: options.scope },
        schema: FastlyStatusResponseSchema,
        bucket: 'fastly',
        ...requestOptions(opts),
      });
      return data;
    };

    suggest = async (query, opts) => {
      const q = checkedSuggestQuery(query, opts, api);
      if (credential('fastlyToken') === undefined) throw missing('fastlyToken', 'suggestDomains');
      const { data } = await transport.request({
        operation: 'suggestDomains',
        method: 'GET',
        path: `${FASTLY_TOOLS}/suggest`,
        query: {
          query: q.query,
          defaults: q.defaults,
          keywords: q.keywords,
          location: q.location,
          vendor: q.registrar,
        },
        schema: FastlySuggestResponseSchema,
        bucket: 'fastly',
        ...requestOptions(opts),
      });
      return fastlySuggestToSuggestions(data);
    };
    methods = {
      async checkAvailability(name, opts) {
        const domain = checkedName(name, 'checkAvailability');
        return fastlyStatusToAvailability(domain, await status(domain, 'checkAvailability', opts));
      },
      async getPrice(name, opts?: PriceOptions): Promise<DomainrPriceQuote> {
        const domain = checkedName(name, 'getPrice');
        const issues: ValidationIssue[] = [];
        if ((opts?.operation ?? 'register') !== 'register') {
          issues.push({
            path: 'operation',
            message: "must be 'register': Fastly quotes only aftermarket purchase offers",
          });
        }
        if ((opts?.years ?? 1) !== 1)
          issues.push({ path: 'years', message: 'must be 1: an aftermarket offer is one purchase price' });
        if (issues.length > 0) throw invalid('getPrice', issues);
        const quote = fastlyStatusToPriceQuote(domain, await status(domain, 'getPrice', opts));
        if (quote === null) {
          throw new NotFoundError(
            `${PROVIDER} getPrice: no aftermarket offer for ${domain} (Domainr quotes no registration prices)`,
            {
              provider: PROVIDER,
              operation: 'getPrice',
            },
          );
        }
        return quote;
      },
      suggestDomains: suggest,
    };
  }

  const checkAvailability = methods.checkAvailability as RegistrarMethods['checkAvailability'];
  async function* checkAvailabilityMany(
    names: Iterable<string>,
    opts?: CheckManyOptions,
  ): AsyncGenerator<DomainrCheckResult> {
    const concurrency = opts?.concurrency ?? 4;
    const issues: ValidationIssue[] = [];
    if (
      typeof names === 'string' ||
      typeof (names as Iterable<string> | undefined)?.[Symbol.iterator] !== 'function'
    ) {
      issues.push({ path: 'names', message: 'must be an iterable of names (e.g. an array)' });
    }
    if (!Number.isInteger(concurrency) || concurrency < 1)
      issues.push({ path: 'concurrency', message: 'must be an integer ≥ 1' });
    if (issues.length > 0) throw invalid('checkAvailabilityMany', issues);
    yield* mapInCompletionOrder(
      names,
      concurrency,
      (name, signal) =>
        checkAvailability(name, { signal, timeoutMs: opts?.timeoutMs }).then(
          (result): DomainrCheckResult => ({ name, result }),
          (error: unknown): DomainrCheckResult => ({ name, error: asRegistrarError(error) }),
        ),
      {
        signal: opts?.signal,
        onAbort: () =>
          new NetworkError(`${PROVIDER} checkAvailabilityMany was aborted`, {
            provider: PROVIDER,
            operation: 'checkAvailabilityMany',
            code: 'aborted',
          }),
      },
    );
  }

  return defineRegistrar<DomainrExtras>(PROVIDER, methods, {
    api,
    checkAvailabilityMany,
    suggestDomains: suggest,
  });
}
