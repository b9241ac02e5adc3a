import { describe, expect, it } from 'vitest';
import { dnsimpleTestStarter, fetchAllPages } from './dnsimple-test-client.js';

const ZONE = '/v2/1010/zones/test-domain-1.com';
const RECORDS = `${ZONE}/records`;

const start = dnsimpleTestStarter();

interface Rec {
  id: number;
  name: string;
  type: string;
  content: string;
  ttl: number;
  priority: number | null;
  system_record: boolean;
  zone_id: string;
}

describe('DNSimple emulator: zones', () => {
  it('lists zones (paginated, by name) and gets one by name; 404 with the fixture message', async () => {
    const { api } = await start();
    const list = await api('GET', '/v2/1010/zones');
    expect(list.json.data.map((z: { name: string }) => z.name)).toEqual([
      'test-domain-1.com',
      'test-domain-2.com',
      'xn--bcher-kva.com',
    ]);
    expect(list.json.pagination).toEqual({ current_page: 1, per_page: 30, total_entries: 3, total_pages: 1 });
    expect((await api('GET', '/v2/1010/zones?name_like=bcher')).json.data).toHaveLength(1);
    const zone = await api('GET', ZONE);
    expect(zone.json.data).toMatchObject({
      name: 'test-domain-1.com',
      account_id: 1010,
      reverse: false,
      secondary: false,
      last_transferred_at: null,
      active: true,
    });
    const missing = await api('GET', '/v2/1010/zones/nope.com');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ message: 'Zone `nope.com` not found' });
  });

  it('renders the zone file in BIND form with absolute names', async () => {
    const { api } = await start({ seed: { recordsPerDomain: 3 } });
    const res = await api('GET', `${ZONE}/file`);
    const text: string = res.json.data.zone;
    expect(text.startsWith('$ORIGIN test-domain-1.com.\n$TTL 1h\n')).toBe(true);
    expect(text).toMatch(
      /^test-domain-1\.com\. 3600 IN SOA ns1\.dnsimple\.com\. admin\.dnsimple\.com\. \d+ 86400 7200 604800 300$/m,
    );
    expect(text).toContain('test-domain-1.com. 3600 IN NS ns1.dnsimple.com.\n');
    expect(text).toContain('www.test-domain-1.com. 3600 IN CNAME test-domain-1.com.\n');
    expect(text).toContain('test-domain-1.com. 3600 IN MX 10 mx1.test-domain-1.com.\n');
  });
});

