/**
 * The README's example runs against the PocketDNS emulator, so it cannot rot: the test takes the
 * first ```ts block under "## Example", points `createPocketDns` at the emulator (`baseURL`) and
 * puts a seeded domain where the example says `test-domain-1.com` (already the first seeded name).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PocketDnsState, RunningEmulator } from '@registrar-kit/testkit';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startWithEmulator } from './test/pocketdns-test-setup.js';

const here = fileURLToPath(new URL('.', import.meta.url));

function readmeExample(): string {
  const readme = readFileSync(join(here, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Example'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md has no ts block under "## Example"');
  return match[1]!;
}

let emulator: RunningEmulator<PocketDnsState>;
const folder = mkdtempSync(join(tmpdir(), 'pocketdns-readme-'));
const script = join(folder, 'readme-example.ts');

beforeAll(async () => {
  ({ emulator } = await startWithEmulator({ seed: { domains: 2, recordsPerDomain: 0 } }));
  vi.stubEnv('POCKETDNS_API_KEY', emulator.seedInfo.credentials.apiKey!);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  rmSync(folder, { recursive: true, force: true });
  await emulator?.close();
});

it('the README example runs against the emulator', async () => {
  const zone = emulator.seedInfo.ownedDomains[0]!;
  const source = readmeExample()
    .replace('createPocketDns({', `createPocketDns({ baseURL: ${JSON.stringify(emulator.url)},`)
    .replaceAll("'example.com'", JSON.stringify(zone));
  expect(source).toContain(emulator.url);
  writeFileSync(script, `${source}\nexport {};\n`);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await import(/* @vite-ignore */ script);
  } finally {
    log.mockRestore();
  }
  const charged = emulator.ledger.filter((entry) => entry.operation === 'renew');
  expect(charged).toMatchObject([{ domain: zone, amount: '12.99', currency: 'USD' }]);
  const srv = [...emulator.state.domains.values()]
    .flatMap((domain) => domain.records)
    .find((record) => record.type === 'SRV');
  expect(srv?.content).toBe('10 60 5060 sip.test-domain-1.com');
});
