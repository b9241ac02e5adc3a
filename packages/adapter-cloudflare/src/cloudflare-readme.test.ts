/** The README's example runs as written, against the emulator, so it cannot rot. */
import * as core from '@registrar-kit/core';
import { readmeExample, runReadmeExample, startCloudflareEmulator } from '@registrar-kit/testkit';
import { afterEach, expect, it } from 'vitest';
import { CLOUDFLARE_ACCOUNT_ID_ENV, CLOUDFLARE_API_TOKEN_ENV } from './cloudflare-provider-info.js';
import * as adapter from './index.js';

afterEach(() => {
  delete process.env[CLOUDFLARE_API_TOKEN_ENV];
  delete process.env[CLOUDFLARE_ACCOUNT_ID_ENV];
});

it('the README example registers, creates the zone and loads its records in one batch', async () => {
  const emulator = await startCloudflareEmulator({ rateLimits: false });
  try {
    process.env[CLOUDFLARE_API_TOKEN_ENV] = emulator.seedInfo.credentials.apiToken;
    process.env[CLOUDFLARE_ACCOUNT_ID_ENV] = emulator.seedInfo.credentials.accountId;
    const modules: Record<string, Record<string, unknown>> = {
      '@registrar-kit/core': core,
      '@registrar-kit/adapter-cloudflare': {
        ...adapter,
        // The one difference from production: the API is the emulator.
        createCloudflare: (options: adapter.CloudflareOptions = {}) =>
          adapter.createCloudflare({ ...options, baseURL: `${emulator.url}/client/v4` }),
      },
    };
    const logged: unknown[][] = [];
    const console = { log: (...args: unknown[]) => logged.push(args) };
    await runReadmeExample(readmeExample(new URL('../README.md', import.meta.url)), modules, console);

    expect(logged).toEqual([
      [
        'completed',
        { amount: '25.98', currency: 'USD' },
        expect.arrayContaining([expect.stringMatching(/\.ns\.cloudflare\.com$/)]),
        { batches: 1, limit: 200 },
      ],
    ]);
    expect(emulator.ledger.map((e) => [e.operation, e.domain, e.amount])).toEqual([
      ['register', 'my-new-startup.com', '25.98'],
    ]);
    expect(emulator.requests.filter((r) => r.path.endsWith('/dns_records/batch'))).toHaveLength(1);
  } finally {
    await emulator.close();
  }
});
