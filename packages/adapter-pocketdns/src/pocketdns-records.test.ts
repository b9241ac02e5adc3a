import {
  ConflictError,
  type DnsRecordInput,
  NotFoundError,
  ProviderError,
  toArray,
  ValidationError,
} from '@registrar-kit/core';
import { RECORDS_INVALID_IN_ANY_ZONE } from '@registrar-kit/testkit';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DETAIL, SUMMARY } from './test/pocketdns-fixtures.js';
import { api, apiJson, caught, registrar } from './test/pocketdns-test-setup.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

const T = '2025-01-01T01:00:00Z';
const rec = (fields: Record<string, unknown>) => ({
  priority: null,
  created_at: T,
  updated_at: T,
  ttl: 300,
  ...fields,
});

/** A registrar that knows example.com → dom_abc123 (one list request). */
async function known() {
  const r = registrar();
  api()
    .get('/api/v1/users/user_123/domains')
    .reply(200, { domains: [SUMMARY], total: 1 });
  api().get('/api/v1/domains/dom_abc123').reply(200, DETAIL);
  await r.getDomain('example.com');
  return r;
}

describe('listRecords', () => {
  it('maps every record in canonical form and leaves out SOA', async () => {
    const records = [
      rec({ id: 'rec_a', type: 'A', name: '@', content: '192.0.2.1' }),
      rec({ id: 'rec_mx', type: 'MX', name: '@', content: 'Mail.Example.com.', ttl: 3600, priority: 10 }),
      rec({ id: 'rec_v6', type: 'AAAA', name: 'V6', content: '2001:DB8:0:0:0:0:0:1' }),
      rec({
        id: 'rec_srv',
        type: 'SRV',
        name: '_sip._tcp',
        content: '10 60 5060 sip.example.com',
        priority: 10,
      }),
      rec({ id: 'rec_txt', type: 'TXT', name: 'long', content: '"aaa" "bbb"' }),
      rec({ id: 'rec_soa', type: 'SOA', name: '@', content: 'ns1.pocketdns.com. hostmaster 1 2 3 4 5' }),
    ];
    api().get('/api/v1/domains/dom_abc123/dns').reply(200, { records, total: 6 });
    const r = registrar({ owner: undefined });
    // The zone name of an id not seen yet is read from the domain first.
    api().get('/api/v1/domains/dom_abc123').reply(200, DETAIL);
    const list = await toArray(r.listRecords('dom_abc123'));
    const common = {
      provider: 'pocketdns',
      domain: 'example.com',
      createdAt: new Date(T),
      updatedAt: new Date(T),
    };
    expect(list).toEqual([
      {
        ...common,
        id: 'rec_a',
        name: '@',
        fqdn: 'example.com',
        type: 'A',
        content: '192.0.2.1',
        ttl: 300,
        priority: null,
        raw: records[0],
      },
      {
        ...common,
        id: 'rec_mx',
        name: '@',
        fqdn: 'example.com',
        type: 'MX',
        content: 'mail.example.com',
        ttl: 3600,
        priority: 10,
        raw: records[1],
      },
      {
        ...common,
        id: 'rec_v6',
        name: 'v6',
        fqdn: 'v6.example.com',
        type: 'AAAA',
        content: '2001:db8::1',
        ttl: 300,
        priority: null,
        raw: records[2],
      },
      {
        ...common,
        id: 'rec_srv',
        name: '_sip._tcp',
        fqdn: '_sip._tcp.example.com',
        type: 'SRV',
        content: '60 5060 sip.example.com',
        ttl: 300,
        priority: 10,
        raw: records[3],
      },
      {
        ...common,
        id: 'rec_txt',
        name: 'long',
        fqdn: 'long.example.com',
        type: 'TXT',
        // Issue 16 correction: PocketDNS stores TXT content as sent; it is the value, quotes included.
        content: '"aaa" "bbb"',
        ttl: 300,
        priority: null,
        raw: records[4],
      },
    ]);
  });

  it('by name: resolves through the owner list', async () => {
    api()
      .get('/api/v1/users/user_123/domains')
      .reply(200, { domains: [SUMMARY] });
    api().get('/api/v1/domains/dom_abc123/dns').reply(200, { records: [], total: 0 });
    expect(await toArray(registrar().listRecords('example.com'))).toEqual([]);
  });
});

