import { describe, expect, it } from 'vitest';
import {
  type CloudflareTestClient,
  cloudflareClient,
  cloudflareEmulators,
  registrarRefusal as refusal,
  registrarPath as registrar,
} from '../test/cloudflare-test-client.js';
import { CLOUDFLARE_DEFAULT_ACCOUNT_ID } from './cloudflare-emulator.js';

const start = cloudflareEmulators();

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** Transfers need the domain's zone in the account: adds it and answers its id. */
async function addZone(api: CloudflareTestClient, name: string): Promise<string> {
  const res = await api('POST', '/zones', { name, account: { id: CLOUDFLARE_DEFAULT_ACCOUNT_ID } });
  expect(res.status).toBe(200);
  return res.json.result.id;
}

const seededElsewhere = ['registered-name.com', 'locked-away.com', 'secure-away.com'];

describe('Cloudflare emulator: domain-transfer-check', () => {
  it('answers a map keyed by domain with transferable, reasons and transfer/renewal prices', async () => {
    const emu = await start({
      seed: { registeredNames: seededElsewhere },
      authCodes: { 'registered-name.com': 'EPP-secret' },
    });
    const api = cloudflareClient(emu);
    await addZone(api, 'registered-name.com');
    await addZone(api, 'locked-away.com');
    const secureId = await addZone(api, 'secure-away.com');
    await api('PATCH', `/zones/${secureId}/dnssec`, { status: 'active' });
    const res = await api('POST', registrar('/domain-transfer-check'), {
      domains: [
        { domain_name: 'registered-name.com', auth_code: base64('EPP-secret') },
        { domain_name: 'locked-away.com', auth_code: base64('x') },
        { domain_name: 'secure-away.com', auth_code: 'not base64!' },
        { domain_name: 'test-domain-1.com', auth_code: base64('x') },
        { domain_name: 'nobody-has-this.com', auth_code: base64('x') },
        { domain_name: 'brand.link', auth_code: base64('x') },
      ],
    });
    expect(res.status).toBe(200);
    const pricing = { currency: 'USD', renewal_cost: '12.99', transfer_cost: '12.99' };
    expect(res.json).toEqual({
      success: true,
      errors: [],
      messages: [],
      result: {
        domains: {
          'registered-name.com': { name: 'registered-name.com', transferable: true, reasons: [], pricing },
          'locked-away.com': {
            name: 'locked-away.com',
            transferable: false,
            reasons: [{ code: 'domain_locked' }],
            pricing,
          },
          'secure-away.com': {
            name: 'secure-away.com',
            transferable: false,
            reasons: [{ code: 'dnssec_enabled' }, { code: 'invalid_auth_code_format' }],
            pricing,
          },
          'test-domain-1.com': {
            name: 'test-domain-1.com',
            transferable: false,
            reasons: [{ code: 'domain_on_cloudflare' }],
            pricing,
          },
          'nobody-has-this.com': {
            name: 'nobody-has-this.com',
            transferable: false,
            reasons: [{ code: 'domain_not_exists' }],
            pricing,
          },
          'brand.link': {
            name: 'brand.link',
            transferable: false,
            reasons: [{ code: 'extension_not_supported_via_api' }],
          },
        },
      },
    });
  });

  it('needs the zone in the account and the expected auth code', async () => {
    const emu = await start({ authCodes: { 'registered-name.com': 'EPP-secret' } });
    const api = cloudflareClient(emu);
    const check = (code: string) =>
      api('POST', registrar('/domain-transfer-check'), {
        domains: [{ domain_name: 'registered-name.com', auth_code: base64(code) }],
      });
    const noZone = await check('EPP-secret');
    expect(noZone.json.result.domains['registered-name.com'].reasons).toEqual([{ code: 'zone_not_found' }]);
    await addZone(api, 'registered-name.com');
    const wrong = await check('guess');
    expect(wrong.json.result.domains['registered-name.com'].reasons).toEqual([{ code: 'invalid_auth_code' }]);
    expect((await check('EPP-secret')).json.result.domains['registered-name.com'].transferable).toBe(true);
  });

  it('reports upstream failures in errors[] while success stays true, and 503 when every domain failed', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const mixed = await api('POST', registrar('/domain-transfer-check'), {
      domains: [
        { domain_name: 'registered-name.com', auth_code: base64('x') },
        { domain_name: 'upstream-error-one.com', auth_code: base64('x') },
      ],
    });
    expect(mixed.status).toBe(200);
    expect(mixed.json.success).toBe(true);
    expect(mixed.json.errors).toEqual([
      {
        code: 10000,
        message: 'Internal API failure for domain upstream-error-one.com',
        source: { pointer: '/domains/1' },
      },
    ]);
    expect(Object.keys(mixed.json.result.domains)).toEqual(['registered-name.com']);

    const allFailed = await api('POST', registrar('/domain-transfer-check'), {
      domains: [{ domain_name: 'upstream-error-one.com', auth_code: base64('x') }],
    });
    expect(allFailed.status).toBe(503);
    expect(allFailed.json).toEqual({
      success: false,
      errors: [
        {
          code: 10000,
          message: 'Internal API failure for domain upstream-error-one.com',
          source: { pointer: '/domains/0' },
        },
      ],
      messages: [],
      result: null,
    });
  });

  it('refuses more than 10 domains, duplicates and malformed names with 10000 and a pointer', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const check = (domains: unknown[]) => api('POST', registrar('/domain-transfer-check'), { domains });
    const many = await check(
      Array.from({ length: 11 }, (_, i) => ({ domain_name: `d${i}.com`, auth_code: 'eA==' })),
    );
    expect(many.status).toBe(400);
    expect(many.json).toEqual(refusal('array at `/domains` is too long (maximum: 10)', '/domains'));
    const dup = await check([
      { domain_name: 'a-name.com', auth_code: 'eA==' },
      { domain_name: 'A-Name.com', auth_code: 'eA==' },
    ]);
    expect(dup.json).toEqual(refusal('Duplicate domain name', '/domains/1/domain_name'));
    const bad = await check([{ domain_name: 'bad..name', auth_code: 'eA==' }]);
    expect(bad.json).toEqual(refusal('Invalid domain name', '/domains/0/domain_name'));
    const none = await check([]);
    expect(none.json).toEqual(refusal('object at root is missing required properties: domains', '/domains'));
  });
});

