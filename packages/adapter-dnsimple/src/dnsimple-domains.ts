/**
 * Domains and registrar reads: list/get/update domains, availability and prices.
 */
import {
  type Availability,
  type CallOptions,
  type Domain,
  type DomainPatch,
  DomainPatchSchema,
  invalidInput,
  isRegistrarError,
  type ListOptions,
  type Money,
  normalizeDomainName,
  PRICE_OPERATIONS,
  type PriceOperation,
  type PriceOptions,
  type PriceQuote,
  ProviderBody,
  paginate,
  type RegistrarError,
  urlPath,
  ValidationError,
  type ValidationIssue,
} from '@registrar-kit/core';
import {
  context,
  type DnsimpleClient,
  pageSize,
  parseDomainName,
  parseDomainRef,
} from './dnsimple-client.js';
import {
  type DomainExtras,
  mapAvailability,
  mapDomain,
  mapPriceQuote,
  PROVIDER,
  priceOf,
} from './dnsimple-mappers.js';
import {
  CheckResultSchema,
  DelegationSchema,
  type DnsimpleCheckResult,
  DomainPayloadSchema,
  envelope,
  PricesSchema,
  pageOf,
  TransferLockSchema,
  WhoisPrivacySchema,
} from './dnsimple-schemas.js';

/** `listDomains` options: DNSimple's filters and sort are passed through. */
export interface DnsimpleListDomainsOptions extends ListOptions {
  /** Only domains whose name contains this string (`name_like`). */
  nameLike?: string;
  /** Only domains of this registrant contact (`registrant_id`). */
  registrantId?: string | number;
  /** `id`, `name` or `expiration`, each `:asc`/`:desc`, comma-separated (default `name:asc`). */
  sort?: string;
}

/** Renewal `period` bounds (spec: 1–9). */
export const MAX_RENEW_YEARS = 9;

/** A 4xx other than 401/429 on a side read (transfer lock, delegation): the fact is unknown, not an error. */
function unknownFact(error: unknown): boolean {
  return (
    isRegistrarError(error) &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 401 &&
    error.status !== 429
  );
}

/** The provider's message from an error's body (kept as its cause), for `reason` fields. */
function providerMessage(error: RegistrarError): string | null {
  const body = error.cause instanceof ProviderBody ? (error.cause.body as { message?: unknown }) : undefined;
  return typeof body?.message === 'string' ? body.message : null;
}

