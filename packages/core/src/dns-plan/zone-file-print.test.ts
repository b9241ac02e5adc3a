import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DnsRecordInput } from '../model/dns-record.js';
import { canonicalIPv6 } from '../validation/ip-address.js';
import { isEmptyPlan, planRecords } from './plan-records.js';
import { record } from './test-records.js';
import { parseZoneFile } from './zone-file-parse.js';
import { printZoneFile, printZoneFileChunks, quoteCharacterString } from './zone-file-print.js';

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

  it('orders records of the same name, type and priority by their printed data', () => {
    const text = printZoneFile(
      [
        record('@', 'TXT', 'zeta'),
        record('@', 'MX', 'mx2.example.com', { priority: 10 }),
        record('@', 'A', '192.0.2.9'),
        record('@', 'TXT', 'alpha'),
        record('@', 'MX', 'mx1.example.com', { priority: 10 }),
        record('@', 'A', '192.0.2.10'),
        record('@', 'MX', 'mx9.example.com', { priority: 5 }),
      ],
      { origin: 'example.com' },
    );
    expect(text.split('\n').slice(2, -1)).toEqual([
      '@ IN A   192.0.2.10',
      '@ IN A   192.0.2.9',
      '@ IN MX  5 mx9.example.com.',
      '@ IN MX  10 mx1.example.com.',
      '@ IN MX  10 mx2.example.com.',
      '@ IN TXT "alpha"',
      '@ IN TXT "zeta"',
    ]);
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
    expect(text).toBe('$ORIGIN example.com.\n@       IN MX  0 example.com.\n_x._tcp IN SRV 1 odd\n');
  });

  it('prints any number of records (no argument spreading): 130,000 records', () => {
    const records: DnsRecordInput[] = Array.from({ length: 130_000 }, (_, i) => ({
      type: 'A',
      name: `host${i}`,
      content: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      ttl: i % 2 === 0 ? 300 : 60,
    }));
    const text = printZoneFile(records, { origin: 'example.com' });
    expect(text.split('\n')).toHaveLength(130_000 + 3);
    expect(parseZoneFile(text).records).toHaveLength(130_000);
  });

  it('escapes a CAA value whatever it holds, so its own parser reads it back (issue 14 item 13)', () => {
    // Not validated: printZoneFile writes what a caller gives it in a readable file all the same.
    const text = printZoneFile([{ type: 'CAA', name: '@', content: '0 issue "ca.example\n;(x)"', ttl: 60 }], {
      origin: 'example.com',
    });
    expect(text).toBe('$ORIGIN example.com.\n$TTL 60\n@ IN CAA 0 issue "ca.example\\010;(x)"\n');
    expect(parseZoneFile(text).records).toEqual([
      { type: 'CAA', name: '@', content: '0 issue "ca.example\\010;(x)"', ttl: 60 },
    ]);
  });

  it('escapes fields of records that do not validate, so the file stays readable', () => {
    const text = printZoneFile([{ type: 'A', name: 'a b;c', content: '1 2', ttl: 60 }], {
      origin: 'example.com',
    });
    expect(text).toBe('$ORIGIN example.com.\n$TTL 60\na\\032b\\;c IN A 1\\0322\n');
  });

  it('printZoneFileChunks yields the text printZoneFile returns, in whole lines of about 64 KB', () => {
    const records: DnsRecordInput[] = Array.from({ length: 6_000 }, (_, i) => ({
      type: i % 3 === 0 ? 'TXT' : 'A',
      name: `host${i % 2_000}`,
      content:
        i % 3 === 0
          ? `v=spf1 ip4:10.0.${(i >> 8) & 255}.${i & 255} -all`
          : `10.1.${(i >> 8) & 255}.${i & 255}`,
      ttl: i % 5 === 0 ? 300 : 3600,
    }));
    const chunks = [...printZoneFileChunks(records, { origin: 'example.com' })];
    expect(chunks.join('')).toBe(printZoneFile(records, { origin: 'example.com' }));
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.endsWith('\n')).toBe(true);
      expect(chunk.length).toBeLessThan(64 * 1024 + 200);
    }
    expect(chunks[0]?.startsWith('$ORIGIN example.com.\n$TTL 3600\nhost0 ')).toBe(true);
  });

  it('printZoneFileChunks of no records yields the $ORIGIN line alone', () => {
    expect([...printZoneFileChunks([], { origin: 'example.com.' })]).toEqual(['$ORIGIN example.com.\n']);
    expect(printZoneFile([], { origin: 'example.com.' })).toBe('$ORIGIN example.com.\n');
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

/**
 * Records as a zone can hold them (RFC 2181 §5.2, RFC 1034 §3.6.2): each record once, one TTL per
 * record set (the first one's), and a CNAME alone at its name.
 */
function asZone(records: DnsRecordInput[]): DnsRecordInput[] {
  const ttls = new Map<string, number | undefined>();
  const seen = new Set<string>();
  const typesAt = new Map<string, Set<string>>();
  for (const r of records) {
    const types = typesAt.get(r.name) ?? new Set<string>();
    types.add(r.type);
    typesAt.set(r.name, types);
  }
  const out: DnsRecordInput[] = [];
  for (const r of records) {
    const types = typesAt.get(r.name) as Set<string>;
    if (r.type === 'CNAME' && types.size > 1) continue;
    const key = JSON.stringify([r.name, r.type, r.priority ?? null, r.content]);
    if (r.type === 'CNAME' ? ttls.has(`${r.name} CNAME`) : seen.has(key)) continue;
    seen.add(key);
    const set = `${r.name} ${r.type}`;
    if (!ttls.has(set)) ttls.set(set, r.ttl);
    out.push({ ...r, ttl: ttls.get(set) });
  }
  return out;
}

describe('zone file round trips', () => {
  it('property: print then parse gives the same records', () => {
    fc.assert(
      fc.property(
        fc.array(validRecord, { maxLength: 25 }).map(asZone),
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
          // Parse → print → parse is stable too.
          expect(
            sorted(parseZoneFile(printZoneFile(parsed.records, { origin: 'example.com' })).records),
          ).toEqual(sorted(parsed.records));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: export → parse → plan against the same records is empty', () => {
    fc.assert(
      fc.property(fc.array(validRecord, { maxLength: 20 }).map(asZone), (inputs) => {
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
