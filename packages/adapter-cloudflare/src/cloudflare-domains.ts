/**
 * Registrations (list by cursor, get, auto-renew PATCH), availability and prices (domain-check,
 * domain-transfer-check), suggestions (domain-search) and per-extension requirements, all on the
 * 2026 Registrar API (docs/providers/cloudflare.md#registrar). The legacy `/registrar/domains`
 * endpoints stopped answering after 2026-09-27 and are not used.
 */
import {
  type Availability,
  type CallOptions,
  type Domain,
  type DomainPatch,
  DomainPatchSchema,
  type DomainSuggestion,
  type ExtendedAttribute,
  type ListOptions,
  money,
  normalizeDomainName,
  type PriceOptions,
  type PriceQuote,
  ProviderError,
  parseInput,
  type RegistrarMethods,
  ResponseFormatError,
  type SuggestOptions,
  type TldRequirements,
  UnsupportedOperationError,
  ValidationError,
} from '@registrar-kit/core';
import { z } from 'zod';
import { type CloudflareClient, PROVIDER, parseDomainName } from './cloudflare-client.js';
import { renewalPrice, termPrice, toAvailability, toDomain } from './cloudflare-domain-mappers.js';
import {
  type CloudflareCheckedDomain,
  type CloudflarePricing,
  CursorInfoSchema,
  DomainListSchema,
  ExtensionSchema,
  envelope,
  RegistrationPayloadSchema,
  TransferCheckSchema,
} from './cloudflare-schemas.js';
import { pollWorkflow, settled, WorkflowSchema } from './cloudflare-workflow.js';

const RegistrationSchema = envelope(RegistrationPayloadSchema);
const RegistrationsSchema = envelope(z.array(RegistrationPayloadSchema), CursorInfoSchema.optional());
const CheckSchema = envelope(DomainListSchema);
const TransferCheckEnvelope = envelope(TransferCheckSchema);
const ExtensionEnvelope = envelope(ExtensionSchema);

/** Registrations per page: Cloudflare allows 1–50 (default 20). */
const MAX_PAGE_SIZE = 50;
const enc = encodeURIComponent;

/** What Cloudflare can change on a registration: only `auto_renew` (docs/providers/cloudflare.md#registrar). */
const UNCHANGEABLE: Readonly<Record<string, string>> = {
  whoisPrivacy:
    'Cloudflare sets WHOIS redaction at registration or transfer only; the 2026 API cannot change it',
  transferLock: 'the 2026 Cloudflare Registrar API cannot change the transfer lock',
  nameservers: "domains at Cloudflare Registrar always use their Cloudflare zone's nameservers",
};

/** domain-check for one name: its entry, or a reason-only entry when Cloudflare refuses them all. */
export async function checkOne(
  client: CloudflareClient,
  name: string,
  operation: string,
  opts?: CallOptions,
): Promise<CloudflareCheckedDomain> {
  const path = await client.registrarPath(operation, '/domain-check', opts);
  try {
    const { data } = await client.send(
      { operation, method: 'POST', path, body: { domains: [name] }, schema: CheckSchema, idempotent: true },
      opts,
    );
    const found = data.result.domains.find((d) => d.name.toLowerCase() === name);
    if (found) return found;
  } catch (error) {
    // 1008: "None of the provided domains are valid or have supported extensions".
    if (!(error instanceof ValidationError && error.code === 'no_valid_domains')) throw error;
  }
  return { name, registrable: false, reason: 'extension_not_supported' };
}

/** domain-transfer-check for one name (its auth code base64-encoded, as the API wants it). */
export async function checkTransferOne(
  client: CloudflareClient,
  name: string,
  authCode: string | undefined,
  operation: string,
  opts?: CallOptions,
) {
  const path = await client.registrarPath(operation, '/domain-transfer-check', opts);
  const entry =
    authCode === undefined ? { domain_name: name } : { domain_name: name, auth_code: toBase64(authCode) };
  const { data } = await client.send(
    {
      operation,
      method: 'POST',
      path,
      body: { domains: [entry] },
      schema: TransferCheckEnvelope,
      idempotent: true,
    },
    opts,
  );
  const found = Object.entries(data.result.domains).find(([key]) => key.toLowerCase() === name)?.[1];
  if (found) return found;
  // A registry that did not answer: reported in errors[] while success stays true.
  const upstream = data.errors.map((e) => e.message).join('; ');
  throw new ProviderError(
    `${PROVIDER} ${operation}: Cloudflare could not check ${name}${upstream ? `: ${upstream}` : ''}`,
    {
      provider: PROVIDER,
      operation,
      code: 'registry_unavailable',
      retryable: true,
    },
  );
}

