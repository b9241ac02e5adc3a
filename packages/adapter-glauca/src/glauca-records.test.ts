import {
  type DnsRecordInput,
  NotFoundError,
  ResponseFormatError,
  toArray,
  ValidationError,
} from '@registrar-kit/core';
import { RECORDS_INVALID_IN_ANY_ZONE } from '@registrar-kit/testkit';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API, DNS, DOMAIN_ID, domainPayload, RECORDS, ZONE_ID, zonePayload } from './test/glauca-fixtures.js';
import { AUTH, glauca, JSON_AUTH } from './test/glauca-test-setup.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

const summary = (id: string, root: string) => ({
  url: `${DNS}/api/dns_zones/${id}/`,
  id,
  zone_root: root,
  address_records: [],
});

/** The zone list answers example.com on its second page. */
function zoneLookup() {
  nock(DNS, { reqheaders: AUTH })
    .get('/api/dns_zones/')
    .query({ limit: '25', offset: '0' })
    .reply(200, {
      count: 26,
      next: `${DNS}/api/dns_zones/?limit=25&offset=25`,
      previous: null,
      results: Array.from({ length: 25 }, (_, i) => summary(`hexdns_zone_${i}`, `zone-${i}.com`)),
    });
  nock(DNS, { reqheaders: AUTH })
    .get('/api/dns_zones/')
    .query({ limit: '25', offset: '25' })
    .reply(200, {
      count: 26,
      next: null,
      previous: `${DNS}/api/dns_zones/?limit=25`,
      results: [summary(ZONE_ID, 'example.com')],
    });
}

describe('listRecords', () => {
  it('finds the zone by name, reads the zone object and yields every type as one stream', async () => {
    zoneLookup();
    nock(DNS, { reqheaders: AUTH }).get(`/api/dns_zones/${ZONE_ID}/`).reply(200, zonePayload());
    const records = await toArray(glauca().listRecords('Example.COM.'));
    expect(records.map((r) => `${r.type} ${r.name} ${r.content}`)).toEqual([
      'A @ 192.0.2.1',
      'AAAA www 2001:db8::1',
      'ALIAS @ lb.example.net',
      'CNAME blog blog.example.net',
      'MX @ mail.example.com',
      'NS sub ns1.other.net',
      `TXT @ ${RECORDS.txt.data}`,
      'SRV _sip._tcp 60 5060 sip.example.com',
      'CAA @ 0 issue "letsencrypt.org"',
    ]);
    expect(records[4]).toEqual({
      provider: 'glauca',
      id: `mx:${RECORDS.mx.id}`,
      domain: 'example.com',
      name: '@',
      fqdn: 'example.com',
      type: 'MX',
      content: 'mail.example.com',
      ttl: 3600,
      priority: 10,
      createdAt: null,
      updatedAt: null,
      raw: RECORDS.mx,
    });
  });

  it('caches the zone id: the second listing is one request', async () => {
    const registrar = glauca();
    zoneLookup();
    nock(DNS).get(`/api/dns_zones/${ZONE_ID}/`).twice().reply(200, zonePayload());
    await toArray(registrar.listRecords('example.com'));
    expect(await toArray(registrar.listRecords('example.com'))).toHaveLength(9);
  });

  it('stops paging as soon as the zone is found', async () => {
    nock(DNS)
      .get('/api/dns_zones/')
      .query({ limit: '25', offset: '0' })
      .reply(200, {
        count: 60,
        next: `${DNS}/x`,
        previous: null,
        results: [summary(ZONE_ID, 'example.com')],
      });
    nock(DNS)
      .get(`/api/dns_zones/${ZONE_ID}/`)
      .reply(200, zonePayload({ address_records: [] }));
    expect(await toArray(glauca().listRecords('example.com'))).toHaveLength(7);
  });

  it('a zone list that repeats its page stops after 2 requests: ResponseFormatError bad_pagination', async () => {
    let sent = 0;
    nock(DNS)
      .get('/api/dns_zones/')
      .query(true)
      .times(2)
      .reply(200, {
        count: 5000,
        next: `${DNS}/api/dns_zones/?limit=25&offset=25`,
        previous: null,
        results: [summary('hexdns_zone_other', 'other.com')],
      })
      .on('request', () => sent++);
    const error = await toArray(glauca().listRecords('example.com')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ code: 'bad_pagination', provider: 'glauca', operation: 'listRecords' });
    expect(sent).toBe(2);
  });

  it('takes a HexDNS zone id or a Glauca domain id', async () => {
    nock(DNS).get(`/api/dns_zones/${ZONE_ID}/`).twice().reply(200, zonePayload());
    expect(await toArray(glauca().listRecords(ZONE_ID))).toHaveLength(9);
    nock(API)
      .get(`/api/domains/${DOMAIN_ID}/`)
      .reply(200, domainPayload({ domain: 'example.com' }));
    zoneLookup();
    nock(DNS).get(`/api/dns_zones/${ZONE_ID}/`).reply(200, zonePayload());
    expect(await toArray(glauca().listRecords(DOMAIN_ID))).toHaveLength(9);
  });

  it('a zone that does not exist is NotFound', async () => {
    nock(DNS)
      .get('/api/dns_zones/')
      .query(true)
      .reply(200, { count: 0, next: null, previous: null, results: [] });
    await expect(toArray(glauca().listRecords('nothere.com'))).rejects.toThrow(NotFoundError);
  });
});

