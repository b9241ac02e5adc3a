import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../emulator/emulator-types.js';
import { type PocketDnsEmulatorOptions, startPocketDnsEmulator } from './pocketdns-emulator.js';
import type { PocketDnsState } from './pocketdns-state.js';
import { call } from './pocketdns-test-client.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const running: RunningEmulator<PocketDnsState>[] = [];
let emulator: RunningEmulator<PocketDnsState>;
let domainId: string;
let dns: string;

async function start(options: PocketDnsEmulatorOptions = {}): Promise<void> {
  emulator = await startPocketDnsEmulator({ now: () => NOW, ...options });
  running.push(emulator);
  const list = await call(emulator, 'GET', '/api/v1/users/user_123/domains');
  domainId = list.body.domains[0].id;
  dns = `/api/v1/domains/${domainId}/dns`;
}

beforeEach(() => start());

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function names(): Promise<string[]> {
  const list = await call(emulator, 'GET', dns);
  return list.body.records.map(
    (r: { type: string; name: string; content: string }) => `${r.type} ${r.name} ${r.content}`,
  );
}

describe('PocketDNS emulator: listing records', () => {
  it('lists the seeded records with every documented field', async () => {
    const res = await call(emulator, 'GET', dns);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.records).toEqual([
      {
        id: expect.stringMatching(/^rec_[a-z0-9]{10}$/),
        type: 'A',
        name: '@',
        content: '192.0.2.1',
        ttl: 3600,
        priority: null,
        created_at: '2024-01-15T01:00:00Z',
        updated_at: '2024-01-15T01:00:00Z',
      },
      expect.objectContaining({ type: 'CNAME', name: 'www', content: 'test-domain-1.com', priority: null }),
      expect.objectContaining({ type: 'MX', name: '@', content: 'mx1.test-domain-1.com', priority: 10 }),
    ]);
  });

  it('seeds recordsPerDomain records per domain', async () => {
    await start({ seed: { recordsPerDomain: 7 } });
    expect(await names()).toEqual([
      'A @ 192.0.2.1',
      'CNAME www test-domain-1.com',
      'MX @ mx1.test-domain-1.com',
      'TXT @ v=spf1 -all',
      'AAAA @ 2001:db8::1',
      'A host-6 192.0.2.6',
      'A host-7 192.0.2.7',
    ]);
    expect(
      (await call(emulator, 'GET', '/api/v1/users/user_123/domains')).body.domains[0].dns_records_count,
    ).toBe(7);
  });

  it('serves a single record, and 404 for an unknown record or domain', async () => {
    const list = await call(emulator, 'GET', dns);
    const one = await call(emulator, 'GET', `${dns}/${list.body.records[2].id}`);
    expect(one.body).toEqual(list.body.records[2]);
    const missing = await call(emulator, 'GET', `${dns}/rec_missing`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: 'not_found', message: 'Record not found', details: {} });
    expect((await call(emulator, 'GET', '/api/v1/domains/dom_missing/dns')).status).toBe(404);
  });
});

