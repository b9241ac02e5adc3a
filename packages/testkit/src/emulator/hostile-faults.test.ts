import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEmulatorServer } from './emulator-server.js';
import type { EmulatorApp, FaultRule, LedgerEntry, RunningEmulator } from './emulator-types.js';
import { FAR_RESET_SECONDS, NESTED_BODY_DEPTH } from './hostile-responses.js';

const KEY = 'hostile-secret-key';

interface ShopState {
  handlerCalls: number;
}

/** A paged listing, a read and a spending route (Bearer or `?key=` auth): just enough to be attacked. */
function shopApp(): EmulatorApp<ShopState> {
  const state: ShopState = { handlerCalls: 0 };
  const ledger: LedgerEntry[] = [];
  const names = ['a.com', 'b.com', 'c.com', 'd.com', 'e.com'];
  return {
    name: 'shop',
    state,
    ledger,
    buckets: {},
    routes: [
      {
        method: 'GET',
        path: '/names',
        operation: 'listDomains',
        handler: (req) => {
          state.handlerCalls += 1;
          const page = Number(req.query.page ?? 1);
          return {
            status: 200,
            body: { data: names.slice((page - 1) * 2, page * 2), page, total_pages: 3 },
          };
        },
      },
      {
        method: 'GET',
        path: '/names/:name',
        operation: 'getDomain',
        handler: (req) => {
          state.handlerCalls += 1;
          return { status: 200, body: { name: req.params.name } };
        },
      },
      {
        method: 'POST',
        path: '/names/:name/renew',
        operation: 'renewDomain',
        handler: (req) => {
          state.handlerCalls += 1;
          ledger.push({
            operation: 'renew',
            domain: req.params.name!,
            amount: '9.99',
            currency: 'USD',
            at: new Date(),
            requestSeq: 0,
          });
          return { status: 201, body: { renewed: req.params.name } };
        },
      },
    ],
    authenticate: (req) =>
      req.headers.authorization === `Bearer ${KEY}` || req.query.key === KEY
        ? null
        : { status: 401, body: { message: 'Bad key' } },
    errorBody: (_status, message) => ({ message, details: {} }),
    seedInfo: {
      ownedDomains: names,
      idnDomain: null,
      availableName: 'available-name.com',
      registeredName: 'registered-name.com',
      premiumName: 'premium-name.com',
      premiumPrice: '1200.00',
      currency: 'USD',
      tldPrices: {},
      credentials: { apiKey: KEY },
    },
  };
}

const running: RunningEmulator<ShopState>[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function start(faults: FaultRule[]): Promise<RunningEmulator<ShopState>> {
  const emulator = await startEmulatorServer(shopApp(), { faults });
  running.push(emulator);
  return emulator;
}

const AUTH = { authorization: `Bearer ${KEY}` };
const get = (emulator: RunningEmulator<ShopState>, path: string, headers: Record<string, string> = AUTH) =>
  fetch(`${emulator.url}${path}`, { headers, redirect: 'manual' });
const renew = (emulator: RunningEmulator<ShopState>, name: string) =>
  fetch(`${emulator.url}/names/${name}/renew`, { method: 'POST', headers: AUTH });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The response head, without reading the body. */
function head(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: AUTH }, resolve);
    req.on('error', reject);
    req.end();
  });
}

