/**
 * The server's options for APIs that are not JSON-over-REST (Namecheap): routes told apart by a
 * parameter on one endpoint, form-encoded bodies, text answers, several buckets per route, a
 * provider-specific over-limit answer, and the peer address.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulatorServer } from './emulator-server.js';
import type {
  CommonEmulatorOptions,
  EmulatorApp,
  EmulatorRequest,
  RunningEmulator,
} from './emulator-types.js';

const XML = { 'content-type': 'text/xml; charset=utf-8' };

function commandOf(req: EmulatorRequest): string | undefined {
  const body = (req.body ?? {}) as Record<string, string>;
  return body.Command ?? req.query.Command;
}

function command(name: string, method: 'GET' | 'POST') {
  return {
    method,
    path: '/api',
    operation: name,
    bucket: ['short', 'long'] as const,
    match: (req: EmulatorRequest) => commandOf(req) === name,
    handler: (req: EmulatorRequest) => ({
      status: 200,
      headers: XML,
      body: `<ok command="${name}" peer="${req.remoteAddress}" body="${JSON.stringify(req.body ?? null).replaceAll('"', "'")}"/>`,
    }),
  };
}

function dispatchApp(overLimit: boolean): EmulatorApp<null> {
  return {
    name: 'dispatch',
    state: null,
    ledger: [],
    formBodies: true,
    buckets: { short: { limit: 3, intervalMs: 60_000 }, long: { limit: 5, intervalMs: 600_000 } },
    routes: [command('first', 'GET'), command('first', 'POST'), command('second', 'POST')],
    authenticate: () => null,
    errorBody: (status, message) => `<error status="${status}">${message}</error>`,
    responseHeaders: () => XML,
    ...(overLimit
      ? {
          rateLimitResponse: () => ({ status: 405, body: '', headers: { 'content-type': 'text/html' } }),
        }
      : {}),
    seedInfo: {
      ownedDomains: [],
      idnDomain: null,
      availableName: '',
      registeredName: '',
      premiumName: '',
      premiumPrice: '',
      currency: 'USD',
      tldPrices: {},
      credentials: {},
    },
  };
}

const running: RunningEmulator<null>[] = [];
async function start(overLimit = false, options: CommonEmulatorOptions = {}): Promise<RunningEmulator<null>> {
  const emulator = await startEmulatorServer(dispatchApp(overLimit), options);
  running.push(emulator);
  return emulator;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

function post(emulator: RunningEmulator<null>, form: string): Promise<Response> {
  return fetch(`${emulator.url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
}

describe('startEmulatorServer: one endpoint, routes told apart by `match`', () => {
  it('parses a form body, picks the route whose match accepts it and logs its operation', async () => {
    const emulator = await start();
    const res = await post(emulator, 'Command=second&Name=a+b&Name=c%26d');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await res.text()).toBe(
      `<ok command="second" peer="127.0.0.1" body="{'Command':'second','Name':'c&d'}"/>`,
    );
    expect(emulator.requests.at(-1)).toMatchObject({
      operation: 'second',
      body: { Command: 'second', Name: 'c&d' },
    });
  });

  it('dispatches a GET on its query, and answers 404 when no route matches', async () => {
    const emulator = await start();
    const get = await fetch(`${emulator.url}/api?Command=first`);
    expect(await get.text()).toContain('command="first"');
    const unknown = await fetch(`${emulator.url}/api?Command=third`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('<error status="404">Not found</error>');
  });

  it('still reads a JSON body as JSON when the app takes form bodies', async () => {
    const emulator = await start();
    const res = await fetch(`${emulator.url}/api?Command=second`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"x":1}',
    });
    expect(await res.text()).toContain(`body="{'x':1}"`);
  });

  it('faults target the matched route by its operation name', async () => {
    const emulator = await start();
    emulator.setFaults([{ route: 'second', sequence: [{ type: 'status', status: 503 }] }]);
    expect((await fetch(`${emulator.url}/api?Command=first`)).status).toBe(200);
    expect((await post(emulator, 'Command=second')).status).toBe(503);
  });

  it('malformed-json on a text body sends its first half under its own content type', async () => {
    const emulator = await start();
    emulator.setFaults([{ route: 'first', sequence: [{ type: 'malformed-json' }] }]);
    const res = await fetch(`${emulator.url}/api?Command=first`);
    const full = `<ok command="first" peer="127.0.0.1" body="null"/>`;
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await res.text()).toBe(full.slice(0, Math.floor(full.length / 2)));
  });
});

describe('startEmulatorServer: several buckets per route and a custom over-limit answer', () => {
  it('refuses when the shortest bucket is full, without counting the refusal in the others', async () => {
    const emulator = await start();
    for (let i = 0; i < 3; i++) expect((await fetch(`${emulator.url}/api?Command=first`)).status).toBe(200);
    const refused = await fetch(`${emulator.url}/api?Command=first`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(emulator.rateLimited()).toBe(1);
  });

  it('the longer bucket refuses once the shorter one has moved on', async () => {
    const emulator = await start(false, { timeScale: 0.001 });
    // short: 3 per 60 ms; long: 5 per 600 ms.
    let ok = 0;
    for (let i = 0; i < 5; i++) {
      if (i === 3) await new Promise((resolve) => setTimeout(resolve, 80));
      if ((await fetch(`${emulator.url}/api?Command=first`)).status === 200) ok += 1;
    }
    expect(ok).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const refused = await fetch(`${emulator.url}/api?Command=first`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('x-emulator-retry-after-ms'))).toBeGreaterThan(60);
  });

  it('sends the app rateLimitResponse instead of a 429 and counts it in rateLimited()', async () => {
    const emulator = await start(true);
    for (let i = 0; i < 3; i++) await fetch(`${emulator.url}/api?Command=first`);
    const refused = await fetch(`${emulator.url}/api?Command=first`);
    expect(refused.status).toBe(405);
    expect(refused.headers.get('content-type')).toBe('text/html');
    expect(await refused.text()).toBe('');
    expect(emulator.rateLimited()).toBe(1);
  });
});
