/** The methods both APIs give (domainr-v2-domains.ts, domainr-fastly-domains.ts); the factory reads them. */
import type { DomainSuggestion, RegistrarMethods } from '@registrar-kit/core';
import type { DomainrSuggestOptions } from './domainr-inputs.js';

export interface DomainrDomainMethods extends Pick<RegistrarMethods, 'checkAvailability'> {
  /** Fastly only: the cheapest aftermarket offer. */
  getPrice?: RegistrarMethods['getPrice'];
  suggestDomains(query: string, opts?: DomainrSuggestOptions): Promise<DomainSuggestion[]>;
}
