export type { DomainrPriceQuote } from './domainr-mappers.js';
export * from './domainr-provider-info.js';
export {
  createDomainr,
  DOMAINR_BASE_URL,
  DOMAINR_ENV,
  DOMAINR_RAPIDAPI_BASE_URL,
  DOMAINR_RAPIDAPI_HOST,
  FASTLY_BASE_URL,
} from './domainr-registrar.js';
export {
  DOMAINR_FLAG_STATUS,
  DOMAINR_FLAGS,
  type DomainrFlag,
  type FlagInterpretation,
  interpretStatusFlags,
  splitStatusFlags,
} from './domainr-status-flags.js';
export type {
  CheckManyOptions,
  DomainrApi,
  DomainrCheckResult,
  DomainrExtras,
  DomainrOptions,
  DomainrRegistrar,
  DomainrSuggestOptions,
  FastlyStatusScope,
} from './domainr-types.js';
