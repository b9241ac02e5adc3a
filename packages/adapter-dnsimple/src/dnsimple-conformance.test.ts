import { startDnsimpleEmulator, testRegistrar } from '@registrar-kit/testkit';
import { HOURLY_BUCKET } from './dnsimple-client.js';
import { createDnsimple } from './index.js';

testRegistrar({
  name: 'dnsimple',
  emulator: (options) => startDnsimpleEmulator(options),
  create: (url, emulator, overrides) =>
    createDnsimple({
      baseURL: url,
      token: emulator.seedInfo.credentials.token,
      accountId: emulator.seedInfo.credentials.accountId,
      registrantId: 1,
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
      rateLimit: false,
      ...overrides,
    }),
  readBucket: HOURLY_BUCKET,
});
