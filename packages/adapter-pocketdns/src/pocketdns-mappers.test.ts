import { DnsRecordSchema, DomainSchema } from '@registrar-kit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentFromWire,
  contentToWire,
  relativeName,
  toDnsRecord,
  toDomain,
  toDomainStatus,
  toRecordPatchBody,
  txtToWire,
} from './pocketdns-mappers.js';
import { DETAIL, DETAIL_MODEL } from './pocketdns-test-helpers.js';

describe('domains', () => {
  it('maps the documented states; anything else is unknown', () => {
    expect(['active', 'pending', 'expired', 'suspended', 'Active', 'deleted'].map(toDomainStatus)).toEqual([
      'active',
      'pending',
      'expired',
      'suspended',
      'active',
      'unknown',
    ]);
  });

  it('the detail example satisfies the model schema', () => {
    const domain = toDomain(DETAIL as never);
    expect(domain).toEqual(DETAIL_MODEL);
    expect(DomainSchema.parse(domain)).toBeTruthy();
  });

  it('names and name servers in the model form', () => {
    const domain = toDomain({ ...DETAIL, name: 'Bücher.COM.', nameservers: ['NS1.PocketDNS.com.'] } as never);
    expect(domain).toMatchObject({
      name: 'xn--bcher-kva.com',
      unicodeName: 'bücher.com',
      nameservers: ['ns1.pocketdns.com'],
    });
  });
});

describe('record content', () => {
  it('SRV: PocketDNS four-part content ↔ the model three-part content with priority', () => {
    expect(contentFromWire('SRV', '10 60 5060 Sip.Example.com.', null)).toEqual({
      content: '60 5060 sip.example.com',
      priority: 10,
    });
    expect(contentFromWire('SRV', '60 5060 sip.example.com', 7)).toEqual({
      content: '60 5060 sip.example.com',
      priority: 7,
    });
    expect(contentToWire('SRV', '60 5060 sip.example.com', 10)).toBe('10 60 5060 sip.example.com');
  });

  it('SRV round-trips for any numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 65535 }),
        fc.integer({ min: 0, max: 65535 }),
        fc.integer({ min: 0, max: 65535 }),
        (p, w, port) => {
          const model = `${w} ${port} t.example.com`;
          expect(contentFromWire('SRV', contentToWire('SRV', model, p), null)).toEqual({
            content: model,
            priority: p,
          });
        },
      ),
    );
  });

  it('TXT: plain up to 255 bytes, quoted strings beyond (and for values that start with a quote or are empty); read back unquoted', () => {
    expect(txtToWire('v=spf1 -all')).toBe('v=spf1 -all');
    expect(txtToWire('a'.repeat(255))).toBe('a'.repeat(255));
    expect(txtToWire('a'.repeat(256))).toBe(`"${'a'.repeat(255)}" "a"`);
    expect(txtToWire('"quoted"')).toBe('"\\"quoted\\""');
    expect(txtToWire('')).toBe('""');
    fc.assert(
      fc.property(fc.string({ maxLength: 700 }), (value) => {
        expect(contentFromWire('TXT', txtToWire(value), null).content).toBe(value);
      }),
    );
  });

  it('IPs and hosts canonical', () => {
    expect(contentFromWire('AAAA', '2001:DB8:0:0:0:0:0:1', null).content).toBe('2001:db8::1');
    expect(contentFromWire('CNAME', 'Target.Example.NET.', null).content).toBe('target.example.net');
    expect(contentFromWire('MX', 'mx.example.com', 5)).toEqual({ content: 'mx.example.com', priority: 5 });
    expect(contentFromWire('A', '192.0.2.1', 3)).toEqual({ content: '192.0.2.1', priority: null });
  });

  it('names relative to the zone', () => {
    expect(relativeName('@', 'example.com')).toBe('@');
    expect(relativeName('', 'example.com')).toBe('@');
    expect(relativeName('WWW', 'example.com')).toBe('www');
    expect(relativeName('example.com.', 'example.com')).toBe('@');
    expect(relativeName('a.b.example.com.', 'example.com')).toBe('a.b');
  });

  it('toDnsRecord leaves out SOA and types outside the model; output satisfies the schema', () => {
    expect(toDnsRecord({ id: 'r', type: 'SOA', name: '@', content: 'x' }, 'example.com')).toBeNull();
    expect(toDnsRecord({ id: 'r', type: 'PTR', name: '@', content: 'x' }, 'example.com')).toBeNull();
    const record = toDnsRecord(
      { id: 'r', type: 'mx', name: 'mail', content: 'MX.example.com' },
      'example.com',
      { priority: 5, ttl: 3600 },
    );
    expect(record).toMatchObject({
      type: 'MX',
      name: 'mail',
      fqdn: 'mail.example.com',
      priority: 5,
      ttl: 3600,
    });
    expect(DnsRecordSchema.parse(record)).toBeTruthy();
  });

  it('patch bodies hold only the provided fields', () => {
    expect(toRecordPatchBody({ ttl: 600 }, undefined)).toEqual({ ttl: 600 });
    expect(toRecordPatchBody({ content: '192.0.2.2' }, 'A')).toEqual({ content: '192.0.2.2' });
    expect(
      toRecordPatchBody({ content: '1 2 t.example.com' }, 'SRV', {
        content: '5 6 old.example.com',
        priority: 9,
      }),
    ).toEqual({ content: '9 1 2 t.example.com', priority: 9 });
  });
});
