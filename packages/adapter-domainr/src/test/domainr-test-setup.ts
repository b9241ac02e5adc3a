/** Shared setup of the Domainr tests: fast retries without rate limits, a clean environment, secrets checks. */
import type { ProviderInfo } from '@registrar-kit/core';
import { errorRenderings } from '@registrar-kit/testkit';
import { afterEach, beforeEach, expect } from 'vitest';
import { domainrProviderInfo } from '../domainr-provider-info.js';

/** Factory options for tests: quick retries, no rate limiting. */
export const FAST = { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 }, rateLimit: false } as const;

/** Every variable the adapter reads. */
export const DOMAINR_ENV_NAMES = domainrProviderInfo.credentials.map((credential) => credential.env);

/** Clears the adapter's variables before each test of the file and restores them after it. */
export function isolateDomainrEnv(): void {
  const saved: Partial<Record<string, string>> = {};
  beforeEach(() => {
    for (const name of DOMAINR_ENV_NAMES) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
  });
  afterEach(() => {
    for (const name of DOMAINR_ENV_NAMES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });
}

/** No rendering of `value` (message, stack, cause chain, JSON, inspect) contains a secret. */
export function expectNoSecret(value: unknown, secrets: readonly string[]): void {
  for (const text of errorRenderings(value)) for (const secret of secrets) expect(text).not.toContain(secret);
}

/**
 * `domainrProviderInfo` narrowed to the credential one conformance suite configures: each suite
 * speaks one auth mode (client id, RapidAPI key or Fastly token), and the uniformity block removes
 * each credential it lists in turn, expecting the call to fail for want of it.
 */
export function providerInfoFor(option: 'clientId' | 'rapidApiKey' | 'fastlyToken'): ProviderInfo {
  return {
    ...domainrProviderInfo,
    credentials: domainrProviderInfo.credentials.filter((credential) => credential.option === option),
  };
}
