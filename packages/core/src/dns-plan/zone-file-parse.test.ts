import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/error-classes.js';
import type { DnsRecordInput } from '../model/dns-record.js';
import { parseTtl, parseZoneFile, type ZoneFileParseOptions } from './zone-file-parse.js';
import { printZoneFile } from './zone-file-print.js';

const ZONE = `; example zone
$ORIGIN Example.COM.
$TTL 1h
@   IN  SOA ns1.example.com. hostmaster.example.com. (
        2024010101 ; serial
        7200       ; refresh
        3600 1209600 300 )
@        IN NS    ns1.example.com.
         IN NS    ns2.provider.net.
@        IN A     192.0.2.1
www  300 IN A     192.0.2.2
api   IN 600 AAAA  2001:0DB8::0001
mail.example.com. A 192.0.2.3
@        MX 10 mail
@        MX 20 backup.example.net.
blog     CNAME @
_sip._tcp 60 IN SRV 10 5 5060 sip.example.com.
_null._tcp  SRV 0 0 0 .
@        CAA 0 issue "letsencrypt.org"
@        CAA 128 iodef "mailto:security@example.com"
@        TXT "v=spf1 include:_spf.example.com ~all" ; trailing comment
sel._domainkey TXT ( "v=DKIM1; k=rsa; "
                     "p=MIGfMA0GCSq" )
quote    TXT "say \\"hi\\"; a \\\\ backslash" "\\065\\066C"
bare     TXT hello world
empty    TXT ""
alias    ALIAS target.example.net.
ptr      PTR host.example.com.
`;