describe('createRecord', () => {
  it('POSTs the canonical record and maps the answer (docs example)', async () => {
    const r = await known();
    const answer = {
      id: 'rec_new123',
      type: 'A',
      name: 'www',
      content: '192.0.2.1',
      ttl: 300,
      priority: null,
      created_at: '2025-01-06T12:30:00Z',
      updated_at: '2025-01-06T12:30:00Z',
    };
    apiJson()
      .post('/api/v1/domains/dom_abc123/dns', { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 })
      .reply(201, answer);
    expect(
      await r.createRecord('example.com', { type: 'A', name: 'WWW', content: '192.0.2.1', ttl: 300 }),
    ).toEqual({
      provider: 'pocketdns',
      id: 'rec_new123',
      domain: 'example.com',
      name: 'www',
      fqdn: 'www.example.com',
      type: 'A',
      content: '192.0.2.1',
      ttl: 300,
      priority: null,
      createdAt: new Date('2025-01-06T12:30:00Z'),
      updatedAt: new Date('2025-01-06T12:30:00Z'),
      raw: answer,
    });
  });

  it('MX with priority; host targets lower-case without the dot; no ttl when none is given', async () => {
    const r = await known();
    apiJson()
      .post('/api/v1/domains/dom_abc123/dns', {
        type: 'MX',
        name: '@',
        content: 'mail.example.com',
        priority: 10,
      })
      .reply(201, rec({ id: 'rec_mx', type: 'MX', name: '@', content: 'mail.example.com', priority: 10 }));
    expect(
      await r.createRecord('example.com', {
        type: 'MX',
        name: '@',
        content: 'MAIL.example.com.',
        priority: 10,
      }),
    ).toMatchObject({ content: 'mail.example.com', priority: 10, ttl: 300 });
  });

  it('SRV is sent as "priority weight port target" alone, as the docs show it (issue 16), and read back in the model form', async () => {
    const r = await known();
    apiJson()
      .post('/api/v1/domains/dom_abc123/dns', {
        type: 'SRV',
        name: '_sip._tcp',
        content: '10 60 5060 sip.example.com',
        ttl: 300,
      })
      .reply(
        201,
        rec({
          id: 'rec_srv',
          type: 'SRV',
          name: '_sip._tcp',
          content: '10 60 5060 sip.example.com',
          priority: 10,
        }),
      );
    expect(
      await r.createRecord('example.com', {
        type: 'SRV',
        name: '_sip._tcp',
        content: '60 5060 sip.example.com',
        priority: 10,
        ttl: 300,
      }),
    ).toMatchObject({
      type: 'SRV',
      content: '60 5060 sip.example.com',
      priority: 10,
    });
  });

  it('TXT is sent as the value itself, never quoted (issue 16); over 255 characters it is refused before sending', async () => {
    const r = await known();
    const short = 'v=spf1 include:_spf.google.com ~all';
    apiJson()
      .post('/api/v1/domains/dom_abc123/dns', { type: 'TXT', name: '@', content: short })
      .reply(201, rec({ id: 'rec_1', type: 'TXT', name: '@', content: short }));
    expect((await r.createRecord('example.com', { type: 'TXT', name: '@', content: short })).content).toBe(
      short,
    );
    const full = 'x'.repeat(255);
    apiJson()
      .post('/api/v1/domains/dom_abc123/dns', { type: 'TXT', name: 'full', content: full })
      .reply(201, rec({ id: 'rec_2', type: 'TXT', name: 'full', content: full }));
    expect((await r.createRecord('example.com', { type: 'TXT', name: 'full', content: full })).content).toBe(
      full,
    );
    const error = await caught(() =>
      r.createRecord('example.com', { type: 'TXT', name: 'long', content: 'x'.repeat(256) }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      provider: 'pocketdns',
      operation: 'createRecord',
      issues: [expect.objectContaining({ path: 'content' })],
    });
  });

  it.each([
    ['CNAME at the apex', { type: 'CNAME', name: '@', content: 'x.example.net' }, 'name'],
    ['MX without priority', { type: 'MX', name: '@', content: 'mx.example.net' }, 'priority'],
    ['TTL under 60', { type: 'A', name: '@', content: '192.0.2.1', ttl: 59 }, 'ttl'],
    ['TTL over 86400', { type: 'A', name: '@', content: '192.0.2.1', ttl: 86401 }, 'ttl'],
    ['a bad IPv4', { type: 'A', name: '@', content: '999.1.1.1' }, 'content'],
    ['a bad IPv6', { type: 'AAAA', name: '@', content: '2001:db8::g' }, 'content'],
    ['a type PocketDNS lacks', { type: 'CAA', name: '@', content: '0 issue "x.org"' }, 'type'],
    ['a wildcard name', { type: 'A', name: '*', content: '192.0.2.1' }, 'name'],
    ['a name ending with a hyphen', { type: 'A', name: 'www-', content: '192.0.2.1' }, 'name'],
    ['priority on an A record', { type: 'A', name: '@', content: '192.0.2.1', priority: 1 }, 'priority'],
  ] as const)('refuses %s before any request', async (_label, input, path) => {
    const error = await caught(() => registrar().createRecord('example.com', input as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'pocketdns', operation: 'createRecord' });
    expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
  });
});

