/** The README's example runs against the emulator, so it cannot rot. */
import { readmeExample, runReadmeExample, startNamecheapEmulator } from '@registrar-kit/testkit';
import { expect, it } from 'vitest';
import { createNamecheap, type NamecheapOptions } from './index.js';

it('the README example runs against the emulator', async () => {
  const emulator = await startNamecheapEmulator({ rateLimits: false });
  const credentials = emulator.seedInfo.credentials as Record<string, string>;
  const env = { ...process.env };
  Object.assign(process.env, {
    NAMECHEAP_API_USER: credentials.apiUser,
    NAMECHEAP_API_KEY: credentials.apiKey,
    NAMECHEAP_CLIENT_IP: credentials.clientIp,
  });
  const lines: string[] = [];
  try {
    // The example's `sandbox: true` gives way to the emulator's address; 'example.com' is a seeded domain.
    const onEmulator = (options: NamecheapOptions) => createNamecheap({ ...options, baseURL: emulator.url });
    const example = readmeExample(new URL('../README.md', import.meta.url));
    const body = example.body.replaceAll("'example.com'", `'${emulator.seedInfo.ownedDomains[0]}'`);
    await runReadmeExample(
      { ...example, body },
      { '@registrar-kit/adapter-namecheap': { createNamecheap: onEmulator } },
      { log: (line: string) => lines.push(line) },
    );
  } finally {
    process.env = env;
    await emulator.close();
  }
  expect(lines).toEqual([
    'register: 12.99 USD, then 12.99 a year',
    expect.stringMatching(/^created TXT _verify\.test-domain-1\.com as host \d+$/),
  ]);
});
