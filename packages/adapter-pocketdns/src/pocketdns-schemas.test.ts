/**
 * Names and ids PocketDNS sends are checked before they enter the model; the answers to paid
 * calls (renewal, transfer start) never fail on the provider's echo of the name.
 */
import { ResponseFormatError, toArray } from '@registrar-kit/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DETAIL, SUMMARY } from './test/pocketdns-fixtures.js';
import { api, apiJson, caught, registrar } from './test/pocketdns-test-setup.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

const HOSTILE_NAMES = ['exa..mple.com', '../../etc', 'exa\r\nmple.com', ''];

describe('names and ids read from PocketDNS', () => {
  it.each(HOSTILE_NAMES)(
    'listDomains with name %j: ResponseFormatError naming domains.0.name',
    async (name) => {
      api()
        .get('/api/v1/users/user_123/domains')
        .reply(200, { domains: [{ ...SUMMARY, name }], total: 1 });
      const error = await caught(() => toArray(registrar().listDomains()));
      expect(error).toBeInstanceOf(ResponseFormatError);
      expect(error).toMatchObject({ provider: 'pocketdns', operation: 'listDomains' });
      expect((error as ResponseFormatError).issues.map((i) => i.path)).toEqual(['domains.0.name']);
    },
  );

  it('a Unicode name from PocketDNS enters the model as its punycode (a mixed-script one too)', async () => {
    api()
      .get('/api/v1/users/user_123/domains')
      .reply(200, {
        domains: [
          { ...SUMMARY, name: 'Bücher.com' },
          { ...SUMMARY, id: 'dom_2', name: 'p\u0430ypal.com' },
        ],
      });
    const domains = await toArray(registrar().listDomains());
    expect(domains.map((d) => [d.name, d.unicodeName])).toEqual([
      ['xn--bcher-kva.com', 'bücher.com'],
      ['xn--pypal-4ve.com', 'p\u0430ypal.com'],
    ]);
  });

  it.each(['', '..', 'dom/../x', 'dom\u0000'])(
    'a domain id %j: ResponseFormatError naming domains.0.id',
    async (id) => {
      api()
        .get('/api/v1/users/user_123/domains')
        .reply(200, { domains: [{ ...SUMMARY, id }] });
      const error = await caught(() => toArray(registrar().listDomains()));
      expect((error as ResponseFormatError).issues.map((i) => i.path)).toEqual(['domains.0.id']);
    },
  );

  it('a record id ".." and a name server with a line break are refused', async () => {
    api()
      .get('/api/v1/domains/dom_abc123/dns')
      .reply(200, { records: [{ id: '..', type: 'A', name: '@', content: '192.0.2.1', ttl: 300 }] });
    api().get('/api/v1/domains/dom_abc123').reply(200, DETAIL);
    expect(await caught(() => toArray(registrar().listRecords('dom_abc123')))).toMatchObject({
      name: 'ResponseFormatError',
      issues: [{ path: 'records.0.id' }],
    });
    api()
      .get('/api/v1/domains/dom_abc123')
      .reply(200, { ...DETAIL, nameservers: ['ns1.pocketdns.com', 'ns2\r\n.evil'] });
    expect(await caught(() => registrar().getDomain('dom_abc123'))).toMatchObject({
      name: 'ResponseFormatError',
      issues: [{ path: 'nameservers.1' }],
    });
  });

  it('getTransfer with a transfer_id holding "/" or a hostile domain_name: ResponseFormatError', async () => {
    const status = { transfer_id: 'txr_1', domain_name: 'example.com', status: 'pending' };
    api()
      .get('/api/v1/domains/transfers/txr_1')
      .reply(200, { ...status, transfer_id: 'a/b' });
    expect(await caught(() => registrar().getTransfer('txr_1'))).toMatchObject({
      name: 'ResponseFormatError',
      issues: [{ path: 'transfer_id' }],
    });
    api()
      .get('/api/v1/domains/transfers/txr_1')
      .reply(200, { ...status, domain_name: '../../etc' });
    expect(await caught(() => registrar().getTransfer('txr_1'))).toMatchObject({
      name: 'ResponseFormatError',
      issues: [{ path: 'domain_name' }],
    });
  });
});

describe('paid calls keep the name the adapter knows', () => {
  it('renewDomain by name: a hostile echo of the name does not fail the paid renewal', async () => {
    api()
      .get('/api/v1/users/user_123/domains')
      .reply(200, { domains: [SUMMARY] });
    apiJson()
      .post('/api/v1/domains/dom_abc123/renew', { years: 1 })
      .reply(200, { id: 'dom_abc123', name: '../../etc', renewed_at: '2025-01-06T12:30:00Z' });
    expect(await registrar().renewDomain('example.com', { years: 1 })).toMatchObject({
      domain: 'example.com',
      status: 'completed',
    });
  });

  it('transferDomain: the result names the domain sent, whatever PocketDNS echoes', async () => {
    apiJson()
      .post('/api/v1/domains/transfer')
      .reply(201, { transfer_id: 'txr_9', domain_name: 'exa\r\nmple.com', status: 'pending' });
    expect(await registrar().transferDomain({ domain: 'Example.com', authCode: 'x' })).toMatchObject({
      id: 'txr_9',
      domain: 'example.com',
    });
  });
});

describe('TLDs read from PocketDNS', () => {
  const tld = (name: string) => ({
    tld: name,
    registration_price: '12.99',
    renewal_price: '13.99',
    transfer_price: '11.99',
    currency: 'USD',
  });

  it.each(['../etc', 'co\r\nuk', '', 'c/om', 'bad tld'])(
    'listTldPrices with tld %j: ResponseFormatError naming tlds.1.tld',
    async (name) => {
      api()
        .get('/api/v1/domains/tlds')
        .reply(200, { tlds: [tld('com'), tld(name)] });
      const error = await caught(() => registrar().listTldPrices());
      expect(error).toBeInstanceOf(ResponseFormatError);
      expect(error).toMatchObject({ provider: 'pocketdns', operation: 'listTldPrices' });
      expect((error as ResponseFormatError).issues.map((i) => i.path)).toEqual(['tlds.1.tld']);
    },
  );

  it('a TLD enters the model in its ASCII form', async () => {
    api()
      .get('/api/v1/domains/tlds')
      .reply(200, { tlds: [tld('.CO.UK'), tld('рф')] });
    expect((await registrar().listTldPrices()).map((price) => price.tld)).toEqual(['co.uk', 'xn--p1ai']);
  });
});