export function domainMethods(client: DnsimpleClient) {
  const registrarPath = async (domain: string, operation: string, opts?: CallOptions) => {
    const accountId = await client.account(operation, opts);
    const name = await client.domainName(domain, operation, opts);
    return { accountId, name, base: urlPath`/v2/${accountId}/registrar/domains/${name}` };
  };

  async function extrasOf(
    accountId: string,
    name: string,
    state: string,
    operation: string,
    opts?: CallOptions,
  ): Promise<DomainExtras> {
    // Transfer lock and delegation live on registrar endpoints, for domains registered with DNSimple.
    if (state !== 'registered' && state !== 'expired') return {};
    const base = urlPath`/v2/${accountId}/registrar/domains/${name}`;
    const [lock, delegation] = await Promise.all([
      client
        .send(
          {
            operation,
            method: 'GET',
            path: `${base}/transfer_lock`,
            schema: TransferLockSchema,
          },
          opts,
        )
        .then((r) => r.data.data.enabled)
        .catch((error: unknown) => {
          if (unknownFact(error)) return null;
          throw error;
        }),
      client
        .send({ operation, method: 'GET', path: `${base}/delegation`, schema: DelegationSchema }, opts)
        .then((r) => r.data.data)
        .catch((error: unknown) => {
          if (unknownFact(error)) return null;
          throw error;
        }),
    ]);
    return { transferLock: lock, nameservers: delegation };
  }

  /** The domain with its transfer lock and delegation; `operation` names the public method. */
  async function readDomain(domain: string, operation: string, opts?: CallOptions): Promise<Domain> {
    const ref = parseDomainRef(domain, operation);
    const accountId = await client.account(operation, opts);
    const key = ref.kind === 'id' ? ref.id : ref.name;
    const { data } = await client.send(
      {
        operation,
        method: 'GET',
        path: urlPath`/v2/${accountId}/domains/${key}`,
        schema: envelope(DomainPayloadSchema),
      },
      opts,
    );
    client.remember(data.data);
    const extras = await extrasOf(
      accountId,
      normalizeDomainName(data.data.name),
      data.data.state,
      operation,
      opts,
    );
    return mapDomain(data.data, extras);
  }

  const getDomain = (domain: string, opts?: CallOptions): Promise<Domain> =>
    readDomain(domain, 'getDomain', opts);

  function listDomains(opts?: DnsimpleListDomainsOptions): AsyncIterable<Domain> {
    const perPage = pageSize(opts);
    return paginate(
      async (page, signal) => {
        const accountId = await client.account('listDomains', { ...opts, signal });
        const { data } = await client.send(
          {
            operation: 'listDomains',
            method: 'GET',
            path: urlPath`/v2/${accountId}/domains`,
            query: {
              page,
              per_page: perPage,
              name_like: opts?.nameLike,
              registrant_id: opts?.registrantId === undefined ? undefined : String(opts.registrantId),
              sort: opts?.sort,
            },
            schema: pageOf(DomainPayloadSchema),
          },
          { ...opts, signal },
        );
        for (const payload of data.data) client.remember(payload);
        return {
          items: data.data.map((payload) => mapDomain(payload)),
          totalPages: data.pagination.total_pages,
        };
      },
      {
        concurrency: opts?.concurrency,
        signal: opts?.signal,
        provider: 'dnsimple',
        operation: 'listDomains',
      },
    );
  }

  async function updateDomain(domain: string, patch: DomainPatch, opts?: CallOptions): Promise<Domain> {
    const parsed = DomainPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const issues = parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({
              path: key,
              message: 'cannot be changed (DNSimple: autoRenew, whoisPrivacy, transferLock, nameservers)',
            }))
          : [{ path: issue.path.map(String).join('.'), message: issue.message }],
      );
      throw invalidInput(context('updateDomain'), issues, 'domain patch');
    }
    const issues: ValidationIssue[] = [];
    let nameservers: string[] | undefined;
    if (parsed.data.nameservers !== undefined) {
      if (parsed.data.nameservers.length === 0)
        issues.push({ path: 'nameservers', message: 'must list at least one name server' });
      nameservers = parsed.data.nameservers.map((host, index) => {
        try {
          return normalizeDomainName(host);
        } catch {
          issues.push({ path: `nameservers.${index}`, message: `"${host}" is not a valid host name` });
          return host;
        }
      });
    }
    if (issues.length > 0) throw invalidInput(context('updateDomain'), issues, 'domain patch');
    const { name, base } = await registrarPath(domain, 'updateDomain', opts);
    const { autoRenew, whoisPrivacy, transferLock } = parsed.data;
    // Enabling WHOIS privacy may buy the service (https://developer.dnsimple.com/v2/registrar/whois-privacy/):
    // the domain is read before it and the purchase is the last write, so once it is bought the call
    // resolves, and a failing read after it leaves only updatedAt unknown.
    const purchase = whoisPrivacy === true;
    const before = purchase ? await readDomain(name, 'updateDomain', opts) : null;
    if (autoRenew !== undefined) {
      await client.send(
        { operation: 'updateDomain', method: autoRenew ? 'PUT' : 'DELETE', path: `${base}/auto_renewal` },
        opts,
      );
    }
    if (whoisPrivacy === false) await setWhoisPrivacy(base, false, opts);
    if (transferLock !== undefined) {
      // Enabling is a POST, but setting a lock twice changes nothing: safe to retry.
      await client.send(
        {
          operation: 'updateDomain',
          method: transferLock ? 'POST' : 'DELETE',
          path: `${base}/transfer_lock`,
          schema: TransferLockSchema,
          idempotent: true,
        },
        opts,
      );
    }
    if (nameservers !== undefined) {
      // The body is a bare JSON array (https://developer.dnsimple.com/v2/registrar/delegation/).
      await client.send(
        {
          operation: 'updateDomain',
          method: 'PUT',
          path: `${base}/delegation`,
          body: nameservers,
          schema: DelegationSchema,
        },
        opts,
      );
    }
    if (before === null) return readDomain(name, 'updateDomain', opts);
    await setWhoisPrivacy(base, true, opts);
    return readDomain(name, 'updateDomain', opts).catch(
      (): Domain => ({
        ...before,
        whoisPrivacy: true,
        autoRenew: autoRenew ?? before.autoRenew,
        transferLock: transferLock ?? before.transferLock,
        nameservers: nameservers ?? before.nameservers,
        updatedAt: null,
      }),
    );
  }

  async function setWhoisPrivacy(base: string, enabled: boolean, opts?: CallOptions): Promise<void> {
    await client.send(
      {
        operation: 'updateDomain',
        method: enabled ? 'PUT' : 'DELETE',
        path: `${base}/whois_privacy`,
        schema: WhoisPrivacySchema,
        // Enabling may buy the service: it spends money, so it is retried only when it certainly
        // did not reach DNSimple.
        idempotent: !enabled,
      },
      opts,
    );
  }

  async function checkAvailability(domain: string, opts?: CallOptions): Promise<Availability> {
    const name = parseDomainName(domain, 'checkAvailability');
    const accountId = await client.account('checkAvailability', opts);
    const base = urlPath`/v2/${accountId}/registrar/domains/${name}`;
    let check: DnsimpleCheckResult;
    try {
      const response = await client.send(
        {
          operation: 'checkAvailability',
          method: 'GET',
          path: `${base}/check`,
          schema: envelope(CheckResultSchema),
        },
        opts,
      );
      check = response.data.data;
    } catch (error) {
      // 400: the check cannot run for this name (unsupported TLD, invalid for the registry).
      if (error instanceof ValidationError && error.status === 400) {
        return {
          provider: PROVIDER,
          domain: name,
          available: false,
          status: 'unregistrable',
          premium: false,
          price: null,
          reason: providerMessage(error) ?? error.message,
          suggestions: [],
          providerStatus: [],
          raw: error.cause instanceof ProviderBody ? error.cause.body : null,
        };
      }
      throw error;
    }
    let price: Money | null = null;
    if (check.available && check.premium) {
      // A premium name's price is what the buyer must confirm: read it from the prices endpoint.
      price = await client
        .send(
          {
            operation: 'checkAvailability',
            method: 'GET',
            path: `${base}/prices`,
            schema: envelope(PricesSchema),
          },
          opts,
        )
        .then((r) => priceOf(r.data.data, 'register'))
        .catch((error: unknown) => {
          if (unknownFact(error)) return null;
          throw error;
        });
    }
    return mapAvailability(check, name, price);
  }

  async function getPrice(domain: string, opts?: PriceOptions): Promise<PriceQuote> {
    const name = parseDomainName(domain, 'getPrice');
    const operation: PriceOperation = opts?.operation ?? 'register';
    const years = opts?.years ?? 1;
    const issues: ValidationIssue[] = [];
    if (!(PRICE_OPERATIONS as readonly string[]).includes(operation)) {
      issues.push({ path: 'operation', message: `must be one of ${PRICE_OPERATIONS.join(', ')}` });
    }
    const maxYears = operation === 'renew' ? MAX_RENEW_YEARS : 1;
    if (!Number.isInteger(years) || years < 1 || years > maxYears) {
      issues.push({
        path: 'years',
        message:
          operation === 'renew'
            ? `must be an integer from 1 to ${MAX_RENEW_YEARS}`
            : `DNSimple ${operation}s run for one period (the TLD's minimum): years must be 1`,
      });
    }
    if (issues.length > 0) throw invalidInput(context('getPrice'), issues, 'price request');
    const accountId = await client.account('getPrice', opts);
    const { data } = await client.send(
      {
        operation: 'getPrice',
        method: 'GET',
        path: urlPath`/v2/${accountId}/registrar/domains/${name}/prices`,
        schema: envelope(PricesSchema),
      },
      opts,
    );
    return mapPriceQuote(data.data, name, operation, years);
  }
  return {
    methods: { listDomains, getDomain, updateDomain, checkAvailability, getPrice },
  };
}