/** A registrar whose zone id for example.com is already known (lookup done once). */
async function withZone() {
  const registrar = glauca();
  nock(DNS)
    .get('/api/dns_zones/')
    .query({ limit: '25', offset: '0' })
    .reply(200, { count: 1, next: null, previous: null, results: [summary(ZONE_ID, 'example.com')] });
  nock(DNS).get(`/api/dns_zones/${ZONE_ID}/`).reply(200, zonePayload());
  await toArray(registrar.listRecords('example.com'));
  return registrar;
}

describe('createRecord', () => {
  it.each([
    [
      { type: 'A', name: 'WWW', content: '192.0.2.7', ttl: 300 },
      'zone_address_records',
      { zone: ZONE_ID, record_name: 'www', address: '192.0.2.7', ttl: 300 },
      { auto_reverse: true },
    ],
    [
      { type: 'AAAA', name: '@', content: '2001:DB8:0::1' },
      'zone_address_records',
      { zone: ZONE_ID, record_name: '@', address: '2001:db8::1' },
      { auto_reverse: true, ttl: 3600 },
    ],
    [
      { type: 'CNAME', name: 'blog.example.com.', content: 'Example.NET.' },
      'zone_cname_records',
      { zone: ZONE_ID, record_name: 'blog', alias: 'example.net' },
      { ttl: 3600 },
    ],
    [
      { type: 'ALIAS', name: '@', content: 'lb.example.net' },
      'zone_aname_records',
      { zone: ZONE_ID, record_name: '@', alias: 'lb.example.net' },
      { ttl: 3600 },
    ],
    [
      { type: 'MX', name: '@', content: 'mail.example.com', priority: 10 },
      'zone_mx_records',
      { zone: ZONE_ID, record_name: '@', exchange: 'mail.example.com', priority: 10 },
      { ttl: 3600 },
    ],
    [
      { type: 'NS', name: 'sub', content: 'ns1.other.net' },
      'zone_ns_records',
      { zone: ZONE_ID, record_name: 'sub', nameserver: 'ns1.other.net' },
      { ttl: 3600 },
    ],
    [
      { type: 'TXT', name: '_dmarc', content: 'v=DMARC1; p=reject' },
      'zone_txt_records',
      { zone: ZONE_ID, record_name: '_dmarc', data: 'v=DMARC1; p=reject' },
      { ttl: 3600 },
    ],
    [
      { type: 'SRV', name: '_sip._tcp', content: '60 5060 SIP.example.com.', priority: 10 },
      'zone_srv_records',
      {
        zone: ZONE_ID,
        record_name: '_sip._tcp',
        priority: 10,
        weight: 60,
        port: 5060,
        target: 'sip.example.com',
      },
      { ttl: 3600 },
    ],
    [
      { type: 'CAA', name: '@', content: '0 ISSUE "letsencrypt.org"' },
      'zone_caa_records',
      { zone: ZONE_ID, record_name: '@', flag: 0, tag: 'issue', value: 'letsencrypt.org' },
      { ttl: 3600 },
    ],
  ] as const)('%j → POST /api/%s/', async (input, segment, body, serverDefaults) => {
    const registrar = await withZone();
    const id = `hexdns_x_${segment}`;
    nock(DNS, { reqheaders: { ...JSON_AUTH, 'idempotency-key': 'k1' } })
      .post(`/api/${segment}/`, body)
      .reply(201, { url: `${DNS}/api/${segment}/${id}/`, id, zone_url: 'x', ...body, ...serverDefaults });
    const record = await registrar.createRecord('example.com', input as never, { idempotencyKey: 'k1' });
    expect(record).toMatchObject({
      provider: 'glauca',
      id: `${input.type.toLowerCase()}:${id}`,
      domain: 'example.com',
      type: input.type,
    });
    expect(record.fqdn).toBe(record.name === '@' ? 'example.com' : `${record.name}.example.com`);
  });

  it('returns the exact model of the created record', async () => {
    const registrar = await withZone();
    nock(DNS).post('/api/zone_mx_records/').reply(201, RECORDS.mx);
    expect(
      await registrar.createRecord('example.com', {
        type: 'MX',
        name: '@',
        content: 'mail.example.com',
        priority: 10,
      }),
    ).toEqual({
      provider: 'glauca',
      id: `mx:${RECORDS.mx.id}`,
      domain: 'example.com',
      name: '@',
      fqdn: 'example.com',
      type: 'MX',
      content: 'mail.example.com',
      ttl: 3600,
      priority: 10,
      createdAt: null,
      updatedAt: null,
      raw: RECORDS.mx,
    });
  });

  it('sends auto_reverse when the factory sets it', async () => {
    const registrar = glauca({ autoReverse: false });
    nock(DNS)
      .get('/api/dns_zones/')
      .query(true)
      .reply(200, { count: 1, next: null, previous: null, results: [summary(ZONE_ID, 'example.com')] });
    nock(DNS)
      .post('/api/zone_address_records/', {
        zone: ZONE_ID,
        record_name: '@',
        address: '192.0.2.1',
        auto_reverse: false,
      })
      .reply(201, RECORDS.a);
    expect(
      (await registrar.createRecord('example.com', { type: 'A', name: '@', content: '192.0.2.1' })).content,
    ).toBe('192.0.2.1');
  });

  it.each([
    [{ type: 'CNAME', name: '@', content: 'example.net' }, 'name'],
    [{ type: 'A', name: 'www', content: '2001:db8::1' }, 'content'],
    [{ type: 'MX', name: '@', content: 'mail.example.com' }, 'priority'],
    [{ type: 'TXT', name: 'x', content: 'y', ttl: -1 }, 'ttl'],
    [{ type: 'PTR', name: 'x', content: 'y' }, 'type'],
    [{ type: 'A', name: 'www.other.org.', content: '192.0.2.1' }, 'name'],
  ])('refuses %j (issue at %s) before any request', async (input, path) => {
    const error = await glauca()
      .createRecord('example.com', input as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'glauca', operation: 'createRecord' });
    expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
  });

  it('a HexDNS field error is a ValidationError with the field issues kept', async () => {
    const registrar = await withZone();
    nock(DNS)
      .post('/api/zone_txt_records/')
      .reply(400, { data: ['Ensure this field has no more than 255 characters.'], zone: ['Invalid pk'] });
    await expect(
      registrar.createRecord('example.com', { type: 'TXT', name: '@', content: 'x' }),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [
        { path: 'data', message: 'Ensure this field has no more than 255 characters.' },
        { path: 'zone', message: 'Invalid pk' },
      ],
    });
  });
});

