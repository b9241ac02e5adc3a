import { describe, expect, it } from 'vitest';
import { accountPath, cloudflareClient, cloudflareEmulators } from '../test/cloudflare-test-client.js';
import { CLOUDFLARE_DEFAULT_ACCOUNT_ID } from './cloudflare-emulator.js';
import { hexId } from './cloudflare-shapes.js';

const start = cloudflareEmulators();

const failure = (code: number, message: string) => ({
  success: false,
  errors: [{ code, message }],
  messages: [],
  result: null,
});

describe('Cloudflare emulator: authentication', () => {
  it('answers 400/9106 without any auth header and 400/6003 (6111 in error_chain) for a malformed one', async () => {
    const emu = await start();
    const none = await cloudflareClient(emu, null)('GET', '/zones');
    expect(none.status).toBe(400);
    expect(none.json).toEqual(failure(9106, 'Missing X-Auth-Key, X-Auth-Email or Authorization headers'));
    const malformed = await cloudflareClient(emu, null)('GET', '/zones', undefined, {
      authorization: 'Token abc',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors).toEqual([
      {
        code: 6003,
        message: 'Invalid request headers',
        error_chain: [{ code: 6111, message: 'Invalid format for Authorization header' }],
      },
    ]);
  });

  it('answers an unknown token with 9109 "Invalid access token", 401 by default or 403 when configured', async () => {
    const emu = await start();
    const res = await cloudflareClient(emu, 'wrong-token')('GET', '/zones');
    expect(res.status).toBe(401);
    expect(res.json).toEqual(failure(9109, 'Invalid access token'));
    const strict = await start({ invalidTokenStatus: 403 });
    expect((await cloudflareClient(strict, 'wrong-token')('GET', '/zones')).status).toBe(403);
  });

  it('lets a read-only token read but answers its writes 403/10000', async () => {
    const emu = await start({ readOnlyToken: 'read-only' });
    const api = cloudflareClient(emu, 'read-only');
    expect((await api('GET', '/zones')).status).toBe(200);
    const write = await api('POST', '/zones', {
      name: 'new-zone.com',
      account: { id: CLOUDFLARE_DEFAULT_ACCOUNT_ID },
    });
    expect(write.status).toBe(403);
    expect(write.json).toEqual(failure(10000, 'Authentication error'));
    expect(emu.state.zoneByName('new-zone.com')).toBeUndefined();
  });

  it('verifies the token at /user/tokens/verify and /accounts/{id}/tokens/verify', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    for (const path of ['/user/tokens/verify', accountPath('/tokens/verify')]) {
      const res = await api('GET', path);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        success: true,
        errors: [],
        messages: [{ code: 10000, message: 'This API Token is valid and active' }],
        result: { id: expect.stringMatching(/^[0-9a-f]{32}$/), status: 'active' },
      });
    }
  });
});

