/** Shared setup of the nock tests (not a test file itself): the registrar under test and nock scopes. */
import {
  POCKETDNS_DEFAULT_USER,
  type PocketDnsEmulatorOptions,
  startPocketDnsEmulator,
} from '@registrar-kit/testkit';
import nock from 'nock';
import { createPocketDns, type PocketDnsOptions } from '../index.js';

export const BASE = 'https://api.pocketdns.com';
export const KEY = 'sk_live_SECRET_test_key_123';

export function registrar(options: PocketDnsOptions = {}) {
  return createPocketDns({
    apiKey: KEY,
    owner: 'user_123',
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
    rateLimit: false,
    ...options,
  });
}

/** A nock scope that requires the Bearer key and JSON accept header on every request. */
export function api(extraHeaders: Record<string, string | RegExp> = {}) {
  return nock(BASE, {
    reqheaders: { authorization: `Bearer ${KEY}`, accept: 'application/json', ...extraHeaders },
  });
}

/** A scope for requests with a JSON body. */
export function apiJson(extraHeaders: Record<string, string | RegExp> = {}) {
  return api({ 'content-type': 'application/json', ...extraHeaders });
}

export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** The emulator (no rate limits unless asked) and a registrar on it for its default user, without retries. */
export async function startWithEmulator(options: PocketDnsEmulatorOptions = {}) {
  const emulator = await startPocketDnsEmulator({ rateLimits: false, ...options });
  const pocketdns = createPocketDns({
    baseURL: emulator.url,
    apiKey: emulator.seedInfo.credentials.apiKey,
    owner: POCKETDNS_DEFAULT_USER,
    retry: false,
    rateLimit: false,
  });
  return { emulator, pocketdns };
}
