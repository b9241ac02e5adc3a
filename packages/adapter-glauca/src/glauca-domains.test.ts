import { NotFoundError, toArray, ValidationError } from '@registrar-kit/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  API,
  CONTACT_ID,
  DOMAIN_ID,
  domainModel,
  domainPayload,
  RFC4034_PUBLIC_KEY,
} from './test/glauca-fixtures.js';
import { AUTH, glauca, JSON_AUTH } from './test/glauca-test-setup.js';

const OTHER_ID = 'domains_domainregistration_0000000000000000000000000000beef';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

const list = () => [
  domainPayload(),
  domainPayload({
    id: OTHER_ID,
    domain: 'xn--bcher-kva.com',
    statuses: ['pending_delete'],
    rgp_state: ['redemption_grace_period'],
    deleted: true,
    sec_dns: null,
  }),
];

describe('listDomains', () => {
  it('GETs the plain array and maps every domain, redemption ones included', async () => {
    nock(API, { reqheaders: AUTH }).get('/api/domains/').reply(200, list());
    const domains = await toArray(glauca().listDomains());
    expect(domains).toEqual([
      {
        ...domainModel(),
        raw: list()[0],
      },
      {
        provider: 'glauca',
        id: OTHER_ID,
        name: 'xn--bcher-kva.com',
        unicodeName: 'bücher.com',
        status: 'redemption',
        providerStatus: ['pending_delete', 'redemption_grace_period', 'deleted'],
        owner: CONTACT_ID,
        createdAt: new Date('2024-03-11T14:02:55Z'),
        expiresAt: new Date('2026-03-11T14:02:55Z'),
        updatedAt: new Date('2025-01-20T09:41:12Z'),
        autoRenew: null,
        whoisPrivacy: null,
        transferLock: false,
        nameservers: ['ns1.as207960.net', 'ns2.as207960.net'],
        dsRecords: [],
        raw: list()[1],
      },
    ]);
  });

  it('fills the name → id cache, so getDomain by name needs no second list', async () => {
    const registrar = glauca();
    nock(API).get('/api/domains/').reply(200, list());
    await toArray(registrar.listDomains());
    nock(API).get(`/api/domains/${OTHER_ID}/`).reply(200, list()[1]);
    expect((await registrar.getDomain('Bücher.COM.')).id).toBe(OTHER_ID);
  });
});

describe('getDomain', () => {
  it('resolves a name through the list once, then GETs by id', async () => {
    const registrar = glauca();
    nock(API, { reqheaders: AUTH }).get('/api/domains/').once().reply(200, list());
    nock(API, { reqheaders: AUTH }).get(`/api/domains/${DOMAIN_ID}/`).twice().reply(200, domainPayload());
    const first = await registrar.getDomain('HONEY-example.li.');
    const second = await registrar.getDomain('honey-example.li');
    expect(first).toEqual(second);
    expect(first).toMatchObject({
      id: DOMAIN_ID,
      name: 'honey-example.li',
      status: 'active',
      transferLock: true,
    });
  });

  it('takes a Glauca id as it is', async () => {
    nock(API)
      .get(`/api/domains/${DOMAIN_ID}/`)
      .reply(200, domainPayload({ statuses: ['client_hold'] }));
    expect(await glauca().getDomain(DOMAIN_ID)).toMatchObject({
      id: DOMAIN_ID,
      status: 'suspended',
      transferLock: false,
    });
  });

  it('says NotFound for a name not in the account, without a GET', async () => {
    nock(API).get('/api/domains/').reply(200, list());
    await expect(glauca().getDomain('unknown.com')).rejects.toThrow(NotFoundError);
  });

  it('forgets a cached id after a 404 and resolves the name again next time', async () => {
    const registrar = glauca();
    nock(API).get('/api/domains/').reply(200, list());
    nock(API).get(`/api/domains/${DOMAIN_ID}/`).reply(404, { detail: 'Not found.' });
    await expect(registrar.getDomain('honey-example.li')).rejects.toThrow(NotFoundError);
    nock(API)
      .get('/api/domains/')
      .reply(200, [domainPayload({ id: OTHER_ID })]);
    nock(API)
      .get(`/api/domains/${OTHER_ID}/`)
      .reply(200, domainPayload({ id: OTHER_ID }));
    expect((await registrar.getDomain('honey-example.li')).id).toBe(OTHER_ID);
  });

  it.each(['', '.', '..', 'a/b', 'bad..name', '-x.com'])('refuses %j before any request', async (value) => {
    await expect(glauca().getDomain(value)).rejects.toThrow(ValidationError);
  });
});

