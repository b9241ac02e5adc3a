import { DnsRecordSchema } from '@registrar-kit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentFromWire,
  contentToWire,
  relativeName,
  toDnsRecord,
  toRecordBody,
  toRecordPatchBody,
} from './pocketdns-record-mappers.js';

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

  it('TXT (issue 16 correction): the value goes out as it is, never quoted, and comes back as it is', () => {
    for (const value of ['v=spf1 -all', 'a'.repeat(255), '"quoted by user" plain', '"hello"', 'say "hi"']) {
      expect(toRecordBody({ type: 'TXT', name: '@', content: value })).toEqual({
        type: 'TXT',
        name: '@',
        content: value,
      });
      expect(contentFromWire('TXT', value, null).content).toBe(value);
    }
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 255 }), (value) => {
        const wire = toRecordBody({ type: 'TXT', name: '@', content: value }).content as string;
        expect(contentFromWire('TXT', wire, null).content).toBe(value);
      }),
    );
  });

  it('SRV (issue 16 correction): the create body is the four-part content alone, no priority field', () => {
    expect(
      toRecordBody({
        type: 'SRV',
        name: '_sip._tcp',
        content: '60 5060 sip.example.com',
        priority: 10,
        ttl: 300,
      }),
    ).toEqual({ type: 'SRV', name: '_sip._tcp', content: '10 60 5060 sip.example.com', ttl: 300 });
    expect(
      toRecordBody({ type: 'MX', name: '@', content: 'mail.example.com', priority: 10, ttl: 3600 }),
    ).toEqual({ type: 'MX', name: '@', content: 'mail.example.com', priority: 10, ttl: 3600 });
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
    ).toEqual({ content: '9 1 2 t.example.com' });
    expect(
      toRecordPatchBody({ priority: 20 }, 'SRV', { content: '5 6 old.example.com', priority: 9 }),
    ).toEqual({ content: '20 5 6 old.example.com' });
  });
});
