import { startCloudflareEmulator, testRegistrar } from '@registrar-kit/testkit';
import { CLIENT_BUCKET } from './cloudflare-client.js';
import { cloudflareProviderInfo, createCloudflare } from './index.js';

testRegistrar({
  name: 'cloudflare',
  emulator: (options) => startCloudflareEmulator(options),
  create: (url, emulator, overrides) =>
    createCloudflare({
      baseURL: `${url}/client/v4`,
      apiToken: emulator.seedInfo.credentials.apiToken,
      accountId: emulator.seedInfo.credentials.accountId,
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
      rateLimit: false,
      pollIntervalMs: 1,
      ...overrides,
    }),
  providerInfo: cloudflareProviderInfo,
  // getDomain reads the registration through the client API, Cloudflare's one bucket.
  readBucket: CLIENT_BUCKET,
});
