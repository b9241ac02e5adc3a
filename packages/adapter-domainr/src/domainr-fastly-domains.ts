/**
 * Fastly Domain Research, Domainr's successor
 * (https://www.fastly.com/documentation/reference/api/domain-management/domain-research/):
 * availability and aftermarket offers from `tools/status`, suggestions from `tools/suggest`
 * (docs/providers/domainr.md#fastly-domain-research).
 */
import { NotFoundError, type PriceOptions, type ValidationIssue } from '@registrar-kit/core';
import type { DomainrClient, FastlyStatusScope } from './domainr-client.js';
import type { DomainrDomainMethods } from './domainr-domain-methods.js';
import {
  type DomainrPriceQuote,
  fastlyStatusToAvailability,
  fastlyStatusToPriceQuote,
  fastlySuggestToSuggestions,
} from './domainr-fastly-mappers.js';
import { checkedName, checkedSuggestQuery, invalid } from './domainr-inputs.js';
import { FastlyStatusResponseSchema, FastlySuggestResponseSchema } from './domainr-schemas.js';

const TOOLS = '/domain-management/v1/tools';

/** `getPrice` asks for what an aftermarket offer is: one purchase, no term, no renewal. */
function priceOptionIssues(opts: PriceOptions | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if ((opts?.operation ?? 'register') !== 'register') {
    issues.push({
      path: 'operation',
      message: "must be 'register': Fastly quotes only aftermarket purchase offers",
    });
  }
  if ((opts?.years ?? 1) !== 1)
    issues.push({ path: 'years', message: 'must be 1: an aftermarket offer is one purchase price' });
  return issues;
}

export function fastlyDomainMethods(
  client: DomainrClient,
  scope: FastlyStatusScope | undefined,
): DomainrDomainMethods & { getPrice: NonNullable<DomainrDomainMethods['getPrice']> } {
  const status = (domain: string, operation: string, opts: PriceOptions | undefined) =>
    client.get(
      {
        operation,
        path: `${TOOLS}/status`,
        query: { domain, scope },
        schema: FastlyStatusResponseSchema,
      },
      opts,
    );
  return {
    async checkAvailability(name, opts) {
      const domain = checkedName(name, 'checkAvailability');
      return fastlyStatusToAvailability(domain, await status(domain, 'checkAvailability', opts));
    },
    async getPrice(name, opts): Promise<DomainrPriceQuote> {
      const domain = checkedName(name, 'getPrice');
      const issues = priceOptionIssues(opts);
      if (issues.length > 0) throw invalid('getPrice', issues, 'price options');
      const quote = fastlyStatusToPriceQuote(domain, await status(domain, 'getPrice', opts));
      if (quote === null) {
        throw new NotFoundError(
          `domainr getPrice: no aftermarket offer for ${domain} (Domainr quotes no registration prices)`,
          { provider: 'domainr', operation: 'getPrice' },
        );
      }
      return quote;
    },
    async suggestDomains(query, opts) {
      const q = checkedSuggestQuery(query, opts, 'fastly');
      const body = await client.get(
        {
          operation: 'suggestDomains',
          path: `${TOOLS}/suggest`,
          query: {
            query: q.query,
            defaults: q.defaults,
            keywords: q.keywords,
            location: q.location,
            vendor: q.registrar,
          },
          schema: FastlySuggestResponseSchema,
        },
        opts,
      );
      return fastlySuggestToSuggestions(body);
    },
  };
}
