/** The README's example runs against the emulator, so it cannot rot. */
import { readFileSync } from 'node:fs';
import { startNamecheapEmulator } from '@registrar-kit/testkit';
import { expect, it } from 'vitest';
import { createNamecheap, type NamecheapOptions } from './index.js';

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

/** The README's ```ts block without its import line (the test passes the binding itself). */
function example(): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no ts block');
  return block.replace(/^import .*;\n/gm, '');
}

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
    const code = example().replaceAll("'example.com'", `'${emulator.seedInfo.ownedDomains[0]}'`);
    await new AsyncFunction('createNamecheap', 'console', code)(onEmulator, {
      log: (line: string) => lines.push(line),
    });
  } finally {
    process.env = env;
    await emulator.close();
  }
  expect(lines).toEqual([
    'register: 12.99 USD, then 12.99 a year',
    expect.stringMatching(/^created TXT _verify\.test-domain-1\.com as host \d+$/),
  ]);
});
