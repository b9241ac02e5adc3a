export {
  POCKETDNS_API_KEY_ENV,
  POCKETDNS_BUCKETS,
  POCKETDNS_PRODUCTION_URL,
  POCKETDNS_SANDBOX_URL,
  type PocketDnsBucket,
  type PocketDnsOptions,
} from './pocketdns-context.js';
export type { PocketDnsUserSession } from './pocketdns-mappers.js';
export * from './pocketdns-provider-info.js';
export { POCKETDNS_RECORD_TYPES, POCKETDNS_TTL } from './pocketdns-record-rules.js';
export type { ApplyTemplate, PocketDnsTemplateResult } from './pocketdns-records.js';
export {
  type CreateUser,
  type CreateUserInput,
  createPocketDns,
  type PocketDnsExtras,
  type PocketDnsRegistrar,
} from './pocketdns-registrar.js';