describe('Cloudflare emulator: accounts, envelope and routing', () => {
  it('lists the accounts and memberships of the token (one account: discovery is unambiguous)', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const accounts = await api('GET', '/accounts');
    expect(accounts.json).toMatchObject({
      success: true,
      errors: [],
      messages: [],
      result: [{ id: CLOUDFLARE_DEFAULT_ACCOUNT_ID, name: 'Emulator Account', type: 'standard' }],
      result_info: { page: 1, per_page: 20, count: 1, total_count: 1, total_pages: 1 },
    });
    const memberships = await api('GET', '/memberships');
    expect(memberships.json.result).toEqual([
      expect.objectContaining({
        status: 'accepted',
        account: expect.objectContaining({ id: CLOUDFLARE_DEFAULT_ACCOUNT_ID }),
      }),
    ]);
    const account = await api('GET', accountPath(''));
    expect(account.json.result.id).toBe(CLOUDFLARE_DEFAULT_ACCOUNT_ID);
  });

  it('lists every membership when the token reaches several accounts', async () => {
    const other = hexId('second-account');
    const emu = await start({ extraAccountIds: [other] });
    const res = await cloudflareClient(emu)('GET', '/memberships');
    expect(res.json.result.map((m: { account: { id: string } }) => m.account.id)).toEqual([
      CLOUDFLARE_DEFAULT_ACCOUNT_ID,
      other,
    ]);
    expect(
      (await cloudflareClient(emu)('GET', `/accounts/${other}/registrar/registrations`)).json.result,
    ).toEqual([]);
  });

  it('answers 7003 for an account id that is not 32-hex and 403 for an account the token is not a member of', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const bad = await api('GET', '/accounts/my-account/registrar/registrations');
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual(
      failure(
        7003,
        'Could not route to /accounts/my-account/registrar/registrations, perhaps your object identifier is invalid?',
      ),
    );
    const foreign = await api('GET', `/accounts/${hexId('nobody')}/registrar/registrations`);
    expect(foreign.status).toBe(403);
  });

  it('answers unknown routes 404/7000 and a malformed JSON body 400/9207 in the failure envelope', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const unknown = await api('GET', '/no/such/route');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual(failure(7000, 'No route for that URI'));
    const zone = emu.state.zoneByName('test-domain-1.com')!;
    const bad = await api('POST', `/zones/${zone.id}/dns_records`, '{"type": "A",');
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual(failure(9207, 'Request body is invalid.'));
  });

  it('renders injected faults in the failure envelope with Cloudflare codes', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const cases: [401 | 403 | 404 | 429 | 500, number][] = [
      [401, 9109],
      [403, 10000],
      [404, 7000],
      [429, 971],
      [500, 10000],
    ];
    for (const [status, code] of cases) {
      emu.setFaults([{ route: 'listZones', sequence: [{ type: 'error', status }] }]);
      const res = await api('GET', '/zones');
      expect(res.status).toBe(status);
      expect(res.json).toMatchObject({ success: false, errors: [{ code }], messages: [], result: null });
    }
  });
});

describe('Cloudflare emulator: rate limit', () => {
  it('sends Ratelimit and Ratelimit-Policy on every response', async () => {
    const emu = await start();
    const res = await cloudflareClient(emu)('GET', '/zones');
    expect(res.headers.get('ratelimit')).toMatch(/^"default";r=1199;t=\d+$/);
    expect(res.headers.get('ratelimit-policy')).toBe('"default";q=1200;w=300');
  });

  it('answers 429/971 with Retry-After past the limit and then blocks every call for the (scaled) five minutes', async () => {
    // timeScale 0.002: the five-minute window and block last 600 ms.
    const emu = await start({ requestLimit: 3, timeScale: 0.002 });
    const api = cloudflareClient(emu);
    for (let i = 0; i < 3; i++) expect((await api('GET', '/zones')).status).toBe(200);
    const limited = await api('GET', '/zones');
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual(failure(971, 'Please wait and consider throttling your request speed'));
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('ratelimit-policy')).toBe('"default";q=3;w=1');
    // Still blocked a moment later, on any route.
    expect((await api('GET', '/user/tokens/verify')).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 650));
    expect((await api('GET', '/zones')).status).toBe(200);
    expect(emu.rateLimited()).toBe(2);
  });

  it('counts a batch as one request', async () => {
    const emu = await start({ requestLimit: 2, timeScale: 0.002 });
    const api = cloudflareClient(emu);
    const zone = emu.state.zoneByName('test-domain-1.com')!;
    const posts = Array.from({ length: 50 }, (_, i) => ({ type: 'A', name: `b${i}`, content: '192.0.2.50' }));
    expect((await api('POST', `/zones/${zone.id}/dns_records/batch`, { posts })).status).toBe(200);
    expect((await api('GET', `/zones/${zone.id}/dns_records`)).status).toBe(200);
    expect((await api('GET', `/zones/${zone.id}/dns_records`)).status).toBe(429);
  });
});