describe('blank TXT', () => {
  it('is refused before any request (HexDNS answers 400 "data: This field may not be blank")', async () => {
    const error = await glauca()
      .createRecord('example.com', { type: 'TXT', name: 'empty', content: '' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: 'content', message: 'must not be empty' }]);
    await expect(
      glauca().updateRecord('example.com', `txt:${RECORDS.txt.id}`, { content: '' }),
    ).rejects.toThrow(ValidationError);
  });
});

describe('createRecords (emulated)', () => {
  it('creates with at most 4 requests in flight, keeps input order and reports per-record errors', async () => {
    const registrar = await withZone();
    let inFlight = 0;
    let maxInFlight = 0;
    nock(DNS)
      .post('/api/zone_txt_records/')
      .times(7)
      .reply((_uri, body, callback) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const data = (body as { data: string }).data;
        setTimeout(() => {
          inFlight--;
          if (data === 'bad-on-server') callback(null, [400, { data: ['rejected'] }]);
          else
            callback(null, [
              201,
              { id: `hexdns_zonetxtrecord_${data}`, zone: ZONE_ID, record_name: 'x', data, ttl: 3600 },
            ]);
        }, 20);
      });
    const inputs = [
      ...['t1', 't2', 't3', 'bad-on-server', 't5', 't6', 't7'].map((content) => ({
        type: 'TXT' as const,
        name: 'x',
        content,
      })),
      { type: 'CNAME' as const, name: '@', content: 'example.net' },
    ];
    const result = await registrar.createRecords('example.com', inputs);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(maxInFlight).toBe(4);
    expect(result.created.map((r) => r.content)).toEqual(['t1', 't2', 't3', 't5', 't6', 't7']);
    expect(result.errors.map((e) => [e.input.content, e.error.name])).toEqual([
      ['bad-on-server', 'ValidationError'],
      ['example.net', 'ValidationError'],
    ]);
  });

  it('inputs that are not an array: ValidationError of createRecords, nothing sent', async () => {
    const error = await glauca()
      .createRecords('example.com', { type: 'A' } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      provider: 'glauca',
      operation: 'createRecords',
      issues: [{ path: 'inputs', message: 'must be an array of record inputs' }],
    });
  });

  it('an empty list sends nothing', async () => {
    expect(await glauca().createRecords('example.com', [])).toEqual({ created: [], errors: [] });
  });
});

