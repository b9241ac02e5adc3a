import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/error-classes.js';
import { normalizeDomainName } from '../validation/domain-name.js';
import { contextualAsync, contextualIterable } from './error-context.js';

describe('error context', () => {
  it('fills provider and operation on an error raised without them, keeps those already set', async () => {
    const bare = contextualAsync('example', 'getDomain', async () => {
      throw new ValidationError('bad name');
    });
    await expect(bare()).rejects.toMatchObject({ provider: 'example', operation: 'getDomain' });
    const named = contextualAsync('example', 'getDomain', async () => {
      throw new ValidationError('bad name', { provider: 'example', operation: 'domainRef' });
    });
    await expect(named()).rejects.toMatchObject({ operation: 'domainRef' });
  });

  it("names the registrar method, not core's check, when a check fails inside a method", async () => {
    const checked = contextualAsync('example', 'getDomain', async () => normalizeDomainName('../x'));
    await expect(checked()).rejects.toMatchObject({
      name: 'ValidationError',
      provider: 'example',
      operation: 'getDomain',
    });
    expect(() => normalizeDomainName('../x')).toThrowError(
      expect.objectContaining({ operation: 'normalizeDomainName' }),
    );
  });

  it('passes other errors through untouched', async () => {
    const error = new TypeError('bug');
    await expect(contextualAsync('example', 'x', async () => Promise.reject(error))()).rejects.toBe(error);
  });

  it('fills the context on a failing next() of a listing, and on a throwing factory', async () => {
    const listing = contextualIterable('example', 'listDomains', () => ({
      async *[Symbol.asyncIterator]() {
        yield 1;
        throw new ValidationError('bad page');
      },
    }));
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const value of listing()) seen.push(value);
      })(),
    ).rejects.toMatchObject({ provider: 'example', operation: 'listDomains' });
    expect(seen).toEqual([1]);
    const throwing = contextualIterable('example', 'listRecords', (): AsyncIterable<number> => {
      throw new ValidationError('bad domain');
    });
    await expect(throwing()[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      operation: 'listRecords',
    });
  });
});