describe('parseZoneFile', () => {
  const parsed = parseZoneFile(ZONE);
  const find = (name: string, type: string) =>
    parsed.records.filter((record) => record.name === name && record.type === type);

  it('reads $ORIGIN as the zone and $TTL (with units) as the default TTL', () => {
    expect(parsed.origin).toBe('example.com');
    expect(find('@', 'A')).toEqual([{ type: 'A', name: '@', content: '192.0.2.1', ttl: 3600 }]);
  });

  it('lists SOA and unsupported types in skipped, with their line', () => {
    expect(parsed.skipped).toEqual([
      { line: 4, type: 'SOA', reason: 'SOA is managed by the DNS provider' },
      { line: 28, type: 'PTR', reason: 'PTR records are not supported' },
    ]);
  });

  it.each<[string, string, string, DnsRecordInput[]]>([
    [
      'a blank owner is the previous owner',
      '@',
      'NS',
      [
        { type: 'NS', name: '@', content: 'ns1.example.com', ttl: 3600 },
        { type: 'NS', name: '@', content: 'ns2.provider.net', ttl: 3600 },
      ],
    ],
    ['TTL before the class', 'www', 'A', [{ type: 'A', name: 'www', content: '192.0.2.2', ttl: 300 }]],
    [
      'TTL after the class; IPv6 made canonical',
      'api',
      'AAAA',
      [{ type: 'AAAA', name: 'api', content: '2001:db8::1', ttl: 600 }],
    ],
    [
      'an absolute owner, no class, and the last explicit TTL is not reused over $TTL',
      'mail',
      'A',
      [{ type: 'A', name: 'mail', content: '192.0.2.3', ttl: 3600 }],
    ],
    [
      'MX with relative and absolute targets',
      '@',
      'MX',
      [
        { type: 'MX', name: '@', content: 'mail.example.com', priority: 10, ttl: 3600 },
        { type: 'MX', name: '@', content: 'backup.example.net', priority: 20, ttl: 3600 },
      ],
    ],
    ['CNAME to @', 'blog', 'CNAME', [{ type: 'CNAME', name: 'blog', content: 'example.com', ttl: 3600 }]],
    [
      'SRV: priority apart, content weight port target',
      '_sip._tcp',
      'SRV',
      [{ type: 'SRV', name: '_sip._tcp', content: '5 5060 sip.example.com', priority: 10, ttl: 60 }],
    ],
    [
      'SRV with the root target',
      '_null._tcp',
      'SRV',
      [{ type: 'SRV', name: '_null._tcp', content: '0 0 .', priority: 0, ttl: 3600 }],
    ],
    [
      'CAA flags tag "value"',
      '@',
      'CAA',
      [
        { type: 'CAA', name: '@', content: '0 issue "letsencrypt.org"', ttl: 3600 },
        { type: 'CAA', name: '@', content: '128 iodef "mailto:security@example.com"', ttl: 3600 },
      ],
    ],
    [
      'TXT with a ; inside quotes and a trailing comment',
      '@',
      'TXT',
      [{ type: 'TXT', name: '@', content: 'v=spf1 include:_spf.example.com ~all', ttl: 3600 }],
    ],
    [
      'TXT strings across lines in parentheses, joined',
      'sel._domainkey',
      'TXT',
      [{ type: 'TXT', name: 'sel._domainkey', content: 'v=DKIM1; k=rsa; p=MIGfMA0GCSq', ttl: 3600 }],
    ],
    [
      'TXT escapes: \\", \\\\, \\DDD',
      'quote',
      'TXT',
      [{ type: 'TXT', name: 'quote', content: 'say "hi"; a \\ backslashABC', ttl: 3600 }],
    ],
    [
      'unquoted TXT words are separate strings (RFC 1035), joined',
      'bare',
      'TXT',
      [{ type: 'TXT', name: 'bare', content: 'helloworld', ttl: 3600 }],
    ],
    ['an empty TXT', 'empty', 'TXT', [{ type: 'TXT', name: 'empty', content: '', ttl: 3600 }]],
    ['ALIAS', 'alias', 'ALIAS', [{ type: 'ALIAS', name: 'alias', content: 'target.example.net', ttl: 3600 }]],
  ])('%s', (_label, name, type, expected) => {
    expect(find(name, type)).toEqual(expected);
  });

  it('keeps file order', () => {
    expect(parsed.records.map((r) => `${r.name} ${r.type}`).slice(0, 4)).toEqual([
      '@ NS',
      '@ NS',
      '@ A',
      'www A',
    ]);
  });

  it('takes the origin from the options; relative $ORIGIN changes; names outside the zone are skipped', () => {
    const text = [
      'www A 192.0.2.1',
      '$ORIGIN sub.example.com.',
      'host A 192.0.2.2',
      '@ A 192.0.2.3',
      'other.example.org. A 192.0.2.4',
      '$ORIGIN deeper',
      'x CNAME y',
    ].join('\n');
    const result = parseZoneFile(text, { origin: 'example.com', defaultTtl: 120 });
    expect(result.origin).toBe('example.com');
    expect(result.records).toEqual([
      { type: 'A', name: 'www', content: '192.0.2.1', ttl: 120 },
      { type: 'A', name: 'host.sub', content: '192.0.2.2', ttl: 120 },
      { type: 'A', name: 'sub', content: '192.0.2.3', ttl: 120 },
      { type: 'CNAME', name: 'x.deeper.sub', content: 'y.deeper.sub.example.com', ttl: 120 },
    ]);
    expect(result.skipped).toEqual([
      { line: 5, type: 'A', reason: 'other.example.org is outside the zone example.com' },
    ]);
  });

  it('without $TTL, a record without TTL takes the last explicit one (RFC 1035)', () => {
    const result = parseZoneFile('$ORIGIN example.com.\nb 60 A 192.0.2.2\nc A 192.0.2.3\n');
    expect(result.records.map((r) => r.ttl)).toEqual([60, 60]);
  });

  it('takes the zone from the SOA owner when nothing else says', () => {
    const result = parseZoneFile(
      'example.net. 3600 IN SOA ns. host. 1 2 3 4 5\nwww.example.net. 60 A 192.0.2.1\n',
    );
    expect(result.origin).toBe('example.net');
    expect(result.records).toEqual([{ type: 'A', name: 'www', content: '192.0.2.1', ttl: 60 }]);
  });

  it('without any origin, relative names stay relative', () => {
    const result = parseZoneFile('www 60 A 192.0.2.1\n@ 60 MX 5 mail\n');
    expect(result.origin).toBeNull();
    expect(result.records).toEqual([
      { type: 'A', name: 'www', content: '192.0.2.1', ttl: 60 },
      { type: 'MX', name: '@', content: 'mail', priority: 5, ttl: 60 },
    ]);
  });

  it('skips $INCLUDE and $GENERATE with their line', () => {
    const result = parseZoneFile(
      '$ORIGIN example.com.\n$TTL 60\n$INCLUDE other.zone\n$GENERATE 1-2 h$ A 192.0.2.$\na A 192.0.2.1\n',
    );
    expect(result.records).toEqual([{ type: 'A', name: 'a', content: '192.0.2.1', ttl: 60 }]);
    expect(result.skipped.map((s) => [s.line, s.type])).toEqual([
      [3, '$INCLUDE'],
      [4, '$GENERATE'],
    ]);
  });

  it('reads CRLF line endings and UTF-8 in TXT, raw or as \\DDD bytes', () => {
    const result = parseZoneFile('$ORIGIN example.com.\r\n$TTL 300\r\nu TXT "café" "caf\\195\\169"\r\n');
    expect(result.records).toEqual([{ type: 'TXT', name: 'u', content: 'cafécafé', ttl: 300 }]);
  });

  it('parses TTL fields as BIND does', () => {
    expect(parseTtl('3600')).toBe(3600);
    expect(parseTtl('1h30m')).toBe(5400);
    expect(parseTtl('1W')).toBe(604_800);
    expect(parseTtl('2d')).toBe(172_800);
    expect(parseTtl('10s')).toBe(10);
    expect(parseTtl('0h30')).toBe(30);
    expect(parseTtl('4294967295')).toBe(4_294_967_295);
    expect(parseTtl('1h30')).toBeNull();
    expect(parseTtl('4294967296')).toBeNull();
    expect(parseTtl('IN')).toBeNull();
    expect(parseTtl('1x')).toBeNull();
    expect(parseTtl('')).toBeNull();
  });

  it('throws one ValidationError with every syntax and record issue, by line', () => {
    const text = [
      '$ORIGIN example.com.', // 1
      'a 60 A 999.0.0.1', // 2
      'b TXT "unterminated', // 3
      'c MX mail.example.com.', // 4
      ' A 192.0.2.1', // 5 (blank owner after a broken line is fine: the owner is c)
      'd SRV 10 5 99999 x.example.com.', // 6
      'e ) A 192.0.2.1', // 7
      'f', // 8
      '$TTL soon', // 9
      '$ORIGIN relative', // 10 (relative to example.com.: fine)
      '$ORIGIN', // 11
      'g 4294967296 A 192.0.2.1', // 12
      'h A 192.0.2.1 ( ; never closed', // 13
    ].join('\n');
    let error: unknown;
    try {
      parseZoneFile(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((issue) => issue.path)).toEqual([
      'line.2.content',
      'line.3',
      'line.4.content',
      'line.6.content',
      'line.7',
      'line.8',
      'line.9',
      'line.11',
      'line.12',
      'line.13',
    ]);
    expect((error as ValidationError).message).toMatch(
      /^Invalid zone file: line 2\.content: "999\.0\.0\.1" is not an IPv4 address; line 3: unterminated quoted string/,
    );
  });

  it('reports a first record without owner, bad escapes, a relative $ORIGIN without origin and wrong arity', () => {
    const text = [
      ' A 192.0.2.1',
      'x TXT "\\999"',
      '$ORIGIN nowhere',
      'y A 192.0.2.1 192.0.2.2',
      'z TXT',
      'w TXT \\',
      'v TXT "\\19"',
    ].join('\n');
    const error = (() => {
      try {
        parseZoneFile(text, { defaultTtl: 60 });
      } catch (caught) {
        return caught as ValidationError;
      }
    })();
    expect(error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['line.1', 'the first record needs an owner name'],
      ['line.2', 'escape \\999 is not a byte (000–255)'],
      ['line.3', '$ORIGIN must be an absolute name (ending with ".")'],
      ['line.4.content', 'A has extra fields after 1'],
      ['line.5.content', 'TXT needs at least 1 string'],
      ['line.6', 'a backslash must escape a character'],
      ['line.7', 'escape \\19" needs three digits (\\DDD)'],
    ]);
  });
});

