/**
 * Domain Management API methods: listDomains, getDomain, updateDomain, renewDomain,
 * transferDomain, getTransfer, listTldPrices, checkAvailability, getPrice.
 */
import {
  type Availability,
  type CallOptions,
  type Domain,
  type DomainPatch,
  type ListOptions,
  multiplyDecimal,
  normalizeDomainName,
  type PriceOptions,
  type PriceQuote,
  type RenewInput,
  type RenewResult,
  type TldPrice,
  type Transfer,
  type TransferInput,
  UnsupportedOperationError,
  urlPath,
  ValidationError,
  type ValidationIssue,
} from '@registrar-kit/core';
import type { PocketDnsContext } from './pocketdns-context.js';
import {
  PROVIDER,
  toAvailability,
  toDomain,
  toRenewResult,
  toTldPrice,
  toTransfer,
} from './pocketdns-mappers.js';
import {
  AvailabilitySchema,
  DomainDetailSchema,
  DomainUpdateSchema,
  RenewSchema,
  TldListSchema,
  TransferSchema,
  TransferStartSchema,
} from './pocketdns-schemas.js';

function invalid(operation: string, issues: ValidationIssue[], what = 'invalid input'): ValidationError {
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new ValidationError(`pocketdns ${operation}: ${what}: ${summary}`, {
    provider: PROVIDER,
    operation,
    issues,
  });
}

function checkYears(years: unknown, operation: string): number {
  if (typeof years !== 'number' || !Number.isInteger(years) || years < 1 || years > 10) {
    throw invalid(operation, [{ path: 'years', message: 'must be an integer from 1 to 10' }]);
  }
  return years;
}

function checkName(name: string, operation: string): string {
  try {
    return normalizeDomainName(name);
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(error.message, { provider: PROVIDER, operation, issues: error.issues });
    throw error;
  }
}

const PATCH_FIELDS: Readonly<Record<string, string>> = {
  autoRenew: 'auto_renew',
  whoisPrivacy: 'whois_privacy',
};

