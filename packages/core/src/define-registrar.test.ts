import { describe, expect, it } from 'vitest';
import { defineRegistrar } from './define-registrar.js';
import { UnsupportedOperationError } from './errors/error-classes.js';
import { CAPABILITIES } from './registrar.js';
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
      const error = await (name === 'listDomains' || name === 'listRecords'
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
