import { PORKBUN_API_PREFIX, startPorkbunEmulator, testRegistrar } from '@registrar-kit/testkit';
import { createPorkbun, type PorkbunOptions, porkbunProviderInfo } from './index.js';

/** The adapter against the emulator, with `overrides` spread over the options (undefined removes one). */
function createWith(
  url: string,
  emulator: { seedInfo: { credentials: Record<string, string | undefined> } },
  overrides: Record<string, unknown> = {},
) {
  const options: Record<string, unknown> = {
    baseURL: url + PORKBUN_API_PREFIX,
    apiKey: emulator.seedInfo.credentials.apiKey,
    secretApiKey: emulator.seedInfo.credentials.secretApiKey,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
    rateLimit: false,
    ...overrides,
  };
  for (const [key, value] of Object.entries(options)) if (value === undefined) delete options[key];
  return createPorkbun(options as PorkbunOptions);
}

// Twice: with the types real responses were recorded with ("1" flags, numeric create ids, [] for
// empty maps) and exactly as the OpenAPI spec types them (docs/providers/porkbun.md#data-formats).
for (const responseShapes of ['observed', 'spec'] as const) {
  testRegistrar({
    name: responseShapes === 'observed' ? 'porkbun' : 'porkbun (spec response shapes)',
    emulator: (options) => startPorkbunEmulator({ ...options, responseShapes }),
    create: (url, emulator, overrides) => createWith(url, emulator, overrides),
    // getDomain and every other read go through the edge bucket (porkbun-client.ts).
    readBucket: 'edge',
    providerInfo: porkbunProviderInfo,
  });
}