describe('Cloudflare emulator: transfer-in', () => {
  it('starts with 202 (awaiting FOA), polls through awaiting approval to succeeded, then charges and lists the domain', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    await addZone(api, 'registered-name.com');
    const path = registrar('/registrations/registered-name.com');
    const res = await api('POST', `${path}/transfer-in`, { auth_code: base64('EPP'), auto_renew: true });
    expect(res.status).toBe(202);
    expect(res.json.result).toMatchObject({
      completed: false,
      state: 'pending',
      context: { domain_name: 'registered-name.com', transfer_status: 'awaiting_foa', foa_required: true },
      links: { self: `${path}/transfer-in-status`, resource: path },
    });
    const pending = await api('GET', path);
    expect(pending.json.result).toMatchObject({
      status: 'transfer_pending',
      expires_at: null,
      auto_renew: true,
    });
    expect(emu.ledger).toEqual([]);

    const first = await api('GET', `${path}/transfer-in-status`);
    expect(first.json.result).toMatchObject({
      state: 'in_progress',
      context: { transfer_status: 'awaiting_approval' },
    });
    const done = await api('GET', `${path}/transfer-in-status`);
    expect(done.json.result).toMatchObject({
      completed: true,
      state: 'succeeded',
      context: { registration: { domain_name: 'registered-name.com', status: 'active' } },
    });
    expect(emu.ledger.map((e) => [e.operation, e.domain, e.amount, e.currency])).toEqual([
      ['transfer', 'registered-name.com', '12.99', 'USD'],
    ]);
    const list = await api('GET', registrar('/registrations?sort_by=name'));
    expect(list.json.result.map((r: { domain_name: string }) => r.domain_name)).toContain(
      'registered-name.com',
    );
    // A finished transfer is not started again.
    const again = await api('POST', `${path}/transfer-in`, { auth_code: base64('EPP') });
    expect(again.status).toBe(409);
  });

  it('hostile.completeOrdersAtOnce: a transfer then succeeds in its answer and is charged at once', async () => {
    const emu = await start();
    expect(emu.hostile?.chargedOnCompletion).toEqual(['transferDomain']);
    const api = cloudflareClient(emu);
    await addZone(api, 'registered-name.com');
    emu.hostile!.completeOrdersAtOnce!();
    const path = registrar('/registrations/registered-name.com');
    const res = await api('POST', `${path}/transfer-in`, { auth_code: base64('EPP') });
    expect(res.status).toBe(202);
    expect(res.json.result).toMatchObject({
      completed: true,
      state: 'succeeded',
      context: { registration: { domain_name: 'registered-name.com', status: 'active' } },
    });
    expect(emu.ledger.map((e) => [e.operation, e.domain])).toEqual([['transfer', 'registered-name.com']]);
  });

  it('fails a rejected- transfer with transfer_rejected, charging nothing; blocked- waits on the losing registrar', async () => {
    const emu = await start({ seed: { registeredNames: ['rejected-move.com', 'blocked-move.com'] } });
    const api = cloudflareClient(emu);
    for (const name of ['rejected-move.com', 'blocked-move.com']) {
      await addZone(api, name);
      expect(
        (await api('POST', registrar(`/registrations/${name}/transfer-in`), { auth_code: 'eA==' })).status,
      ).toBe(202);
    }
    const rejected = registrar('/registrations/rejected-move.com/transfer-in-status');
    expect((await api('GET', rejected)).json.result).toMatchObject({
      completed: true,
      state: 'failed',
      error: { code: 'transfer_rejected', message: 'The transfer was rejected.' },
    });
    expect((await api('GET', registrar('/registrations/rejected-move.com'))).status).toBe(404);
    const blocked = await api('GET', registrar('/registrations/blocked-move.com/transfer-in-status'));
    expect(blocked.json.result).toMatchObject({
      state: 'blocked',
      context: { blocked_by: 'losing_registrar' },
    });
    expect(emu.ledger).toEqual([]);
  });

  it('refuses a missing or non-base64 auth code, unsupported TLDs, unknown domains and ineligible ones', async () => {
    const emu = await start({ seed: { registeredNames: ['locked-away.com'] } });
    const api = cloudflareClient(emu);
    await addZone(api, 'registered-name.com');
    await addZone(api, 'locked-away.com');
    const transfer = (domain: string, body: unknown) =>
      api('POST', registrar(`/registrations/${domain}/transfer-in`), body);
    expect((await transfer('registered-name.com', {})).json).toEqual(
      refusal('object at root is missing required properties: auth_code'),
    );
    expect((await transfer('registered-name.com', { auth_code: 'no way!' })).json).toEqual(
      refusal('Auth code must be a base64 encoded string', '/auth_code'),
    );
    expect((await transfer('brand.horse', { auth_code: 'eA==' })).json).toEqual(
      refusal('TLD Not supported by the API'),
    );
    const unknown = await transfer('nobody-has-this.com', { auth_code: 'eA==' });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual(refusal('Domain not found'));
    const locked = await transfer('locked-away.com', { auth_code: 'eA==' });
    expect(locked.status).toBe(400);
    expect(locked.json).toEqual(refusal('Domain is not transferable: domain_locked'));
    const noFlow = await api('GET', registrar('/registrations/registered-name.com/transfer-in-status'));
    expect(noFlow.status).toBe(404);
    expect(noFlow.json).toEqual(refusal('No workflow found for registered-name.com'));
    expect(emu.ledger).toEqual([]);
  });
});
