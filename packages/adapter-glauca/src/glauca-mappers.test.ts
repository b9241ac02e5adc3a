import {
  AvailabilitySchema,
  DnsRecordSchema,
  DomainSchema,
  RegistrationSchema,
  TransferSchema,
  ValidationError,
} from '@registrar-kit/core';
import { describe, expect, it } from 'vitest';
import {
  dnskeyKeyTag,
  dsRecordsFromSecDns,
  glaucaProviderStatus,
  mapDomain,
  mapDomainStatus,
  secDnsFromDsRecords,
} from './glauca-domain-mappers.js';
import {
  mapAvailability,
  mapRegistration,
  mapTransfer,
  orderDomain,
  registrationStatus,
  transferStatus,
} from './glauca-order-mappers.js';
import {
  decodeRecordId,
  encodeRecordId,
  mapRecord,
  mapZoneRecords,
  recordCreateBody,
  recordPatchBody,
} from './glauca-record-mappers.js';
import { GlaucaDomainPayloadSchema, GlaucaOrderSchema, HexZoneSchema } from './glauca-schemas.js';
import {
  DOMAIN_ID,
  domainModel,
  domainPayload,
  orderPayload,
  RECORDS,
  RFC4034_PUBLIC_KEY,
  ZONE_ID,
  zonePayload,
} from './test/glauca-fixtures.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const parseDomain = (overrides: Record<string, unknown> = {}) =>
  GlaucaDomainPayloadSchema.parse(domainPayload(overrides));

describe('mapDomainStatus: the documented table (first match wins)', () => {
  const future = '2030-01-01T00:00:00Z';
  const past = '2025-01-01T00:00:00Z';
  it.each([
    // [statuses, rgp_state, deleted, expiry, expected]
    [['ok'], [], false, future, 'active'],
    [['client_transfer_prohibited', 'client_update_prohibited'], [], false, future, 'active'],
    [['ok'], ['add_grace_period'], false, future, 'active'],
    [['ok'], ['auto_renew_grace_period'], false, past, 'expired'],
    [['inactive'], [], false, future, 'active'],
    [['ok'], [], false, past, 'expired'],
    [['ok'], [], true, future, 'redemption'],
    [['pending_delete'], ['redemption_grace_period'], true, future, 'redemption'],
    [['ok'], ['redemption_grace_period'], false, future, 'redemption'],
    [['ok'], ['pending_restore_grace_period'], false, future, 'redemption'],
    [['pending_delete'], [], false, future, 'pending_delete'],
    [['ok'], ['pending_delete_grace_period'], false, future, 'pending_delete'],
    [['pending_delete', 'pending_transfer'], [], false, past, 'pending_delete'],
    [['pending_transfer'], [], false, future, 'transferring'],
    [['pending_transfer', 'client_hold'], [], false, past, 'transferring'],
    [['pending_create'], [], false, future, 'pending'],
    [['pending_create', 'server_hold'], [], false, future, 'pending'],
    [['client_hold'], [], false, future, 'suspended'],
    [['server_hold'], [], false, past, 'suspended'],
    [['pending_update'], [], false, future, 'active'],
  ] as const)('%j rgp %j deleted %s expiry %s → %s', (statuses, rgp, deleted, expiry, expected) => {
    expect(mapDomainStatus(parseDomain({ statuses, rgp_state: rgp, deleted, expiry }), NOW)).toBe(expected);
  });

  it('a domain without expiry is active, not expired', () => {
    expect(mapDomainStatus(parseDomain({ statuses: ['ok'], expiry: null }), NOW)).toBe('active');
  });

  it('keeps the raw statuses, RGP states and deleted in providerStatus', () => {
    expect(
      glaucaProviderStatus(
        parseDomain({ statuses: ['pending_delete'], rgp_state: ['redemption_grace_period'], deleted: true }),
      ),
    ).toEqual(['pending_delete', 'redemption_grace_period', 'deleted']);
  });
});

