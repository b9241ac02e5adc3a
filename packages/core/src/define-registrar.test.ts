import { describe, expect, it } from 'vitest';
import { defineRegistrar } from './define-registrar.js';
import { UnsupportedOperationError, ValidationError } from './errors/error-classes.js';
import { CAPABILITIES, LIST_CAPABILITIES } from './registrar.js';
import { toArray } from './to-array.js';

describe('defineRegistrar', () => {
  const registrar = defineRegistrar(
    'domainr',
    { checkAvailability: async (name) => ({ provider: 'domainr', domain: name }) as never },
    { checkAvailabilityMany: () => 'extra' },
  );

  it('derives capabilities and supports() from the methods present', () => {
    expect(registrar.capabilities.checkAvailability).toBe(true);
    expect(
      Object.entries(registrar.capabilities)
        .filter(([, on]) => on)
        .map(([name]) => name),
    ).toEqual(['checkAvailability']);
    expect(Object.keys(registrar.capabilities)).toEqual([...CAPABILITIES]);
    expect(registrar.supports('checkAvailability')).toBe(true);
    expect(registrar.supports('registerDomain')).toBe(false);
    expect(Object.isFrozen(registrar.capabilities)).toBe(true);
  });

  it.each(CAPABILITIES.filter((name) => name !== 'checkAvailability'))(
    'missing %s rejects with UnsupportedOperationError',
    async (name) => {
      const method = registrar[name] as (...args: unknown[]) => unknown;
      const result = method('example.com', {}, {});
      const error = await (LIST_CAPABILITIES.has(name)
        ? toArray(result as AsyncIterable<unknown>)
        : (result as Promise<unknown>)
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedOperationError);
      expect(error).toMatchObject({
        provider: 'domainr',
        operation: name,
        message: `domainr does not support ${name}`,
      });
    },
  );

  it('keeps adapter-specific extras', () => {
    expect(registrar.checkAvailabilityMany()).toBe('extra');
    expect(registrar.provider).toBe('domainr');
  });
});

describe('defineRegistrar: the provider kit', () => {
  const record = {
    provider: 'example',
    id: '1',
    domain: 'example.com',
    name: 'a',
    fqdn: 'a.example.com',
    type: 'A' as const,
    content: '192.0.2.1',
    ttl: 3600,
    priority: null,
    createdAt: null,
    updatedAt: null,
    raw: null,
  };

  it('gives a provider with createRecord and no bulk call createRecords as single creates', async () => {
    const sent: string[] = [];
    const registrar = defineRegistrar('example', {
      createRecord: async (_domain, input) => {
        sent.push(input.name);
        return { ...record, name: input.name };
      },
    });
    expect(registrar.supports('createRecords')).toBe(true);
    const result = await registrar.createRecords('example.com', [
      { type: 'A', name: 'a', content: '192.0.2.1' },
      { type: 'A', name: 'b', content: '192.0.2.2' },
    ]);
    expect(result.created.map((r) => r.name)).toEqual(['a', 'b']);
    expect(sent.sort()).toEqual(['a', 'b']);
  });

  it('names provider and operation on every error, extras included', async () => {
    const registrar = defineRegistrar(
      'example',
      {
        getDomain: async () => {
          throw new ValidationError('bad');
        },
      },
      {
        restoreDomain: async () => {
          throw new ValidationError('bad');
        },
      },
    );
    await expect(registrar.getDomain('x')).rejects.toMatchObject({
      provider: 'example',
      operation: 'getDomain',
    });
    await expect(registrar.restoreDomain()).rejects.toMatchObject({
      provider: 'example',
      operation: 'restoreDomain',
    });
  });

  it('close() runs the adapter close once however often it is called', async () => {
    let closes = 0;
    const registrar = defineRegistrar('example', {}, undefined, {
      close: async () => {
        closes++;
      },
    });
    await Promise.all([registrar.close(), registrar.close()]);
    await registrar.close();
    expect(closes).toBe(1);
    await expect(defineRegistrar('example', {}).close()).resolves.toBeUndefined();
  });
});

describe('defineRegistrar checks every ListOptions value before the adapter runs', () => {
  const calls: unknown[] = [];
  const lister = defineRegistrar('dnsimple', {
    listDomains: (opts) => {
      calls.push(opts);
      return (async function* () {})();
    },
    listRecords: (domain, opts) => {
      calls.push([domain, opts]);
      return (async function* () {})();
    },
  });

  it.each([
    ['concurrency', { concurrency: Number.NaN }],
    ['concurrency', { concurrency: 0 }],
    ['concurrency', { concurrency: -1 }],
    ['concurrency', { concurrency: 1.5 }],
    ['concurrency', { concurrency: Number.POSITIVE_INFINITY }],
    ['concurrency', { concurrency: '4' }],
    ['pageSize', { pageSize: Number.NaN }],
    ['pageSize', { pageSize: 0 }],
    ['pageSize', { pageSize: 2.5 }],
    ['pageSize', { pageSize: '10' }],
    ['timeoutMs', { timeoutMs: Number.NaN }],
    ['timeoutMs', { timeoutMs: -1 }],
    ['timeoutMs', { timeoutMs: Number.POSITIVE_INFINITY }],
    ['signal', { signal: {} }],
    ['idempotencyKey', { idempotencyKey: 5 }],
    ['owner', { owner: '' }],
    ['(options)', 'fast'],
  ])('%s: %o is a ValidationError naming it; nothing runs', async (path, opts) => {
    calls.length = 0;
    const runs: (() => AsyncIterable<unknown>)[] = [
      () => lister.listDomains(opts as never),
      () => lister.listRecords('example.com', opts as never),
    ];
    for (const run of runs) {
      const error = await toArray(run()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ provider: 'dnsimple', issues: [expect.objectContaining({ path })] });
    }
    expect(calls).toEqual([]);
  });

  it('valid options reach the adapter unchanged', async () => {
    calls.length = 0;
    const opts = {
      concurrency: 2,
      pageSize: 50,
      timeoutMs: 1000,
      signal: new AbortController().signal,
      owner: 'u1',
    };
    await toArray(lister.listDomains(opts));
    await toArray(lister.listRecords('example.com', opts));
    await toArray(lister.listDomains());
    expect(calls).toEqual([opts, ['example.com', opts], undefined]);
  });
});
