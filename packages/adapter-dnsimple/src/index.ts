export {
  DNSIMPLE_ACCOUNT_ID_ENV,
  DNSIMPLE_BUCKETS,
  DNSIMPLE_TOKEN_ENV,
  type DnsimpleOptions,
  PRODUCTION_BASE_URL,
  SANDBOX_BASE_URL,
} from './dnsimple-client.js';
export type { DnsimpleDnssecStatus } from './dnsimple-dnssec.js';
export type { DnsimpleListDomainsOptions } from './dnsimple-domains.js';
export type { DnsimpleRestoreResult } from './dnsimple-mappers.js';
export type { DnsimpleRestoreInput } from './dnsimple-orders.js';
export * from './dnsimple-provider-info.js';
export { DNSIMPLE_RECORD_TYPES, DNSIMPLE_TTL, type DnsimpleListRecordsOptions } from './dnsimple-records.js';
export { createDnsimple, type DnsimpleExtras, type DnsimpleRegistrar } from './dnsimple-registrar.js';
