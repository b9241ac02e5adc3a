// The loopback emulators, without the vitest-based conformance suite: safe to import at run time
// (the CLI's --emulate and demo, benchmarks, a user's own test setup).
export * from './cloudflare/cloudflare-emulator.js';
export {
  CLOUDFLARE_OFFICIAL_SPEC,
  CLOUDFLARE_RECONSTRUCTED_SPEC,
  type CloudflareSpecs,
  loadCloudflareSpecs,
} from './cloudflare/cloudflare-openapi-specs.js';
export type { CloudflareState } from './cloudflare/cloudflare-state.js';
export type { DnsimpleContact } from './dnsimple/dnsimple-contacts.js';
export * from './dnsimple/dnsimple-emulator.js';
export type { DnsimpleState, OperationCompletion } from './dnsimple/dnsimple-state.js';
export { type DnsimpleExtendedAttribute, EXTENDED_ATTRIBUTES } from './dnsimple/dnsimple-tld-attributes.js';
export * from './domainr/domainr-emulator.js';
export type { DomainrState } from './domainr/domainr-state.js';
export { startEmulatorServer } from './emulator/emulator-server.js';
export * from './emulator/emulator-types.js';
export { createPrng } from './emulator/prng.js';
export {
  IDN_DOMAIN,
  IDN_DOMAIN_UNICODE,
  type ResolvedSeed,
  resolveSeed,
  SEED_NOW,
  seedInfoOf,
} from './emulator/seed-data.js';
export {
  type RegistryDomainView,
  type RegistrySponsor,
  type RegistryTransferEvent,
  type TransferRefusal,
  TransferRegistry,
  type TransferRegistryOptions,
} from './emulator/transfer-registry.js';
export * from './glauca/glauca-emulator.js';
export { GLAUCA_SOURCE_BUGS, type GlaucaSourceBug } from './glauca/glauca-source-bugs.js';
export type { GlaucaState } from './glauca/glauca-state.js';
export * from './namecheap/namecheap-emulator.js';
export type { NamecheapState } from './namecheap/namecheap-state.js';
export {
  loadOpenApi,
  type OpenApiDocument,
  type OpenApiIssue,
  openApiDocument,
  type RequestToValidate,
  type ResponseToValidate,
  validateRequest,
  validateResponse,
} from './openapi/openapi-validator.js';
export * from './pocketdns/pocketdns-emulator.js';
export { POCKETDNS_REGISTRAR_ID, type PocketDnsState } from './pocketdns/pocketdns-state.js';
export type { RecordForms as PocketDnsRecordForms } from './pocketdns/pocketdns-validation.js';
export * from './porkbun/porkbun-emulator.js';
export type { LimitSpec as PorkbunLimitSpec } from './porkbun/porkbun-limits.js';
export type { PorkbunResponseShapes } from './porkbun/porkbun-shapes.js';
export type { PorkbunState, PorkbunTransferStatus } from './porkbun/porkbun-state.js';
export { type RunningRedis, redisUnavailableReason, startRedisServer } from './redis/redis-server.js';
export {
  REFERENCE_API_KEY,
  type ReferenceState,
  startReferenceEmulator,
} from './reference/reference-emulator.js';
export { createReferenceRegistrar, type ReferenceRegistrarOptions } from './reference/reference-registrar.js';
export { errorRenderings } from './secrets/error-renderings.js';