describe('createRecords (bulk)', () => {
  it('sends the valid inputs to /dns/bulk and maps created records and per-record errors to their inputs', async () => {
    const r = await known();
    const inputs = [
      { type: 'A', name: '@', content: '192.0.2.1', ttl: 300 },
      { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 },
      { type: 'MX', name: '@', content: 'mail.example.com', ttl: 3600, priority: 10 },
      { type: 'CNAME', name: '@', content: 'bad.example.net' },
      { type: 'TXT', name: 'dup', content: 'hello' },
    ] as const;
    const answer = {
      created: [
        { id: 'rec_new1', type: 'A', name: '@', content: '192.0.2.1', ttl: 300 },
        { id: 'rec_new2', type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 },
      ],
      errors: [
        { record: { type: 'TXT', name: 'dup', content: 'hello' }, error: 'Record already exists' },
        {
          record: { type: 'MX', name: '@', content: 'mail.example.com' },
          error: 'Priority is required for MX records',
        },
      ],
    };
    apiJson()
      .post('/api/v1/domains/dom_abc123/dns/bulk', {
        records: [
          { type: 'A', name: '@', content: '192.0.2.1', ttl: 300 },
          { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 },
          { type: 'MX', name: '@', content: 'mail.example.com', ttl: 3600, priority: 10 },
          { type: 'TXT', name: 'dup', content: 'hello' },
        ],
      })
      .reply(200, answer);
    const result = await r.createRecords('example.com', [...inputs]);
    expect(result.created).toEqual([
      {
        provider: 'pocketdns',
        id: 'rec_new1',
        domain: 'example.com',
        name: '@',
        fqdn: 'example.com',
        type: 'A',
        content: '192.0.2.1',
        ttl: 300,
        priority: null,
        createdAt: null,
        updatedAt: null,
        raw: answer.created[0],
      },
      {
        provider: 'pocketdns',
        id: 'rec_new2',
        domain: 'example.com',
        name: 'www',
        fqdn: 'www.example.com',
        type: 'A',
        content: '192.0.2.1',
        ttl: 300,
        priority: null,
        createdAt: null,
        updatedAt: null,
        raw: answer.created[1],
      },
    ]);
    expect(result.errors.map((e) => [e.input, e.error.name, e.error.message])).toEqual([
      [inputs[3], 'ValidationError', expect.stringMatching(/CNAME cannot stand at the zone apex/)],
      [inputs[4], 'ConflictError', 'pocketdns createRecords: Record already exists'],
      [inputs[2], 'ValidationError', 'pocketdns createRecords: Priority is required for MX records'],
    ]);
    expect(result.errors[1]!.error).toBeInstanceOf(ConflictError);
  });

  it('fills priority and ttl of created items from the input; an unreported input is a ProviderError', async () => {
    const r = await known();
    apiJson()
      .post('/api/v1/domains/dom_abc123/dns/bulk', {
        records: [
          { type: 'MX', name: '@', content: 'mx.example.com', ttl: 3600, priority: 5 },
          { type: 'A', name: 'x', content: '192.0.2.9' },
        ],
      })
      .reply(200, { created: [{ id: 'rec_mx', type: 'MX', name: '@', content: 'mx.example.com' }] });
    const result = await r.createRecords('example.com', [
      { type: 'MX', name: '@', content: 'mx.example.com', ttl: 3600, priority: 5 },
      { type: 'A', name: 'x', content: '192.0.2.9' },
    ]);
    expect(result.created).toMatchObject([{ id: 'rec_mx', priority: 5, ttl: 3600 }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.error).toBeInstanceOf(ProviderError);
  });

  it('sends nothing when every input is invalid or there is none', async () => {
    const r = registrar();
    expect(await r.createRecords('example.com', [])).toEqual({ created: [], errors: [] });
    const result = await r.createRecords('example.com', [{ type: 'A', name: '@', content: 'nope' }]);
    expect(result.created).toEqual([]);
    expect(result.errors[0]!.error).toBeInstanceOf(ValidationError);
  });
});

describe('updateRecord', () => {
  it('a TTL-only patch PUTs just the TTL, without reading the record', async () => {
    const r = await known();
    const answer = {
      id: 'rec_xyz789',
      type: 'A',
      name: '@',
      content: '192.0.2.2',
      ttl: 600,
      priority: null,
      created_at: T,
      updated_at: '2025-01-06T12:30:00Z',
    };
    apiJson().put('/api/v1/domains/dom_abc123/dns/rec_xyz789', { ttl: 600 }).reply(200, answer);
    expect(await r.updateRecord('example.com', 'rec_xyz789', { ttl: 600 })).toEqual({
      provider: 'pocketdns',
      id: 'rec_xyz789',
      domain: 'example.com',
      name: '@',
      fqdn: 'example.com',
      type: 'A',
      content: '192.0.2.2',
      ttl: 600,
      priority: null,
      createdAt: new Date(T),
      updatedAt: new Date('2025-01-06T12:30:00Z'),
      raw: answer,
    });
  });

  it('a content patch reads the record type first, then PUTs only the provided fields (docs example)', async () => {
    const r = await known();
    api()
      .get('/api/v1/domains/dom_abc123/dns')
      .reply(200, { records: [rec({ id: 'rec_xyz789', type: 'A', name: '@', content: '192.0.2.1' })] });
    apiJson()
      .put('/api/v1/domains/dom_abc123/dns/rec_xyz789', { content: '192.0.2.2', ttl: 600 })
      .reply(200, rec({ id: 'rec_xyz789', type: 'A', name: '@', content: '192.0.2.2', ttl: 600 }));
    expect(
      await r.updateRecord('example.com', 'rec_xyz789', { content: '192.0.2.2', ttl: 600 }),
    ).toMatchObject({ content: '192.0.2.2', ttl: 600 });
  });

  it('SRV: a priority change sends the four-part content alone (issue 16)', async () => {
    const r = await known();
    api()
      .get('/api/v1/domains/dom_abc123/dns')
      .reply(200, {
        records: [
          rec({
            id: 'rec_srv',
            type: 'SRV',
            name: '_sip._tcp',
            content: '10 60 5060 sip.example.com',
            priority: 10,
          }),
        ],
      });
    apiJson()
      .put('/api/v1/domains/dom_abc123/dns/rec_srv', { content: '20 60 5060 sip.example.com' })
      .reply(
        200,
        rec({
          id: 'rec_srv',
          type: 'SRV',
          name: '_sip._tcp',
          content: '20 60 5060 sip.example.com',
          priority: 20,
        }),
      );
    expect(await r.updateRecord('example.com', 'rec_srv', { priority: 20 })).toMatchObject({
      content: '60 5060 sip.example.com',
      priority: 20,
    });
  });

  it('content is checked for the record type; an unknown record is a NotFoundError', async () => {
    const r = await known();
    api()
      .get('/api/v1/domains/dom_abc123/dns')
      .reply(200, { records: [rec({ id: 'rec_a', type: 'A', name: '@', content: '192.0.2.1' })] });
    expect(
      await caught(() => r.updateRecord('example.com', 'rec_a', { content: 'not-an-ip' })),
    ).toBeInstanceOf(ValidationError);
    api().get('/api/v1/domains/dom_abc123/dns').reply(200, { records: [] });
    expect(
      await caught(() => r.updateRecord('example.com', 'rec_gone', { content: '192.0.2.3' })),
    ).toBeInstanceOf(NotFoundError);
  });

  it('refuses a bad patch or id before any request', async () => {
    const r = registrar();
    expect(await caught(() => r.updateRecord('example.com', 'rec_1', { ttl: 30 }))).toBeInstanceOf(
      ValidationError,
    );
    expect(await caught(() => r.updateRecord('example.com', 'rec_1', { type: 'A' } as never))).toBeInstanceOf(
      ValidationError,
    );
    expect(await caught(() => r.updateRecord('example.com', 'rec_1', {}))).toBeInstanceOf(ValidationError);
    expect(await caught(() => r.updateRecord('example.com', '..', { ttl: 300 }))).toBeInstanceOf(
      ValidationError,
    );
  });
});

describe('deleteRecord', () => {
  it('DELETEs the record (204)', async () => {
    const r = await known();
    api().delete('/api/v1/domains/dom_abc123/dns/rec_xyz789').reply(204);
    await expect(r.deleteRecord('example.com', 'rec_xyz789')).resolves.toBeUndefined();
    api().delete('/api/v1/domains/dom_x/dns/rec_1').reply(204);
    await expect(r.deleteRecord('dom_x', 'rec_1')).resolves.toBeUndefined();
  });

  it('refuses ids that would leave the path', async () => {
    expect(await caught(() => registrar().deleteRecord('example.com', 'a/b'))).toBeInstanceOf(
      ValidationError,
    );
    expect(await caught(() => registrar().deleteRecord('example.com', ''))).toBeInstanceOf(ValidationError);
  });
});

describe('applyTemplate', () => {
  it('POSTs the template with its variables and returns the full created records', async () => {
    const r = await known();
    const answer = {
      template_id: 'tpl_website_basic',
      records_created: [
        { id: 'rec_tpl1', type: 'A', name: '@', content: '192.0.2.1' },
        { id: 'rec_tpl2', type: 'A', name: 'www', content: '192.0.2.1' },
      ],
    };
    apiJson()
      .post('/api/v1/domains/dom_abc123/dns/template', {
        template_id: 'tpl_website_basic',
        variables: { ip_address: '192.0.2.1', mail_server: 'mail.example.com' },
      })
      .reply(201, answer);
    const full = rec({ id: 'rec_tpl1', type: 'A', name: '@', content: '192.0.2.1', ttl: 3600 });
    api()
      .get('/api/v1/domains/dom_abc123/dns')
      .reply(200, { records: [full] });
    const result = await r.applyTemplate('example.com', 'tpl_website_basic', {
      ip_address: '192.0.2.1',
      mail_server: 'mail.example.com',
    });
    expect(result.templateId).toBe('tpl_website_basic');
    expect(result.raw).toEqual(answer);
    expect(result.records).toEqual([
      expect.objectContaining({ id: 'rec_tpl1', ttl: 3600, createdAt: new Date(T), raw: full }),
      // Not in the list read: mapped from the item, with PocketDNS's default TTL.
      {
        provider: 'pocketdns',
        id: 'rec_tpl2',
        domain: 'example.com',
        name: 'www',
        fqdn: 'www.example.com',
        type: 'A',
        content: '192.0.2.1',
        ttl: 300,
        priority: null,
        createdAt: null,
        updatedAt: null,
        raw: answer.records_created[1],
      },
    ]);
  });

  it('refuses a missing template id or non-string variables before any request', async () => {
    expect(await caught(() => registrar().applyTemplate('example.com', ''))).toBeInstanceOf(ValidationError);
    expect(
      await caught(() => registrar().applyTemplate('example.com', 'tpl', { ip: 1 as never })),
    ).toMatchObject({ issues: [{ path: 'variables.ip' }] });
  });
});

describe('a record invalid in any zone is refused before any request', () => {
  /** Counts requests nock could not match (disableNetConnect makes every real request one). */
  let sent = 0;
  const count = () => sent++;
  beforeAll(() => nock.emitter.on('no match', count));
  afterAll(() => nock.emitter.removeListener('no match', count));

  it.each<readonly [string, DnsRecordInput, string]>([
    ...RECORDS_INVALID_IN_ANY_ZONE,
    ['a TTL of 30', { type: 'A', name: 'www', content: '192.0.2.1', ttl: 30 }, 'ttl'],
  ])('createRecord by domain id with %s: ValidationError, no request at all', async (_l, input, path) => {
    sent = 0;
    const error = await caught(() => registrar().createRecord('dom_abc123', input));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ provider: 'pocketdns', operation: 'createRecord' });
    expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
    expect(sent).toBe(0);
  });

  it('createRecords by domain id: every input invalid → the errors, no request at all', async () => {
    sent = 0;
    const inputs = [
      ...RECORDS_INVALID_IN_ANY_ZONE.map(([, input]) => input),
      { type: 'A' as const, name: 'www', content: '192.0.2.1', ttl: 30 },
    ];
    const { created, errors } = await registrar().createRecords('dom_abc123', inputs);
    expect(created).toEqual([]);
    expect(errors.map((e) => [e.input, e.error.name])).toEqual(inputs.map((i) => [i, 'ValidationError']));
    expect(sent).toBe(0);
  });

  it('updateRecord by domain id with a TTL of 30: ValidationError, no request at all', async () => {
    sent = 0;
    const error = await caught(() => registrar().updateRecord('dom_abc123', 'rec_xyz789', { ttl: 30 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(sent).toBe(0);
  });

  it('an absolute name is still checked against the zone read from the domain', async () => {
    api().get('/api/v1/domains/dom_abc123').reply(200, DETAIL);
    apiJson()
      .post('/api/v1/domains/dom_abc123/dns', { type: 'A', name: 'www', content: '192.0.2.1' })
      .reply(201, rec({ id: 'rec_new', type: 'A', name: 'www', content: '192.0.2.1' }));
    const record = await registrar().createRecord('dom_abc123', {
      type: 'A',
      name: 'www.example.com.',
      content: '192.0.2.1',
    });
    expect(record).toMatchObject({ id: 'rec_new', name: 'www', fqdn: 'www.example.com' });
  });
});
