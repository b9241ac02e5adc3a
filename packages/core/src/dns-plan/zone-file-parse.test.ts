import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/error-classes.js';
import type { DnsRecordInput } from '../model/dns-record.js';
import { parseTtl, parseZoneFile } from './zone-file-parse.js';

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

  it('without $TTL, a record without TTL takes the last explicit one (RFC 1035), else none', () => {
    const result = parseZoneFile('$ORIGIN example.com.\na A 192.0.2.1\nb 60 A 192.0.2.2\nc A 192.0.2.3\n');
    expect(result.records.map((r) => r.ttl)).toEqual([undefined, 60, 60]);
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

  it('skips other classes, $INCLUDE, $GENERATE and a null MX', () => {
    const result = parseZoneFile(
      '$ORIGIN example.com.\n$INCLUDE other.zone\n$GENERATE 1-2 h$ A 192.0.2.$\nv CH TXT "x"\n@ MX 0 .\nclass3 CLASS3 A 1.2.3.4\n',
    );
    expect(result.records).toEqual([]);
    expect(result.skipped.map((s) => [s.line, s.type])).toEqual([
      [2, '$INCLUDE'],
      [3, '$GENERATE'],
      [4, 'TXT'],
      [5, 'MX'],
      [6, 'A'],
    ]);
  });

  it('reads CRLF line endings and UTF-8 in TXT, raw or as \\DDD bytes', () => {
    const result = parseZoneFile('$ORIGIN example.com.\r\n$TTL 300\r\nu TXT "café" "caf\\195\\169"\r\n');
    expect(result.records).toEqual([{ type: 'TXT', name: 'u', content: 'cafécafé', ttl: 300 }]);
  });

  it('parses TTL fields', () => {
    expect(parseTtl('3600')).toBe(3600);
    expect(parseTtl('1h30m')).toBe(5400);
    expect(parseTtl('1W')).toBe(604_800);
    expect(parseTtl('2d')).toBe(172_800);
    expect(parseTtl('10s')).toBe(10);
    expect(parseTtl('IN')).toBeNull();
    expect(parseTtl('1x')).toBeNull();
  });

  it('throws one ValidationError with every syntax and record issue, by line', () => {
    const text = [
      '$ORIGIN example.com.', // 1
      'a A 999.0.0.1', // 2
      'b TXT "unterminated', // 3
      'c MX mail.example.com.', // 4
      ' A 192.0.2.1', // 5 (blank owner after a broken line is fine: the owner is c)
      'd SRV 10 5 99999 x.example.com.', // 6
      'e ) A 192.0.2.1', // 7
      'f', // 8
      '$TTL soon', // 9
      '$ORIGIN relative', // 10 (relative to example.com.: fine)
      '$ORIGIN', // 11
      'g 3000000000 A 192.0.2.1', // 12
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
      'line.3',
      'line.7',
      'line.13',
      'line.2.content',
      'line.4.content',
      'line.6.content.port',
      'line.8',
      'line.9',
      'line.11',
      'line.12.ttl',
    ]);
    expect((error as ValidationError).message).toMatch(
      /^Invalid zone file: line 3: unterminated quoted string/,
    );
  });

  it('reports a first record without owner, a bad escape, a relative $ORIGIN without origin and wrong arity', () => {
    const text = [
      ' A 192.0.2.1',
      'x TXT "\\999"',
      '$ORIGIN nowhere',
      'y A 192.0.2.1 192.0.2.2',
      'z TXT',
      'w TXT \\',
    ].join('\n');
    const error = (() => {
      try {
        parseZoneFile(text);
      } catch (caught) {
        return caught as ValidationError;
      }
    })();
    expect(error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['line.2', 'escape \\999 is not a byte (000–255)'],
      ['line.6', 'a backslash must escape a character'],
      ['line.1', 'the first record needs an owner name'],
      ['line.3', '$ORIGIN must be an absolute name (ending with ".")'],
      ['line.4.content', 'A needs 1 field'],
      ['line.5.content', 'TXT needs at least 1 field'],
    ]);
  });
});
