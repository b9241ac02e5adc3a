import { describe, expect, it } from 'vitest';
import { cloudflareClient, cloudflareEmulators, zoneIdOf } from '../test/cloudflare-test-client.js';
import { CLOUDFLARE_DEFAULT_ACCOUNT_ID } from './cloudflare-emulator.js';

const start = cloudflareEmulators();

describe('Cloudflare emulator: zones', () => {
  it('lists zones with page/per_page pagination and result_info totals (per_page clamped to 5..50)', async () => {
    const emu = await start({ seed: { domains: 12, idnDomain: false } });
    const api = cloudflareClient(emu);
    const first = await api('GET', '/zones?per_page=5');
    expect(first.json.result_info).toEqual({
      page: 1,
      per_page: 5,
      count: 5,
      total_count: 12,
      total_pages: 3,
    });
    const last = await api('GET', '/zones?per_page=5&page=3');
    expect(last.json.result_info).toEqual({
      page: 3,
      per_page: 5,
      count: 2,
      total_count: 12,
      total_pages: 3,
    });
    const past = await api('GET', '/zones?per_page=5&page=4');
    expect(past.json.result).toEqual([]);
    const names: string[] = [];
    for (let page = 1; page <= 3; page++) {
      names.push(
        ...(await api('GET', `/zones?per_page=5&page=${page}`)).json.result.map(
          (z: { name: string }) => z.name,
        ),
      );
    }
    expect(names).toEqual([...emu.seedInfo.ownedDomains].sort());
    expect((await api('GET', '/zones?per_page=2')).json.result_info.per_page).toBe(5);
    expect((await api('GET', '/zones?per_page=500')).json.result_info.per_page).toBe(50);
    expect((await api('GET', '/zones')).json.result_info.per_page).toBe(20);
  });

  it('filters by exact name (case-insensitive) and by the spec operators', async () => {
    const emu = await start({ seed: { domains: 4 } });
    const api = cloudflareClient(emu);
    const exact = await api('GET', '/zones?name=TEST-DOMAIN-2.com');
    expect(exact.json.result.map((z: { name: string }) => z.name)).toEqual(['test-domain-2.com']);
    expect(exact.json.result_info.total_count).toBe(1);
    const none = await api('GET', '/zones?name=example.org');
    expect(none.json.result).toEqual([]);
    const contains = await api('GET', '/zones?name=contains:domain-');
    expect(contains.json.result).toHaveLength(3);
    const ends = await api('GET', `/zones?name=${encodeURIComponent('ends_with:kva.com')}`);
    expect(ends.json.result.map((z: { name: string }) => z.name)).toEqual(['xn--bcher-kva.com']);
  });

  it('returns a zone with its assigned nameservers and account; 7003 for a non-hex id, 404/7003 for an unknown one', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const id = await zoneIdOf(api, 'test-domain-1.com');
    const zone = await api('GET', `/zones/${id}`);
    expect(zone.json.result).toMatchObject({
      id,
      name: 'test-domain-1.com',
      status: 'active',
      type: 'full',
      paused: false,
      account: { id: CLOUDFLARE_DEFAULT_ACCOUNT_ID, name: 'Emulator Account' },
      name_servers: [
        expect.stringMatching(/^[a-z]+\.ns\.cloudflare\.com$/),
        expect.stringMatching(/\.ns\.cloudflare\.com$/),
      ],
    });
    const byName = await api('GET', '/zones/test-domain-1.com/dns_records');
    expect(byName.status).toBe(400);
    expect(byName.json.errors).toEqual([
      {
        code: 7003,
        message:
          'Could not route to /zones/test-domain-1.com/dns_records, perhaps your object identifier is invalid?',
      },
    ]);
    expect((await api('GET', `/zones/${'0'.repeat(32)}`)).status).toBe(404);
  });

  it('creates a zone: pending, with the account nameservers; a second one with the same name is 1061', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const created = await api('POST', '/zones', {
      name: 'moved-here.com',
      account: { id: CLOUDFLARE_DEFAULT_ACCOUNT_ID },
      type: 'full',
    });
    expect(created.status).toBe(200);
    const existing = emu.state.zoneByName('test-domain-1.com')!;
    expect(created.json.result).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'moved-here.com',
      status: 'pending',
      name_servers: existing.name_servers,
      activated_on: null,
    });
    expect((await api('GET', '/zones?name=moved-here.com')).json.result).toHaveLength(1);
    const again = await api('POST', '/zones', {
      name: 'moved-here.com',
      account: { id: CLOUDFLARE_DEFAULT_ACCOUNT_ID },
    });
    expect(again.status).toBe(400);
    expect(again.json.errors).toEqual([{ code: 1061, message: 'moved-here.com already exists' }]);
    const bad = await api('POST', '/zones', {
      name: 'not a zone',
      account: { id: CLOUDFLARE_DEFAULT_ACCOUNT_ID },
    });
    expect(bad.status).toBe(400);
    expect((await api('POST', '/zones', { name: 'no-account.com' })).status).toBe(400);
  });
});

describe('Cloudflare emulator: DNSSEC at zone level', () => {
  it('is disabled with null key fields on a seeded zone', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const id = await zoneIdOf(api, 'test-domain-1.com');
    const res = await api('GET', `/zones/${id}/dnssec`);
    expect(res.json.result).toMatchObject({
      status: 'disabled',
      ds: null,
      digest: null,
      key_tag: null,
      algorithm: null,
    });
  });

  it('walks disabled → pending → active → pending-disabled → disabled, with DS data while on', async () => {
    const emu = await start();
    const api = cloudflareClient(emu);
    const id = await zoneIdOf(api, 'test-domain-2.com');
    const enabled = await api('PATCH', `/zones/${id}/dnssec`, { status: 'active' });
    expect(enabled.json.result.status).toBe('pending');
    expect((await api('GET', `/zones/${id}/dnssec`)).json.result.status).toBe('pending');
    const active = await api('GET', `/zones/${id}/dnssec`);
    expect(active.json.result).toMatchObject({
      status: 'active',
      algorithm: '13',
      digest_type: '2',
      digest_algorithm: 'SHA256',
      flags: 257,
      key_type: 'ECDSAP256SHA256',
      key_tag: expect.any(Number),
      digest: expect.stringMatching(/^[0-9A-F]{64}$/),
      public_key: expect.any(String),
    });
    const { key_tag, digest } = active.json.result;
    expect(active.json.result.ds).toBe(`test-domain-2.com. 3600 IN DS ${key_tag} 13 2 ${digest}`);
    expect((await api('PATCH', `/zones/${id}/dnssec`, { status: 'disabled' })).json.result.status).toBe(
      'pending-disabled',
    );
    await api('GET', `/zones/${id}/dnssec`);
    expect((await api('GET', `/zones/${id}/dnssec`)).json.result.status).toBe('disabled');
    expect((await api('PATCH', `/zones/${id}/dnssec`, { status: 'on' })).status).toBe(400);
  });

  it('DELETE turns DNSSEC off at once and answers result ""; seeded active zones are configurable', async () => {
    const emu = await start({ dnssecActive: ['test-domain-1.com'] });
    const api = cloudflareClient(emu);
    const id = await zoneIdOf(api, 'test-domain-1.com');
    expect((await api('GET', `/zones/${id}/dnssec`)).json.result.status).toBe('active');
    const deleted = await api('DELETE', `/zones/${id}/dnssec`);
    expect(deleted.json).toEqual({ success: true, errors: [], messages: [], result: '' });
    expect((await api('GET', `/zones/${id}/dnssec`)).json.result.status).toBe('disabled');
  });
});