/** The issues of a file parseZoneFile refuses, as `path: message`. */
function refusal(text: string, options: ZoneFileParseOptions = {}): string[] {
  try {
    parseZoneFile(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  throw new Error('the file was accepted');
}

// Issue 17: each class of real-world zone file where the parser differed from BIND 9.
describe('parseZoneFile: BIND semantics', () => {
  const SOA = '@ IN SOA ns1.example.net. hostmaster.example.com. 1 7200 3600 1209600 1H\n';

  it('without $TTL or an explicit TTL, the SOA MINIMUM is the default TTL', () => {
    const result = parseZoneFile(
      `$ORIGIN example.com.\n${SOA}node0 TXT "x"\nnode1 60 A 192.0.2.1\nnode2 A 192.0.2.2\n`,
    );
    expect(result.records.map((r) => [r.name, r.ttl])).toEqual([
      ['node0', 3600],
      ['node1', 60],
      ['node2', 3600],
    ]);
  });

  it('refuses a record with no TTL from anywhere, unless defaultTtl gives one', () => {
    expect(refusal('$ORIGIN example.com.\nwww A 192.0.2.1\n')).toEqual([
      'line.2.ttl: no TTL specified (add a $TTL line or a TTL to the record)',
    ]);
    expect(parseZoneFile('$ORIGIN example.com.\nwww A 192.0.2.1\n', { defaultTtl: 300 }).records).toEqual([
      { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300 },
    ]);
  });

  it('reads a TTL of 2³¹ or more (below 2³²) as 0', () => {
    const result = parseZoneFile('$ORIGIN example.com.\n$TTL 60\na 2147483648 A 192.0.2.1\nb A 192.0.2.2\n');
    expect(result.records.map((r) => r.ttl)).toEqual([0, 60]);
  });

  it('skips, with line and reason, valid data the model does not hold, and keeps the rest of the file', () => {
    const result = parseZoneFile(
      [
        '$ORIGIN 16.12.in-addr.arpa.', // 1
        '$TTL 300', // 2
        '35.110 CNAME 35.32/27.110.16.12.in-addr.arpa.', // 3
        'cname03 CNAME .', // 4
        '@ MX 0 .', // 5
        '_sip+d2t._tcp SRV 0 0 5060 sip.example.com.', // 6
        '# A 192.0.2.1', // 7
        'sub.* A 192.0.2.2', // 8
        'ok A 192.0.2.3', // 9
        'ptr PTR host.example.com.', // 10
        'x TYPE65534 \\# 2 0102', // 11
      ].join('\n'),
    );
    expect(result.records).toEqual([{ type: 'A', name: 'ok', content: '192.0.2.3', ttl: 300 }]);
    expect(result.skipped.map((s) => [s.line, s.type])).toEqual([
      [3, 'CNAME'],
      [4, 'CNAME'],
      [5, 'MX'],
      [6, 'SRV'],
      [7, 'A'],
      [8, 'A'],
      [10, 'PTR'],
      [11, 'TYPE65534'],
    ]);
    expect(result.skipped[0]?.reason).toContain('35.32/27.110.16.12.in-addr.arpa');
    expect(result.skipped[1]?.reason).toBe('a CNAME to the root (".") is not supported');
    expect(result.skipped[2]?.reason).toBe('a null MX (RFC 7505, target ".") is not supported');
    expect(result.skipped[3]?.reason).toContain('_sip+d2t');
  });

  it('writes a UTF-8 owner in punycode, from a string or from the file bytes', () => {
    const text = '$ORIGIN example.com.\n$TTL 60\ndüsseltal IN A 192.0.2.1\n';
    const expected = [{ type: 'A', name: 'xn--dsseltal-65a', content: '192.0.2.1', ttl: 60 }];
    expect(parseZoneFile(text).records).toEqual(expected);
    expect(parseZoneFile(Buffer.from(text, 'utf8')).records).toEqual(expected);
    expect(parseZoneFile('$ORIGIN example.com.\n$TTL 60\nd\\195\\188sseltal A 192.0.2.1\n').records).toEqual(
      expected,
    );
  });

  it('reads generic RDATA (RFC 3597) of the modelled types and TYPEnnn', () => {
    const result = parseZoneFile(
      [
        '$ORIGIN example.com.',
        'a1 123 A \\# 4 0A000001',
        'a2 60 TYPE1 192.0.2.9',
        't 60 TXT \\# 4 03616263',
        'm 60 MX \\# 16 000a 046d61696c076578616d706c6500',
        'c 60 CAA \\# 13 0005697373756563612e6f7267',
        'v6 60 AAAA \\# 16 20010db8000000000000000000000001',
      ].join('\n'),
    );
    expect(result.records).toEqual([
      { type: 'A', name: 'a1', content: '10.0.0.1', ttl: 123 },
      { type: 'A', name: 'a2', content: '192.0.2.9', ttl: 60 },
      { type: 'TXT', name: 't', content: 'abc', ttl: 60 },
      { type: 'MX', name: 'm', content: 'mail.example', priority: 10, ttl: 60 },
      { type: 'CAA', name: 'c', content: '0 issue "ca.org"', ttl: 60 },
      { type: 'AAAA', name: 'v6', content: '2001:db8::1', ttl: 60 },
    ]);
    expect(refusal('$ORIGIN example.com.\n$TTL 60\na A \\# 5 0A000001\n')).toEqual([
      'line.3.content: generic RDATA (\\#) says 5 bytes but holds 4',
    ]);
  });

  it('keeps TXT bytes that are not UTF-8 as \\DDD escapes, and prints the same bytes back', () => {
    const text = '$ORIGIN example.com.\n$TTL 60\nt TXT "caf\\195\\169 \\255\\254" "\\\\200"\n';
    const [record] = parseZoneFile(text).records;
    expect(record?.content).toBe('café \\255\\254\\092200');
    const raw = Buffer.concat([
      Buffer.from('$ORIGIN example.com.\n$TTL 60\nt TXT "'),
      Buffer.from([0xe9, 0x41]),
      Buffer.from('"\n'),
    ]);
    expect(parseZoneFile(raw).records[0]?.content).toBe('\\233A');
    const printed = printZoneFile([record as DnsRecordInput], { origin: 'example.com' });
    expect(printed).toContain('"café \\255\\254\\\\200"');
    expect(parseZoneFile(printed).records).toEqual([record]);
  });

  it.each([
    ['a bad TTL token', '$ORIGIN example.com.\na 1h30 IN A 192.0.2.1\n', ["line.2: unknown RR type '1h30'"]],
    [
      'a misspelled type',
      '$ORIGIN example.com.\n$TTL 60\na AX 192.0.2.1\n',
      ["line.3: unknown RR type 'AX'"],
    ],
    ['an unknown directive', '$ORIGIN example.com.\n$FOO bar\n', ["line.2: unknown $ directive '$FOO'"]],
    [
      'a TXT string over 255 bytes',
      `$ORIGIN example.com.\n$TTL 60\na TXT "${'x'.repeat(256)}"\n`,
      ['line.3.content: a TXT string is longer than 255 bytes'],
    ],
    [
      'a CNAME beside other data',
      '$ORIGIN example.com.\n$TTL 60\nw CNAME x\nw A 192.0.2.1\n',
      ['line.4: w.example.com: CNAME and other data'],
    ],
    [
      'two CNAMEs at one name',
      '$ORIGIN example.com.\n$TTL 60\nw CNAME x\nw CNAME y\n',
      ['line.4: w.example.com: multiple RRs of singleton type (one CNAME per name)'],
    ],
    [
      'another class',
      '$ORIGIN example.com.\n$TTL 60\nv CH TXT "x"\n',
      ["line.3: class 'CH' != zone class 'IN'"],
    ],
    [
      'a meta type',
      '$ORIGIN example.com.\n$TTL 60\nv AXFR x\n',
      ['line.3: AXFR is a meta type, not allowed in a zone file'],
    ],
    [
      'a label over 63 bytes',
      `$ORIGIN example.com.\n$TTL 60\n${'a'.repeat(64)} A 192.0.2.1\n`,
      [expect.stringContaining('line.3: a label of')],
    ],
    [
      'a leading zero in an IPv4 address',
      '$ORIGIN example.com.\n$TTL 60\na A 01.2.3.4\n',
      ['line.3.content: "01.2.3.4" is not an IPv4 address'],
    ],
    [
      'a second SOA',
      `$ORIGIN example.com.\n${SOA}${SOA}`,
      ['line.3: multiple RRs of singleton type (a zone has one SOA)'],
    ],
  ])('refuses what BIND refuses: %s', (_label, text, expected) => {
    expect(refusal(text)).toEqual(expected);
  });

  it('allows DNSSEC records beside a CNAME', () => {
    const result = parseZoneFile(
      '$ORIGIN example.com.\n$TTL 60\nw CNAME x\nw RRSIG CNAME 8 3 60 20300101000000 20200101000000 1 example.com. AAAA\nw NSEC x CNAME RRSIG NSEC\n',
    );
    expect(result.records).toEqual([{ type: 'CNAME', name: 'w', content: 'x.example.com', ttl: 60 }]);
  });

  it('keeps a duplicate record once, naming the line it repeats', () => {
    const result = parseZoneFile(
      '$ORIGIN example.com.\n$TTL 60\na A 192.0.2.1\na A 192.0.2.1\nb A 192.0.2.1\n',
    );
    expect(result.records.map((r) => r.name)).toEqual(['a', 'b']);
    expect(result.skipped).toEqual([
      {
        line: 4,
        type: 'A',
        reason: 'duplicate of the record on line 3 (a record set holds each record once)',
      },
    ]);
  });

  it('gives a record set one TTL: the first of the last run of entries that adds to it', () => {
    const result = parseZoneFile(
      [
        '$ORIGIN example.com.',
        '$TTL 100',
        'dup 10 A 192.0.2.1',
        'dup 20 TXT "a"',
        'dup 30 A 192.0.2.2', // same run: the set keeps 10 (BIND: "TTL set to prior TTL")
        'e A 192.0.2.9',
        'dup 50 A 192.0.2.4', // a later run: the whole set takes 50
        'dup 5 A 192.0.2.5',
      ].join('\n'),
    );
    expect(result.records.map((r) => `${r.name} ${r.type} ${r.content} ${r.ttl}`)).toEqual([
      'dup A 192.0.2.1 50',
      'dup TXT a 20',
      'dup A 192.0.2.2 50',
      'e A 192.0.2.9 100',
      'dup A 192.0.2.4 50',
      'dup A 192.0.2.5 50',
    ]);
  });

  it('takes the origin from a trailing SOA for the records before it', () => {
    const result = parseZoneFile(
      'www 60 A 192.0.2.1\nmail 60 MX 10 mx\nexample.org. 60 IN SOA ns.example.net. h. 1 2 3 4 5\n',
    );
    expect(result.origin).toBe('example.org');
    expect(result.records).toEqual([
      { type: 'A', name: 'www', content: '192.0.2.1', ttl: 60 },
      { type: 'MX', name: 'mail', content: 'mx.example.org', priority: 10, ttl: 60 },
    ]);
  });

  it('refuses an SOA that is not at the top of the zone', () => {
    expect(refusal('sub 60 SOA ns. h. 1 2 3 4 5\n', { origin: 'example.com' })).toEqual([
      'line.1: SOA record not at top of zone (sub.example.com)',
    ]);
  });
});
