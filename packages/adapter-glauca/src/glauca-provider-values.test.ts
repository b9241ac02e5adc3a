/**
 * Names and ids Glauca sends are checked before they enter the model: an unusable one is a
 * ResponseFormatError naming the field; a Unicode name becomes its punycode. The answers to paid
 * calls (register, transfer, renew, restore) never fail on the provider's echo of the name.
 */
import { ResponseFormatError, toArray } from '@registrar-kit/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  API,
  CONTACT_ID,
  DNS,
  DOMAIN_ID,
  domainPayload,
  orderPayload,
  ZONE_ID,
  zonePayload,
} from './test/glauca-fixtures.js';
import { glauca } from './test/glauca-test-setup.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

const HOSTILE_NAMES = ['../../etc', 'exa\r\nmple.com', '', 'exa..mple.com', 'evil.com/../../x'];

function issuePaths(error: unknown): string[] {
  expect(error).toBeInstanceOf(ResponseFormatError);
  return (error as ResponseFormatError).issues.map((issue) => issue.path);
}

describe('names and ids read from Glauca', () => {
  it.each(HOSTILE_NAMES)('listDomains with domain %j: ResponseFormatError naming 0.domain', async (name) => {
    nock(API)
      .get('/api/domains/')
      .reply(200, [domainPayload({ domain: name })]);
    const error = await toArray(glauca().listDomains()).catch((e: unknown) => e);
    expect(error).toMatchObject({ provider: 'glauca', operation: 'listDomains' });
    expect(issuePaths(error)).toEqual(['0.domain']);
  });

  it('a Unicode name (a mixed-script one too) and its name servers enter the model as punycode', async () => {
    nock(API)
      .get('/api/domains/')
      .reply(200, [
        domainPayload({
          domain: 'p\u0430ypal.com',
          name_servers: [{ host_object: 'NS1.Bücher.com.', host_name: null, addresses: null }],
        }),
      ]);
    const [domain] = await toArray(glauca().listDomains());
    expect(domain).toMatchObject({
      name: 'xn--pypal-4ve.com',
      unicodeName: 'p\u0430ypal.com',
      nameservers: ['ns1.xn--bcher-kva.com'],
    });
  });

  it.each(['', '..', 'domains_x/../y', 'domains_x\u0000'])(
    'a domain id %j: ResponseFormatError naming 0.id',
    async (id) => {
      nock(API)
        .get('/api/domains/')
        .reply(200, [domainPayload({ id })]);
      expect(issuePaths(await toArray(glauca().listDomains()).catch((e: unknown) => e))).toEqual(['0.id']);
    },
  );

  it('getDomain with a name server holding a line break: ResponseFormatError naming it', async () => {
    nock(API)
      .get(`/api/domains/${DOMAIN_ID}/`)
      .reply(
        200,
        domainPayload({
          name_servers: [{ host_object: 'ns1.evil\r\n.com', host_name: null, addresses: null }],
        }),
      );
    expect(
      issuePaths(
        await glauca()
          .getDomain(DOMAIN_ID)
          .catch((e: unknown) => e),
      ),
    ).toEqual(['name_servers.0.host_object']);
  });

  it('a zone root that is no domain name, or a record id "..": ResponseFormatError', async () => {
    nock(DNS)
      .get(`/api/dns_zones/${ZONE_ID}/`)
      .reply(200, zonePayload({ zone_root: '../../etc' }));
    expect(issuePaths(await toArray(glauca().listRecords(ZONE_ID)).catch((e: unknown) => e))).toEqual([
      'zone_root',
    ]);
    const zone = zonePayload();
    const [first, ...rest] = zone.address_records as Record<string, unknown>[];
    nock(DNS)
      .get(`/api/dns_zones/${ZONE_ID}/`)
      .reply(200, { ...zone, address_records: [{ ...first, id: '..' }, ...rest] });
    expect(issuePaths(await toArray(glauca().listRecords(ZONE_ID)).catch((e: unknown) => e))).toEqual([
      'address_records.0.id',
    ]);
  });

  it('a zone found by name in the list must have a valid zone_root', async () => {
    nock(DNS)
      .get('/api/dns_zones/')
      .query({ limit: '25', offset: '0' })
      .reply(200, {
        count: 1,
        next: null,
        previous: null,
        results: [{ id: ZONE_ID, zone_root: 'example.com\r\nX-Evil: 1' }],
      });
    expect(issuePaths(await toArray(glauca().listRecords('example.com')).catch((e: unknown) => e))).toEqual([
      'results.0.zone_root',
    ]);
  });

  it('getRegistration of an order whose domain is no name: ResponseFormatError naming domain', async () => {
    const order = orderPayload('registration', { domain: '../../etc' });
    nock(API).get(`/api/domain_registration_orders/${order.id}/`).reply(200, order);
    const error = await glauca()
      .getRegistration(order.id as string)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ provider: 'glauca', operation: 'getRegistration' });
    expect(issuePaths(error)).toEqual(['domain']);
  });
});

describe('paid calls keep the name the adapter knows', () => {
  it('registerDomain resolves with the name it sent when the order echoes a hostile one', async () => {
    nock(API)
      .post('/api/domain_registration_orders/')
      .reply(201, orderPayload('registration', { domain: '../../etc', domain_id: '..' }));
    expect(
      await glauca().registerDomain({
        domain: 'honey-example.li',
        years: 1,
        contacts: { registrant: CONTACT_ID },
      }),
    ).toMatchObject({ domain: 'honey-example.li', status: 'pending' });
  });

  it('transferDomain resolves with the name it sent and domainId null for an unusable domain_id', async () => {
    nock(API)
      .post('/api/domain_transfer_orders/')
      .reply(201, orderPayload('transfer', { domain: 'exa\r\nmple.com', domain_id: 'x/../y' }));
    expect(
      await glauca().transferDomain({
        domain: 'honey-example.li',
        authCode: 'Xk7pQ2m9LwR4',
        contacts: { registrant: CONTACT_ID },
      }),
    ).toMatchObject({ domain: 'honey-example.li', domainId: null });
  });

  it('renewDomain and restoreDomain by id fall back to the id when the echo is no name', async () => {
    nock(API)
      .post(`/api/domains/${DOMAIN_ID}/renew/`)
      .reply(201, orderPayload('renew', { domain: '../../etc' }));
    expect(await glauca().renewDomain(DOMAIN_ID, { years: 1 })).toMatchObject({
      domain: DOMAIN_ID,
      status: 'pending',
    });
    nock(API)
      .post(`/api/domains/${DOMAIN_ID}/restore/`)
      .reply(201, orderPayload('restore', { domain: 'Bücher.com' }));
    expect(await glauca().restoreDomain(DOMAIN_ID)).toMatchObject({ domain: 'xn--bcher-kva.com' });
  });
});
