import { startDomainrEmulator, testRegistrar } from '@registrar-kit/testkit';
import { createDomainr } from './index.js';

const fast = { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 }, rateLimit: false } as const;

testRegistrar({
  name: 'domainr (v2, client_id)',
  emulator: (options) => startDomainrEmulator(options),
  create: (url, emulator) =>
    createDomainr({ baseURL: url, clientId: emulator.seedInfo.credentials.clientId!, ...fast }),
});

testRegistrar({
  name: 'domainr (v2, RapidAPI key)',
  emulator: (options) => startDomainrEmulator(options),
  create: (url, emulator) =>
    createDomainr({ baseURL: url, rapidApiKey: emulator.seedInfo.credentials.rapidApiKey!, ...fast }),
});

testRegistrar({
  name: 'domainr (Fastly Domain Research)',
  emulator: (options) => startDomainrEmulator(options),
  create: (url, emulator) =>
    createDomainr({
      api: 'fastly',
      baseURL: url,
      fastlyToken: emulator.seedInfo.credentials.fastlyToken!,
      ...fast,
    }),
  skip: {
    prices:
      'Fastly quotes only aftermarket offers (getPrice of an unregistered name is NotFoundError); Domainr has no registration prices',
  },
});