describe('updateRecord', () => {
  it('reads the record, then PATCHes only the changed fields on its type endpoint', async () => {
    const registrar = await withZone();
    nock(DNS, { reqheaders: AUTH }).get(`/api/zone_srv_records/${RECORDS.srv.id}/`).reply(200, RECORDS.srv);
    nock(DNS, { reqheaders: JSON_AUTH })
      .patch(`/api/zone_srv_records/${RECORDS.srv.id}/`, {
        weight: 5,
        port: 5061,
        target: 'sip2.example.com',
        priority: 20,
        ttl: 600,
      })
      .reply(200, {
        ...RECORDS.srv,
        weight: 5,
        port: 5061,
        target: 'sip2.example.com',
        priority: 20,
        ttl: 600,
      });
    const record = await registrar.updateRecord('example.com', `srv:${RECORDS.srv.id}`, {
      content: '5 5061 sip2.example.com',
      priority: 20,
      ttl: 600,
    });
    expect(record).toMatchObject({
      id: `srv:${RECORDS.srv.id}`,
      type: 'SRV',
      content: '5 5061 sip2.example.com',
      priority: 20,
      ttl: 600,
    });
  });

  it('renames a record', async () => {
    const registrar = await withZone();
    nock(DNS).get(`/api/zone_address_records/${RECORDS.aaaa.id}/`).reply(200, RECORDS.aaaa);
    nock(DNS)
      .patch(`/api/zone_address_records/${RECORDS.aaaa.id}/`, { record_name: 'v6' })
      .reply(200, { ...RECORDS.aaaa, record_name: 'v6' });
    expect(
      await registrar.updateRecord('example.com', `aaaa:${RECORDS.aaaa.id}`, { name: 'V6.example.com.' }),
    ).toMatchObject({ name: 'v6', fqdn: 'v6.example.com' });
  });

  it('refuses content of the wrong family for the record type, after reading it, without a PATCH', async () => {
    const registrar = await withZone();
    nock(DNS).get(`/api/zone_address_records/${RECORDS.a.id}/`).reply(200, RECORDS.a);
    await expect(
      registrar.updateRecord('example.com', `a:${RECORDS.a.id}`, { content: '2001:db8::5' }),
    ).rejects.toThrow(ValidationError);
  });

  it('a record of another zone is NotFound and is not changed', async () => {
    const registrar = await withZone();
    nock(DNS)
      .get(`/api/zone_mx_records/${RECORDS.mx.id}/`)
      .reply(200, { ...RECORDS.mx, zone: 'hexdns_zone_other' });
    await expect(registrar.updateRecord('example.com', `mx:${RECORDS.mx.id}`, { ttl: 60 })).rejects.toThrow(
      NotFoundError,
    );
  });

  it.each(['', 'mx:', 'ptr:1', '12345', 'mx:..', 'mx:a/b'])(
    'refuses the id %j before any request',
    async (id) => {
      await expect(glauca().updateRecord('example.com', id, { ttl: 60 })).rejects.toThrow(ValidationError);
    },
  );

  it('refuses patch fields that cannot change before any request', async () => {
    await expect(
      glauca().updateRecord('example.com', `mx:${RECORDS.mx.id}`, { type: 'A' } as never),
    ).rejects.toThrow(/cannot be changed/);
    await expect(glauca().updateRecord('example.com', `mx:${RECORDS.mx.id}`, {})).rejects.toThrow(
      ValidationError,
    );
  });
});

