/**
 * `timeoutMs` bounds the whole attempt, body included, against a real socket. No nock in this file:
 * nock's socket stand-in times a dripping body out by itself, which hid that axios's own `timeout`
 * never fires while bytes keep coming (a body dripping one byte every 50 ms kept a call pending
 * for ever).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NetworkError } from '../errors/error-classes.js';
import { type LocalServer, startLocalServer } from '../test/local-server.js';
import { testTransport as transport } from '../test/test-transport.js';

const Item = z.object({ id: z.number() });

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that sends the headers and the start of a JSON body, then one byte every 50 ms for ever. */
async function drippingServer(): Promise<LocalServer> {
  return startLocalServer((_req, res, write) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    write('{"id":');
    const timer = setInterval(() => write(' '), 50);
    res.on('close', () => clearInterval(timer));
  });
}

describe('timeoutMs bounds the whole attempt, body included', () => {
  it('a body that drips after the headers fails with NetworkError timeout within timeoutMs', async () => {
    server = await drippingServer();
    const started = performance.now();
    const error = await transport({ baseURL: server.url, retry: false, timeoutMs: 300 })
      .request({ operation: 'getDomain', method: 'GET', path: '/x', schema: Item })
      .catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'timeout', provider: 'dnsimple', operation: 'getDomain' });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1300);
  });

  it('a POST that spends money is not retried after its body timed out', async () => {
    server = await drippingServer();
    const error = await transport({ baseURL: server.url, timeoutMs: 200 })
      .request({ operation: 'registerDomain', method: 'POST', path: '/x', body: {}, schema: Item })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NetworkError', code: 'timeout' });
    expect(server.requests).toBe(1);
  });
});
