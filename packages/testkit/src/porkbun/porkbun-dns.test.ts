/** Porkbun emulator: DNS records (retrieve, create, edit, delete, by name/type, import) and DNSSEC. */
import { describe, expect, it } from 'vitest';
import { porkbunEmulators } from './porkbun-test-client.js';

const start = porkbunEmulators();
const ZONE = 'test-domain-1.com';

type Row = {
  id: string;
  name: string;
  type: string;
  content: string;
  ttl: string;
  prio: string | null;
  notes: string | null;
};

describe('Porkbun emulator: /dns/retrieve', () => {
  it('lists the whole zone with FQDN names, numeric string ids and string ttl/prio', async () => {
    const { api } = await start();
    const res = await api.post(`/dns/retrieve/${ZONE}`);
    expect(res.json).toEqual({
      status: 'SUCCESS',
      cloudflare: 'disabled',
      records: [
        {
          id: '100000001',
          name: ZONE,
          type: 'A',
          content: '192.0.2.1',
          ttl: '3600',
          prio: null,
          notes: null,
        },
        {
          id: '100000002',
          name: `www.${ZONE}`,
          type: 'CNAME',
          content: ZONE,
          ttl: '3600',
          prio: null,
          notes: null,
        },
        {
          id: '100000003',
          name: ZONE,
          type: 'MX',
          content: `mx1.${ZONE}`,
          ttl: '3600',
          prio: '10',
          notes: null,
        },
      ],
      requestId: expect.any(String),
    });
    expect((await api.get(`/dns/retrieve/${ZONE}/100000002`)).json.records.map((r: Row) => r.name)).toEqual([
      `www.${ZONE}`,
    ]);
    expect((await api.get(`/dns/retrieve/${ZONE}/999`)).json.records).toEqual([]);
    const mx = await api.get(`/dns/retrieveByNameType/${ZONE}/MX`);
    expect(mx.json.records.map((r: Row) => r.id)).toEqual(['100000003']);
    expect((await api.post(`/dns/retrieveByNameType/${ZONE}/CNAME/www`)).json.records).toHaveLength(1);
    // A full name in the subdomain segment matches nothing (no error).
    expect((await api.post(`/dns/retrieveByNameType/${ZONE}/CNAME/www.${ZONE}`)).json.records).toEqual([]);
  });
});