describe('updateDomain', () => {
  it('PATCHes block_transfer and name_servers host objects and maps the answer', async () => {
    nock(API, { reqheaders: JSON_AUTH })
      .patch(`/api/domains/${DOMAIN_ID}/`, {
        block_transfer: false,
        name_servers: [
          { host_object: 'ns1.example.net', host_name: null, addresses: null },
          { host_object: 'xn--bcher-kva.example', host_name: null, addresses: null },
        ],
      })
      .reply(
        200,
        domainPayload({
          statuses: ['ok'],
          name_servers: [{ host_object: 'ns1.example.net', host_name: null, addresses: null }],
        }),
      );
    const domain = await glauca().updateDomain(DOMAIN_ID, {
      transferLock: false,
      nameservers: ['NS1.example.net.', 'bücher.example'],
    });
    expect(domain).toMatchObject({
      transferLock: false,
      nameservers: ['ns1.example.net'],
      providerStatus: ['ok'],
    });
  });

  it('sets the transfer lock alone', async () => {
    nock(API).patch(`/api/domains/${DOMAIN_ID}/`, { block_transfer: true }).reply(200, domainPayload());
    expect((await glauca().updateDomain(DOMAIN_ID, { transferLock: true })).transferLock).toBe(true);
  });

  it('refuses what Glauca cannot change, naming every field, before any request', async () => {
    const error = await glauca()
      .updateDomain('honey-example.li', {
        autoRenew: true,
        whoisPrivacy: false,
        nameservers: ['ok.example', 'not a host'],
        color: 'red',
      } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect([...new Set((error as ValidationError).issues.map((i) => i.path))]).toEqual([
      'color',
      'autoRenew',
      'whoisPrivacy',
      'nameservers.1',
    ]);
    await expect(glauca().updateDomain(DOMAIN_ID, {})).rejects.toThrow(/changes nothing/);
    await expect(glauca().updateDomain(DOMAIN_ID, { transferLock: 'yes' as never })).rejects.toThrow(
      ValidationError,
    );
  });
});

describe('DS records (sec_dns)', () => {
  it('reads ds_data', async () => {
    nock(API).get(`/api/domains/${DOMAIN_ID}/`).reply(200, domainPayload());
    expect(await glauca().getDsRecords(DOMAIN_ID)).toEqual([
      {
        keyTag: 6687,
        algorithm: 13,
        digestType: 2,
        digest: '66818ACF61D1EF06C90B5871A045E2302A7474A6BAC046FE3FE23B9338F9D559',
      },
    ]);
  });

  it('reads key_data as key records with a computed key tag', async () => {
    nock(API)
      .get(`/api/domains/${DOMAIN_ID}/`)
      .reply(
        200,
        domainPayload({
          sec_dns: {
            max_sig_life: null,
            ds_data: null,
            key_data: [{ flags: 256, protocol: 3, algorithm: 5, public_key: RFC4034_PUBLIC_KEY }],
          },
        }),
      );
    expect(await glauca().getDsRecords(DOMAIN_ID)).toEqual([
      {
        keyTag: 60485,
        algorithm: 5,
        digestType: 0,
        digest: '',
        publicKey: RFC4034_PUBLIC_KEY,
        flags: 256,
        protocol: 3,
      },
    ]);
  });

  it('writes DS records as ds_data', async () => {
    const secDns = {
      max_sig_life: null,
      ds_data: [{ key_tag: 1234, algorithm: 13, digest_type: 2, digest: 'ABCDEF01', key_data: null }],
      key_data: null,
    };
    nock(API, { reqheaders: JSON_AUTH })
      .patch(`/api/domains/${DOMAIN_ID}/`, { sec_dns: secDns })
      .reply(200, domainPayload({ sec_dns: secDns }));
    expect(
      await glauca().setDsRecords(DOMAIN_ID, [
        { keyTag: 1234, algorithm: 13, digestType: 2, digest: 'ABCDEF01' },
      ]),
    ).toEqual([{ keyTag: 1234, algorithm: 13, digestType: 2, digest: 'ABCDEF01' }]);
  });

  it('writes key records as key_data', async () => {
    const secDns = {
      max_sig_life: null,
      ds_data: null,
      key_data: [{ flags: 256, protocol: 3, algorithm: 5, public_key: RFC4034_PUBLIC_KEY }],
    };
    nock(API)
      .patch(`/api/domains/${DOMAIN_ID}/`, { sec_dns: secDns })
      .reply(200, domainPayload({ sec_dns: secDns }));
    const records = await glauca().setDsRecords(DOMAIN_ID, [
      {
        keyTag: 0,
        algorithm: 5,
        digestType: 0,
        digest: '',
        publicKey: RFC4034_PUBLIC_KEY,
        flags: 256,
        protocol: 3,
      },
    ]);
    expect(records).toEqual([
      {
        keyTag: 60485,
        algorithm: 5,
        digestType: 0,
        digest: '',
        publicKey: RFC4034_PUBLIC_KEY,
        flags: 256,
        protocol: 3,
      },
    ]);
  });

  it('removes DNSSEC with an empty list (sec_dns: null)', async () => {
    nock(API)
      .patch(`/api/domains/${DOMAIN_ID}/`, { sec_dns: null })
      .reply(200, domainPayload({ sec_dns: null }));
    expect(await glauca().setDsRecords(DOMAIN_ID, [])).toEqual([]);
  });

  it('refuses invalid records before any request', async () => {
    await expect(
      glauca().setDsRecords(DOMAIN_ID, [{ keyTag: 1, algorithm: 13, digestType: 2, digest: 'xyz' }]),
    ).rejects.toThrow(ValidationError);
  });
});

describe('auth codes', () => {
  it('getAuthCode reads auth_info', async () => {
    nock(API).get(`/api/domains/${DOMAIN_ID}/`).reply(200, domainPayload());
    expect(await glauca().getAuthCode(DOMAIN_ID)).toEqual({
      provider: 'glauca',
      domain: 'honey-example.li',
      authCode: 'hT4#mQ9zKp2LwR7a',
      delivery: 'returned',
    });
    nock(API)
      .get(`/api/domains/${DOMAIN_ID}/`)
      .reply(200, domainPayload({ auth_info: null }));
    expect((await glauca().getAuthCode(DOMAIN_ID)).authCode).toBeNull();
  });

  it('regenerateAuthCode PATCHes regen_auth_code and returns the new code', async () => {
    nock(API, { reqheaders: JSON_AUTH })
      .patch(`/api/domains/${DOMAIN_ID}/`, { regen_auth_code: true })
      .reply(200, domainPayload({ auth_info: 'NEWcode123456789' }));
    expect(await glauca().regenerateAuthCode(DOMAIN_ID)).toBe('NEWcode123456789');
  });
});
