import { afterEach, describe, expect, it } from 'vitest';
import type { FaultRule, RunningEmulator } from '../emulator/emulator-types.js';
import { type DomainrEmulatorOptions, startDomainrEmulator } from './domainr-emulator.js';
import type { DomainrState } from './domainr-state.js';

const STATUS = '/v2/status?client_id=domainr-test-client&domain=registered-name.com';
const FASTLY_STATUS = '/domain-management/v1/tools/status?domain=registered-name.com';
const KEY = { 'Fastly-Key': 'fastly-test-token' };

const running: RunningEmulator<DomainrState>[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function start(options: DomainrEmulatorOptions = {}) {
  const e = await startDomainrEmulator(options);
  running.push(e);
  return e;
}

describe('Domainr rate limits', () => {
  it('the default v2 bucket allows 1000 requests per minute', async () => {
    // A 10-minute window (timeScale 10), so all 1005 requests fall inside it on any machine.
    const slow = await start({ timeScale: 10 });
    const statuses: number[] = [];
    for (let i = 0; i < 1005; i++) statuses.push((await fetch(`${slow.url}${STATUS}`)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1000);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(slow.rateLimited()).toBe(5);
  });

  it('429 with Retry-After and {message} once the bucket is exhausted; buckets are independent', async () => {
    const e = await start({ buckets: { v2: { limit: 3, intervalMs: 60_000 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${e.url}${STATUS}`)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await fetch(`${e.url}${STATUS}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({ message: 'Too many requests' });
    // Search shares the v2 bucket; the Fastly tools have their own.
    expect((await fetch(`${e.url}/v2/search?client_id=domainr-test-client&query=a`)).status).toBe(429);
    expect((await fetch(`${e.url}${FASTLY_STATUS}`, { headers: KEY })).status).toBe(200);
    expect(e.rateLimited()).toBe(2);
  });

  it('timeScale shrinks the window so the bucket refills quickly', async () => {
    const e = await start({ timeScale: 0.001, buckets: { fastly: { limit: 2, intervalMs: 60_000 } } });
    const first = [];
    for (let i = 0; i < 3; i++)
      first.push((await fetch(`${e.url}${FASTLY_STATUS}`, { headers: KEY })).status);
    expect(first).toEqual([200, 200, 429]);
    // The 60 s window is 60 ms at timeScale 0.001; wait well past it.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await fetch(`${e.url}${FASTLY_STATUS}`, { headers: KEY })).status).toBe(200);
    expect(e.rateLimited()).toBe(1);
  });

  it('rateLimits: false disables enforcement', async () => {
    const e = await start({ rateLimits: false, buckets: { v2: { limit: 1, intervalMs: 60_000 } } });
    for (let i = 0; i < 4; i++) expect((await fetch(`${e.url}${STATUS}`)).status).toBe(200);
    expect(e.rateLimited()).toBe(0);
  });
});

describe('Domainr fault injection', () => {
  it('a sequence of 503, 500, 502 on checkAvailability, then normal answers; {message} bodies', async () => {
    const e = await start({
      faults: [
        {
          route: 'checkAvailability',
          sequence: [
            { type: 'status', status: 503 },
            { type: 'status', status: 500 },
            { type: 'status', status: 502 },
          ],
        },
      ],
    });
    const answers: [number, unknown][] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${e.url}${STATUS}`);
      answers.push([res.status, await res.json()]);
    }
    expect(answers).toEqual([
      [503, { message: 'Injected fault' }],
      [500, { message: 'Injected fault' }],
      [502, { message: 'Injected fault' }],
      [
        200,
        { status: [{ domain: 'registered-name.com', zone: 'com', status: 'active', summary: 'active' }] },
      ],
    ]);
    // The search route is not targeted.
    expect((await fetch(`${e.url}/v2/search?client_id=domainr-test-client&query=a`)).status).toBe(200);
  });

  it('connection reset, malformed JSON and an HTML error page', async () => {
    const e = await start({
      faults: [
        {
          route: 'GET /v2/status',
          sequence: [
            { type: 'reset-before' },
            { type: 'malformed-json' },
            { type: 'html-error', status: 502 },
          ],
        },
      ],
    });
    await expect(fetch(`${e.url}${STATUS}`)).rejects.toThrow();
    const malformed = await fetch(`${e.url}${STATUS}`);
    expect(malformed.status).toBe(200);
    const text = await malformed.text();
    expect(() => JSON.parse(text)).toThrow();
    const html = await fetch(`${e.url}${STATUS}`);
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(await html.text()).toContain('502 Bad Gateway');
    expect(e.requests.map((r) => r.status)).toEqual([null, 200, 502]);
  });

  it('a fault rate is deterministic for a seed', async () => {
    const faults: FaultRule[] = [
      { route: 'checkAvailability', rate: 0.5, fault: { type: 'status', status: 503 } },
    ];
    const run = async () => {
      const e = await start({ seed: { seed: 42 }, faults });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++)
        statuses.push((await fetch(`${e.url}${FASTLY_STATUS}`, { headers: KEY })).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(503);
    expect(first).toContain(200);
  });

  it('setFaults replaces the rules at run time', async () => {
    const e = await start();
    expect((await fetch(`${e.url}${STATUS}`)).status).toBe(200);
    e.setFaults([{ sequence: [{ type: 'error', status: 429, retryAfterSeconds: 7 }] }]);
    const res = await fetch(`${e.url}${STATUS}`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual({ message: 'Too many requests' });
  });
});