describe('Porkbun emulator: /dns/create', () => {
  it('creates with a relative name, answers only the id (a bare number as observed), raises the TTL to the minimum', async () => {
    const { api } = await start();
    const res = await api.post(`/dns/create/${ZONE}`, {
      name: 'Api',
      type: 'a',
      content: '192.0.2.50',
      ttl: 300,
    });
    // Record ids are account-wide: the seeded portfolio holds 9 records, so the next is 100000010.
    expect(res.json).toEqual({ status: 'SUCCESS', id: 100_000_010, requestId: expect.any(String) });
    const row = (await api.get(`/dns/retrieve/${ZONE}/100000010`)).json.records[0];
    expect(row).toEqual({
      id: '100000010',
      name: `api.${ZONE}`,
      type: 'A',
      content: '192.0.2.50',
      ttl: '600',
      prio: '0',
      notes: null,
    });
    const txt = await api.post(`/dns/create/${ZONE}`, {
      type: 'TXT',
      content: 'hello',
      ttl: '0',
      notes: 'web',
    });
    const apex = (await api.get(`/dns/retrieve/${ZONE}/${txt.json.id}`)).json.records[0];
    expect(apex).toMatchObject({ name: ZONE, ttl: '600', notes: 'web' });
  });

  it('answers the id as a string with responseShapes spec, and keeps the account minimum TTL given by minTtl', async () => {
    const { api } = await start({ responseShapes: 'spec', minTtl: 300 });
    const res = await api.post(`/dns/create/${ZONE}`, {
      name: 'x',
      type: 'A',
      content: '192.0.2.7',
      ttl: 60,
    });
    expect(res.json.id).toBe('100000010');
    expect((await api.get(`/dns/retrieve/${ZONE}/100000010`)).json.records[0].ttl).toBe('300');
  });

  it('refuses duplicates (existingId), CNAME conflicts (conflictingRecords), bad types and missing fields', async () => {
    const { api } = await start();
    const dup = await api.post(`/dns/create/${ZONE}`, { name: 'www', type: 'CNAME', content: ZONE });
    expect(dup.json).toMatchObject({ status: 'ERROR', code: 'DUPLICATE_RECORD', existingId: '100000002' });
    const cname = await api.post(`/dns/create/${ZONE}`, { name: 'www', type: 'A', content: '192.0.2.3' });
    expect(cname.json).toMatchObject({
      code: 'RECORD_CONFLICT',
      conflictingRecords: [{ id: '100000002', name: `www.${ZONE}`, type: 'CNAME', content: ZONE }],
    });
    expect(
      (await api.post(`/dns/create/${ZONE}`, { type: 'CNAME', content: 'x.example.net' })).json.code,
    ).toBe('INVALID_INPUT');
    expect((await api.post(`/dns/create/${ZONE}`, { type: 'PTR', content: 'x' })).json.code).toBe(
      'INVALID_TYPE',
    );
    expect((await api.post(`/dns/create/${ZONE}`, { type: 'A' })).json.code).toBe('MISSING_PARAMETER');
    expect((await api.post(`/dns/create/${ZONE}`, { type: 'A', content: 'not-an-ip' })).json.code).toBe(
      'INVALID_INPUT',
    );
    expect((await api.post('/dns/create/not-mine.com', { type: 'A', content: '192.0.2.1' })).json.code).toBe(
      'INVALID_DOMAIN',
    );
  });

  it('validates but changes nothing with dryRun', async () => {
    const { api } = await start();
    const dry = await api.post(`/dns/create/${ZONE}`, {
      name: 'd',
      type: 'A',
      content: '192.0.2.8',
      dryRun: true,
    });
    expect(dry.json).toMatchObject({ status: 'SUCCESS', dryRun: true, wouldSucceed: true });
    expect((await api.post(`/dns/retrieve/${ZONE}`)).json.records).toHaveLength(3);
  });
});

describe('Porkbun emulator: /dns/edit (whole-record semantics)', () => {
  it('an edit without name moves the record to the apex, and omitted ttl/prio go back to their defaults', async () => {
    const { api } = await start();
    const created = await api.post(`/dns/create/${ZONE}`, {
      name: 'api',
      type: 'MX',
      content: 'mx.example.net',
      ttl: 3600,
      prio: 20,
      notes: 'n',
    });
    const id = created.json.id;
    const edit = await api.post(`/dns/edit/${ZONE}/${id}`, { type: 'MX', content: 'mx2.example.net' });
    expect(edit.json).toEqual({ status: 'SUCCESS', requestId: expect.any(String) });
    const row = (await api.get(`/dns/retrieve/${ZONE}/${id}`)).json.records[0];
    expect(row).toEqual({
      id: String(id),
      name: ZONE,
      type: 'MX',
      content: 'mx2.example.net',
      ttl: '600',
      prio: '0',
      notes: 'n',
    });
  });

  it('a full edit keeps the name; notes "" clears; an edit that changes nothing succeeds', async () => {
    const { api } = await start();
    const full = { name: 'www', type: 'CNAME', content: 'target.example.net', ttl: 3600, prio: 0, notes: '' };
    expect((await api.post(`/dns/edit/${ZONE}/100000002`, full)).status).toBe(200);
    expect((await api.post(`/dns/edit/${ZONE}/100000002`, full)).status).toBe(200);
    const row = (await api.get(`/dns/retrieve/${ZONE}/100000002`)).json.records[0];
    expect(row).toMatchObject({
      name: `www.${ZONE}`,
      content: 'target.example.net',
      ttl: '3600',
      notes: null,
    });
  });

  it('refuses an unknown id with INVALID_RECORD_ID and an edit into a duplicate', async () => {
    const { api } = await start();
    expect((await api.post(`/dns/edit/${ZONE}/999`, { type: 'A', content: '192.0.2.1' })).json.code).toBe(
      'INVALID_RECORD_ID',
    );
    const dup = await api.post(`/dns/edit/${ZONE}/100000003`, { type: 'A', content: '192.0.2.1' });
    expect(dup.json).toMatchObject({ code: 'DUPLICATE_RECORD', existingId: '100000001' });
  });

  it('editByNameType sets the same content on every matching record; NS is refused', async () => {
    const { api } = await start();
    await api.post(`/dns/create/${ZONE}`, { name: 'multi', type: 'A', content: '192.0.2.21' });
    await api.post(`/dns/create/${ZONE}`, { name: 'multi', type: 'A', content: '192.0.2.22' });
    expect(
      (await api.post(`/dns/editByNameType/${ZONE}/A/multi`, { content: '192.0.2.30', ttl: 900 })).status,
    ).toBe(200);
    const rows = (await api.get(`/dns/retrieveByNameType/${ZONE}/A/multi`)).json.records;
    expect(rows.map((r: Row) => [r.content, r.ttl])).toEqual([
      ['192.0.2.30', '900'],
      ['192.0.2.30', '900'],
    ]);
    expect((await api.post(`/dns/editByNameType/${ZONE}/NS`, { content: 'ns.example.net' })).json.code).toBe(
      'INVALID_TYPE',
    );
  });
});