describe('mapDomain', () => {
  it('maps the documented domain object field by field', () => {
    const payload = parseDomain();
    const domain = mapDomain(payload, NOW);
    expect(domain).toEqual({
      ...domainModel(),
      raw: payload,
    });
    expect(DomainSchema.parse(domain)).toEqual(domain);
  });

  it('maps an IDN, no transfer lock, no DNSSEC, null dates and host_name name servers', () => {
    const domain = mapDomain(
      parseDomain({
        domain: 'XN--BCHER-KVA.com',
        statuses: ['ok'],
        sec_dns: null,
        created: null,
        last_updated: null,
        name_servers: [
          { host_object: null, host_name: 'ns1.bücher.com', addresses: ['192.0.2.1'] },
          { host_object: null, host_name: null, addresses: null },
        ],
      }),
      NOW,
    );
    expect(domain).toMatchObject({
      name: 'xn--bcher-kva.com',
      unicodeName: 'bücher.com',
      transferLock: false,
      dsRecords: [],
      createdAt: null,
      updatedAt: null,
      nameservers: ['ns1.xn--bcher-kva.com'],
    });
  });
});

describe('sec_dns ↔ DsRecord', () => {
  it('computes the RFC 4034 key tag of a DNSKEY', () => {
    expect(dnskeyKeyTag(256, 3, 5, RFC4034_PUBLIC_KEY)).toBe(60485);
  });

  it('reads ds_data (with and without key data) and key_data', () => {
    expect(
      dsRecordsFromSecDns({
        max_sig_life: null,
        ds_data: [
          { key_tag: 1, algorithm: 13, digest_type: 2, digest: 'AB12', key_data: null },
          {
            key_tag: 2,
            algorithm: 8,
            digest_type: 1,
            digest: 'cd34',
            key_data: { flags: 257, protocol: 3, algorithm: 8, public_key: 'AwEAAQ==' },
          },
        ],
        key_data: null,
      }),
    ).toEqual([
      { keyTag: 1, algorithm: 13, digestType: 2, digest: 'AB12' },
      {
        keyTag: 2,
        algorithm: 8,
        digestType: 1,
        digest: 'cd34',
        publicKey: 'AwEAAQ==',
        flags: 257,
        protocol: 3,
      },
    ]);
    expect(
      dsRecordsFromSecDns({
        max_sig_life: null,
        ds_data: null,
        key_data: [{ flags: 256, protocol: 3, algorithm: 5, public_key: RFC4034_PUBLIC_KEY }],
      }),
    ).toEqual([
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
    expect(dsRecordsFromSecDns(null)).toEqual([]);
  });

  it('writes DS records as ds_data, key records as key_data, nothing as null', () => {
    expect(secDnsFromDsRecords([{ keyTag: 6687, algorithm: 13, digestType: 2, digest: 'ABCDEF' }])).toEqual({
      max_sig_life: null,
      ds_data: [{ key_tag: 6687, algorithm: 13, digest_type: 2, digest: 'ABCDEF', key_data: null }],
      key_data: null,
    });
    expect(
      secDnsFromDsRecords([
        {
          keyTag: 2,
          algorithm: 8,
          digestType: 1,
          digest: 'cd34',
          publicKey: 'AwEAAQ==',
          flags: 257,
          protocol: 3,
        },
      ]),
    ).toEqual({
      max_sig_life: null,
      ds_data: [
        {
          key_tag: 2,
          algorithm: 8,
          digest_type: 1,
          digest: 'cd34',
          key_data: { flags: 257, protocol: 3, algorithm: 8, public_key: 'AwEAAQ==' },
        },
      ],
      key_data: null,
    });
    expect(
      secDnsFromDsRecords([
        {
          keyTag: 60485,
          algorithm: 5,
          digestType: 0,
          digest: '',
          publicKey: RFC4034_PUBLIC_KEY,
          flags: 256,
          protocol: 3,
        },
      ]),
    ).toEqual({
      max_sig_life: null,
      ds_data: null,
      key_data: [{ flags: 256, protocol: 3, algorithm: 5, public_key: RFC4034_PUBLIC_KEY }],
    });
    expect(secDnsFromDsRecords([])).toBeNull();
  });

  it('refuses mixed forms, bad digests, incomplete keys and out-of-range numbers, naming each', () => {
    const mixed = () =>
      secDnsFromDsRecords([
        { keyTag: 1, algorithm: 13, digestType: 2, digest: 'AB' },
        {
          keyTag: 2,
          algorithm: 13,
          digestType: 0,
          digest: '',
          publicKey: 'AwEAAQ==',
          flags: 257,
          protocol: 3,
        },
      ]);
    expect(mixed).toThrow(ValidationError);
    expect(mixed).toThrow(/either DS records/);
    try {
      secDnsFromDsRecords([
        { keyTag: 70000, algorithm: 13, digestType: 2, digest: 'AB' },
        { keyTag: 1, algorithm: 13, digestType: 2, digest: 'not hex' },
        { keyTag: 1, algorithm: 13, digestType: 0, digest: '' },
        { keyTag: 1, algorithm: 13, digestType: 0, digest: '', publicKey: '***' },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
        'records.0.keyTag',
        'records.1.digest',
        'records.2.digest',
        'records.3.publicKey',
        'records.3.flags',
        'records.3.protocol',
      ]);
    }
  });
});

describe('checks and orders', () => {
  it.each([
    [
      { domain: 'a.com', available: true, reason: null, price: '8.99' },
      true,
      'available',
      { amount: '8.99', currency: 'GBP' },
    ],
    [{ domain: 'a.com', available: false, reason: 'In use', price: null }, false, 'registered', null],
    [
      { domain: 'a.aa', available: false, reason: 'Unsupported or invalid domain', price: null },
      false,
      'unregistrable',
      null,
    ],
    [
      { domain: 'a.com', available: false, reason: 'Invalid period for domain', price: null },
      false,
      'unknown',
      null,
    ],
    [{ domain: 'a.com', available: false, reason: null, price: null }, false, 'registered', null],
  ] as const)('check %j → %s %s', (result, available, status, price) => {
    const availability = mapAvailability(result, 'a.com');
    expect(availability).toEqual({
      provider: 'glauca',
      domain: 'a.com',
      available,
      status,
      premium: false,
      price,
      reason: result.reason,
      suggestions: [],
      providerStatus: result.reason === null ? [] : [result.reason],
      raw: result,
    });
    AvailabilitySchema.parse(availability);
  });

  it.each([
    ['pending', 'pending', 'pending'],
    ['started', 'pending', 'pending'],
    ['needs_payment', 'pending', 'in_progress'],
    ['processing', 'pending', 'in_progress'],
    ['pending_approval', 'pending', 'in_progress'],
    ['completed', 'completed', 'completed'],
    ['failed', 'failed', 'failed'],
    ['unknown', 'pending', 'pending'],
  ] as const)('order state %s → registration %s, transfer %s', (state, registration, transfer) => {
    expect(registrationStatus(state)).toBe(registration);
    expect(transferStatus(state)).toBe(transfer);
  });

  it('maps a registration order, price as an exact GBP decimal', () => {
    const order = GlaucaOrderSchema.parse(
      orderPayload('registration', { state: 'completed', price: 1200.5 }),
    );
    const registration = mapRegistration(order, orderDomain(order, 'getRegistration'));
    expect(registration).toEqual({
      provider: 'glauca',
      id: 'domains_domainregistrationorder_4717d5b516e0461d8d9d650bc03e7a5c',
      domain: 'honey-example.li',
      status: 'completed',
      cost: { amount: '1200.50', currency: 'GBP' },
      raw: order,
    });
    RegistrationSchema.parse(registration);
  });

  it('maps a transfer order with domain_id, never domain_obj (which holds the order id)', () => {
    const order = GlaucaOrderSchema.parse(orderPayload('transfer', { state: 'pending_approval' }));
    const transfer = mapTransfer(order, orderDomain(order, 'getTransfer'));
    expect(transfer).toEqual({
      provider: 'glauca',
      id: 'domains_domaintransferorder_9b1e0c2d3f4a5b6c7d8e9f0a1b2c3d4e',
      domain: 'honey-example.li',
      status: 'in_progress',
      domainId: DOMAIN_ID,
      startedAt: new Date('2025-06-02T10:01:07.551Z'),
      completedAt: null,
      estimatedCompletion: null,
      cost: { amount: '8.99', currency: 'GBP' },
      raw: order,
    });
    TransferSchema.parse(transfer);
  });
});

describe('HexDNS records', () => {
  it('maps every embedded per-type array of a zone, skipping types the model lacks', () => {
    const zone = HexZoneSchema.parse(zonePayload());
    const records = mapZoneRecords(zone);
    expect(records.map((r) => [r.id, r.type, r.name, r.fqdn, r.content, r.priority, r.ttl])).toEqual([
      [`a:${RECORDS.a.id}`, 'A', '@', 'example.com', '192.0.2.1', null, 3600],
      [`aaaa:${RECORDS.aaaa.id}`, 'AAAA', 'www', 'www.example.com', '2001:db8::1', null, 300],
      [`alias:${RECORDS.aname.id}`, 'ALIAS', '@', 'example.com', 'lb.example.net', null, 3600],
      [`cname:${RECORDS.cname.id}`, 'CNAME', 'blog', 'blog.example.com', 'blog.example.net', null, 3600],
      [`mx:${RECORDS.mx.id}`, 'MX', '@', 'example.com', 'mail.example.com', 10, 3600],
      [`ns:${RECORDS.ns.id}`, 'NS', 'sub', 'sub.example.com', 'ns1.other.net', null, 86400],
      [`txt:${RECORDS.txt.id}`, 'TXT', '@', 'example.com', RECORDS.txt.data, null, 3600],
      [
        `srv:${RECORDS.srv.id}`,
        'SRV',
        '_sip._tcp',
        '_sip._tcp.example.com',
        '60 5060 sip.example.com',
        10,
        3600,
      ],
      [`caa:${RECORDS.caa.id}`, 'CAA', '@', 'example.com', '0 issue "letsencrypt.org"', null, 3600],
    ]);
    for (const record of records) DnsRecordSchema.parse(record);
    expect(records[0]).toEqual({
      provider: 'glauca',
      id: `a:${RECORDS.a.id}`,
      domain: 'example.com',
      name: '@',
      fqdn: 'example.com',
      type: 'A',
      content: '192.0.2.1',
      ttl: 3600,
      priority: null,
      createdAt: null,
      updatedAt: null,
      raw: RECORDS.a,
    });
  });

  it('reads absolute record names and escapes quotes in CAA values', () => {
    const record = mapRecord(
      'caa',
      {
        id: 'x',
        zone: ZONE_ID,
        record_name: 'WWW.example.com.',
        ttl: 60,
        flag: 128,
        tag: 'IODEF',
        value: 'say "hi"',
      },
      'Example.COM',
    );
    expect(record).toMatchObject({
      name: 'www',
      fqdn: 'www.example.com',
      domain: 'example.com',
      content: '128 iodef "say \\"hi\\""',
    });
    expect(
      mapRecord(
        'srv',
        {
          id: 'y',
          zone: ZONE_ID,
          record_name: '_x._udp',
          ttl: 60,
          priority: 0,
          weight: 0,
          port: 0,
          target: '.',
        },
        'example.com',
      ).content,
    ).toBe('0 0 .');
  });

  it('encodes the type into the id and decodes typed and bare HexDNS ids', () => {
    expect(encodeRecordId('MX', 'hexdns_zonemxrecord_1')).toBe('mx:hexdns_zonemxrecord_1');
    expect(decodeRecordId('mx:hexdns_zonemxrecord_1')).toEqual({
      kind: 'mx',
      hexId: 'hexdns_zonemxrecord_1',
    });
    expect(decodeRecordId('aaaa:x')).toEqual({ kind: 'address', hexId: 'x' });
    expect(decodeRecordId('alias:x')).toEqual({ kind: 'aname', hexId: 'x' });
    expect(decodeRecordId('hexdns_zonesrvrecord_abc')).toEqual({
      kind: 'srv',
      hexId: 'hexdns_zonesrvrecord_abc',
    });
    expect(decodeRecordId('ptr:x')).toBeNull();
    expect(decodeRecordId('mx:')).toBeNull();
    expect(decodeRecordId('12345')).toBeNull();
  });

  it.each([
    [
      { type: 'A', name: 'www', content: '192.0.2.7', ttl: 300, priority: null },
      'address',
      { zone: ZONE_ID, record_name: 'www', address: '192.0.2.7', ttl: 300 },
    ],
    [
      { type: 'AAAA', name: '@', content: '2001:db8::1', priority: null },
      'address',
      { zone: ZONE_ID, record_name: '@', address: '2001:db8::1' },
    ],
    [
      { type: 'CNAME', name: 'blog', content: 'example.net', priority: null },
      'cname',
      { zone: ZONE_ID, record_name: 'blog', alias: 'example.net' },
    ],
    [
      { type: 'ALIAS', name: '@', content: 'lb.example.net', priority: null },
      'aname',
      { zone: ZONE_ID, record_name: '@', alias: 'lb.example.net' },
    ],
    [
      { type: 'MX', name: '@', content: 'mail.example.com', priority: 10 },
      'mx',
      { zone: ZONE_ID, record_name: '@', exchange: 'mail.example.com', priority: 10 },
    ],
    [
      { type: 'NS', name: 'sub', content: 'ns1.other.net', priority: null },
      'ns',
      { zone: ZONE_ID, record_name: 'sub', nameserver: 'ns1.other.net' },
    ],
    [
      { type: 'TXT', name: '@', content: 'v=spf1 -all', priority: null },
      'txt',
      { zone: ZONE_ID, record_name: '@', data: 'v=spf1 -all' },
    ],
    [
      { type: 'SRV', name: '_sip._tcp', content: '60 5060 sip.example.com', priority: 10 },
      'srv',
      {
        zone: ZONE_ID,
        record_name: '_sip._tcp',
        priority: 10,
        weight: 60,
        port: 5060,
        target: 'sip.example.com',
      },
    ],
    [
      { type: 'CAA', name: '@', content: '0 issue "say \\"hi\\""', priority: null },
      'caa',
      { zone: ZONE_ID, record_name: '@', flag: 0, tag: 'issue', value: 'say "hi"' },
    ],
  ] as const)('create body of %j', (input, kind, body) => {
    expect(recordCreateBody(input, ZONE_ID)).toEqual({ kind, body });
  });

  it('sends auto_reverse for address records only when configured', () => {
    expect(
      recordCreateBody({ type: 'A', name: '@', content: '192.0.2.1' }, ZONE_ID, { autoReverse: false }).body,
    ).toEqual({ zone: ZONE_ID, record_name: '@', address: '192.0.2.1', auto_reverse: false });
    expect(
      recordCreateBody({ type: 'TXT', name: '@', content: 'x' }, ZONE_ID, { autoReverse: false }).body,
    ).toEqual({ zone: ZONE_ID, record_name: '@', data: 'x' });
  });

  it('builds PATCH bodies with only the changed fields', () => {
    expect(recordPatchBody('SRV', { content: '1 443 host.example.com' })).toEqual({
      weight: 1,
      port: 443,
      target: 'host.example.com',
    });
    expect(recordPatchBody('MX', { priority: 20, ttl: 60, name: 'mail' })).toEqual({
      record_name: 'mail',
      priority: 20,
      ttl: 60,
    });
    expect(recordPatchBody('A', { content: '192.0.2.9' })).toEqual({ address: '192.0.2.9' });
  });
});
