/** The Porkbun emulator's protocol: envelope, headers, authentication, methods, bodies, the edge. */
import { describe, expect, it } from 'vitest';
import { OPENRESTY_503_PAGE } from './porkbun-edge.js';
import { PORKBUN_TEST_API_KEY, PORKBUN_TEST_SECRET_API_KEY } from './porkbun-emulator.js';
import { porkbunClient, porkbunEmulators } from './porkbun-test-client.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const start = porkbunEmulators();

describe('Porkbun emulator: envelope and headers', () => {
  it('answers SUCCESS with a UUIDv7 requestId that equals X-Request-Id, and the API headers', async () => {
    const { api } = await start();
    const res = await api.post('/ping');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      status: 'SUCCESS',
      yourIp: '127.0.0.1',
      xForwardedFor: '127.0.0.1',
      credentialsValid: true,
      requestId: res.headers.get('x-request-id'),
    });
    expect(res.json.requestId).toMatch(UUID_V7);
    expect(res.headers.get('x-api-version')).toBe('3.27');
    expect(res.headers.get('link')).toBe('<https://porkbun.com/api/json/v3/spec>; rel="describedby"');
    expect(res.headers.get('server')).toBe('openresty');
    expect(res.headers.get('content-type')).toBe('application/json');
    const again = await api.post('/ping');
    expect(again.json.requestId).not.toBe(res.json.requestId);
  });

  it('answers ERROR with code, message, next_action and requestId', async () => {
    const { api } = await start();
    const res = await api.post('/dns/retrieve/not-mine.com');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      status: 'ERROR',
      code: 'INVALID_DOMAIN',
      message: 'Invalid domain.',
      next_action: { type: 'fix_request', hint: expect.any(String), retryable: false },
      requestId: res.headers.get('x-request-id'),
    });
  });

  it('/ping without credentials returns the IP only; /ip never checks credentials', async () => {
    const { api } = await start();
    const ping = await api.post('/ping', {}, { auth: 'none' });
    expect(ping.json).toEqual({
      status: 'SUCCESS',
      yourIp: '127.0.0.1',
      xForwardedFor: '127.0.0.1',
      requestId: expect.any(String),
    });
    const ip = await api.post('/ip', {}, { auth: 'none', headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(ip.json).toMatchObject({ status: 'SUCCESS', yourIp: '127.0.0.1', xForwardedFor: '203.0.113.7' });
    // The spec's own samples post `[]` to /ping.
    const array = await api.post('/ping', undefined, { auth: 'none', rawBody: '[]' });
    expect(array.status).toBe(200);
  });
});

describe('Porkbun emulator: authentication', () => {
  it('accepts the key pair in the body (POST) or in the X-API-Key headers (GET and POST)', async () => {
    const { api } = await start();
    expect((await api.post('/domain/listAll')).status).toBe(200);
    expect((await api.get('/domain/listAll')).status).toBe(200);
    expect((await api.post('/domain/listAll', undefined, { auth: 'headers', rawBody: '' })).status).toBe(200);
  });

  it('maps each credential mistake to its code, all HTTP 400 with next_action authenticate', async () => {
    const { api } = await start();
    const cases: [Record<string, unknown>, string, string][] = [
      [{}, 'API_KEY_REQUIRED', 'An API key is required.'],
      [
        { apikey: PORKBUN_TEST_API_KEY },
        'MISSING_SECRETAPIKEY',
        'A secret API key (secretapikey) is required.',
      ],
      [
        { apikey: PORKBUN_TEST_API_KEY, secretkey: PORKBUN_TEST_SECRET_API_KEY },
        'MISSING_SECRETAPIKEY',
        expect.any(String),
      ],
      [
        { apikey: 'pk1_unknown', secretapikey: PORKBUN_TEST_SECRET_API_KEY },
        'INVALID_API_KEYS_001',
        'Invalid API key. (001)',
      ],
      [
        { apikey: PORKBUN_TEST_API_KEY, secretapikey: 'sk1_wrong' },
        'INVALID_API_KEYS_002',
        'Invalid API key. (002)',
      ],
    ];
    for (const [body, code, message] of cases) {
      const res = await api.post('/domain/listAll', body, { auth: 'none' });
      expect(res.status, code).toBe(400);
      expect(res.json).toMatchObject({
        status: 'ERROR',
        code,
        message,
        next_action: { type: 'authenticate' },
      });
    }
    const bad = await api.post('/ping', { apikey: 'pk1_unknown', secretapikey: 'x' }, { auth: 'none' });
    expect(bad.json.code).toBe('INVALID_API_KEYS_001');
    const bearer = await api.get('/domain/listAll', {
      auth: 'none',
      headers: { authorization: 'Bearer pbo_at_x' },
    });
    expect(bearer.json.code).toBe('INVALID_TOKEN');
  });

  it('ignores header credentials when the body carries credentials', async () => {
    const { api } = await start();
    const res = await api.post(
      '/domain/listAll',
      { apikey: PORKBUN_TEST_API_KEY, secretapikey: 'sk1_wrong' },
      {
        auth: 'none',
        headers: { 'x-api-key': PORKBUN_TEST_API_KEY, 'x-secret-api-key': PORKBUN_TEST_SECRET_API_KEY },
      },
    );
    expect(res.json.code).toBe('INVALID_API_KEYS_002');
  });

  it('accepts the pair given by options and reports it in seedInfo.credentials', async () => {
    const { emulator } = await start({ apiKey: 'pk1_mine', secretApiKey: 'sk1_mine' });
    expect(emulator.seedInfo.credentials).toEqual({ apiKey: 'pk1_mine', secretApiKey: 'sk1_mine' });
    const res = await porkbunClient(emulator, { apiKey: 'pk1_mine', secretApiKey: 'sk1_mine' }).post(
      '/domain/listAll',
    );
    expect(res.status).toBe(200);
  });
});