describe('Porkbun emulator: /dns/delete', () => {
  it('deletes by id (unknown id → INVALID_RECORD_ID) and by name and type', async () => {
    const { api } = await start();
    expect((await api.post(`/dns/delete/${ZONE}/100000001`)).json.status).toBe('SUCCESS');
    expect((await api.post(`/dns/delete/${ZONE}/100000001`)).json.code).toBe('INVALID_RECORD_ID');
    expect((await api.post(`/dns/deleteByNameType/${ZONE}/MX/`)).json.status).toBe('SUCCESS');
    expect((await api.post(`/dns/retrieve/${ZONE}`)).json.records.map((r: Row) => r.type)).toEqual(['CNAME']);
  });
});

describe('Porkbun emulator: /dns/import', () => {
  it('imports records, ignores NS, skips identical ones, reports failures per record, and returns no ids', async () => {
    const { api } = await start();
    const res = await api.post(`/dns/import/${ZONE}`, {
      records: [
        { name: 'www', type: 'A', content: '203.0.113.10', ttl: 300, prio: null },
        { name: '@', type: 'TXT', content: 'v=spf1 -all', ttl: 600 },
        { name: `mail.${ZONE}.`, type: 'A', content: '203.0.113.11', ttl: 600 },
        { name: '', type: 'A', content: '192.0.2.1', ttl: 600 },
        { name: 'sub', type: 'NS', content: 'ns1.example.net', ttl: 600 },
        { name: 'bad', type: 'PTR', content: 'x', ttl: 600 },
      ],
    });
    expect(res.json).toEqual({
      status: 'SUCCESS',
      domain: ZONE,
      created: 2,
      skipped: 1,
      failed: 2,
      failures: [
        {
          record: { name: 'www', type: 'A', content: '203.0.113.10', ttl: 300, prio: null },
          code: 'RECORD_CONFLICT',
          message: 'A CNAME record cannot share its name with other records.',
        },
        {
          record: { name: 'bad', type: 'PTR', content: 'x', ttl: 600 },
          code: 'INVALID_TYPE',
          message: 'Invalid record type: PTR.',
        },
      ],
      requestId: expect.any(String),
    });
    expect(res.json).not.toHaveProperty('ids');
    const rows = (await api.post(`/dns/retrieve/${ZONE}`)).json.records as Row[];
    expect(rows.slice(3).map((r) => [r.name, r.type, r.content, r.ttl])).toEqual([
      [ZONE, 'TXT', 'v=spf1 -all', '600'],
      [`mail.${ZONE}`, 'A', '203.0.113.11', '600'],
    ]);
    const again = await api.post(`/dns/import/${ZONE}`, {
      records: [{ name: 'mail', type: 'A', content: '203.0.113.11' }],
    });
    expect(again.json).toMatchObject({ created: 0, skipped: 1, failed: 0 });
  });

  it('refuses no records (NOTHING_TO_IMPORT), more than 500 (TOO_MANY_RECORDS), and all failing; dryRun writes nothing', async () => {
    const { api } = await start();
    expect((await api.post(`/dns/import/${ZONE}`, {})).json.code).toBe('NOTHING_TO_IMPORT');
    expect((await api.post(`/dns/import/${ZONE}`, { records: [] })).json.code).toBe('NOTHING_TO_IMPORT');
    const many = Array.from({ length: 501 }, (_, i) => ({ name: `h${i}`, type: 'A', content: '192.0.2.1' }));
    expect((await api.post(`/dns/import/${ZONE}`, { records: many })).json.code).toBe('TOO_MANY_RECORDS');
    const allBad = await api.post(`/dns/import/${ZONE}`, {
      records: [{ name: 'x', type: 'PTR', content: 'y' }],
    });
    expect(allBad.json).toMatchObject({ code: 'NOTHING_TO_IMPORT', failures: [{ code: 'INVALID_TYPE' }] });
    const dry = await api.post(`/dns/import/${ZONE}`, {
      records: [{ name: 'n', type: 'A', content: '192.0.2.2' }],
      dryRun: true,
    });
    expect(dry.json).toMatchObject({ dryRun: true, created: 1 });
    expect((await api.post(`/dns/retrieve/${ZONE}`)).json.records).toHaveLength(3);
  });
});

