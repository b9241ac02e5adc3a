import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../model/dns-record.js';
import { canonicalIPv6 } from '../validation/ip-address.js';
import { isEmptyPlan, planRecords } from './plan-records.js';
import { record } from './test-records.js';
import { parseZoneFile } from './zone-file-parse.js';
import { printZoneFile, quoteCharacterString } from './zone-file-print.js';

describe('printZoneFile', () => {
  it('prints $ORIGIN, $TTL and aligned, sorted columns with absolute targets', () => {
    const text = printZoneFile(
      [
        record('www', 'CNAME', 'example.com', { ttl: 300 }),
        record('@', 'MX', 'mail.example.com', { priority: 10 }),
        record('@', 'A', '192.0.2.1'),
        record('_sip._tcp', 'SRV', '5 5060 sip.example.net', { priority: 1 }),
        record('@', 'CAA', '0 issue "letsencrypt.org"'),
        record('@', 'TXT', 'v=spf1 -all'),
        record('ns', 'NS', 'ns1.example.net'),
      ],
      { origin: 'Example.com.' },
    );
    expect(text).toBe(
      [
        '$ORIGIN example.com.',
        '$TTL 3600',
        '@             IN A     192.0.2.1',
        '@             IN MX    10 mail.example.com.',
        '@             IN TXT   "v=spf1 -all"',
        '@             IN CAA   0 issue "letsencrypt.org"',
        '_sip._tcp     IN SRV   1 5 5060 sip.example.net.',
        'ns            IN NS    ns1.example.net.',
        'www       300 IN CNAME example.com.',
        '',
      ].join('\n'),
    );
  });

  it('splits long TXT values into quoted 255-byte strings and escapes', () => {
    const value = `${'a'.repeat(300)}"\\\n;`;
    const text = printZoneFile([{ type: 'TXT', name: 'long', content: value, ttl: 60 }], {
      origin: 'example.com',
    });
    const line = text.split('\n')[2] as string;
    expect(line).toBe(`long IN TXT "${'a'.repeat(255)}" "${'a'.repeat(45)}\\"\\\\\\010;"`);
    expect(parseZoneFile(text).records).toEqual([{ type: 'TXT', name: 'long', content: value, ttl: 60 }]);
  });

  it('takes the $TTL from the options, relativizes absolute names and keeps records without TTL', () => {
    const text = printZoneFile(
      [
        { type: 'A', name: 'WWW.example.com.', content: '192.0.2.1', ttl: 60 },
        { type: 'A', name: 'example.com.', content: '192.0.2.2' },
        { type: 'A', name: 'other.example.org.', content: '192.0.2.3', ttl: 300 },
        { type: 'A', name: '', content: '192.0.2.4', ttl: 300 },
      ],
      { origin: 'example.com', ttl: 300 },
    );
    expect(text.split('\n')).toEqual([
      '$ORIGIN example.com.',
      '$TTL 300',
      '@                     IN A 192.0.2.2',
      '@                     IN A 192.0.2.4',
      'other.example.org.    IN A 192.0.2.3',
      'www                60 IN A 192.0.2.1',
      '',
    ]);
  });

  it('prints no $TTL when no record has one, and a malformed SRV as it is', () => {
    const text = printZoneFile(
      [
        { type: 'SRV', name: '_x._tcp', content: 'odd', priority: 1 },
        { type: 'MX', name: '@', content: '@', priority: 0 },
      ],
      { origin: 'example.com' },
    );
    expect(text).toBe('$ORIGIN example.com.\n@       IN MX  0 @\n_x._tcp IN SRV 1 odd\n');
  });

  it('quotes character-strings', () => {
    expect(quoteCharacterString('a"b\\c\u0000\u007fé')).toBe('"a\\"b\\\\c\\000\\127é"');
  });
});

// Arbitraries for valid, canonical records.
const label = fc.stringMatching(/^[a-z0-9_](?:[a-z0-9_-]{0,10}[a-z0-9_])?$/);
const relativeName = fc.oneof(
  fc.constant('@'),
  label,
  fc.tuple(label, label).map(([a, b]) => `${a}.${b}`),
  label.map((l) => `*.${l}`),
);
const hostLabel = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
const host = fc
  .tuple(hostLabel, fc.constantFrom('example.com', 'example.net', 'sub.example.org'))
  .map(([a, zone]) => `${a}.${zone}`);
