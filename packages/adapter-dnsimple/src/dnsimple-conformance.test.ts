import { startDnsimpleEmulator, testRegistrar } from '@registrar-kit/testkit';
import { HOURLY_BUCKET } from './dnsimple-client.js';
import { createDnsimple, type DnsimpleOptions, dnsimpleProviderInfo } from './index.js';

/** The adapter against the emulator, with `overrides` spread over the options (undefined removes one). */
function createWith(
  url: string,
  emulator: { seedInfo: { credentials: Record<string, string | undefined> } },
  overrides: Record<string, unknown> = {},
) {
  const options: Record<string, unknown> = {
    baseURL: url,
    token: emulator.seedInfo.credentials.token,
    accountId: emulator.seedInfo.credentials.accountId,
    registrantId: 1,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
    rateLimit: false,
    ...overrides,
  };
  for (const [key, value] of Object.entries(options)) if (value === undefined) delete options[key];
  return createDnsimple(options as DnsimpleOptions);
}

testRegistrar({
  name: 'dnsimple',
  emulator: (options) => startDnsimpleEmulator(options),
  create: (url, emulator, overrides) => createWith(url, emulator, overrides),
  readBucket: HOURLY_BUCKET,
  providerInfo: dnsimpleProviderInfo,
});
