/**
 * The "uniformity" block of the conformance suite: what must read the same on every provider so
 * that swapping providers changes configuration only (DESIGN.md, "Promises every adapter keeps").
 * Missing and empty credentials, provider and operation on every error, `close()`.
 */
import {
  AuthenticationError,
  type CredentialInfo,
  isRegistrarError,
  type ProviderInfo,
  type Registrar,
} from '@registrar-kit/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommonEmulatorOptions, RunningEmulator } from '../emulator/emulator-types.js';
import { redisUnavailableReason, startRedisServer } from '../redis/redis-server.js';
import type { FactoryOverrides } from './attacks/attack-kit.js';
import { caught } from './conformance-helpers.js';

/** What the block needs of the suite's options (a `TestRegistrarOptions` is one). */
export interface UniformityTarget {
  emulator: (options?: CommonEmulatorOptions) => Promise<RunningEmulator<unknown>>;
  /** Builds the adapter; `overrides` are spread last (an override of `undefined` removes that option). */
  create: (url: string, emulator: RunningEmulator<unknown>, overrides?: FactoryOverrides) => Registrar;
  /** The rate-limit bucket of the probe's read (`getDomain`, else `checkAvailability`). */
  readBucket?: string;
}

/** A call that needs the credential and exists on every kind of provider, by capability. */
async function probe(registrar: Registrar, emulator: RunningEmulator<unknown>): Promise<unknown> {
  if (registrar.supports('getDomain')) return registrar.getDomain(emulator.seedInfo.ownedDomains[0]!);
  if (registrar.supports('checkAvailability'))
    return registrar.checkAvailability(emulator.seedInfo.availableName);
  if (registrar.supports('getPrice')) return registrar.getPrice(emulator.seedInfo.availableName);
  throw new Error(
    `${registrar.provider}: no getDomain, checkAvailability or getPrice to probe credentials with`,
  );
}

/** The credentials a call needs: every required one, or all `one-of` ones (none of them set is missing). */
function neededCredentials(info: ProviderInfo): CredentialInfo[] {
  const required = info.credentials.filter((credential) => credential.need === 'required');
  return required.length > 0
    ? required
    : info.credentials.filter((credential) => credential.need === 'one-of');
}

