export type { FactoryOverrides } from './conformance/attacks/attack-kit.js';
export {
  CONFORMANCE_CHECKS,
  type ConformanceCheck,
  type TestRegistrarOptions,
  testRegistrar,
} from './conformance/test-registrar.js';
export * from './emulators.js';
