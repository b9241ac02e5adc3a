export {
  CONFORMANCE_CHECKS,
  type ConformanceCheck,
  type TestRegistrarOptions,
  testRegistrar,
} from './conformance/test-registrar.js';
export * from './emulators.js';
