/** The README's example, run as written against the Domainr emulator (only the import is replaced). */
import { readFileSync } from 'node:fs';
import { type DomainrState, type RunningEmulator, startDomainrEmulator } from '@registrar-kit/testkit';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { DomainrOptions } from './domainr-client.js';
import { createDomainr } from './domainr-registrar.js';
import { FAST } from './test/domainr-test-setup.js';

const README = new URL('../README.md', import.meta.url);
const IMPORT = "import { createDomainr } from '@registrar-kit/adapter-domainr';";

/** The first fenced `ts` block of the README. */
function readmeExample(): string {
  const block = /```ts\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'))?.[1];
  if (!block) throw new Error('README.md has no ts example');
  return block;
}

type Run = (create: typeof createDomainr, console: { log: (...args: unknown[]) => void }) => Promise<void>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => Run;

let emulator: RunningEmulator<DomainrState>;
beforeAll(async () => {
  emulator = await startDomainrEmulator({ rateLimits: false });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await emulator.close();
});

it('the README example runs against the emulator and prints what its comments say', async () => {
  const example = readmeExample();
  expect(example).toContain(IMPORT);
  vi.stubEnv('DOMAINR_CLIENT_ID', emulator.seedInfo.credentials.clientId ?? '');
  vi.stubEnv('DOMAINR_RAPIDAPI_KEY', '');
  const lines: string[] = [];
  const run = new AsyncFunction('createDomainr', 'console', example.replace(IMPORT, ''));
  // The example's registrar, pointed at the emulator instead of api.domainr.com.
  const create = (options: DomainrOptions = {}) =>
    createDomainr({ ...options, ...FAST, baseURL: emulator.url });
  await run(create as typeof createDomainr, { log: (...args) => lines.push(args.join(' ')) });
  expect(lines[0]).toBe('acme-coffee.io available true');
  expect(lines.slice(1, 3).sort()).toEqual(['not a name ValidationError', 'registered-name.com registered']);
  expect(lines[3]).toBe('acmecafe.io io');
  expect(lines).toHaveLength(4);
  expect(emulator.requests.every((request) => request.query.client_id === 'domainr-test-client')).toBe(true);
});
