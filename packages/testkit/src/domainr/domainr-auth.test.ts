import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import { type DomainrEmulatorOptions, startDomainrEmulator } from './domainr-emulator.js';
import type { DomainrState } from './domainr-state.js';

let emulator: RunningEmulator<DomainrState> | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: DomainrEmulatorOptions = {}) {
  emulator = await startDomainrEmulator(options);
  return emulator;
}

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${emulator!.url}${path}`, { headers });
  return { status: res.status, body: await res.json() };
}

const STATUS = '/v2/status?domain=registered-name.com';
const FASTLY_STATUS = '/domain-management/v1/tools/status?domain=registered-name.com';

describe('Domainr v2 authentication', () => {
  it('accepts the default client_id and exposes the default credentials in seedInfo', async () => {
    const e = await start();
    expect(e.seedInfo.credentials).toEqual({
      clientId: 'domainr-test-client',
      rapidApiKey: 'domainr-test-rapidapi-key',
      fastlyToken: 'fastly-test-token',
    });
    expect((await get(`${STATUS}&client_id=domainr-test-client`)).status).toBe(200);
  });

  it('a wrong client_id → 401 whose message repeats the client id (adapters must redact it)', async () => {
    await start();
    expect(await get(`${STATUS}&client_id=secret-looking-id-123`)).toEqual({
      status: 401,
      body: { message: 'unauthorized: invalid client ID: secret-looking-id-123' },
    });
  });

  it('no credential at all → 401 {message}', async () => {
    await start();
    expect(await get(STATUS)).toEqual({ status: 401, body: { message: 'unauthorized: missing client ID' } });
  });

  it('RapidAPI: mashape-key parameter, or X-RapidAPI-Key with X-RapidAPI-Host', async () => {
    await start();
    expect((await get(`${STATUS}&mashape-key=domainr-test-rapidapi-key`)).status).toBe(200);
    expect(
      (
        await get(STATUS, {
          'X-RapidAPI-Key': 'domainr-test-rapidapi-key',
          'X-RapidAPI-Host': 'domainr.p.rapidapi.com',
        })
      ).status,
    ).toBe(200);
    const invalid = {
      status: 401,
      body: { message: 'Invalid API key. Go to https://docs.rapidapi.com/docs/keys for more info.' },
    };
    expect(await get(`${STATUS}&mashape-key=wrong`)).toEqual(invalid);
    expect(
      await get(STATUS, { 'X-RapidAPI-Key': 'wrong', 'X-RapidAPI-Host': 'domainr.p.rapidapi.com' }),
    ).toEqual(invalid);
  });

  it('RapidAPI header form without (or with another) X-RapidAPI-Host → 403, unless not required', async () => {
    await start();
    const notSubscribed = { status: 403, body: { message: 'You are not subscribed to this API.' } };
    expect(await get(STATUS, { 'X-RapidAPI-Key': 'domainr-test-rapidapi-key' })).toEqual(notSubscribed);
    expect(
      await get(STATUS, {
        'X-RapidAPI-Key': 'domainr-test-rapidapi-key',
        'X-RapidAPI-Host': 'other.p.rapidapi.com',
      }),
    ).toEqual(notSubscribed);
    await emulator!.close();
    await start({ requireRapidApiHost: false });
    expect((await get(STATUS, { 'X-RapidAPI-Key': 'domainr-test-rapidapi-key' })).status).toBe(200);
  });

  it('a Fastly token is not a Domainr credential', async () => {
    await start();
    expect((await get(STATUS, { 'Fastly-Key': 'fastly-test-token' })).status).toBe(401);
  });

  it('custom credentials replace the defaults', async () => {
    await start({ credentials: { clientId: 'mine', rapidApiKey: 'rk', fastlyToken: 'ft' } });
    expect((await get(`${STATUS}&client_id=mine`)).status).toBe(200);
    expect((await get(`${STATUS}&client_id=domainr-test-client`)).status).toBe(401);
    expect((await get(`${STATUS}&mashape-key=rk`)).status).toBe(200);
    expect((await get(FASTLY_STATUS, { 'Fastly-Key': 'ft' })).status).toBe(200);
    expect((await get(FASTLY_STATUS, { 'Fastly-Key': 'fastly-test-token' })).status).toBe(401);
  });
});

describe('Fastly Domain Research authentication', () => {
  it('Fastly-Key is required: missing or wrong → 401 {msg}', async () => {
    await start();
    const denied = { status: 401, body: { msg: 'Provided credentials are missing or invalid' } };
    expect(await get(FASTLY_STATUS)).toEqual(denied);
    expect(await get(FASTLY_STATUS, { 'Fastly-Key': 'wrong' })).toEqual(denied);
    // Domainr credentials do not open the Fastly API.
    expect(await get(`${FASTLY_STATUS}&client_id=domainr-test-client`)).toEqual(denied);
    expect((await get(FASTLY_STATUS, { 'Fastly-Key': 'fastly-test-token' })).status).toBe(200);
  });

  it('rejected requests are logged with their 401 status', async () => {
    const e = await start();
    await get(FASTLY_STATUS, { 'Fastly-Key': 'wrong' });
    expect(e.requests.map((r) => [r.operation, r.status])).toEqual([['checkAvailability', 401]]);
  });
});