describe('PocketDNS emulator: creating records', () => {
  it('creates a record (201), defaults the TTL to 300, and lists it afterwards', async () => {
    const res = await call(emulator, 'POST', dns, {
      body: { type: 'A', name: 'api', content: '192.0.2.10' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^rec_/),
      type: 'A',
      name: 'api',
      content: '192.0.2.10',
      ttl: 300,
      priority: null,
      created_at: '2026-06-01T00:00:00Z',
      updated_at: '2026-06-01T00:00:00Z',
    });
    const list = await call(emulator, 'GET', dns);
    expect(list.body.total).toBe(4);
    expect(list.body.records.at(-1)).toEqual(res.body);
    const domains = await call(emulator, 'GET', '/api/v1/users/user_123/domains');
    expect(domains.body.domains[0].dns_records_count).toBe(4);
  });

  it('keeps the priority of MX records and drops it for others', async () => {
    const mx = await call(emulator, 'POST', dns, {
      body: { type: 'MX', name: '@', content: 'mail.example.com', ttl: 3600, priority: 20 },
    });
    expect(mx.body).toMatchObject({ type: 'MX', priority: 20, ttl: 3600 });
    const txt = await call(emulator, 'POST', dns, {
      body: { type: 'TXT', name: 'x', content: 'hello', priority: 5 },
    });
    expect(txt.body.priority).toBeNull();
  });

  it('rejects an MX record without priority (400), creating nothing', async () => {
    const res = await call(emulator, 'POST', dns, {
      body: { type: 'MX', name: '@', content: 'mail.example.com' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'validation_error',
      message: 'Priority is required for MX records',
      details: { priority: 'Priority is required for MX records' },
    });
    expect((await call(emulator, 'GET', dns)).body.total).toBe(3);
  });

  it.each([
    [59, 400],
    [60, 201],
    [86_400, 201],
    [86_401, 400],
    [300.5, 400],
    ['300', 400],
  ])('TTL %j → %i', async (ttl, status) => {
    const res = await call(emulator, 'POST', dns, {
      body: { type: 'A', name: 'ttl', content: '192.0.2.3', ttl },
    });
    expect(res.status).toBe(status);
    if (status === 400)
      expect(res.body).toMatchObject({ error: 'validation_error', details: { ttl: expect.any(String) } });
    else expect(res.body.ttl).toBe(ttl);
  });

  it('rejects a CNAME at the root (422)', async () => {
    const res = await call(emulator, 'POST', dns, {
      body: { type: 'CNAME', name: '@', content: 'example.net' },
    });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      error: 'unprocessable_entity',
      message: 'CNAME records cannot be used for the root domain (@)',
      details: { name: 'CNAME records cannot be used for the root domain (@)' },
    });
  });

  it.each([
    ['A', 'x', '192.0.2.256'],
    ['A', 'x', '2001:db8::1'],
    ['AAAA', 'x', '192.0.2.1'],
    ['CNAME', 'x', 'not a host'],
    ['MX', '@', 'mail'],
    ['NS', 'sub', 'ns_1'],
    ['TXT', 'x', 'y'.repeat(256)],
    ['SRV', '_sip._tcp', '10 60 sip.example.com extra junk'],
    ['SRV', '_sip._tcp', '10 60 70000 sip.example.com'],
    ['A', '-x', '192.0.2.1'],
    ['A', 'x-', '192.0.2.1'],
    ['A', '*', '192.0.2.1'],
    ['A', 'a'.repeat(254), '192.0.2.1'],
  ])('rejects %s %s %s as an invalid record format (422)', async (type, name, content) => {
    const res = await call(emulator, 'POST', dns, { body: { type, name, content, priority: 10 } });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('unprocessable_entity');
    expect((await call(emulator, 'GET', dns)).body.total).toBe(3);
  });

  it.each([
    [{ type: 'CAA', name: 'x', content: '0 issue "ca.example"' }, 'type'],
    [{ type: 'A', name: 'x' }, 'content'],
    [{ name: 'x', content: '192.0.2.1' }, 'type'],
    [{ type: 'A', name: '', content: '192.0.2.1' }, 'name'],
    [{ type: 'MX', name: '@', content: 'mail.example.com', priority: -1 }, 'priority'],
  ])('rejects %j as invalid record data (400)', async (body, field) => {
    const res = await call(emulator, 'POST', dns, { body });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_error');
    expect(res.body.details).toHaveProperty(field);
  });

  it('accepts TXT values of 255 characters per string, and other record types', async () => {
    const bodies = [
      { type: 'TXT', name: 'long', content: 'y'.repeat(255) },
      { type: 'TXT', name: 'split', content: `"${'a'.repeat(255)}" "${'b'.repeat(200)}"` },
      { type: 'AAAA', name: 'v6', content: '2001:db8::2' },
      { type: 'NS', name: 'sub', content: 'ns1.example.com' },
      { type: 'CNAME', name: 'blog', content: 'example.com' },
      { type: 'TXT', name: '_dmarc', content: 'v=DMARC1; p=none' },
    ];
    for (const body of bodies)
      expect((await call(emulator, 'POST', dns, { body })).status, body.name).toBe(201);
  });

  it('stores SRV records as "priority weight port target", with the priority also in priority', async () => {
    const fourPart = await call(emulator, 'POST', dns, {
      body: { type: 'SRV', name: '_sip._tcp', content: '10 60 5060 sip.example.com', ttl: 300 },
    });
    expect(fourPart.status).toBe(201);
    expect(fourPart.body).toMatchObject({ content: '10 60 5060 sip.example.com', priority: 10 });
    const threePart = await call(emulator, 'POST', dns, {
      body: { type: 'SRV', name: '_xmpp._tcp', content: '5 5222 xmpp.example.com', priority: 20 },
    });
    expect(threePart.body).toMatchObject({ content: '20 5 5222 xmpp.example.com', priority: 20 });
    const noPriority = await call(emulator, 'POST', dns, {
      body: { type: 'SRV', name: '_x._tcp', content: '5 5222 xmpp.example.com' },
    });
    expect(noPriority.status).toBe(400);
    expect(noPriority.body.message).toBe('Priority is required for SRV records');
    const mismatch = await call(emulator, 'POST', dns, {
      body: { type: 'SRV', name: '_y._tcp', content: '10 60 5060 sip.example.com', priority: 11 },
    });
    expect(mismatch.status).toBe(422);
  });

  it('answers 409 conflict for a duplicate record and for a record beside a CNAME', async () => {
    const dup = await call(emulator, 'POST', dns, { body: { type: 'A', name: '@', content: '192.0.2.1' } });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({ error: 'conflict', message: 'Record already exists', details: {} });
    const beside = await call(emulator, 'POST', dns, {
      body: { type: 'A', name: 'WWW', content: '192.0.2.9' },
    });
    expect(beside.status).toBe(409);
    expect(beside.body.message).toBe('A CNAME record cannot coexist with other records of the same name');
    expect(
      (await call(emulator, 'POST', dns, { body: { type: 'A', name: '@', content: '192.0.2.2' } })).status,
    ).toBe(201);
  });
});

