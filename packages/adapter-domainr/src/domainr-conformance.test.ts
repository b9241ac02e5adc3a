import { startDomainrEmulator, testRegistrar } from '@registrar-kit/testkit';
import { createDomainr } from './index.js';
import { providerInfoFor } from './test/domainr-test-setup.js';

const fast = { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 }, rateLimit: false } as const;

testRegistrar({
  name: 'domainr (v2, client_id)',
  emulator: (options) => startDomainrEmulator(options),
  create: (url, emulator, overrides) =>
    createDomainr({ baseURL: url, clientId: emulator.seedInfo.credentials.clientId!, ...fast, ...overrides }),
  readBucket: 'v2',
  providerInfo: providerInfoFor('clientId'),
});

testRegistrar({
  name: 'domainr (v2, RapidAPI key)',
  emulator: (options) => startDomainrEmulator(options),
  create: (url, emulator, overrides) =>
    createDomainr({
      baseURL: url,
      rapidApiKey: emulator.seedInfo.credentials.rapidApiKey!,
      ...fast,
      ...overrides,
    }),
  readBucket: 'v2',
  providerInfo: providerInfoFor('rapidApiKey'),
});

testRegistrar({
  name: 'domainr (Fastly Domain Research)',
  emulator: (options) => startDomainrEmulator(options),
  create: (url, emulator, overrides) =>
    createDomainr({
      api: 'fastly',
      baseURL: url,
      fastlyToken: emulator.seedInfo.credentials.fastlyToken!,
      ...fast,
      ...overrides,
    }),
  readBucket: 'fastly',
  providerInfo: providerInfoFor('fastlyToken'),
  skip: {
    prices:
      'Fastly quotes only aftermarket offers (getPrice of an unregistered name is NotFoundError); Domainr has no registration prices',
  },
});
