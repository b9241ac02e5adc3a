import { PORKBUN_API_PREFIX, startPorkbunEmulator, testRegistrar } from '@registrar-kit/testkit';
import { createPorkbun } from './index.js';

testRegistrar({
  name: 'porkbun',
  emulator: (options) => startPorkbunEmulator(options),
  create: (url, emulator) =>
    createPorkbun({
      baseURL: url + PORKBUN_API_PREFIX,
      apiKey: emulator.seedInfo.credentials.apiKey,
      secretApiKey: emulator.seedInfo.credentials.secretApiKey,
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
      rateLimit: false,
    }),
});
