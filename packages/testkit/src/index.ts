export * from './emulators.js';
export { CONFORMANCE_CHECKS, type ConformanceCheck, type TestRegistrarOptions, testRegistrar } from './conformance/test-registrar.js';
