import { DnsRecordSchema, ResponseFormatError, ValidationError } from '@registrar-kit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDnsimpleError } from './dnsimple-errors.js';
import {
  contentToDnsimple,
  domainStatus,
  mapDsRecord,
  mapRecord,
  mapRegistration,
  mapTransfer,
  parseTransferId,
  priceOf,
} from './dnsimple-mappers.js';
import { zoneRecordPayload } from './test/dnsimple-fixtures.js';

const record = zoneRecordPayload;

describe('record content', () => {
  it.each([
    ['TXT', '"v=spf1 include:_spf.example.com ~all"', 'v=spf1 include:_spf.example.com ~all'],
    ['TXT', '"I have \\"quoted text\\" here"', 'I have "quoted text" here'],
    ['TXT', '"chunk1" "chunk2"', 'chunk1chunk2'],
    ['TXT', 'legacy unquoted', 'legacy unquoted'],
    ['AAAA', '2001:DB8:0:0:0:0:0:10', '2001:db8::10'],
    ['CNAME', 'Target.Example.NET.', 'target.example.net'],
    ['MX', 'MXA.example.com', 'mxa.example.com'],
    ['SRV', '5 5060 SIP.example.net.', '5 5060 sip.example.net'],
    ['CAA', '0 ISSUE "letsencrypt.org"', '0 issue "letsencrypt.org"'],
    ['CAA', '0 issue letsencrypt.org', '0 issue "letsencrypt.org"'],
  ] as const)('%s %s → %s', (type, wire, model) => {
    expect(mapRecord(record({ type, content: wire }), 'example.com')?.content).toBe(model);
  });

  it('TXT round-trips through the quoted form DNSimple stores, whatever the value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (value) => {
        const stored = record({ type: 'TXT', content: contentToDnsimple('TXT', value) });
        expect(mapRecord(stored, 'example.com')?.content).toBe(value);
      }),
    );
    expect(contentToDnsimple('TXT', 'say "hi" \\o/')).toBe('"say \\"hi\\" \\\\o/"');
    expect(contentToDnsimple('A', '192.0.2.1')).toBe('192.0.2.1');
  });

  it('refuses TXT longer than 1000 characters once quoted', () => {
    expect(() => contentToDnsimple('TXT', 'a'.repeat(998))).not.toThrow();
    expect(() => contentToDnsimple('TXT', 'a'.repeat(999))).toThrow(ValidationError);
  });
});

describe('mapRecord', () => {
  it('maps the apex "" to @ with the zone as fqdn, MX priority kept', () => {
    const mapped = mapRecord(
      record({ name: '', type: 'MX', content: 'mx.example.com', priority: 10 }),
      'example.com',
    );
    expect(mapped).toMatchObject({
      id: '9',
      name: '@',
      fqdn: 'example.com',
      type: 'MX',
      content: 'mx.example.com',
      priority: 10,
    });
    DnsRecordSchema.parse(mapped);
  });

  it('leaves out system records, child records and types outside the model', () => {
    expect(mapRecord(record({ type: 'SOA', system_record: true }), 'example.com')).toBeNull();
    expect(mapRecord(record({ type: 'NS', system_record: true }), 'example.com')).toBeNull();
    expect(mapRecord(record({ type: 'TXT', parent_id: 3 }), 'example.com')).toBeNull();
    expect(mapRecord(record({ type: 'PTR' }), 'example.com')).toBeNull();
    expect(
      mapRecord(record({ type: 'A', content: '192.0.2.1', priority: 5 }), 'example.com')?.priority,
    ).toBeNull();
  });
});

