/** The README's example, run as written against the Domainr emulator (only the import is replaced). */
import {
  type DomainrState,
  type RunningEmulator,
  readmeExample,
  runReadmeExample,
  startDomainrEmulator,
} from '@registrar-kit/testkit';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { DomainrOptions } from './domainr-client.js';
import { createDomainr } from './domainr-registrar.js';
import { FAST } from './test/domainr-test-setup.js';

let emulator: RunningEmulator<DomainrState>;
beforeAll(async () => {
  emulator = await startDomainrEmulator({ rateLimits: false });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await emulator.close();
});

it('the README example runs against the emulator and prints what its comments say', async () => {
  const example = readmeExample(new URL('../README.md', import.meta.url));
  expect(example.imports).toEqual([{ name: 'createDomainr', from: '@registrar-kit/adapter-domainr' }]);
  vi.stubEnv('DOMAINR_CLIENT_ID', emulator.seedInfo.credentials.clientId ?? '');
  vi.stubEnv('DOMAINR_RAPIDAPI_KEY', '');
  const lines: string[] = [];
  // The example's registrar, pointed at the emulator instead of api.domainr.com.
  const create = (options: DomainrOptions = {}) =>
    createDomainr({ ...options, ...FAST, baseURL: emulator.url });
  await runReadmeExample(
    example,
    { '@registrar-kit/adapter-domainr': { createDomainr: create } },
    { log: (...args: unknown[]) => lines.push(args.join(' ')) },
  );
  expect(lines[0]).toBe('acme-coffee.io available true');
  expect(lines.slice(1, 3).sort()).toEqual(['not a name ValidationError', 'registered-name.com registered']);
  expect(lines[3]).toBe('acmecafe.io io');
  expect(lines).toHaveLength(4);
  expect(emulator.requests.every((request) => request.query.client_id === 'domainr-test-client')).toBe(true);
});