export function describeUniformity(
  target: UniformityTarget,
  providerInfo: ProviderInfo,
  timeout: number,
): void {
  const createWith = target.create;
  const startEmulator = target.emulator;
  describe('uniformity', () => {
    let emulator: RunningEmulator<unknown>;
    beforeAll(async () => {
      emulator = await startEmulator({ rateLimits: false, seed: { domains: 2, recordsPerDomain: 1 } });
    });
    afterAll(async () => {
      await emulator?.close();
      vi.unstubAllEnvs();
    });

    const withoutEnv = () => {
      for (const credential of providerInfo.credentials) vi.stubEnv(credential.env, '');
    };
    const seeded = (credential: CredentialInfo): string | undefined =>
      (emulator.seedInfo.credentials as Record<string, string | undefined>)[credential.option];

    it.each(neededCredentials(providerInfo).map((credential) => [credential.option, credential] as const))(
      'a missing %s is AuthenticationError missing_credentials naming its variable; nothing is sent',
      async (_, credential) => {
        withoutEnv();
        const overrides: Record<string, unknown> = { [credential.option]: undefined };
        const registrar = createWith(emulator.url, emulator, overrides);
        const sent = emulator.requests.length;
        const error = await caught(() => probe(registrar, emulator));
        expect(error).toBeInstanceOf(AuthenticationError);
        expect(error).toMatchObject({ code: 'missing_credentials', provider: providerInfo.id });
        expect((error as Error).message).toContain(credential.env);
        expect(emulator.requests.length).toBe(sent);
        await registrar.close();
        vi.unstubAllEnvs();
      },
      timeout,
    );

    it(
      'an empty string counts as missing: the environment variable is used',
      async () => {
        withoutEnv();
        const overrides: Record<string, unknown> = {};
        for (const credential of providerInfo.credentials) {
          const value = seeded(credential);
          if (value === undefined) continue;
          vi.stubEnv(credential.env, value);
          overrides[credential.option] = '';
        }
        expect(Object.keys(overrides).length).toBeGreaterThan(0);
        const registrar = createWith(emulator.url, emulator, overrides);
        await expect(probe(registrar, emulator)).resolves.toBeTruthy();
        await registrar.close();
        vi.unstubAllEnvs();
      },
      timeout,
    );

    it(
      'every error names provider and operation: a local validation error and a provider 404',
      async () => {
        const registrar = createWith(emulator.url, emulator, {});
        const method = registrar.supports('getDomain') ? 'getDomain' : 'checkAvailability';
        const call = (name: string) =>
          method === 'getDomain' ? registrar.getDomain(name) : registrar.checkAvailability(name);
        const local = await caught(() => call('../not a domain'));
        expect(isRegistrarError(local)).toBe(true);
        expect(local).toMatchObject({
          name: 'ValidationError',
          provider: providerInfo.id,
          operation: method,
        });
        if (method === 'getDomain') {
          const missing = await caught(() => registrar.getDomain('never-registered-here.com'));
          expect(missing).toMatchObject({
            name: 'NotFoundError',
            provider: providerInfo.id,
            operation: 'getDomain',
          });
        }
        const unsupported = (['getZone', 'listContacts', 'getDsRecords', 'suggestDomains'] as const).find(
          (capability) => !registrar.supports(capability),
        );
        if (unsupported) {
          const error = await caught(async () => {
            const result = (registrar as unknown as Record<string, (...args: unknown[]) => unknown>)[
              unsupported
            ]!(emulator.seedInfo.ownedDomains[0]);
            if (result && typeof result === 'object' && Symbol.asyncIterator in result)
              for await (const _ of result as AsyncIterable<unknown>) break;
            return result;
          });
          expect(error).toMatchObject({
            name: 'UnsupportedOperationError',
            provider: providerInfo.id,
            operation: unsupported,
          });
        }
        await registrar.close();
      },
      timeout,
    );

    it(
      'close() resolves, twice, after calls were made',
      async () => {
        const registrar = createWith(emulator.url, emulator, {});
        await probe(registrar, emulator);
        await expect(registrar.close()).resolves.toBeUndefined();
        await expect(registrar.close()).resolves.toBeUndefined();
      },
      timeout,
    );

    const redisSkip = redisUnavailableReason();
    it.skipIf(redisSkip)(
      `close() releases a limiter shared through Redis: no Redis connection of it stays open${redisSkip ? ` (skipped: ${redisSkip})` : ''}`,
      async () => {
        const redis = await startRedisServer();
        try {
          const { Redis } = await import('ioredis');
          // Not lazyConnect: bottleneck duplicates the client, and a lazy duplicate never connects.
          const client = new Redis({ port: redis.port });
          await new Promise((resolve) => client.once('ready', resolve));
          const connections = async () =>
            String(await client.call('CLIENT', 'LIST'))
              .trim()
              .split('\n').length;
          const before = await connections();
          // A bucket of its own for the probe's reads, so a limiter is shared through Redis even on
          // a provider that documents no limits.
          const buckets = target.readBucket
            ? { [target.readBucket]: { limit: 100, intervalMs: 1000 } }
            : undefined;
          const registrar = createWith(emulator.url, emulator, {
            rateLimit: {
              redis: client,
              id: `uniformity-${providerInfo.id}-${Date.now()}`,
              ...(buckets ? { buckets } : {}),
            },
          });
          await probe(registrar, emulator);
          const during = await connections();
          await registrar.close();
          await registrar.close();
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(during, 'the shared limiter opened its connection').toBeGreaterThan(before);
          expect(await connections(), 'connections left open after close()').toBe(before);
          client.disconnect();
        } finally {
          await redis.stop();
        }
      },
      timeout,
    );
  });
}
