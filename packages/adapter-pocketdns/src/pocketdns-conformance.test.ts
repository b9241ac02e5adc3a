import { POCKETDNS_DEFAULT_USER, startPocketDnsEmulator, testRegistrar } from '@registrar-kit/testkit';
import { createPocketDns, type PocketDnsOptions, pocketDnsProviderInfo } from './index.js';

const options = (url: string, apiKey: string | undefined): PocketDnsOptions => ({
  baseURL: url,
  apiKey,
  owner: POCKETDNS_DEFAULT_USER,
  retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
  rateLimit: false,
});

testRegistrar({
  name: 'pocketdns',
  // `recordForms: 'seed'`: record content only in the forms PocketDNS's docs show, as the real API takes it.
  emulator: (emulatorOptions) => startPocketDnsEmulator({ ...emulatorOptions, recordForms: 'seed' }),
  // Overrides are spread last; an override of `undefined` removes that option.
  create: (url, emulator, overrides = {}) => {
    const merged: Record<string, unknown> = {
      ...options(url, emulator.seedInfo.credentials.apiKey),
      ...overrides,
    };
    for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete merged[key];
    return createPocketDns(merged as PocketDnsOptions);
  },
  readBucket: 'domainRetrieval',
  providerInfo: pocketDnsProviderInfo,
  skip: {
    records:
      'PocketDNS takes a TXT value as one string of at most 255 characters and documents no way to send a longer one, so the 256- and 600-character cases cannot pass; the other cases run in pocketdns-record-forms.test.ts',
  },
});