const ttl = fc.integer({ min: 0, max: 2_147_483_647 });
const uint16 = fc.integer({ min: 0, max: 65535 });
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'));
const ipv6 = fc.ipV6().map((ip) => canonicalIPv6(ip) as string);
const caaValue = fc.stringMatching(/^[a-zA-Z0-9.:;=@/ -]{0,30}$/);

const validRecord: fc.Arbitrary<DnsRecordInput> = fc.oneof(
  fc.record({ type: fc.constant('A' as const), name: relativeName, content: ipv4, ttl }),
  fc.record({ type: fc.constant('AAAA' as const), name: relativeName, content: ipv6, ttl }),
  fc.record({
    type: fc.constant('CNAME' as const),
    name: relativeName.filter((n) => n !== '@'),
    content: host,
    ttl,
  }),
  fc.record({ type: fc.constant('NS' as const), name: relativeName, content: host, ttl }),
  fc.record({ type: fc.constant('ALIAS' as const), name: relativeName, content: host, ttl }),
  fc.record({ type: fc.constant('MX' as const), name: relativeName, content: host, ttl, priority: uint16 }),
  fc.record({
    type: fc.constant('SRV' as const),
    name: relativeName,
    content: fc.tuple(uint16, uint16, fc.oneof(host, fc.constant('.'))).map((parts) => parts.join(' ')),
    ttl,
    priority: uint16,
  }),
  fc.record({
    type: fc.constant('CAA' as const),
    name: relativeName,
    content: fc
      .tuple(fc.nat(255), fc.constantFrom('issue', 'issuewild', 'iodef'), caaValue)
      .map(([flags, tag, value]) => `${flags} ${tag} "${value}"`),
    ttl,
  }),
  fc.record({
    type: fc.constant('TXT' as const),
    name: relativeName,
    content: fc.string({ unit: 'binary', maxLength: 700 }),
    ttl,
  }),
);

const sortKey = (r: DnsRecordInput) => JSON.stringify([r.name, r.type, r.priority ?? null, r.content, r.ttl]);
const sorted = (records: DnsRecordInput[]) => [...records].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));

describe('zone file round trips', () => {
  it('property: print then parse gives the same records', () => {
    fc.assert(
      fc.property(
        fc.array(validRecord, { maxLength: 25 }),
        fc.option(ttl, { nil: undefined }),
        (records, defaultTtl) => {
          const text = printZoneFile(records, { origin: 'example.com', ttl: defaultTtl });
          const parsed = parseZoneFile(text);
          expect(parsed.origin).toBe('example.com');
          expect(parsed.skipped).toEqual([]);
          const expected = records.map(({ priority, ...rest }) =>
            rest.type === 'MX' || rest.type === 'SRV' ? { ...rest, priority } : rest,
          );
          expect(sorted(parsed.records)).toEqual(sorted(expected));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: export → parse → plan against the same records is empty', () => {
    // A record set holds each record once, so the zone has no duplicates.
    const zone = fc.uniqueArray(validRecord, {
      maxLength: 20,
      selector: (r) => JSON.stringify([r.name, r.type, r.priority ?? null, r.content]),
    });
    fc.assert(
      fc.property(zone, (inputs) => {
        const current = inputs.map((input) =>
          record(input.name, input.type, input.content, { ttl: input.ttl, priority: input.priority ?? null }),
        );
        const parsed = parseZoneFile(printZoneFile(current, { origin: 'example.com' }));
        expect(isEmptyPlan(planRecords(current, parsed.records, { purge: true }))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('parses a printed file with a different origin option to the same names', () => {
    const records: DnsRecordInput[] = [{ type: 'A', name: 'www', content: '192.0.2.1', ttl: 60 }];
    const text = printZoneFile(records, { origin: 'example.com' });
    expect(parseZoneFile(text, { origin: 'example.com.' }).records).toEqual(records);
  });
});
