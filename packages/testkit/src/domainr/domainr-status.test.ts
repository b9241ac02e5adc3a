import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import { type DomainrEmulatorOptions, startDomainrEmulator } from './domainr-emulator.js';
import type { DomainrState } from './domainr-state.js';
import { DOMAINR_EXTRA_STATUSES, DOMAINR_INVALID_NAME } from './domainr-status-table.js';

const CLIENT = 'client_id=domainr-test-client';

let emulator: RunningEmulator<DomainrState> | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: DomainrEmulatorOptions = {}) {
  emulator = await startDomainrEmulator(options);
  return emulator;
}

async function status(domain: string, extra = '') {
  const res = await fetch(
    `${emulator!.url}/v2/status?${CLIENT}&domain=${encodeURIComponent(domain)}${extra}`,
  );
  return {
    res,
    body: (await res.json()) as {
      status: { domain: string; zone: string; status: string; summary: string }[];
    },
  };
}

async function flags(domain: string): Promise<string> {
  const { res, body } = await status(domain);
  expect(res.status).toBe(200);
  expect(body.status).toHaveLength(1);
  return body.status[0]!.status;
}

describe('Domainr v2 GET /v2/status', () => {
  it('answers the documented envelope: {status:[{domain, zone, status, summary}]} as application/json', async () => {
    await start();
    const { res, body } = await status('acecafe.io');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(body).toEqual({
      status: [{ domain: 'acecafe.io', zone: 'io', status: 'undelegated inactive', summary: 'inactive' }],
    });
  });

  it('maps the standard seed names: available → inactive, registered and owned → active, premium → premium', async () => {
    const e = await start();
    expect(await flags(e.seedInfo.availableName)).toBe('undelegated inactive');
    expect(await flags('registered-name.com')).toBe('active');
    expect(await flags('premium-name.com')).toBe('undelegated inactive premium');
    expect(await flags('test-domain-1.com')).toBe('active');
    expect(await flags('test-domain-2.com')).toBe('active');
    // The IDN portfolio domain, asked in either form.
    expect(await flags('xn--bcher-kva.com')).toBe('active');
    expect(await flags('bücher.com')).toBe('active');
    // Any other name in a known zone is unregistered.
    expect(await flags('never-seen-before.net')).toBe('undelegated inactive');
  });

  it('echoes a Unicode name as requested and computes its zone', async () => {
    await start();
    const { body } = await status('bücher.com');
    expect(body.status[0]).toEqual({
      domain: 'bücher.com',
      zone: 'com',
      status: 'active',
      summary: 'active',
    });
  });

  it('follows the seed options: domain count, registered and available names, premium names', async () => {
    await start({
      seed: {
        domains: 250,
        registeredNames: ['taken.org'],
        availableNames: ['free.io'],
        premiumNames: { 'gold.dev': '5000.00' },
      },
    });
    expect(await flags('test-domain-249.com')).toBe('active');
    expect(await flags('test-domain-251.com')).toBe('undelegated inactive');
    expect(await flags('taken.org')).toBe('active');
    expect(await flags('free.io')).toBe('undelegated inactive');
    expect(await flags('gold.dev')).toBe('undelegated inactive premium');
    // The default premium name is replaced by the option.
    expect(await flags('premium-name.com')).toBe('undelegated inactive');
  });

  it('with domains: 0 owns nothing', async () => {
    await start({ seed: { domains: 0 } });
    expect(await flags('test-domain-1.com')).toBe('undelegated inactive');
  });

  it('produces every documented flag combination from the extra-name table', async () => {
    const e = await start();
    expect(await flags('unknown-name.com')).toBe('unknown');
    expect(await flags('undelegated-name.com')).toBe('undelegated');
    expect(await flags('pending-name.cafe')).toBe('undelegated pending');
    expect(await flags('unregistrable-name.google')).toBe('undelegated unregistrable');
    expect(await flags('disallowed-name.com')).toBe('undelegated disallowed');
    expect(await flags('claimed-name.com')).toBe('claimed');
    expect(await flags('reserved-name.com')).toBe('claimed reserved');
    expect(await flags('dpml-name.com')).toBe('undelegated reserved dpml');
    expect(await flags('parked-name.com')).toBe('active parked');
    expect(await flags('marketed-name.com')).toBe('active marketed');
    expect(await flags('expiring-name.com')).toBe('active expiring');
    expect(await flags('deleting-name.com')).toBe('active deleting');
    expect(await flags('priced-name.com')).toBe('active marketed priced');
    expect(await flags('transferable-name.com')).toBe('active marketed priced transferable');
    expect(await flags('premium-active-name.com')).toBe('active premium');
    expect(await flags('suffix-name.com')).toBe('active suffix');
    expect(await flags('registrar-name.com')).toBe('active registrar');
    expect(await flags('future-flag-name.com')).toBe('active frobnicated');
    // The table is exposed in state, so tests can enumerate it.
    for (const name of Object.keys(DOMAINR_EXTRA_STATUSES)) expect(e.state.statusTable.has(name)).toBe(true);
  });

  it('answers zone and TLD queries: com → active zone tld, co.uk → active suffix zone', async () => {
    await start();
    const { body } = await status('com,co.uk');
    expect(body.status).toEqual([
      { domain: 'com', zone: 'com', status: 'active zone tld', summary: 'tld' },
      { domain: 'co.uk', zone: 'uk', status: 'active suffix zone', summary: 'zone' },
    ]);
  });

  it('answers invalid for technically invalid names and unregistrable for zones nobody sells', async () => {
    await start();
    expect(await flags(DOMAINR_INVALID_NAME)).toBe('invalid');
    expect(await flags('under_score.com')).toBe('invalid');
    expect(await flags('-leading.com')).toBe('invalid');
    expect(await flags('hello.notazone')).toBe('undelegated unregistrable');
  });

  it('accepts the 2015 comma-separated list and answers one object per name, in request order', async () => {
    await start();
    const { body } = await status('registered-name.com, available-name.com,premium-name.com');
    expect(body.status.map((s) => [s.domain, s.summary])).toEqual([
      ['registered-name.com', 'active'],
      ['available-name.com', 'inactive'],
      ['premium-name.com', 'premium'],
    ]);
  });

  it('summary is always the right-most flag', async () => {
    await start();
    const { body } = await status(Object.keys(DOMAINR_EXTRA_STATUSES).join(','));
    expect(body.status).toHaveLength(Object.keys(DOMAINR_EXTRA_STATUSES).length);
    for (const s of body.status) expect(s.summary).toBe(s.status.split(' ').at(-1));
  });

  it('a missing or empty domain parameter → 400 {message}', async () => {
    const e = await start();
    for (const query of ['', '&domain=', '&domain=%20,%20']) {
      const res = await fetch(`${e.url}/v2/status?${CLIENT}${query}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ message: 'missing required parameter: domain' });
    }
  });

  it('honours extra statuses given as options and changes to state.statusTable at run time', async () => {
    const e = await start({ statuses: { 'custom.com': 'active marketed', 'available-name.com': 'claimed' } });
    expect(await flags('custom.com')).toBe('active marketed');
    expect(await flags('available-name.com')).toBe('claimed');
    e.state.statusTable.set('later.com', { status: 'active parked' });
    expect(await flags('later.com')).toBe('active parked');
  });

  it("with invalidNameResponse: 'errors' answers 200 {errors:[{code,message,detail}]} for an invalid name", async () => {
    await start({ invalidNameResponse: 'errors' });
    const { res, body } = await status(DOMAINR_INVALID_NAME);
    expect(res.status).toBe(200);
    expect(body).toEqual({
      errors: [{ code: 400, message: 'invalid domain name', detail: DOMAINR_INVALID_NAME }],
    });
    expect(await flags('registered-name.com')).toBe('active');
  });

  it('JSONP: callback wraps the body and every response is 200 (errors included)', async () => {
    const e = await start();
    const ok = await fetch(`${e.url}/v2/status?${CLIENT}&domain=registered-name.com&callback=handle`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(await ok.text()).toBe(
      'handle({"status":[{"domain":"registered-name.com","zone":"com","status":"active","summary":"active"}]})',
    );
    const missing = await fetch(`${e.url}/v2/status?${CLIENT}&callback=handle`);
    expect(missing.status).toBe(200);
    expect(await missing.text()).toBe('handle({"message":"missing required parameter: domain"})');
    const denied = await fetch(`${e.url}/v2/status?client_id=nope&domain=a.com&callback=handle`);
    expect(denied.status).toBe(200);
    expect(await denied.text()).toBe('handle({"message":"unauthorized: invalid client ID: nope"})');
  });

  it('is read-only: no ledger entries, and the request log names the operation', async () => {
    const e = await start();
    await status('available-name.com');
    expect(e.ledger).toEqual([]);
    expect(e.requests).toHaveLength(1);
    expect(e.requests[0]).toMatchObject({
      method: 'GET',
      path: '/v2/status',
      operation: 'checkAvailability',
      status: 200,
    });
  });
});