describe('Porkbun emulator: methods and bodies', () => {
  it('refuses a POST with an empty or unparsable body with INVALID_OR_EMPTY_JSON', async () => {
    const { api } = await start();
    for (const rawBody of ['', '{"apikey":', '"text"']) {
      const res = await api.post('/domain/listAll', undefined, { auth: 'none', rawBody });
      expect(res.status, rawBody).toBe(400);
      expect(res.json.code).toBe('INVALID_OR_EMPTY_JSON');
    }
  });

  it('answers METHOD_NOT_ALLOWED (405) for GET on POST-only and POST on GET-only endpoints', async () => {
    const { api } = await start();
    const get = await api.get('/domain/checkDomain/available-name.com');
    expect(get.status).toBe(405);
    expect(get.json).toMatchObject({ status: 'ERROR', code: 'METHOD_NOT_ALLOWED' });
    const post = await api.post('/domain/get/test-domain-1.com');
    expect(post.json.code).toBe('METHOD_NOT_ALLOWED');
    expect((await api.post('/dns/create/test-domain-1.com', {}, { auth: 'none' })).status).toBe(400);
  });

  it('answers 404 INVALID_ENDPOINT for an unknown path', async () => {
    const { api } = await start();
    const res = await api.post('/domain/frobnicate');
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ status: 'ERROR', code: 'INVALID_ENDPOINT' });
  });
});

describe('Porkbun emulator: the edge burst mode', () => {
  it('is off by default: a burst of requests all get JSON', async () => {
    const { api } = await start();
    const results = await Promise.all(Array.from({ length: 6 }, () => api.post('/ping')));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('with edgeBurst, answers the third request within a second with the openresty HTML 503, then recovers', async () => {
    const { api, emulator } = await start({ edgeBurst: true, timeScale: 0.2 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.post('/domain/listAll')).status);
    expect(statuses).toEqual([200, 200, 503, 503]);
    const page = api.exchanges[2]!;
    expect(page.text).toBe(OPENRESTY_503_PAGE);
    expect(page.headers.get('content-type')).toBe('text/html');
    expect(page.headers.get('retry-after')).toBeNull();
    expect(page.headers.get('x-request-id')).toBeNull();
    expect(emulator.rateLimited()).toBe(0);
    // Public endpoints sit behind the same edge.
    expect((await api.get('/pricing/get', { auth: 'none' })).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await api.post('/domain/listAll')).status).toBe(200);
  });
});

describe('Porkbun emulator: faults', () => {
  it('serves injected faults in the Porkbun error shape', async () => {
    const { api, emulator } = await start();
    emulator.setFaults([{ route: 'listDomains', sequence: [{ type: 'error', status: 500 }] }]);
    const res = await api.post('/domain/listAll');
    expect(res.status).toBe(500);
    expect(res.json).toMatchObject({
      status: 'ERROR',
      code: 'INTERNAL_ERROR',
      next_action: { retryable: true },
    });
  });
});