export function domainMethods(ctx: PocketDnsContext) {
  async function getDetail(id: string, operation: string, opts: CallOptions) {
    const { data } = await ctx.send(
      {
        operation,
        method: 'GET',
        path: urlPath`/api/v1/domains/${id}`,
        schema: DomainDetailSchema,
        bucket: 'domainRetrieval',
      },
      opts,
    );
    ctx.remember(data.name, data.id);
    return data;
  }

  /** The TLD list entry of a name: the longest matching suffix (`example.co.uk` → `co.uk`). */
  async function tldOf(name: string, operation: string, opts: CallOptions): Promise<TldPrice> {
    const prices = await fetchTldPrices(operation, opts);
    const labels = name.split('.');
    for (let start = 1; start < labels.length; start++) {
      const suffix = labels.slice(start).join('.');
      const found = prices.find((price) => price.tld === suffix);
      if (found) return found;
    }
    throw invalid(
      operation,
      [{ path: 'name', message: `PocketDNS sells no TLD of ${name}` }],
      'unsupported TLD',
    );
  }

  async function fetchTldPrices(operation: string, opts: CallOptions): Promise<TldPrice[]> {
    const { data } = await ctx.send(
      {
        operation,
        method: 'GET',
        path: '/api/v1/domains/tlds',
        schema: TldListSchema,
        bucket: 'domainRetrieval',
      },
      opts,
    );
    return data.tlds.map(toTldPrice);
  }

  async function fetchAvailability(
    ascii: string,
    operation: string,
    opts: CallOptions,
  ): Promise<Availability> {
    const { data } = await ctx.send(
      {
        operation,
        method: 'GET',
        path: urlPath`/api/v1/domains/availability/${ascii}`,
        schema: AvailabilitySchema,
        bucket: 'availability',
      },
      opts,
    );
    return toAvailability(data, ascii);
  }

  return {
    listDomains(opts: ListOptions = {}): AsyncIterable<Domain> {
      return {
        async *[Symbol.asyncIterator]() {
          const owner = ctx.requireOwner('listDomains', opts);
          // PocketDNS documents no pagination: one request returns every domain with `total`.
          const domains = await ctx.fetchDomains(owner, 'listDomains', opts);
          for (const domain of domains) yield toDomain(domain, owner);
        },
      };
    },

    async getDomain(domain: string, opts: CallOptions = {}): Promise<Domain> {
      const ref = ctx.parseDomain(domain, 'getDomain');
      return ctx.withDomain(ref, 'getDomain', opts, false, async ({ id }) =>
        toDomain(await getDetail(id, 'getDomain', opts)),
      );
    },

    async updateDomain(domain: string, patch: DomainPatch, opts: CallOptions = {}): Promise<Domain> {
      const operation = 'updateDomain';
      const ref = ctx.parseDomain(domain, operation);
      if (!patch || typeof patch !== 'object')
        throw invalid(operation, [{ path: '', message: 'the patch must be an object' }]);
      const issues: ValidationIssue[] = [];
      const body: Record<string, boolean> = {};
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        const field = PATCH_FIELDS[key];
        if (!field)
          issues.push({
            path: key,
            message: 'PocketDNS cannot change this setting (it can change autoRenew and whoisPrivacy)',
          });
        else if (typeof value !== 'boolean') issues.push({ path: key, message: 'must be a boolean' });
        else body[field] = value;
      }
      if (issues.length === 0 && Object.keys(body).length === 0)
        issues.push({ path: '', message: 'the patch changes nothing' });
      if (issues.length > 0) throw invalid(operation, issues, 'unsupported patch');
      return ctx.withDomain(ref, operation, opts, false, async ({ id }) => {
        const { data: update } = await ctx.send(
          {
            operation,
            method: 'PUT',
            path: urlPath`/api/v1/domains/${id}`,
            body,
            schema: DomainUpdateSchema,
            bucket: 'domainUpdates',
          },
          opts,
        );
        // The PUT answers only the settings: the full domain comes from the details endpoint.
        const detail = await getDetail(id, operation, opts);
        const result = toDomain(detail);
        return {
          ...result,
          autoRenew: update.auto_renew ?? result.autoRenew,
          whoisPrivacy: update.whois_privacy ?? result.whoisPrivacy,
          updatedAt: update.updated_at ? new Date(update.updated_at) : result.updatedAt,
        };
      });
    },

    async renewDomain(domain: string, input: RenewInput, opts: CallOptions = {}): Promise<RenewResult> {
      const operation = 'renewDomain';
      const ref = ctx.parseDomain(domain, operation);
      const years = checkYears(input?.years, operation);
      return ctx.withDomain(ref, operation, opts, false, async ({ id, name }) => {
        const { data } = await ctx.send(
          {
            operation,
            method: 'POST',
            path: urlPath`/api/v1/domains/${id}/renew`,
            body: { years },
            schema: RenewSchema,
            bucket: 'domainUpdates',
          },
          opts,
        );
        return toRenewResult(data, name, domain);
      });
    },

    async transferDomain(input: TransferInput, opts: CallOptions = {}): Promise<Transfer> {
      const operation = 'transferDomain';
      if (!input || typeof input !== 'object')
        throw invalid(operation, [{ path: '', message: 'must be an object' }]);
      const name = checkName(input.domain, operation);
      const issues: ValidationIssue[] = [];
      if (typeof input.authCode !== 'string' || input.authCode.length === 0)
        issues.push({ path: 'authCode', message: 'is required' });
      if (input.contacts !== undefined)
        issues.push({ path: 'contacts', message: 'PocketDNS transfers take no contacts' });
      if (input.years !== undefined && input.years !== 1) {
        issues.push({
          path: 'years',
          message: 'PocketDNS can extend a transfer by 1 year only (years: 1 or extendRegistration: true)',
        });
      }
      if (input.extendRegistration !== undefined && typeof input.extendRegistration !== 'boolean') {
        issues.push({ path: 'extendRegistration', message: 'must be a boolean' });
      }
      if (input.years === 1 && input.extendRegistration === false) {
        issues.push({
          path: 'years',
          message: 'years: 1 asks for a 1-year extension, but extendRegistration is false',
        });
      }
      const known = new Set(['domain', 'authCode', 'years', 'contacts', 'extendRegistration', 'owner']);
      for (const key of Object.keys(input))
        if (!known.has(key)) issues.push({ path: key, message: 'is not a transfer field' });
      if (issues.length > 0) throw invalid(operation, issues);
      const owner = ctx.requireOwner(
        operation,
        opts,
        input.owner,
        'the user who will own the transferred domain',
      );
      const extend = input.extendRegistration ?? (input.years === 1 ? true : undefined);
      const { data } = await ctx.send(
        {
          operation,
          method: 'POST',
          path: '/api/v1/domains/transfer',
          body: {
            domain_name: name,
            user_identifier: owner,
            auth_code: input.authCode,
            ...(extend !== undefined ? { extend_registration: extend } : {}),
          },
          schema: TransferStartSchema,
          bucket: 'domainTransfers',
        },
        opts,
      );
      return toTransfer(data, name);
    },

    async getTransfer(id: string, opts: CallOptions = {}): Promise<Transfer> {
      const operation = 'getTransfer';
      ctx.checkId(id, operation);
      const { data } = await ctx.send(
        {
          operation,
          method: 'GET',
          path: urlPath`/api/v1/domains/transfers/${id}`,
          schema: TransferSchema,
          bucket: 'domainRetrieval',
        },
        opts,
      );
      if (data.status === 'completed' && data.domain_id) ctx.remember(data.domain_name, data.domain_id);
      return toTransfer(data);
    },

    listTldPrices: (opts: CallOptions = {}): Promise<TldPrice[]> => fetchTldPrices('listTldPrices', opts),

    async checkAvailability(name: string, opts: CallOptions = {}): Promise<Availability> {
      return fetchAvailability(checkName(name, 'checkAvailability'), 'checkAvailability', opts);
    },

    async getPrice(name: string, opts: PriceOptions = {}): Promise<PriceQuote> {
      const operation = 'getPrice';
      const ascii = checkName(name, operation);
      const kind = opts.operation ?? 'register';
      const years = checkYears(opts.years ?? 1, operation);
      if (kind === 'restore')
        throw new UnsupportedOperationError(PROVIDER, operation, 'PocketDNS publishes no restore prices');
      if (kind !== 'register' && kind !== 'renew' && kind !== 'transfer') {
        throw invalid(operation, [
          { path: 'operation', message: 'must be register, renew, transfer or restore' },
        ]);
      }
      const { operation: _op, years: _years, ...callOptions } = opts;
      if (kind === 'register') {
        // The availability answer holds the one-year price (premium included); a taken name has
        // none, so the TLD list's registration price is quoted with `available: false`.
        const availability = await fetchAvailability(ascii, operation, callOptions);
        const price = availability.price ?? (await tldOf(ascii, operation, callOptions)).register;
        if (!price)
          throw invalid(
            operation,
            [{ path: 'name', message: `PocketDNS has no registration price for ${ascii}` }],
            'no price',
          );
        return {
          provider: PROVIDER,
          domain: ascii,
          operation: kind,
          years,
          price: { amount: multiplyDecimal(price.amount, years), currency: price.currency },
          premium: availability.premium,
          available: availability.available,
          renewalPrice: null,
        };
      }
      const tld = await tldOf(ascii, operation, callOptions);
      const price = kind === 'renew' ? tld.renew : tld.transfer;
      if (!price)
        throw invalid(
          operation,
          [{ path: 'name', message: `PocketDNS has no ${kind} price for .${tld.tld}` }],
          'no price',
        );
      return {
        provider: PROVIDER,
        domain: ascii,
        operation: kind,
        years,
        price: { amount: multiplyDecimal(price.amount, years), currency: price.currency },
        premium: false,
        available: null,
        renewalPrice: tld.renew,
      };
    },
  };
}
