import { PORKBUN_API_PREFIX, startPorkbunEmulator, testRegistrar } from '@registrar-kit/testkit';
import { createPorkbun } from './index.js';

// Twice: with the types real responses were recorded with ("1" flags, numeric create ids, [] for
// empty maps) and exactly as the OpenAPI spec types them (docs/providers/porkbun.md#data-formats).
for (const responseShapes of ['observed', 'spec'] as const) {
  testRegistrar({
    name: responseShapes === 'observed' ? 'porkbun' : 'porkbun (spec response shapes)',
    emulator: (options) => startPorkbunEmulator({ ...options, responseShapes }),
    create: (url, emulator) =>
      createPorkbun({
        baseURL: url + PORKBUN_API_PREFIX,
        apiKey: emulator.seedInfo.credentials.apiKey,
        secretApiKey: emulator.seedInfo.credentials.secretApiKey,
        retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
        rateLimit: false,
      }),
  });
}
