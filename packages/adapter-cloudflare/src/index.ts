export {
  CLOUDFLARE_BUCKETS,
  type CloudflareOptions,
  FREE_BATCH_LIMIT,
  PRODUCTION_BASE_URL,
} from './cloudflare-client.js';
export type { CloudflareOrderExtras } from './cloudflare-orders.js';
export {
  CLOUDFLARE_ACCOUNT_ID_ENV,
  CLOUDFLARE_API_TOKEN_ENV,
  cloudflareProviderInfo,
} from './cloudflare-provider-info.js';
export {
  AUTOMATIC_TTL_SECONDS,
  CLOUDFLARE_RECORD_TYPES,
  type CloudflareRecordSettings,
  cloudflareRecordRules,
} from './cloudflare-record-mappers.js';
export type { CloudflareRecordExtras } from './cloudflare-records.js';
export { type CloudflareExtras, type CloudflareRegistrar, createCloudflare } from './cloudflare-registrar.js';
export type { CloudflareZoneFileExtras, ZoneFileImport } from './cloudflare-zone-files.js';