describe('hostile faults', () => {
  it('drip-body: the handler runs, headers and half the body come at once, then a byte at a time for ever', async () => {
    const emulator = await start([{ route: 'getDomain', fault: { type: 'drip-body', intervalMs: 50 } }]);
    const res = await head(`${emulator.url}/names/a.com`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBeUndefined();
    let received = '';
    let ended = false;
    res.on('data', (chunk: Buffer) => {
      received += chunk.toString();
    });
    res.on('end', () => {
      ended = true;
    });
    await sleep(600);
    expect(ended).toBe(false);
    expect(received.startsWith('{"name"')).toBe(true);
    expect(received.length).toBeGreaterThan(JSON.stringify({ name: 'a.com' }).length / 2 + 5);
    expect(emulator.state.handlerCalls).toBe(1);
    // The log counts what the emulator wrote; a byte it wrote may still be on its way: the client
    // gets every byte logged as sent (and the drip goes on meanwhile).
    const logged = emulator.requests[0]!.bytesSent ?? Number.NaN;
    expect(logged).toBeGreaterThanOrEqual(Buffer.byteLength(received));
    await vi.waitFor(() => expect(Buffer.byteLength(received)).toBeGreaterThanOrEqual(logged), {
      timeout: 2_000,
    });
    res.destroy();
  });

  it('redirect: a 302 to the same path on another loopback host, nothing processed; status and location can be chosen', async () => {
    const emulator = await start([
      {
        route: 'getDomain',
        sequence: [{ type: 'redirect' }, { type: 'redirect', status: 308, location: 'http://127.0.0.1:9/x' }],
      },
    ]);
    const port = new URL(emulator.url).port;
    const first = await get(emulator, '/names/a.com?x=1');
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(`http://127.0.0.2:${port}/names/a.com?x=1`);
    const second = await get(emulator, '/names/a.com');
    expect(second.status).toBe(308);
    expect(second.headers.get('location')).toBe('http://127.0.0.1:9/x');
    expect(emulator.state.handlerCalls).toBe(0);
    expect(emulator.requests.map((r) => r.status)).toEqual([302, 308]);
  });

  it('oversized-body: a valid JSON body of exactly the size asked, chunked or with a content-length', async () => {
    const size = 1024 * 1024 + 7;
    const emulator = await start([
      {
        route: 'getDomain',
        sequence: [
          { type: 'oversized-body', bytes: size },
          { type: 'oversized-body', bytes: size, contentLength: true },
        ],
      },
    ]);
    const chunked = await get(emulator, '/names/a.com');
    expect(chunked.headers.get('content-length')).toBeNull();
    const text = await chunked.text();
    expect(Buffer.byteLength(text)).toBe(size);
    expect((JSON.parse(text) as { data: string }).data).toMatch(/^x+$/);
    const sized = await get(emulator, '/names/a.com');
    expect(sized.headers.get('content-length')).toBe(String(size));
    expect(Buffer.byteLength(await sized.text())).toBe(size);
    expect(emulator.state.handlerCalls).toBe(0);
    expect(emulator.requests[0]!.bytesSent).toBe(size);
  });

  it('oversized-body: streams only as fast as the client reads, and stops when it goes away', async () => {
    const emulator = await start([
      { route: 'getDomain', fault: { type: 'oversized-body', bytes: 200 * 1024 * 1024 } },
    ]);
    const res = await head(`${emulator.url}/names/a.com`);
    let read = 0;
    await new Promise<void>((resolve) => {
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read >= 1024 * 1024) {
          res.destroy();
          resolve();
        }
      });
    });
    await sleep(200);
    const sent = emulator.requests[0]!.bytesSent!;
    expect(sent).toBeGreaterThanOrEqual(1024 * 1024);
    // What the kernel's socket buffers hold at most, far below the 200 MB asked for.
    expect(sent).toBeLessThan(32 * 1024 * 1024);
    await sleep(200);
    expect(emulator.requests[0]!.bytesSent).toBe(sent);
  });

  it('nested-body: the status with the provider error body and a value 100,000 arrays deep', async () => {
    const emulator = await start([{ route: 'getDomain', fault: { type: 'nested-body', status: 401 } }]);
    const res = await get(emulator, '/names/a.com');
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text.startsWith('{"message":"Authentication failed","details":{},"nested":[[[')).toBe(true);
    const depth = text.length - text.replace(/\[/g, '').length;
    expect(depth).toBe(NESTED_BODY_DEPTH);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['message', 'details', 'nested']);
    expect(emulator.state.handlerCalls).toBe(0);
  });

  it('rate-limit-headers: the normal answer with X-RateLimit-Remaining 0 and a reset 10 days away', async () => {
    const emulator = await start([{ route: 'getDomain', sequence: [{ type: 'rate-limit-headers' }] }]);
    const res = await get(emulator, '/names/a.com');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'a.com' });
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    expect(Math.abs(reset - (Date.now() / 1000 + FAR_RESET_SECONDS))).toBeLessThan(5);
    expect((await get(emulator, '/names/a.com')).headers.get('x-ratelimit-remaining')).toBeNull();
  });

  it('echo-credentials: every credential the request carried is a key of the error body and in X-Request-Id', async () => {
    const emulator = await start([{ route: 'getDomain', fault: { type: 'echo-credentials', status: 422 } }]);
    const res = await get(emulator, '/names/a.com');
    expect(res.status).toBe(422);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      message: 'Validation failed',
      [KEY]: ['is not a valid field'],
      [`Bearer ${KEY}`]: ['is not a valid field'],
      details: { [KEY]: ['is not a valid field'] },
      errors: { [KEY]: ['is not a valid field'] },
    });
    expect(res.headers.get('x-request-id')).toBe(`req-Bearer_${KEY}-${KEY}`);
    const byQuery = await get(emulator, `/names/a.com?key=${KEY}`, {});
    expect(byQuery.status).toBe(422);
    expect(Object.keys((await byQuery.json()) as object)).toContain(KEY);
    expect(byQuery.headers.get('x-request-id')).toBe(`req-${KEY}`);
    expect(emulator.state.handlerCalls).toBe(0);
  });

  it('repeat-first-page: every later request of the operation gets the first answer again, until the rules change', async () => {
    const emulator = await start([{ route: 'listDomains', fault: { type: 'repeat-first-page' } }]);
    const page = async (n: number) => (await get(emulator, `/names?page=${n}`)).json();
    const first = await page(1);
    expect(first).toEqual({ data: ['a.com', 'b.com'], page: 1, total_pages: 3 });
    expect(await page(2)).toEqual(first);
    expect(await page(3)).toEqual(first);
    expect(emulator.state.handlerCalls).toBe(1);
    emulator.setFaults([{ route: 'listDomains', fault: { type: 'repeat-first-page' } }]);
    const second = await page(2);
    expect(second).toEqual({ data: ['c.com', 'd.com'], page: 2, total_pages: 3 });
    expect(await page(1)).toEqual(second);
  });

  it('transform: the handler runs and its body is replaced', async () => {
    const emulator = await start([
      {
        route: 'listDomains',
        fault: {
          type: 'transform',
          transform: (body, req) => ({ ...(body as object), total_pages: 1e6, seen: req.query.page }),
        },
      },
    ]);
    expect(await (await get(emulator, '/names?page=9')).json()).toEqual({
      data: [],
      page: 9,
      total_pages: 1e6,
      seen: '9',
    });
    expect(emulator.state.handlerCalls).toBe(1);
  });

  it('afterCharge: the rule applies only once a request charged the ledger since the rules were set', async () => {
    const emulator = await start([]);
    await renew(emulator, 'a.com'); // a charge before the rules: does not count
    emulator.setFaults([
      { afterCharge: true, sequence: [{ type: 'status', status: 500 }, { type: 'reset-before' }] },
    ]);
    expect((await get(emulator, '/names/a.com')).status).toBe(200);
    expect((await renew(emulator, 'b.com')).status).toBe(201);
    expect((await get(emulator, '/names/b.com')).status).toBe(500);
    await expect(get(emulator, '/names/b.com')).rejects.toThrow();
    expect((await get(emulator, '/names/b.com')).status).toBe(200);
    expect(emulator.ledger.map((entry) => entry.domain)).toEqual(['a.com', 'b.com']);
  });
});
