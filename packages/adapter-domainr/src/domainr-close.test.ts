/**
 * close() releases what the adapter holds: in v2 mode two transports (the direct host and the
 * RapidAPI host, chosen per call), in Fastly mode one. Every one of them is closed, once, however
 * often close() is called, whichever of them was used.
 */
import type { Transport, TransportOptions } from '@registrar-kit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';

const created: { baseURL: string; close: ReturnType<typeof vi.fn> }[] = [];

vi.mock('@registrar-kit/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@registrar-kit/core')>();
  return {
    ...core,
    createTransport: (options: TransportOptions): Transport => {
      const transport = core.createTransport(options);
      const close = vi.fn(() => transport.close());
      created.push({ baseURL: options.baseURL, close });
      return { ...transport, request: transport.request, close };
    },
  };
});

const { createDomainr } = await import('./domainr-registrar.js');

afterEach(() => {
  created.length = 0;
});

describe('close()', () => {
  it('v2: closes the direct and the RapidAPI transport, once each, even when close() is called twice', async () => {
    const registrar = createDomainr({ clientId: 'cid', rateLimit: false });
    expect(created.map((transport) => transport.baseURL).sort()).toEqual([
      'https://api.domainr.com',
      'https://domainr.p.rapidapi.com',
    ]);
    await expect(registrar.close()).resolves.toBeUndefined();
    await expect(registrar.close()).resolves.toBeUndefined();
    expect(created.map((transport) => transport.close.mock.calls.length)).toEqual([1, 1]);
  });

  it('Fastly: closes its one transport, once', async () => {
    const registrar = createDomainr({ api: 'fastly', fastlyToken: 'token', rateLimit: false });
    expect(created.map((transport) => transport.baseURL)).toEqual(['https://api.fastly.com']);
    await Promise.all([registrar.close(), registrar.close()]);
    expect(created[0]?.close).toHaveBeenCalledTimes(1);
  });
});
