import { describe, expect, it } from 'vitest';
import { cloudflareClient, cloudflareEmulators, zoneIdOf } from '../test/cloudflare-test-client.js';
import type { CloudflareEmulator } from './cloudflare-emulator.js';
import { TXT_QUOTE_WARNING } from './cloudflare-record-rules.js';

const start = cloudflareEmulators();
const ZONE = 'test-domain-1.com';

async function setup(options = {}) {
  const emu: CloudflareEmulator = await start({ seed: { recordsPerDomain: 0 }, ...options });
  const api = cloudflareClient(emu);
  const zoneId = await zoneIdOf(api, ZONE);
  const records = `/zones/${zoneId}/dns_records`;
  return { emu, api, zoneId, records };
}

const errorOf = (code: number, message: string) => ({
  success: false,
  errors: [{ code, message }],
  messages: [],
  result: null,
});

describe('Cloudflare emulator: DNS record writes', () => {
  it('creates a record: FQDN name, 32-hex id, microsecond dates, defaults ttl 1 and proxied false, no removed fields', async () => {
    const { api, records } = await setup();
    const res = await api('POST', records, { type: 'A', name: 'www', content: '192.0.2.10' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      success: true,
      errors: [],
      messages: [],
      result: {
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        type: 'A',
        name: `www.${ZONE}`,
        content: '192.0.2.10',
        ttl: 1,
        proxied: false,
        proxiable: true,
        settings: {},
        meta: {},
        tags: [],
        created_on: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
        modified_on: expect.any(String),
      },
    });
    for (const removed of ['zone_id', 'zone_name', 'locked', 'comment'])
      expect(res.json.result).not.toHaveProperty(removed);
  });

  it('accepts the name as FQDN, "@", relative, upper-case, trailing dot or Unicode, and always answers FQDN punycode', async () => {
    const { api, records } = await setup();
    const cases: [string, string][] = [
      ['@', ZONE],
      [`api.${ZONE}`, `api.${ZONE}`],
      ['Mail.TEST-domain-1.com.', `mail.${ZONE}`],
      ['deep.sub', `deep.sub.${ZONE}`],
      ['bücher', `xn--bcher-kva.${ZONE}`],
      ['*.wild', `*.wild.${ZONE}`],
    ];
    for (const [name, fqdn] of cases) {
      const res = await api('POST', records, { type: 'TXT', name, content: `"${name}"` });
      expect(res.json.result?.name, name).toBe(fqdn);
    }
    const bad = await api('POST', records, { type: 'A', name: 'bad name!', content: '192.0.2.1' });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual(errorOf(9000, 'DNS name is invalid.'));
  });

  it('validates content per type: 9005 for a bad IPv4, AAAA stored in canonical form, MX needs a priority', async () => {
    const { api, records } = await setup();
    for (const content of ['999.1.1.1', '10.1', 'example.com']) {
      const res = await api('POST', records, { type: 'A', name: 'a', content });
      expect(res.status).toBe(400);
      expect(res.json).toEqual(errorOf(9005, 'Content for A record must be a valid IPv4 address.'));
    }
    const aaaa = await api('POST', records, { type: 'AAAA', name: 'v6', content: 'FE80:0:0:0:0:0:0:1' });
    expect(aaaa.json.result.content).toBe('fe80::1');
    const noPriority = await api('POST', records, { type: 'MX', name: '@', content: 'mx.example.net' });
    expect(noPriority.status).toBe(400);
    const mx = await api('POST', records, {
      type: 'MX',
      name: '@',
      content: 'MX.Example.NET.',
      priority: 10,
    });
    expect(mx.json.result).toMatchObject({
      type: 'MX',
      content: 'mx.example.net',
      priority: 10,
      proxiable: false,
    });
    const cname = await api('POST', records, { type: 'CNAME', name: 'self', content: `self.${ZONE}` });
    expect(cname.status).toBe(400);
  });

  it('TTL: 1 means automatic, otherwise 60..86400 (30 on enterprise); a proxied record is always automatic', async () => {
    const { api, records } = await setup();
    expect(
      (await api('POST', records, { type: 'A', name: 't1', content: '192.0.2.1', ttl: 60 })).json.result.ttl,
    ).toBe(60);
    for (const ttl of [0, 30, 59, 86401, 1.5]) {
      const res = await api('POST', records, { type: 'A', name: 't2', content: '192.0.2.1', ttl });
      expect(res.status, String(ttl)).toBe(400);
      expect(res.json.errors[0].code).toBe(9021);
    }
    const proxied = await api('POST', records, {
      type: 'A',
      name: 'p',
      content: '192.0.2.1',
      ttl: 3600,
      proxied: true,
    });
    expect(proxied.json.result).toMatchObject({ proxied: true, ttl: 1 });
    const txt = await api('POST', records, { type: 'TXT', name: 'p', content: '"x"', proxied: true });
    expect(txt.json).toEqual(errorOf(9004, 'This record type cannot be proxied.'));
    const enterprise = await setup({ plan: 'enterprise' });
    const short = await enterprise.api('POST', enterprise.records, {
      type: 'A',
      name: 'e',
      content: '192.0.2.1',
      ttl: 30,
    });
    expect(short.json.result.ttl).toBe(30);
  });

  it('keeps comment and tags with their modification dates; refuses a comment with a line break and malformed tags', async () => {
    const { api, records } = await setup();
    const res = await api('POST', records, {
      type: 'A',
      name: 'c',
      content: '192.0.2.1',
      comment: 'web server',
      tags: ['owner:dns-team', 'env:prod'],
    });
    expect(res.json.result).toMatchObject({
      comment: 'web server',
      tags: ['owner:dns-team', 'env:prod'],
      comment_modified_on: res.json.result.created_on,
      tags_modified_on: res.json.result.created_on,
    });
    expect(
      (await api('POST', records, { type: 'A', name: 'c2', content: '192.0.2.1', comment: 'a\nb' })).status,
    ).toBe(400);
    expect(
      (await api('POST', records, { type: 'A', name: 'c3', content: '192.0.2.1', tags: ['no value'] }))
        .status,
    ).toBe(400);
  });

  it('writes SRV and CAA through data and computes content; refuses the removed SRV data.service/proto/name', async () => {
    const { api, records } = await setup();
    const srv = await api('POST', records, {
      type: 'SRV',
      name: `_xmpp._tcp.${ZONE}`,
      data: { priority: 10, weight: 5, port: 5223, target: 'server.example.com' },
    });
    expect(srv.json.result).toMatchObject({
      name: `_xmpp._tcp.${ZONE}`,
      content: '5 5223 server.example.com',
      priority: 10,
      data: { priority: 10, weight: 5, port: 5223, target: 'server.example.com' },
    });
    const caa = await api('POST', records, {
      type: 'CAA',
      name: '@',
      data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
    });
    expect(caa.json.result).toMatchObject({
      content: '0 issue "letsencrypt.org"',
      data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
    });
    const old = await api('POST', records, {
      type: 'SRV',
      name: '_sip._udp',
      data: { service: '_sip', proto: '_udp', priority: 1, weight: 1, port: 5060, target: 'sip.example.com' },
    });
    expect(old.status).toBe(400);
    expect(
      (await api('POST', records, { type: 'CAA', name: '@', data: { flags: 0, tag: 'bogus', value: 'x' } }))
        .status,
    ).toBe(400);
    expect(
      (await api('POST', records, { type: 'SRV', name: '_a._tcp', content: '1 1 1 x.example.com' })).status,
    ).toBe(400);
  });

  it('TXT: stores quoted and unquoted content as sent without any warning; only the dashboard flags unquoted content', async () => {
    const { emu, api, records, zoneId } = await setup();
    const quoted = await api('POST', records, { type: 'TXT', name: 'q', content: '"v=spf1 -all"' });
    expect(quoted.json.result.content).toBe('"v=spf1 -all"');
    const split = await api('POST', records, { type: 'TXT', name: 's', content: '"part one" "part two"' });
    expect(split.json.result.content).toBe('"part one" "part two"');
    const plain = await api('POST', records, { type: 'TXT', name: 'u', content: 'v=spf1 -all' });
    expect(plain.json.result.content).toBe('v=spf1 -all');
    expect(plain.json.messages).toEqual([]);
    expect(emu.state.dashboardWarnings(zoneId)).toEqual([
      { id: plain.json.result.id, name: `u.${ZONE}`, message: TXT_QUOTE_WARNING },
    ]);
    for (const content of ['"this', '"these" ones"']) {
      const res = await api('POST', records, { type: 'TXT', name: 'bad', content });
      expect(res.status, content).toBe(400);
      expect(res.json.errors[0].code).toBe(9005);
    }
    const long = await api('POST', records, { type: 'TXT', name: 'long', content: `"${'a'.repeat(2047)}"` });
    expect(long.json.errors).toEqual([
      { code: 9015, message: 'Record content exceeds the allowed length of 4096 wire format bytes.' },
    ]);
  });

  it('refuses conflicts: CNAME next to A (81053), A next to CNAME (81054), under a delegation (81056), identical (81058)', async () => {
    const { api, records } = await setup();
    await api('POST', records, { type: 'A', name: 'host', content: '192.0.2.1' });
    expect(
      (await api('POST', records, { type: 'CNAME', name: 'host', content: 'x.example.net' })).json,
    ).toEqual(errorOf(81053, 'An A, AAAA, or CNAME record with that host already exists.'));
    await api('POST', records, { type: 'CNAME', name: 'alias', content: 'x.example.net' });
    expect(
      (await api('POST', records, { type: 'AAAA', name: 'alias', content: '2001:db8::1' })).json,
    ).toEqual(errorOf(81054, 'A CNAME record with that host already exists.'));
    expect((await api('POST', records, { type: 'TXT', name: 'alias', content: '"ok"' })).status).toBe(200);
    await api('POST', records, { type: 'NS', name: 'sub', content: 'ns1.example.net' });
    expect((await api('POST', records, { type: 'A', name: 'www.sub', content: '192.0.2.1' })).json).toEqual(
      errorOf(81056, 'NS records with that host already exist.'),
    );
    expect((await api('POST', records, { type: 'NS', name: 'sub', content: 'ns2.example.net' })).status).toBe(
      200,
    );
    expect(
      (await api('POST', records, { type: 'A', name: 'host', content: '192.0.2.1', ttl: 300 })).json,
    ).toEqual(errorOf(81058, 'An identical record already exists.'));
    expect((await api('POST', records, { type: 'A', name: 'host', content: '192.0.2.2' })).status).toBe(200);
  });

  it('refuses a record beyond the zone quota (200 on free)', async () => {
    const { api, records } = await setup({ recordQuota: 2 });
    expect((await api('POST', records, { type: 'A', name: 'q1', content: '192.0.2.1' })).status).toBe(200);
    expect((await api('POST', records, { type: 'A', name: 'q2', content: '192.0.2.1' })).status).toBe(200);
    const over = await api('POST', records, { type: 'A', name: 'q3', content: '192.0.2.1' });
    expect(over.status).toBe(400);
    expect(over.json.errors[0].code).toBe(81045);
    expect((await api('GET', `${records}/usage`)).json.result).toEqual({ record_quota: 2, record_usage: 2 });
  });

  it('PATCH keeps omitted fields, PUT resets them, neither changes the type; DELETE answers {id}; 81044 after', async () => {
    const { api, records } = await setup();
    const created = await api('POST', records, {
      type: 'A',
      name: 'u',
      content: '192.0.2.1',
      ttl: 3600,
      comment: 'keep me',
      tags: ['a:b'],
    });
    const id = created.json.result.id;
    const patched = await api('PATCH', `${records}/${id}`, { content: '192.0.2.2' });
    expect(patched.json.result).toMatchObject({
      id,
      content: '192.0.2.2',
      ttl: 3600,
      comment: 'keep me',
      tags: ['a:b'],
    });
    expect(patched.json.result.created_on).toBe(created.json.result.created_on);
    expect(patched.json.result.comment_modified_on).toBe(created.json.result.comment_modified_on);
    const put = await api('PUT', `${records}/${id}`, { type: 'A', name: 'u', content: '192.0.2.3' });
    expect(put.json.result).toMatchObject({ id, content: '192.0.2.3', ttl: 1, proxied: false, tags: [] });
    expect(put.json.result).not.toHaveProperty('comment');
    const typeChange = await api('PATCH', `${records}/${id}`, { type: 'AAAA', content: '2001:db8::1' });
    expect(typeChange.status).toBe(400);
    expect((await api('PUT', `${records}/${id}`, { type: 'TXT', name: 'u', content: '"x"' })).status).toBe(
      400,
    );
    expect((await api('GET', `${records}/${id}`)).json.result.content).toBe('192.0.2.3');
    const deleted = await api('DELETE', `${records}/${id}`);
    expect(deleted.json).toEqual({ success: true, errors: [], messages: [], result: { id } });
    const gone = await api('GET', `${records}/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual(errorOf(81044, 'Record does not exist.'));
    expect((await api('DELETE', `${records}/not-an-id`)).json.errors[0].code).toBe(7003);
  });
});

describe('Cloudflare emulator: listing DNS records', () => {
  it('pages with page/per_page (default 100) and result_info totals', async () => {
    const { api, records } = await setup({ seed: { recordsPerDomain: 0 } });
    const posts = Array.from({ length: 120 }, (_, i) => ({ type: 'A', name: `h${i}`, content: '192.0.2.1' }));
    await api('POST', `${records}/batch`, { posts });
    const first = await api('GET', records);
    expect(first.json.result_info).toEqual({
      page: 1,
      per_page: 100,
      count: 100,
      total_count: 120,
      total_pages: 2,
    });
    const second = await api('GET', `${records}?page=2`);
    expect(second.json.result).toHaveLength(20);
    const ids = new Set([...first.json.result, ...second.json.result].map((r: { id: string }) => r.id));
    expect(ids.size).toBe(120);
    expect((await api('GET', `${records}?per_page=50&page=3`)).json.result_info).toMatchObject({
      count: 20,
      total_pages: 3,
    });
  });

  it('filters by type, name forms, content, comment, tags and proxied; match=any ORs repeated names', async () => {
    const { api, records } = await setup();
    const add = (body: Record<string, unknown>) => api('POST', records, body);
    await add({
      type: 'A',
      name: 'www',
      content: '192.0.2.1',
      comment: 'Web server',
      tags: ['team:web'],
      proxied: true,
    });
    await add({ type: 'A', name: 'api', content: '192.0.2.2', tags: ['team:api'] });
    await add({ type: 'TXT', name: 'www', content: '"hello world"' });
    await add({ type: 'MX', name: '@', content: 'mx.example.net', priority: 5, comment: 'mail' });
    const names = async (query: string) =>
      (await api('GET', `${records}?${query}`)).json.result.map(
        (r: { type: string; name: string }) => `${r.type} ${r.name}`,
      );
    expect(await names('type=A')).toEqual([`A www.${ZONE}`, `A api.${ZONE}`]);
    expect(await names(`name=WWW.${ZONE}`)).toEqual([`A www.${ZONE}`, `TXT www.${ZONE}`]);
    expect(await names(`name.exact=www.${ZONE}&type=TXT`)).toEqual([`TXT www.${ZONE}`]);
    expect(await names('name.startswith=ap')).toEqual([`A api.${ZONE}`]);
    expect(await names('content.contains=HELLO')).toEqual([`TXT www.${ZONE}`]);
    expect(await names('comment.present')).toEqual([`A www.${ZONE}`, `MX ${ZONE}`]);
    expect(await names('comment.absent&type=A')).toEqual([`A api.${ZONE}`]);
    expect(await names('comment=web%20server')).toEqual([`A www.${ZONE}`]);
    expect(await names('tag=team')).toEqual([`A www.${ZONE}`, `A api.${ZONE}`]);
    expect(await names('tag=team:api')).toEqual([`A api.${ZONE}`]);
    expect(await names('tag.absent=team&type=A')).toEqual([]);
    expect(await names('proxied=true')).toEqual([`A www.${ZONE}`]);
    expect(await names(`match=any&name=api.${ZONE}&name=${ZONE}`)).toEqual([`A api.${ZONE}`, `MX ${ZONE}`]);
    // The pre-2025 `name=contains:x` form is gone: it is a literal name now.
    expect(await names('name=contains:www')).toEqual([]);
    expect(await names('order=name&direction=desc&type=A')).toEqual([`A www.${ZONE}`, `A api.${ZONE}`]);
    const page = await api('GET', `${records}?type=A&per_page=1`);
    expect(page.json.result_info).toEqual({ page: 1, per_page: 1, count: 1, total_count: 2, total_pages: 2 });
  });

  it('serves the seeded records (TXT quoted, MX with priority) and never SOA', async () => {
    const emu = await start({ seed: { recordsPerDomain: 4 } });
    const api = cloudflareClient(emu);
    const zoneId = await zoneIdOf(api, ZONE);
    const listed = (await api('GET', `/zones/${zoneId}/dns_records?order=name`)).json.result;
    expect(
      listed.map((r: { type: string; name: string; content: string }) => [r.type, r.name, r.content]),
    ).toEqual(
      expect.arrayContaining([
        ['A', ZONE, '192.0.2.1'],
        ['CNAME', `www.${ZONE}`, ZONE],
        ['MX', ZONE, `mx1.${ZONE}`],
        ['TXT', ZONE, '"v=spf1 -all"'],
      ]),
    );
    expect(listed).toHaveLength(4);
    expect(listed.find((r: { type: string }) => r.type === 'MX').priority).toBe(10);
  });
});