describe('Porkbun emulator: DNSSEC', () => {
  const ds = {
    keyTag: '64087',
    alg: '13',
    digestType: '2',
    digest: '15e445bd08128bdc213e25f1c8227df4cb35186cac701c1c335b2c406d5530dc',
  };

  it('answers [] when empty (observed), then an object keyed by key tag with string values', async () => {
    const { api } = await start();
    expect((await api.post(`/dns/getDnssecRecords/${ZONE}`)).json.records).toEqual([]);
    expect(
      (await api.post(`/dns/createDnssecRecord/${ZONE}`, { ...ds, keyDataFlags: '257' })).json.status,
    ).toBe('SUCCESS');
    await api.post(`/dns/createDnssecRecord/${ZONE}`, {
      keyTag: 2371,
      alg: 8,
      digestType: 2,
      digest: 'ABCDEF',
    });
    expect((await api.get(`/dns/getDnssecRecords/${ZONE}`)).json.records).toEqual({
      '64087': { keyTag: '64087', alg: '13', digestType: '2', digest: ds.digest.toUpperCase() },
      '2371': { keyTag: '2371', alg: '8', digestType: '2', digest: 'ABCDEF' },
    });
    expect((await api.post(`/dns/deleteDnssecRecord/${ZONE}/64087`)).json.status).toBe('SUCCESS');
    expect(Object.keys((await api.get(`/dns/getDnssecRecords/${ZONE}`)).json.records)).toEqual(['2371']);
  });

  it('answers {} when empty with responseShapes spec, and validates the fields', async () => {
    const { api } = await start({ responseShapes: 'spec' });
    expect((await api.post(`/dns/getDnssecRecords/${ZONE}`)).json.records).toEqual({});
    expect((await api.post(`/dns/createDnssecRecord/${ZONE}`, { ...ds, digest: undefined })).json.code).toBe(
      'MISSING_PARAMETER',
    );
    expect((await api.post(`/dns/createDnssecRecord/${ZONE}`, { ...ds, keyTag: '70000' })).json.code).toBe(
      'INVALID_INPUT',
    );
    expect((await api.post(`/dns/createDnssecRecord/${ZONE}`, { ...ds, digest: 'xyz' })).json.code).toBe(
      'INVALID_INPUT',
    );
  });
});
