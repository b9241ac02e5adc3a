export type { CheckManyOptions, DomainrCheckResult } from './domainr-check-many.js';
export {
  DOMAINR_BASE_URL,
  DOMAINR_ENV,
  DOMAINR_RAPIDAPI_BASE_URL,
  DOMAINR_RAPIDAPI_HOST,
  type DomainrApi,
  type DomainrOptions,
  FASTLY_BASE_URL,
  type FastlyStatusScope,
} from './domainr-client.js';
export type { DomainrPriceQuote } from './domainr-fastly-mappers.js';
export type { DomainrSuggestOptions } from './domainr-inputs.js';
export * from './domainr-provider-info.js';
export { createDomainr, type DomainrExtras, type DomainrRegistrar } from './domainr-registrar.js';
export {
  DOMAINR_FLAG_STATUS,
  DOMAINR_FLAGS,
  type DomainrFlag,
  type FlagInterpretation,
  interpretStatusFlags,
  splitStatusFlags,
} from './domainr-status-flags.js';