describe('DNSimple emulator: zone records', () => {
  it('lists seeded records with SOA and apex NS as system records, apex name "" and quoted TXT', async () => {
    const { api } = await start({ seed: { recordsPerDomain: 5 } });
    const res = await api('GET', RECORDS);
    const records: Rec[] = res.json.data;
    expect(res.json.pagination.total_entries).toBe(10);
    expect(records.filter((r) => r.system_record).map((r) => r.type)).toEqual([
      'SOA',
      'NS',
      'NS',
      'NS',
      'NS',
    ]);
    const user = records.filter((r) => !r.system_record);
    expect(user.map((r) => [r.type, r.name, r.content, r.ttl, r.priority])).toEqual([
      ['A', '', '192.0.2.1', 3600, null],
      ['CNAME', 'www', 'test-domain-1.com', 3600, null],
      ['MX', '', 'mx1.test-domain-1.com', 3600, 10],
      ['TXT', '', '"v=spf1 -all"', 3600, null],
      ['AAAA', '', '2001:db8::1', 3600, null],
    ]);
    expect(records.every((r) => r.zone_id === 'test-domain-1.com')).toBe(true);
    const ids = records.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('filters by type, exact name (empty = apex) and name_like', async () => {
    const { api } = await start({ seed: { recordsPerDomain: 7 } });
    expect((await api('GET', `${RECORDS}?type=NS`)).json.data).toHaveLength(4);
    const www = (await api('GET', `${RECORDS}?name=www`)).json.data as Rec[];
    expect(www.map((r) => r.type)).toEqual(['CNAME']);
    const apex = (await api('GET', `${RECORDS}?name=`)).json.data as Rec[];
    expect(apex.every((r) => r.name === '')).toBe(true);
    // SOA + 4 NS + A, MX, TXT, AAAA.
    expect(apex).toHaveLength(9);
    const like = (await api('GET', `${RECORDS}?name_like=host`)).json.data as Rec[];
    expect(like.map((r) => r.name)).toEqual(['host-6', 'host-7']);
    const sorted = (await api('GET', `${RECORDS}?sort=content:desc`)).json.data as Rec[];
    expect(sorted.map((r) => r.content)).toEqual(
      sorted
        .map((r) => r.content)
        .sort()
        .reverse(),
    );
  });

  it('paginates large zones', async () => {
    const { api } = await start({ seed: { domains: 1, recordsPerDomain: 250 } });
    const { items, pages } = await fetchAllPages(api, RECORDS, 100);
    expect(pages).toHaveLength(3);
    expect(pages[2]!.json.pagination).toEqual({
      current_page: 3,
      per_page: 100,
      total_entries: 255,
      total_pages: 3,
    });
    expect(new Set((items as Rec[]).map((r) => r.id)).size).toBe(255);
  });

  it('creates a record (201) that is listed and fetched afterwards', async () => {
    const { api } = await start();
    const created = await api('POST', RECORDS, { name: 'api', type: 'A', content: '198.51.100.7', ttl: 600 });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      zone_id: 'test-domain-1.com',
      parent_id: null,
      name: 'api',
      content: '198.51.100.7',
      ttl: 600,
      priority: null,
      type: 'A',
      regions: ['global'],
      system_record: false,
    });
    const id = created.json.data.id;
    const listed = (await api('GET', `${RECORDS}?name=api`)).json.data as Rec[];
    expect(listed.map((r) => r.id)).toEqual([id]);
    expect((await api('GET', `${RECORDS}/${id}`)).json.data).toEqual(created.json.data);
    const apex = await api('POST', RECORDS, { name: '', type: 'A', content: '198.51.100.8' });
    expect(apex.json.data).toMatchObject({ name: '', ttl: 3600 });
    const mx = await api('POST', RECORDS, { name: '', type: 'MX', content: 'mx2.example.net', priority: 20 });
    expect(mx.json.data).toMatchObject({ type: 'MX', content: 'mx2.example.net', priority: 20 });
  });

  it('stores TXT content quoted: wraps and escapes plain input, keeps quoted input, caps at 1000 characters', async () => {
    const { api } = await start();
    const plain = await api('POST', RECORDS, {
      name: 'a',
      type: 'TXT',
      content: 'I have "quoted text" here',
    });
    expect(plain.json.data.content).toBe('"I have \\"quoted text\\" here"');
    const quoted = await api('POST', RECORDS, { name: 'b', type: 'TXT', content: '"chunk1" "chunk2"' });
    expect(quoted.json.data.content).toBe('"chunk1" "chunk2"');
    const ok = await api('POST', RECORDS, { name: 'c', type: 'TXT', content: 'x'.repeat(998) });
    expect(ok.status).toBe(201);
    expect(ok.json.data.content).toHaveLength(1000);
    const tooLong = await api('POST', RECORDS, { name: 'd', type: 'TXT', content: 'x'.repeat(999) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.errors.content).toEqual(['is too long (maximum is 1000 characters)']);
  });

  it.each([
    [
      { name: 'x', type: 'A', content: '192.0.2.9', ttl: 59 },
      { ttl: ['must be greater than or equal to 60'] },
    ],
    [
      { name: 'x', type: 'A', content: '192.0.2.9', ttl: 259_201 },
      { ttl: ['must be less than or equal to 259200'] },
    ],
    [{ name: 'x', type: 'A', content: '192.0.2.9', ttl: 'soon' }, { ttl: ['is not a number'] }],
    [
      { name: '', type: 'CNAME', content: 'other.example.com' },
      { base: ['A CNAME record cannot be added at the zone apex'] },
    ],
    [{ name: 'mail', type: 'MX', content: 'mx.example.com' }, { priority: ["can't be blank"] }],
    [{ name: 'x', type: 'BOGUS', content: 'x' }, { record_type: ['unsupported'] }],
    [{ name: 'x', type: 'A', content: '' }, { content: ["can't be blank"] }],
    [{ name: '@', type: 'A', content: '192.0.2.9' }, { name: ['is invalid'] }],
    [{ name: 'x', type: 'A', content: 'not-an-ip' }, { content: ['is not a valid IPv4 address'] }],
    [
      { name: '', type: 'A', content: '192.0.2.1' },
      { base: ['Matching record already exists for this zone'] },
    ],
    [
      { name: 'www', type: 'A', content: '192.0.2.9' },
      { base: ['A record cannot be added where a CNAME record with the same name exists'] },
    ],
  ])('rejects %j with 400 Validation failed and %j', async (input, errors) => {
    const { api } = await start();
    const before = (await api('GET', RECORDS)).json.pagination.total_entries;
    const res = await api('POST', RECORDS, input);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ message: 'Validation failed', errors });
    expect((await api('GET', RECORDS)).json.pagination.total_entries).toBe(before);
  });

  it('404s for a missing zone or record with the fixture messages', async () => {
    const { api } = await start();
    expect(
      (await api('POST', '/v2/1010/zones/nope.com/records', { name: 'a', type: 'A', content: '192.0.2.1' }))
        .status,
    ).toBe(404);
    const res = await api('GET', `${RECORDS}/999999`);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ message: 'Record `999999` not found' });
  });

  it('PATCH updates only the given fields, ignores type, and refuses system records', async () => {
    const { api } = await start();
    const records = (await api('GET', RECORDS)).json.data as Rec[];
    const mx = records.find((r) => r.type === 'MX')!;
    const res = await api('PATCH', `${RECORDS}/${mx.id}`, { content: 'mx9.example.net', type: 'A' });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      id: mx.id,
      type: 'MX',
      content: 'mx9.example.net',
      priority: 10,
      ttl: 3600,
    });
    const zeroPriority = await api('PATCH', `${RECORDS}/${mx.id}`, { priority: 0 });
    expect(zeroPriority.json.data.priority).toBe(0);
    expect((await api('GET', `${RECORDS}/${mx.id}`)).json.data.content).toBe('mx9.example.net');
    const badTtl = await api('PATCH', `${RECORDS}/${mx.id}`, { ttl: 10 });
    expect(badTtl.status).toBe(400);
    expect(badTtl.json.errors).toEqual({ ttl: ['must be greater than or equal to 60'] });
    const soa = records.find((r) => r.type === 'SOA')!;
    const system = await api('PATCH', `${RECORDS}/${soa.id}`, { ttl: 600 });
    expect(system.status).toBe(400);
    expect(typeof system.json.message).toBe('string');
  });

  it('DELETE answers 204 and the record is gone; system records cannot be deleted', async () => {
    const { api } = await start();
    const records = (await api('GET', RECORDS)).json.data as Rec[];
    const a = records.find((r) => r.type === 'A')!;
    const res = await api('DELETE', `${RECORDS}/${a.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await api('GET', `${RECORDS}/${a.id}`)).status).toBe(404);
    const ns = records.find((r) => r.type === 'NS')!;
    expect((await api('DELETE', `${RECORDS}/${ns.id}`)).status).toBe(400);
  });

  it('answers 412 for regions other than global when the plan lacks them', async () => {
    const { api } = await start({ recordRegions: false });
    const res = await api('POST', RECORDS, { name: 'r', type: 'A', content: '192.0.2.5', regions: ['SV1'] });
    expect(res.status).toBe(412);
    expect(res.json).toEqual({ message: 'Region selection is not allowed for your plan' });
    expect(
      (await api('POST', RECORDS, { name: 'r', type: 'A', content: '192.0.2.5', regions: ['global'] }))
        .status,
    ).toBe(201);
  });
});

describe('DNSimple emulator: batch change', () => {
  it('applies deletes, then updates, then creates and answers 200 with the three lists', async () => {
    const { api } = await start();
    const records = (await api('GET', RECORDS)).json.data as Rec[];
    const a = records.find((r) => r.type === 'A')!;
    const mx = records.find((r) => r.type === 'MX')!;
    const res = await api('POST', `${ZONE}/batch`, {
      // Re-creating the deleted A record in the same call works because deletes run first.
      creates: [
        { name: '', type: 'A', content: '192.0.2.1', ttl: 600 },
        { name: 'ab', type: 'A', content: '3.2.3.4' },
      ],
      updates: [{ id: mx.id, content: 'mx5.example.net' }],
      deletes: [{ id: a.id }],
    });
    expect(res.status).toBe(200);
    expect(res.json.data.deletes).toEqual([{ id: a.id }]);
    expect(res.json.data.updates).toHaveLength(1);
    expect(res.json.data.updates[0]).toMatchObject({ id: mx.id, content: 'mx5.example.net', priority: 10 });
    expect(res.json.data.creates.map((r: Rec) => [r.name, r.content, r.ttl])).toEqual([
      ['', '192.0.2.1', 600],
      ['ab', '3.2.3.4', 3600],
    ]);
    const after = (await api('GET', RECORDS)).json.data as Rec[];
    expect(after.some((r) => r.id === a.id)).toBe(false);
    expect(after.filter((r) => !r.system_record)).toHaveLength(4);
  });

  it('reports per-item errors in the documented shapes and applies nothing', async () => {
    const { api } = await start();
    const before = (await api('GET', RECORDS)).json.data as Rec[];
    const createErr = await api('POST', `${ZONE}/batch`, {
      creates: [
        { name: 'ok', type: 'A', content: '192.0.2.50' },
        { name: 'bad', type: 'BOGUS', content: 'x' },
      ],
    });
    expect(createErr.status).toBe(400);
    expect(createErr.json).toEqual({
      message: 'Validation failed',
      errors: {
        creates: [{ index: 1, message: 'Validation failed', errors: { record_type: ['unsupported'] } }],
      },
    });
    const updateErr = await api('POST', `${ZONE}/batch`, {
      updates: [{ id: 99_999_999, content: '192.0.2.1' }],
    });
    expect(updateErr.json).toEqual({
      message: 'Validation failed',
      errors: { updates: [{ index: 0, message: 'Record not found ID=99999999' }] },
    });
    const deleteErr = await api('POST', `${ZONE}/batch`, {
      deletes: [{ id: before.find((r) => r.type === 'A')!.id }, { id: 67_622_509 }],
    });
    expect(deleteErr.json).toEqual({
      message: 'Validation failed',
      errors: { deletes: [{ index: 1, message: 'Record not found ID=67622509' }] },
    });
    const dup = await api('POST', `${ZONE}/batch`, {
      creates: [
        { name: 'twice', type: 'A', content: '192.0.2.60' },
        { name: 'twice', type: 'A', content: '192.0.2.60' },
        { name: 'mx', type: 'MX', content: 'mx.example.com' },
      ],
    });
    expect(dup.json.errors.creates).toEqual([
      {
        index: 1,
        message: 'Validation failed',
        errors: { base: ['Matching record already exists for this zone'] },
      },
      { index: 2, message: 'Validation failed', errors: { priority: ["can't be blank"] } },
    ]);
    expect((await api('GET', RECORDS)).json.data).toEqual(before);
  });

  it('answers 412 when the plan has no batch changes', async () => {
    const { api } = await start({ batchChanges: false });
    const res = await api('POST', `${ZONE}/batch`, {
      creates: [{ name: 'x', type: 'A', content: '192.0.2.1' }],
    });
    expect(res.status).toBe(412);
    expect(typeof res.json.message).toBe('string');
  });
});
