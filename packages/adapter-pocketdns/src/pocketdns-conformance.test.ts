import { POCKETDNS_DEFAULT_USER, startPocketDnsEmulator, testRegistrar } from '@registrar-kit/testkit';
import { createPocketDns } from './index.js';

testRegistrar({
  name: 'pocketdns',
  emulator: (options) => startPocketDnsEmulator(options),
  create: (url, emulator, overrides) =>
    createPocketDns({
      baseURL: url,
      apiKey: emulator.seedInfo.credentials.apiKey!,
      owner: POCKETDNS_DEFAULT_USER,
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
      rateLimit: false,
      ...overrides,
    }),
  readBucket: 'domainRetrieval',
});