export function toBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** The model's refusal for a name domain-check says cannot be registered here. */
export function notRegistrable(
  name: string,
  checked: CloudflareCheckedDomain,
  operation: string,
): ValidationError {
  const reason = checked.reason ?? 'not_registrable';
  const text = toAvailability(name, checked).reason ?? reason;
  return new ValidationError(`${PROVIDER} ${operation}: ${name} cannot be registered: ${text}`, {
    provider: PROVIDER,
    operation,
    code:
      reason === 'domain_premium'
        ? 'premium_not_supported'
        : reason === 'domain_unavailable'
          ? 'domain_unavailable'
          : 'not_registrable',
    issues: [{ path: 'domain', message: text }],
  });
}

function requirementsOf(
  tld: string,
  schema: Record<string, unknown>,
): Omit<TldRequirements, 'provider' | 'raw'> {
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const years = props.years ?? {};
  const privacy = props.privacy_mode?.enum;
  const extensions = (props.contact_extensions ?? {}) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const extendedAttributes: ExtendedAttribute[] = Object.entries(extensions.properties ?? {}).map(
    ([name, field]) => ({
      name,
      required: (extensions.required ?? []).includes(name),
      description: typeof field.description === 'string' ? field.description : null,
      options: Array.isArray(field.enum)
        ? field.enum.map((value) => ({ value: String(value), title: null }))
        : [],
    }),
  );
  return {
    tld,
    minYears: typeof years.minimum === 'number' ? years.minimum : 1,
    maxYears: typeof years.maximum === 'number' ? years.maximum : 10,
    whoisPrivacy: Array.isArray(privacy) ? privacy.includes('redaction') : null,
    // Renewals happen only through auto-renew (docs/providers/cloudflare.md#registrar).
    autoRenewOnly: true,
    extendedAttributes,
  };
}

/** An extension's registration schema as `TldRequirements` (`GET …/extensions/{extension}`). */
export async function tldRequirements(
  client: CloudflareClient,
  tld: string,
  operation: string,
  opts?: CallOptions,
): Promise<TldRequirements> {
  const extension = typeof tld === 'string' ? tld.trim().toLowerCase().replace(/^\./, '') : '';
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(extension)) {
    throw new ValidationError(`${PROVIDER} ${operation}: invalid extension ${JSON.stringify(tld)}`, {
      provider: PROVIDER,
      operation,
      issues: [{ path: 'tld', message: 'must be an extension such as com or co.uk' }],
    });
  }
  const path = await client.registrarPath(operation, `/extensions/${enc(extension)}`, opts);
  const { data } = await client.send({ operation, method: 'GET', path, schema: ExtensionEnvelope }, opts);
  return {
    provider: PROVIDER,
    ...requirementsOf(extension, data.result.registration_schema),
    raw: data.result,
  };
}

