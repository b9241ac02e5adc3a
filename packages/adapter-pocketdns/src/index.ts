export {
  POCKETDNS_API_KEY_ENV,
  POCKETDNS_BUCKETS,
  POCKETDNS_PRODUCTION_URL,
  POCKETDNS_SANDBOX_URL,
  type PocketDnsBucket,
  type PocketDnsOptions,
} from './pocketdns-client.js';
export type { PocketDnsUserSession } from './pocketdns-mappers.js';
export { pocketDnsProviderInfo } from './pocketdns-provider-info.js';
export {
  POCKETDNS_RECORD_TYPES,
  POCKETDNS_TTL,
  POCKETDNS_TXT_MAX_CHARACTERS,
} from './pocketdns-record-rules.js';
export type { ApplyTemplate, PocketDnsTemplateResult } from './pocketdns-records.js';
export {
  createPocketDns,
  type PocketDnsExtras,
  type PocketDnsRegistrar,
} from './pocketdns-registrar.js';
export type { CreateUser, CreateUserInput } from './pocketdns-users.js';
