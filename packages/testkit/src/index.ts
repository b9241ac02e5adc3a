export type { FactoryOverrides } from './conformance/attacks/attack-kit.js';
export { RECORDS_INVALID_IN_ANY_ZONE } from './conformance/records-invalid-in-any-zone.js';
export {
  CONFORMANCE_CHECKS,
  type ConformanceCheck,
  type TestRegistrarOptions,
  testRegistrar,
} from './conformance/test-registrar.js';
export * from './emulators.js';
export { type ReadmeExample, readmeExample, runReadmeExample } from './readme-example.js';
export * from './redis.js';
