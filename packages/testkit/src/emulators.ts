// The loopback emulators, without the vitest-based conformance suite: safe to import at run time
// (the CLI's --emulate and demo, benchmarks, a user's own test setup).
export * from './dnsimple/dnsimple-emulator.js';
export type { DnsimpleState } from './dnsimple/dnsimple-state.js';
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
export * from './glauca/glauca-emulator.js';
export type { GlaucaState } from './glauca/glauca-state.js';
export * from './namecheap/namecheap-emulator.js';
export type { NamecheapState } from './namecheap/namecheap-state.js';
export * from './pocketdns/pocketdns-emulator.js';
export type { PocketDnsState } from './pocketdns/pocketdns-state.js';
export { type RunningRedis, redisUnavailableReason, startRedisServer } from './redis/redis-server.js';
export {
  REFERENCE_API_KEY,
  type ReferenceState,
  startReferenceEmulator,
} from './reference/reference-emulator.js';
export { createReferenceRegistrar, type ReferenceRegistrarOptions } from './reference/reference-registrar.js';
export { errorRenderings } from './secrets/error-renderings.js';