describe('states and ids', () => {
  it.each([
    ['registered', 'active'],
    ['hosted', 'hosted'],
    ['expired', 'expired'],
    ['something-new', 'unknown'],
  ])('domain state %s → %s', (state, status) => {
    expect(domainStatus(state)).toBe(status);
  });

  it('a hosted domain with a registrant is being transferred in (DNSimple has no transfer state)', () => {
    expect(domainStatus('hosted', 2715)).toBe('transferring');
    expect(domainStatus('hosted', null)).toBe('hosted');
    expect(domainStatus('registered', 2715)).toBe('active');
  });

  it.each([
    ['new', 'pending'],
    ['registering', 'pending'],
    ['registered', 'completed'],
    ['failed', 'failed'],
    ['cancelled', 'failed'],
  ])('registration state %s → %s', (state, status) => {
    expect(mapRegistration({ id: 1, state }, 'example.com').status).toBe(status);
  });

  it.each([
    ['new', 'pending'],
    ['transferring', 'in_progress'],
    ['transferred', 'completed'],
    ['failed', 'failed'],
    ['cancelled', 'cancelled'],
  ])('transfer state %s → %s', (state, status) => {
    const transfer = mapTransfer({ id: 7, state, updated_at: '2024-01-02T00:00:00Z' }, 'example.com');
    expect(transfer.status).toBe(status);
    expect(transfer.completedAt).toEqual(status === 'completed' ? new Date('2024-01-02T00:00:00Z') : null);
  });

  it('transfer ids carry the domain', () => {
    expect(parseTransferId('example.com:361', 'getTransfer')).toEqual({ domain: 'example.com', id: '361' });
    for (const bad of ['361', 'example.com', 'example.com:', ':1'])
      expect(() => parseTransferId(bad, 'getTransfer')).toThrow(ValidationError);
  });

  it('maps DS numbers given as strings, and key data', () => {
    expect(
      mapDsRecord({
        id: 1,
        algorithm: '8',
        digest: 'AB',
        digest_type: '2',
        keytag: '44620',
        public_key: null,
      }),
    ).toEqual({
      keyTag: 44620,
      algorithm: 8,
      digestType: 2,
      digest: 'AB',
    });
    expect(
      mapDsRecord({
        id: 1,
        algorithm: '13',
        digest: null,
        digest_type: null,
        keytag: null,
        public_key: 'KEY',
      }),
    ).toEqual({
      keyTag: 0,
      algorithm: 13,
      digestType: 0,
      digest: '',
      publicKey: 'KEY',
    });
  });
});

describe('money', () => {
  it('prices are exact decimal strings in USD; a missing price is a ResponseFormatError', () => {
    const prices = {
      domain: 'a.com',
      premium: false,
      registration_price: 12.9,
      renewal_price: 0.1,
      restore_price: 80,
    };
    expect(priceOf(prices, 'register')).toEqual({ amount: '12.90', currency: 'USD' });
    expect(priceOf(prices, 'renew')).toEqual({ amount: '0.10', currency: 'USD' });
    expect(priceOf(prices, 'restore')).toEqual({ amount: '80.00', currency: 'USD' });
    expect(() => priceOf(prices, 'transfer')).toThrow(ResponseFormatError);
  });
});

describe('parseDnsimpleError', () => {
  it('reads {message, errors} with arrays or plain strings, base as the whole object', () => {
    expect(
      parseDnsimpleError(
        { message: 'Validation failed', errors: { ttl: ['is not a number'], base: ['dup'] } },
        400,
      ),
    ).toEqual({
      message: 'Validation failed (ttl: is not a number; dup)',
      issues: [
        { path: 'ttl', message: 'is not a number' },
        { path: '', message: 'dup' },
      ],
    });
    expect(
      parseDnsimpleError({ message: 'Invalid', errors: { 'x-id': 'invalid number' } }, 400).issues,
    ).toEqual([{ path: 'x-id', message: 'invalid number' }]);
    expect(parseDnsimpleError({ message: 'too early', errors: {} }, 400)).toEqual({ message: 'too early' });
  });

  it('reads batch item errors of creates, updates and deletes', () => {
    expect(
      parseDnsimpleError(
        {
          message: 'Validation failed',
          errors: { updates: [{ index: 0, message: 'Record not found ID=99999999' }] },
        },
        400,
      ).issues,
    ).toEqual([{ path: 'updates.0', message: 'Record not found ID=99999999' }]);
    expect(
      parseDnsimpleError(
        {
          message: 'Validation failed',
          errors: {
            creates: [{ index: 2, message: 'Validation failed', errors: { record_type: ['unsupported'] } }],
          },
        },
        400,
      ).issues,
    ).toEqual([{ path: 'creates.2.record_type', message: 'unsupported' }]);
  });

  it('reads the research body without message, and sets codes for DNSimple-specific statuses', () => {
    expect(parseDnsimpleError({ data: { availability: 'unknown', errors: ['bad name'] } }, 400)).toEqual({
      message: 'bad name',
      issues: [{ path: '', message: 'bad name' }],
    });
    expect(parseDnsimpleError({ message: 'Batch changes are not available' }, 412)).toEqual({
      message: 'Batch changes are not available',
      code: 'plan_feature_required',
    });
    expect(parseDnsimpleError('not an object', 428)).toEqual({ code: 'precondition_required' });
  });
});