describe('deleteRecord', () => {
  it('checks the record is in the zone, then DELETEs it on its type endpoint', async () => {
    const registrar = await withZone();
    nock(DNS, { reqheaders: AUTH }).get(`/api/zone_caa_records/${RECORDS.caa.id}/`).reply(200, RECORDS.caa);
    nock(DNS, { reqheaders: AUTH }).delete(`/api/zone_caa_records/${RECORDS.caa.id}/`).reply(204);
    await expect(registrar.deleteRecord('example.com', `caa:${RECORDS.caa.id}`)).resolves.toBeUndefined();
  });

  it('accepts a bare HexDNS id', async () => {
    const registrar = await withZone();
    nock(DNS).get(`/api/zone_txt_records/${RECORDS.txt.id}/`).reply(200, RECORDS.txt);
    nock(DNS).delete(`/api/zone_txt_records/${RECORDS.txt.id}/`).reply(204);
    await registrar.deleteRecord('example.com', RECORDS.txt.id);
  });

  it('a 404 is NotFoundError', async () => {
    const registrar = await withZone();
    nock(DNS).get(`/api/zone_txt_records/${RECORDS.txt.id}/`).reply(404, { detail: 'Not found.' });
    await expect(registrar.deleteRecord('example.com', `txt:${RECORDS.txt.id}`)).rejects.toThrow(
      NotFoundError,
    );
  });
});

describe('a record invalid in any zone is refused before any request', () => {
  let sent = 0;
  const count = () => sent++;
  beforeAll(() => nock.emitter.on('no match', count));
  afterAll(() => nock.emitter.removeListener('no match', count));

  it.each<readonly [string, DnsRecordInput, string]>([
    ...RECORDS_INVALID_IN_ANY_ZONE,
    ['a blank TXT', { type: 'TXT', name: 'x', content: '' }, 'content'],
  ])('createRecord by zone id with %s: ValidationError, nothing sent', async (_l, input, path) => {
    sent = 0;
    const error = await glauca()
      .createRecord(ZONE_ID, input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'glauca', operation: 'createRecord' });
    expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
    expect(sent).toBe(0);
  });

  it('createRecords by domain id, every input invalid: the errors, nothing sent', async () => {
    sent = 0;
    const inputs = RECORDS_INVALID_IN_ANY_ZONE.map(([, input]) => input);
    const result = await glauca().createRecords(DOMAIN_ID, inputs);
    expect(result).toEqual({
      created: [],
      errors: inputs.map((input) => ({ input, error: expect.any(ValidationError) })),
    });
    expect(sent).toBe(0);
  });

  it('updateRecord by zone id with an invalid name: ValidationError, nothing sent', async () => {
    sent = 0;
    await expect(glauca().updateRecord(ZONE_ID, RECORDS.mx.id, { name: 'a b' })).rejects.toThrow(
      ValidationError,
    );
    expect(sent).toBe(0);
  });

  it('updateRecord by zone id keeps an absolute name for the check with the zone', async () => {
    nock(DNS).get(`/api/dns_zones/${ZONE_ID}/`).reply(200, zonePayload());
    nock(DNS)
      .get(/\/api\/zone_mx_records\/.*/)
      .reply(404, { detail: 'Not found.' });
    await expect(
      glauca().updateRecord(ZONE_ID, RECORDS.mx.id, { name: 'mail.example.com.' }),
    ).rejects.toThrow(NotFoundError);
  });
});
