import { testRegistrar } from '../conformance/test-registrar.js';
import { startReferenceEmulator } from './reference-emulator.js';
import { API_BUCKET, createReferenceRegistrar } from './reference-registrar.js';

// The conformance suite run against the small reference registrar: proves the suite itself works.
testRegistrar({
  name: 'reference registrar',
  emulator: startReferenceEmulator as never,
  create: (url, emulator, overrides) =>
    createReferenceRegistrar({
      baseURL: url,
      apiKey: emulator.seedInfo.credentials.apiKey!,
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
      rateLimit: false,
      ...overrides,
    }),
  readBucket: API_BUCKET,
});
