import { describe, expect, it } from 'vitest';
import { NameIdCache } from './name-id-cache.js';

describe('NameIdCache', () => {
  it('fetches an unknown name once, even for concurrent lookups, and remembers both directions', async () => {
    const cache = new NameIdCache();
    let fetches = 0;
    const fetch = async () => {
      fetches++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return '42';
    };
    const ids = await Promise.all([cache.resolveId('a.com', fetch), cache.resolveId('a.com', fetch)]);
    expect(ids).toEqual(['42', '42']);
    expect(fetches).toBe(1);
    expect(cache.nameOf('42')).toBe('a.com');
    expect(await cache.resolveName('42', async () => 'other')).toBe('a.com');
  });

  it('does not remember a failed fetch', async () => {
    const cache = new NameIdCache();
    await expect(cache.resolveId('a.com', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.resolveId('a.com', async () => '7')).toBe('7');
  });

  it('forgets a name and its id', () => {
    const cache = new NameIdCache();
    cache.remember('1', 'a.com');
    cache.forget('a.com');
    expect(cache.idOf('a.com')).toBeUndefined();
    expect(cache.nameOf('1')).toBeUndefined();
  });
});
