/**
 * Domainr v2 (https://domainr.com/docs/api): availability from `/v2/status`, suggestions from
 * `/v2/search` (docs/providers/domainr.md#v2-status, docs/providers/domainr.md#v2-search).
 * v2 has no prices: `getPrice` stays unsupported.
 */
import type { DomainrClient } from './domainr-client.js';
import type { DomainrDomainMethods } from './domainr-domain-methods.js';
import { checkedName, checkedSuggestQuery } from './domainr-inputs.js';
import { V2SearchResponseSchema, V2StatusResponseSchema } from './domainr-schemas.js';
import { v2SearchToSuggestions, v2StatusToAvailability } from './domainr-v2-mappers.js';

export function v2DomainMethods(client: DomainrClient): DomainrDomainMethods {
  return {
    async checkAvailability(name, opts) {
      const domain = checkedName(name, 'checkAvailability');
      const body = await client.get(
        {
          operation: 'checkAvailability',
          path: '/v2/status',
          query: { domain },
          schema: V2StatusResponseSchema,
        },
        opts,
      );
      return v2StatusToAvailability(domain, body);
    },
    async suggestDomains(query, opts) {
      const q = checkedSuggestQuery(query, opts, 'v2');
      const body = await client.get(
        {
          operation: 'suggestDomains',
          path: '/v2/search',
          query: { query: q.query, location: q.location, registrar: q.registrar, defaults: q.defaults },
          schema: V2SearchResponseSchema,
        },
        opts,
      );
      return v2SearchToSuggestions(body);
    },
  };
}
