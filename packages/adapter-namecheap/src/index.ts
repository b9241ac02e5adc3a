export {
  NAMECHEAP_API_KEY_ENV,
  NAMECHEAP_API_USER_ENV,
  NAMECHEAP_BUCKETS,
  NAMECHEAP_CLIENT_IP_ENV,
  NAMECHEAP_USERNAME_ENV,
  type NamecheapOptions,
  PRODUCTION_BASE_URL,
  SANDBOX_BASE_URL,
} from './namecheap-client.js';
export type { NamecheapDomainContacts, SetDomainContactsInput } from './namecheap-contacts.js';
export { NAMECHEAP_NAMESERVERS, type NamecheapListDomainsOptions } from './namecheap-domains.js';
export type { AvailabilityBatch, NamecheapRestoreInput, NamecheapRestoreResult } from './namecheap-orders.js';
export { namecheapProviderInfo } from './namecheap-provider-info.js';
export { NAMECHEAP_RECORD_TYPES, NAMECHEAP_TTL } from './namecheap-record-mappers.js';
export { NAMECHEAP_MAX_HOSTS } from './namecheap-records.js';
export { createNamecheap, type NamecheapExtras, type NamecheapRegistrar } from './namecheap-registrar.js';
export { NAMECHEAP_EXTENDED_ATTRIBUTES } from './namecheap-tld-attributes.js';