export function domainMethods(client: CloudflareClient): Partial<RegistrarMethods> {
  const getDomain = async (domain: string, opts?: CallOptions): Promise<Domain> => {
    const name = parseDomainName(domain, 'getDomain');
    const path = await client.registrarPath('getDomain', `/registrations/${enc(name)}`, opts);
    const { data } = await client.send(
      { operation: 'getDomain', method: 'GET', path, schema: RegistrationSchema },
      opts,
    );
    return toDomain(data.result);
  };

  const listDomains = (opts: ListOptions = {}): AsyncIterable<Domain> => ({
    async *[Symbol.asyncIterator]() {
      const perPage = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(opts.pageSize ?? MAX_PAGE_SIZE)));
      const seen = new Set<string>();
      let cursor = '';
      do {
        const path = await client.registrarPath('listDomains', '/registrations', opts);
        const { data } = await client.send(
          {
            operation: 'listDomains',
            method: 'GET',
            path,
            query: { per_page: perPage, ...(cursor ? { cursor } : {}) },
            schema: RegistrationsSchema,
          },
          opts,
        );
        for (const payload of data.result) yield toDomain(payload);
        cursor = data.result_info?.cursor ?? '';
        if (data.result.length === 0) return;
        if (cursor && seen.has(cursor)) {
          throw new ResponseFormatError(`${PROVIDER} listDomains: Cloudflare repeated the cursor ${cursor}`, {
            provider: PROVIDER,
            operation: 'listDomains',
            code: 'bad_pagination',
          });
        }
        seen.add(cursor);
      } while (cursor !== '');
    },
  });

  const updateDomain = async (domain: string, patch: DomainPatch, opts?: CallOptions): Promise<Domain> => {
    const context = { provider: PROVIDER, operation: 'updateDomain' };
    const parsed = parseInput(DomainPatchSchema, patch, context, 'patch');
    const issues = Object.keys(parsed)
      .filter((key) => UNCHANGEABLE[key])
      .map((key) => ({ path: key, message: UNCHANGEABLE[key]! }));
    if (issues.length > 0) {
      throw new ValidationError(
        `${PROVIDER} updateDomain: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        {
          ...context,
          code: 'unsupported_setting',
          issues,
        },
      );
    }
    const name = parseDomainName(domain, 'updateDomain');
    if (parsed.autoRenew === undefined) return getDomain(name, opts);
    const path = await client.registrarPath('updateDomain', `/registrations/${enc(name)}`, opts);
    const { data } = await client.send(
      {
        operation: 'updateDomain',
        method: 'PATCH',
        path,
        body: { auto_renew: parsed.autoRenew },
        schema: WorkflowSchema,
      },
      opts,
    );
    const status = settled(data.result)
      ? data.result
      : await pollWorkflow(client, name, 'update-status', data.result, 'updateDomain', opts);
    const registration = status.state === 'succeeded' ? status.context?.registration : undefined;
    return registration ? toDomain(registration) : getDomain(name, opts);
  };

  const checkAvailability = async (name: string, opts?: CallOptions): Promise<Availability> => {
    const domain = parseDomainName(name, 'checkAvailability');
    return toAvailability(domain, await checkOne(client, domain, 'checkAvailability', opts));
  };

  const getPrice = async (name: string, opts: PriceOptions = {}): Promise<PriceQuote> => {
    const domain = parseDomainName(name, 'getPrice');
    const operation = opts.operation ?? 'register';
    const years = opts.years ?? 1;
    if (!Number.isInteger(years) || years < 1 || years > 10) {
      throw new ValidationError(`${PROVIDER} getPrice: years must be a whole number from 1 to 10`, {
        provider: PROVIDER,
        operation: 'getPrice',
        issues: [{ path: 'years', message: 'must be a whole number from 1 to 10' }],
      });
    }
    const quote = (
      price: ReturnType<typeof money>,
      pricing: CloudflarePricing,
      available: boolean | null,
    ): PriceQuote => ({
      provider: PROVIDER,
      domain,
      operation,
      years,
      price,
      premium: false,
      available,
      renewalPrice: renewalPrice(pricing),
    });
    if (operation === 'register') {
      const checked = await checkOne(client, domain, 'getPrice', opts);
      const price = checked.registrable && checked.pricing ? termPrice(checked.pricing, years) : null;
      if (!price || !checked.pricing) throw notRegistrable(domain, checked, 'getPrice');
      return { ...quote(price, checked.pricing, true), premium: checked.tier === 'premium' };
    }
    if (operation === 'transfer') {
      if (client.registrarSpace === 'registrar-sandbox') {
        throw new UnsupportedOperationError(PROVIDER, 'getPrice', 'the sandbox has no transfers');
      }
      if (years !== 1) {
        throw new ValidationError(`${PROVIDER} getPrice: a transfer to Cloudflare adds one year`, {
          provider: PROVIDER,
          operation: 'getPrice',
          issues: [{ path: 'years', message: 'must be 1 for a transfer' }],
        });
      }
      const eligibility = await checkTransferOne(client, domain, undefined, 'getPrice', opts);
      const pricing = eligibility.pricing;
      if (!pricing?.transfer_cost) {
        throw new ValidationError(`${PROVIDER} getPrice: Cloudflare gives no transfer price for ${domain}`, {
          provider: PROVIDER,
          operation: 'getPrice',
          code: 'not_transferable',
          issues: eligibility.reasons.map((r) => ({ path: 'domain', message: r.code })),
        });
      }
      return quote(money(pricing.transfer_cost, pricing.currency), pricing, null);
    }
    throw new UnsupportedOperationError(
      PROVIDER,
      'getPrice',
      `Cloudflare quotes no ${operation} price (renewals are automatic; there is no restore API)`,
    );
  };

  const suggestDomains = async (query: string, opts: SuggestOptions = {}): Promise<DomainSuggestion[]> => {
    const q = typeof query === 'string' ? query.trim() : '';
    if (q.length === 0 || q.length > 100) {
      throw new ValidationError(`${PROVIDER} suggestDomains: the query must be 1 to 100 characters`, {
        provider: PROVIDER,
        operation: 'suggestDomains',
        issues: [{ path: 'query', message: 'must be 1 to 100 characters' }],
      });
    }
    // Extensions repeat the key (`extensions=com&extensions=dev`), as the official SDK sends them.
    const params = new URLSearchParams({ q });
    for (const tld of opts.tlds ?? [])
      params.append('extensions', tld.trim().toLowerCase().replace(/^\./, ''));
    params.set('limit', '20');
    const path = await client.registrarPath('suggestDomains', `/domain-search?${params}`, opts);
    const { data } = await client.send(
      { operation: 'suggestDomains', method: 'GET', path, schema: CheckSchema },
      opts,
    );
    return data.result.domains
      .filter((d) => d.registrable)
      .map((d) => {
        const domain = normalizeDomainName(d.name);
        return { domain, zone: domain.slice(domain.indexOf('.') + 1), registerUrl: null };
      });
  };

  const getTldRequirements = (tld: string, opts?: CallOptions) =>
    tldRequirements(client, tld, 'getTldRequirements', opts);

  return {
    getDomain,
    listDomains,
    updateDomain,
    checkAvailability,
    getPrice,
    suggestDomains,
    getTldRequirements,
  };
}
