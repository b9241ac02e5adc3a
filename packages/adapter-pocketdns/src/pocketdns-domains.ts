/**
 * Domain Management API methods (docs/providers/pocketdns.md#domains): listDomains, getDomain,
 * updateDomain, checkAvailability, getPrice, listTldPrices, and getZone (a domain's zone lives at
 * PocketDNS with it: its details give the zone).
 */
import {
  type Availability,
  type CallOptions,
  type Domain,
  type DomainPatch,
  invalidInput,
  type ListOptions,
  type PriceOptions,
  type PriceQuote,
  parseInput,
  type TldPrice,
  UnsupportedOperationError,
  urlPath,
  type ValidationIssue,
  type Zone,
} from '@registrar-kit/core';
import { z } from 'zod';
import type { PocketDnsClient } from './pocketdns-client.js';
import { toDomain, toZone } from './pocketdns-mappers.js';
import type { PocketDnsPrices } from './pocketdns-prices.js';
import { PROVIDER } from './pocketdns-provider-info.js';
import { DomainUpdateSchema } from './pocketdns-schemas.js';

const PATCH_FIELDS: Readonly<Record<string, string>> = {
  autoRenew: 'auto_renew',
  whoisPrivacy: 'whois_privacy',
};

const PriceOptionsSchema = z.object({
  operation: z.enum(['register', 'renew', 'transfer', 'restore']).default('register'),
  years: z.number().int().min(1).max(10).default(1),
});

export function domainMethods(client: PocketDnsClient, prices: PocketDnsPrices) {
  return {
    listDomains(opts: ListOptions = {}): AsyncIterable<Domain> {
      return {
        async *[Symbol.asyncIterator]() {
          const owner = client.requireOwner('listDomains', opts);
          // PocketDNS documents no pagination: one request returns every domain with `total`.
          const domains = await client.fetchDomains(owner, 'listDomains', opts);
          for (const domain of domains) yield toDomain(domain, owner);
        },
      };
    },

    async getDomain(domain: string, opts: CallOptions = {}): Promise<Domain> {
      const ref = client.parseDomain(domain, 'getDomain');
      return client.withDomain(ref, 'getDomain', opts, false, async ({ id }) =>
        toDomain(await client.fetchDetail(id, 'getDomain', opts)),
      );
    },

    async getZone(domain: string, opts: CallOptions = {}): Promise<Zone> {
      const ref = client.parseDomain(domain, 'getZone');
      return client.withDomain(ref, 'getZone', opts, false, async ({ id }) =>
        toZone(await client.fetchDetail(id, 'getZone', opts)),
      );
    },

    async updateDomain(domain: string, patch: DomainPatch, opts: CallOptions = {}): Promise<Domain> {
      const operation = 'updateDomain';
      const context = { provider: PROVIDER, operation };
      const ref = client.parseDomain(domain, operation);
      if (!patch || typeof patch !== 'object')
        throw invalidInput(context, [{ path: '', message: 'the patch must be an object' }], 'patch');
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
      if (issues.length > 0) throw invalidInput(context, issues, 'patch');
      return client.withDomain(ref, operation, opts, false, async ({ id }) => {
        const { data: update } = await client.send(
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
        const result = toDomain(await client.fetchDetail(id, operation, opts));
        return {
          ...result,
          autoRenew: update.auto_renew ?? result.autoRenew,
          whoisPrivacy: update.whois_privacy ?? result.whoisPrivacy,
          updatedAt: update.updated_at ? new Date(update.updated_at) : result.updatedAt,
        };
      });
    },

    listTldPrices: (opts: CallOptions = {}): Promise<TldPrice[]> =>
      prices.fetchTldPrices('listTldPrices', opts),

    async checkAvailability(name: string, opts: CallOptions = {}): Promise<Availability> {
      const operation = 'checkAvailability';
      return prices.fetchAvailability(client.parseName(name, operation), operation, opts);
    },

    async getPrice(name: string, opts: PriceOptions = {}): Promise<PriceQuote> {
      const operation = 'getPrice';
      const ascii = client.parseName(name, operation);
      const { operation: kind, years } = parseInput(
        PriceOptionsSchema,
        { operation: opts.operation, years: opts.years },
        { provider: PROVIDER, operation },
        'price options',
      );
      if (kind === 'restore')
        throw new UnsupportedOperationError(PROVIDER, operation, 'PocketDNS publishes no restore prices');
      const { operation: _op, years: _years, ...callOptions } = opts;
      return prices.quote(ascii, kind, years, operation, callOptions);
    },
  };
}
