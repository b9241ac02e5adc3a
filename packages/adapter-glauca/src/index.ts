export * from './glauca-provider-info.js';
export {
  createGlauca,
  GLAUCA_BASE_URL,
  GLAUCA_DNS_TOKEN_ENV,
  GLAUCA_SANDBOX_BASE_URL,
  GLAUCA_TOKEN_ENV,
  type GlaucaOptions,
  type GlaucaRegistrar,
  type GlaucaTokenContext,
  HEXDNS_BASE_URL,
} from './glauca-registrar.js';
export type { GlaucaExtras, GlaucaRenewResult, GlaucaRestoreResult } from './glauca-types.js';
