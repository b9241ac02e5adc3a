import { ResponseFormatError } from '@registrar-kit/core';
import { describe, expect, it } from 'vitest';
import { contentFields, toDnsRecord, toRelative } from './cloudflare-record-mappers.js';

const ZONE = 'example.com';
const base = {
  id: 'a'.repeat(32),
  ttl: 1,
  created_on: '2026-01-01T05:20:00.123450Z',
  modified_on: '2026-01-02T00:00:00Z',
};

describe('Cloudflare record mapping', () => {
  it('turns FQDNs into relative names and refuses names outside the zone', () => {
    expect(toRelative('Example.com', ZONE)).toBe('@');
    expect(toRelative('_sip._tcp.example.com', ZONE)).toBe('_sip._tcp');
    expect(toRelative('*.example.com', ZONE)).toBe('*');
    expect(() => toRelative('example.net', ZONE)).toThrow(ResponseFormatError);
    expect(() => toRelative('bad/label.example.com', ZONE)).toThrow(ResponseFormatError);
  });

  it('reads SRV and CAA from data, TXT quoted or not, automatic TTL as 300 s', () => {
    expect(
      toDnsRecord(
        {
          ...base,
          type: 'SRV',
          name: '_xmpp._tcp.example.com',
          content: '5 5223 server.example.com',
          priority: 10,
          data: { priority: 10, weight: 5, port: 5223, target: 'Server.Example.com.' },
        },
        ZONE,
      ),
    ).toEqual({
      provider: 'cloudflare',
      id: 'a'.repeat(32),
      domain: ZONE,
      name: '_xmpp._tcp',
      fqdn: '_xmpp._tcp.example.com',
      type: 'SRV',
      content: '5 5223 server.example.com',
      ttl: 300,
      priority: 10,
      createdAt: new Date('2026-01-01T05:20:00.123Z'),
      updatedAt: new Date('2026-01-02T00:00:00Z'),
      raw: expect.objectContaining({ ttl: 1 }),
    });
    const caa = toDnsRecord(
      {
        ...base,
        type: 'CAA',
        name: ZONE,
        content: '0 issue "x"',
        data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' },
      },
      ZONE,
    );
    expect(caa).toMatchObject({ content: '0 issue "letsencrypt.org"', priority: null });
    const txt = (content: string) =>
      toDnsRecord({ ...base, type: 'TXT', name: ZONE, content }, ZONE)!.content;
    expect(txt('"v=spf1 " "-all"')).toBe('v=spf1 -all');
    expect(txt('v=spf1 -all')).toBe('v=spf1 -all');
    expect(toDnsRecord({ ...base, type: 'HTTPS', name: ZONE, content: '1 . alpn="h2"' }, ZONE)).toBeNull();
  });

  it('writes SRV and CAA as data and TXT as quoted 255-byte strings', () => {
    expect(contentFields('SRV', '5 5060 sip.example.net', 10)).toEqual({
      data: { priority: 10, weight: 5, port: 5060, target: 'sip.example.net' },
    });
    expect(contentFields('CAA', '128 iodef "mailto:security@example.com"', null)).toEqual({
      data: { flags: 128, tag: 'iodef', value: 'mailto:security@example.com' },
    });
    expect(contentFields('TXT', 'say "hi"', null)).toEqual({ content: '"say \\"hi\\""' });
    expect(contentFields('TXT', 'é'.repeat(130), null)).toEqual({
      content: `"${'é'.repeat(127)}" "${'é'.repeat(3)}"`,
    });
  });
});