describe('PocketDNS emulator: record content as the seed shows it', () => {
  it('the seed SRV example (four-part content, no priority) comes back verbatim, priority 10', async () => {
    const res = await call(emulator, 'POST', dns, {
      body: { type: 'SRV', name: '_sip._tcp', content: '10 60 5060 sip.example.com', ttl: 300 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'SRV',
      name: '_sip._tcp',
      content: '10 60 5060 sip.example.com',
      ttl: 300,
      priority: 10,
    });
    const listed = (await call(emulator, 'GET', dns)).body.records.find(
      (r: { id: string }) => r.id === res.body.id,
    );
    expect(listed.content).toBe('10 60 5060 sip.example.com');
  });

  it('keeps TXT content byte for byte, a value that starts with a quote included', async () => {
    const values = ['"quoted by user" plain', 'say "hi"', '"', 'v=spf1 include:_spf.google.com ~all'];
    for (const [i, content] of values.entries()) {
      const res = await call(emulator, 'POST', dns, { body: { type: 'TXT', name: `t${i}`, content } });
      expect(res.status, content).toBe(201);
      expect(res.body.content).toBe(content);
      expect((await call(emulator, 'GET', `${dns}/${res.body.id}`)).body.content).toBe(content);
    }
  });

  it("recordForms 'seed': TXT is one string of at most 255 characters; SRV only as four-part content", async () => {
    await start({ recordForms: 'seed' });
    const txt = (content: string) =>
      call(emulator, 'POST', dns, { body: { type: 'TXT', name: 'x', content } });
    expect((await txt('y'.repeat(255))).status).toBe(201);
    const split = await txt(`"${'a'.repeat(200)}" "${'b'.repeat(100)}"`);
    expect(split.status).toBe(422);
    expect(split.body.message).toBe('TXT record strings must be at most 255 characters');
    const threePart = await call(emulator, 'POST', dns, {
      body: { type: 'SRV', name: '_xmpp._tcp', content: '5 5222 xmpp.example.com', priority: 20 },
    });
    expect(threePart.status).toBe(422);
    expect(threePart.body.message).toBe('SRV content must be "priority weight port target"');
    const fourPart = await call(emulator, 'POST', dns, {
      body: { type: 'SRV', name: '_sip._tcp', content: '10 60 5060 sip.example.com' },
    });
    expect(fourPart.status).toBe(201);
  });
});

describe('PocketDNS emulator: updating and deleting records', () => {
  it('updates only the fields sent (200) and the change is listed', async () => {
    const before = (await call(emulator, 'GET', dns)).body.records[0];
    const res = await call(emulator, 'PUT', `${dns}/${before.id}`, {
      body: { content: '192.0.2.2', ttl: 600 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...before,
      content: '192.0.2.2',
      ttl: 600,
      updated_at: '2026-06-01T00:00:00Z',
    });
    expect((await call(emulator, 'GET', dns)).body.records[0]).toEqual(res.body);
  });

  it('validates the updated record against the same rules, changing nothing on error', async () => {
    const records = (await call(emulator, 'GET', dns)).body.records;
    const [a, cname, mx] = records;
    const cases: [string, unknown, number][] = [
      [a.id, { ttl: 30 }, 400],
      [a.id, { type: 'AAAA' }, 400],
      [a.id, { content: 'not-an-ip' }, 422],
      [cname.id, { name: '@' }, 422],
      [mx.id, { priority: null }, 400],
      [a.id, { name: 'www' }, 409],
    ];
    for (const [id, body, status] of cases) {
      const res = await call(emulator, 'PUT', `${dns}/${id}`, { body });
      expect(res.status, JSON.stringify(body)).toBe(status);
    }
    expect((await call(emulator, 'GET', dns)).body.records).toEqual(records);
    expect((await call(emulator, 'PUT', `${dns}/rec_missing`, { body: { ttl: 600 } })).status).toBe(404);
  });

  it('deletes a record with 204 and no body; it is gone afterwards', async () => {
    const id = (await call(emulator, 'GET', dns)).body.records[1].id;
    const res = await call(emulator, 'DELETE', `${dns}/${id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(await names()).toEqual(['A @ 192.0.2.1', 'MX @ mx1.test-domain-1.com']);
    const again = await call(emulator, 'DELETE', `${dns}/${id}`);
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('not_found');
  });
});

describe('PocketDNS emulator: bulk create', () => {
  it('creates the valid records and reports the invalid ones, as in the docs’ example', async () => {
    await start({ seed: { recordsPerDomain: 0 } });
    const records = [
      { type: 'A', name: '@', content: '192.0.2.1', ttl: 300 },
      { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 },
      { type: 'MX', name: '@', content: 'mail.example.com', ttl: 3600 },
    ];
    const res = await call(emulator, 'POST', `${dns}/bulk`, { body: { records } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      created: [
        { id: expect.stringMatching(/^rec_/), type: 'A', name: '@', content: '192.0.2.1', ttl: 300 },
        { id: expect.stringMatching(/^rec_/), type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 },
      ],
      errors: [{ record: records[2], error: 'Priority is required for MX records' }],
    });
    expect(await names()).toEqual(['A @ 192.0.2.1', 'A www 192.0.2.1']);
  });

  it('reports conflicts with the zone and within the batch per record', async () => {
    const res = await call(emulator, 'POST', `${dns}/bulk`, {
      body: {
        records: [
          { type: 'A', name: '@', content: '192.0.2.1' },
          { type: 'TXT', name: '@', content: 'one' },
          { type: 'TXT', name: '@', content: 'one' },
          { type: 'CNAME', name: '@', content: 'example.com' },
          'not a record',
        ],
      },
    });
    expect(res.body.created).toHaveLength(1);
    expect(res.body.errors.map((e: { error: string }) => e.error)).toEqual([
      'Record already exists',
      'Record already exists',
      'CNAME records cannot be used for the root domain (@)',
      'Record must be a JSON object',
    ]);
    expect((await call(emulator, 'GET', dns)).body.total).toBe(4);
  });

  it('rejects a body without a records array (400)', async () => {
    for (const body of [{}, { records: [] }, { records: 'x' }]) {
      const res = await call(emulator, 'POST', `${dns}/bulk`, { body });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation_error');
    }
  });
});

describe('PocketDNS emulator: templates', () => {
  it('applies tpl_website_basic (201) and the records are listed', async () => {
    await start({ seed: { recordsPerDomain: 0 } });
    const res = await call(emulator, 'POST', `${dns}/template`, {
      body: { template_id: 'tpl_website_basic', variables: { ip_address: '192.0.2.1' } },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      template_id: 'tpl_website_basic',
      records_created: [
        { id: expect.stringMatching(/^rec_/), type: 'A', name: '@', content: '192.0.2.1' },
        { id: expect.stringMatching(/^rec_/), type: 'A', name: 'www', content: '192.0.2.1' },
      ],
    });
    expect(await names()).toEqual(['A @ 192.0.2.1', 'A www 192.0.2.1']);
  });

  it('adds an MX record when mail_server is given', async () => {
    await start({ seed: { recordsPerDomain: 0 } });
    const res = await call(emulator, 'POST', `${dns}/template`, {
      body: {
        template_id: 'tpl_website_basic',
        variables: { ip_address: '192.0.2.1', mail_server: 'mail.example.com' },
      },
    });
    expect(res.body.records_created.map((r: { type: string }) => r.type)).toEqual(['A', 'A', 'MX']);
  });

  it('refuses unknown templates (404), missing variables (400), invalid values (422) and conflicts (409) atomically', async () => {
    const post = (body: unknown) => call(emulator, 'POST', `${dns}/template`, { body });
    expect((await post({ template_id: 'tpl_nope', variables: {} })).body).toEqual({
      error: 'not_found',
      message: 'Template not found',
      details: {},
    });
    expect((await post({ template_id: 'tpl_website_basic', variables: {} })).status).toBe(400);
    expect((await post({ variables: {} })).status).toBe(400);
    expect((await post({ template_id: 'tpl_website_basic', variables: { ip_address: 'x' } })).status).toBe(
      422,
    );
    // The seeded domain has A @ 192.0.2.1 and CNAME www: the template conflicts and creates nothing.
    expect(
      (await post({ template_id: 'tpl_website_basic', variables: { ip_address: '192.0.2.1' } })).status,
    ).toBe(409);
    expect((await call(emulator, 'GET', dns)).body.total).toBe(3);
  });
});
