import { startCloudflareEmulator, testRegistrar } from '@registrar-kit/testkit';
import { createCloudflare } from './index.js';

testRegistrar({
  name: 'cloudflare',
  emulator: (options) => startCloudflareEmulator(options),
  create: (url, emulator) =>
    createCloudflare({
      baseURL: `${url}/client/v4`,
      apiToken: emulator.seedInfo.credentials.apiToken,
      accountId: emulator.seedInfo.credentials.accountId,
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
      rateLimit: false,
      pollIntervalMs: 1,
    }),
});
