export {
  PORKBUN_BASE_URL,
  PORKBUN_BUCKETS,
  type PorkbunBucket,
  type PorkbunOptions,
} from './porkbun-client.js';
export type { PorkbunDomainContact, PorkbunDomainContacts } from './porkbun-contacts.js';
export { PORKBUN_NAMESERVERS, PORKBUN_PAGE_SIZE } from './porkbun-domains.js';
export type { PorkbunFollowUpError } from './porkbun-orders.js';
export {
  PORKBUN_API_KEY_ENV,
  PORKBUN_SECRET_API_KEY_ENV,
  porkbunProviderInfo,
} from './porkbun-provider-info.js';
export {
  PORKBUN_IMPORT_LIMIT,
  PORKBUN_MIN_TTL,
  PORKBUN_RECORD_TYPES,
  porkbunRecordRules,
} from './porkbun-records.js';
export { createPorkbun, type PorkbunExtras, type PorkbunRegistrar } from './porkbun-registrar.js';
