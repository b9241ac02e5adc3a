/**
 * Names and ids DNSimple sends are checked before they enter the model: a hostile name is a
 * ResponseFormatError naming the field; a Unicode name becomes its punycode.
 */
import { ResponseFormatError, toArray } from '@registrar-kit/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDnsimple } from './index.js';
import { domainPayload, zoneRecordPayload } from './test/dnsimple-fixtures.js';

const BASE = 'https://api.dnsimple.com';
const ACC = '/v2/1010';
const page = (data: unknown[]) => ({
  data,
  pagination: { current_page: 1, per_page: 100, total_entries: data.length, total_pages: 1 },
});
const dnsimple = () =>
  createDnsimple({ token: 'dnsimple-values-token', accountId: 1010, retry: false, rateLimit: false });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('domain names from DNSimple', () => {
  it.each([['../../etc'], ['exa\r\nmple.com'], [''], ['evil.com/../../x']])(
    'listDomains with name %j: ResponseFormatError naming data.0.name',
    async (name) => {
      nock(BASE)
        .get(`${ACC}/domains`)
        .query(true)
        .reply(200, page([domainPayload({ name })]));
      const error = await toArray(dnsimple().listDomains()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseFormatError);
      expect(error).toMatchObject({ provider: 'dnsimple', operation: 'listDomains' });
      expect((error as ResponseFormatError).issues.map((i) => i.path)).toEqual(['data.0.name']);
    },
  );

  it('a mixed-script name (Cyrillic а in pаypal.com) is valid IDNA: it enters the model as its punycode', async () => {
    nock(BASE)
      .get(`${ACC}/domains`)
      .query(true)
      .reply(200, page([domainPayload({ name: 'p\u0430ypal.com', unicode_name: 'paypal.com' })]));
    const [domain] = await toArray(dnsimple().listDomains());
    expect(domain).toMatchObject({ name: 'xn--pypal-4ve.com', unicodeName: 'p\u0430ypal.com' });
  });

  it('getDomain by id with a hostile name: ResponseFormatError, nothing cached', async () => {
    nock(BASE)
      .get(`${ACC}/domains/77`)
      .reply(200, { data: domainPayload({ id: 77, name: '../../etc' }) });
    await expect(dnsimple().getDomain('77')).rejects.toMatchObject({
      name: 'ResponseFormatError',
      operation: 'getDomain',
      issues: [{ path: 'data.name' }],
    });
  });

  it('a negative domain id is refused', async () => {
    nock(BASE)
      .get(`${ACC}/domains/example.com`)
      .reply(200, { data: domainPayload({ id: -5 }) });
    await expect(dnsimple().getDomain('example.com')).rejects.toMatchObject({
      name: 'ResponseFormatError',
      issues: [{ path: 'data.id' }],
    });
  });
});

describe('zone names of records and name servers', () => {
  it('a record whose zone_id is no domain name: ResponseFormatError naming data.0.zone_id', async () => {
    nock(BASE)
      .get(`${ACC}/zones/example.com/records`)
      .query(true)
      .reply(200, page([zoneRecordPayload({ zone_id: '../x', content: '192.0.2.1' })]));
    await expect(toArray(dnsimple().listRecords('example.com'))).rejects.toMatchObject({
      name: 'ResponseFormatError',
      operation: 'listRecords',
      issues: [{ path: 'data.0.zone_id' }],
    });
  });

  it('a delegation host with a line break: ResponseFormatError', async () => {
    const reg = `${ACC}/registrar/domains/example.com`;
    nock(BASE)
      .get(`${ACC}/domains/example.com`)
      .reply(200, { data: domainPayload({ state: 'registered' }) });
    nock(BASE)
      .get(`${reg}/transfer_lock`)
      .reply(200, { data: { enabled: true } });
    nock(BASE)
      .get(`${reg}/delegation`)
      .reply(200, { data: ['ns1.dnsimple.com', 'ns2\r\n.evil.com'] });
    await expect(dnsimple().getDomain('example.com')).rejects.toMatchObject({
      name: 'ResponseFormatError',
      issues: [{ path: 'data.1' }],
    });
  });
});
