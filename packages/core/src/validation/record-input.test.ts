import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/error-classes.js';
import { RECORD_TYPES } from '../model/dns-record.js';
import { validateRecordInput, validateRecordPatch } from './record-input.js';

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) =>
      issue.path ? `${issue.path}: ${issue.message}` : issue.message,
    );
  }
  return [];
}

describe('validateRecordInput: canonical content', () => {
  it.each([
    [
      { type: 'A', name: 'WWW', content: '192.0.2.1' },
      { name: 'www', content: '192.0.2.1', priority: null },
    ],
    [{ type: 'AAAA', name: '@', content: '2001:DB8:0:0:0:0:0:1' }, { content: '2001:db8::1' }],
    [{ type: 'CNAME', name: 'www', content: 'Target.Example.COM.' }, { content: 'target.example.com' }],
    [
      { type: 'MX', name: '', content: 'mx.example.com.', priority: 10 },
      { name: '@', content: 'mx.example.com', priority: 10 },
    ],
    [
      { type: 'SRV', name: '_sip._tcp', content: '5 5060 sip.example.com.', priority: 0 },
      { content: '5 5060 sip.example.com', priority: 0 },
    ],
    [
      { type: 'CAA', name: '@', content: '0 ISSUE "letsencrypt.org"' },
      { content: '0 issue "letsencrypt.org"' },
    ],
    [
      { type: 'CAA', name: '@', content: '128 iodef mailto:x@example.com' },
      { content: '128 iodef "mailto:x@example.com"' },
    ],
    [{ type: 'TXT', name: '@', content: 'x'.repeat(600) }, { content: 'x'.repeat(600) }],
    [{ type: 'NS', name: 'sub', content: 'NS1.Example.net' }, { content: 'ns1.example.net' }],
    [{ type: 'ALIAS', name: '@', content: 'lb.example.net.' }, { content: 'lb.example.net' }],
    [{ type: 'A', name: '*', content: '192.0.2.1' }, { name: '*' }],
    [
      // One spelling of a CAA value: escapes decoded, then `"`, `\`, control bytes re-escaped.
      { type: 'CAA', name: '@', content: '0 issue "a\\010b\\065\\"c"' },
      { content: '0 issue "a\\010bA\\"c"' },
    ],
    [{ type: 'CNAME', name: 'www', content: 'bücher.example' }, { content: 'xn--bcher-kva.example' }],
  ] as const)('%j', (input, expected) => {
    expect(validateRecordInput(input as never)).toMatchObject(expected);
  });

  it('turns absolute names inside the zone into relative ones when the zone is known', () => {
    expect(
      validateRecordInput(
        { type: 'A', name: 'www.example.com.', content: '192.0.2.1' },
        { zone: 'example.com' },
      ).name,
    ).toBe('www');
    expect(
      validateRecordInput({ type: 'A', name: 'example.com.', content: '192.0.2.1' }, { zone: 'example.com' })
        .name,
    ).toBe('@');
    expect(
      validateRecordInput({ type: 'CNAME', name: 'www', content: '@' }, { zone: 'example.com' }).content,
    ).toBe('example.com');
  });
});

describe('validateRecordInput: refusals (one ValidationError with every issue)', () => {
  it.each([
    [{ type: 'A', name: 'www', content: '300.1.1.1' }, ['content: "300.1.1.1" is not an IPv4 address']],
    [{ type: 'AAAA', name: 'www', content: '192.0.2.1' }, ['content: "192.0.2.1" is not an IPv6 address']],
    [
      { type: 'CNAME', name: '@', content: 'x.example.com' },
      ['name: a CNAME cannot stand at the zone apex ("@"); use ALIAS where the provider has it'],
    ],
    [
      { type: 'MX', name: '@', content: 'mx.example.com' },
      ['priority: is required for MX records (0–65535)'],
    ],
    [
      { type: 'MX', name: '@', content: 'mx.example.com', priority: 70000 },
      ['priority: must be an integer from 0 to 65535'],
    ],
    [
      { type: 'SRV', name: '_sip._tcp', content: '5060 sip.example.com', priority: 1 },
      ['content: SRV content must be "weight port target"'],
    ],
    [
      { type: 'SRV', name: '_sip._tcp', content: '5 99999 sip.example.com', priority: 1 },
      ['content.port: must be an integer from 0 to 65535'],
    ],
    [
      { type: 'CAA', name: '@', content: 'issue letsencrypt.org' },
      [expect.stringContaining('CAA content must be')],
    ],
    [
      // Issue 14 item 13: a raw control character would make `dns export` write an unreadable file.
      { type: 'CAA', name: '@', content: '0 issue "letsencrypt.org\nx"' },
      ['content.value: must not hold control characters (a zone file writes such a byte as \\DDD)'],
    ],
    [
      { type: 'CAA', name: '@', content: '0 iodef "mailto:a\u0000@example.com"' },
      ['content.value: must not hold control characters (a zone file writes such a byte as \\DDD)'],
    ],
    [
      { type: 'CAA', name: '@', content: '0 issue "ca\\999"' },
      ['content.value: escape \\999 is not a byte (000–255)'],
    ],
    [
      { type: 'A', name: 'www', content: '192.0.2.1', priority: 5 },
      ['priority: only applies to MX and SRV records, not A'],
    ],
    [{ type: 'A', name: 'bad name', content: '192.0.2.1' }, [expect.stringContaining('label "bad name"')]],
    [
      { type: 'A', name: 'www.', content: '192.0.2.1' },
      ['name: must be relative to the zone (use "@" for the apex)'],
    ],
    [{ type: 'SOA', name: '@', content: 'x' }, [expect.stringContaining('type: must be one of')]],
    [
      { type: 'CNAME', name: 'www', content: 'not a host' },
      ['content: "not a host" is not a valid host name'],
    ],
    [{ type: 'A', name: 'www', content: '' }, ['content: must not be empty']],
  ] as const)('%j', (input, expected) => {
    expect(issuesOf(() => validateRecordInput(input as never))).toEqual(expected);
  });

  it('applies provider rules: allowed types and TTL bounds, all issues together', () => {
    const rules = { types: ['A', 'CNAME'] as const, ttl: { min: 60, max: 86400 } };
    expect(
      issuesOf(() =>
        validateRecordInput(
          { type: 'CAA', name: '@', content: '0 issue "x"', ttl: 30 },
          { ...rules, types: [...rules.types] },
        ),
      ),
    ).toEqual([
      'type: CAA records are not supported here (supported: A, CNAME)',
      'ttl: must be an integer from 60 to 86400 seconds',
    ]);
    expect(
      issuesOf(() =>
        validateRecordInput({ type: 'A', name: '@', content: '192.0.2.1', ttl: 86401 }, { ttl: rules.ttl }),
      ),
    ).toEqual(['ttl: must be an integer from 60 to 86400 seconds']);
    expect(
      validateRecordInput({ type: 'A', name: '@', content: '192.0.2.1', ttl: 60 }, { ttl: rules.ttl }).ttl,
    ).toBe(60);
  });

  it('property: arbitrary inputs yield a record or a ValidationError, nothing else', () => {
    const input = fc.record({
      type: fc.oneof(fc.constantFrom(...RECORD_TYPES), fc.string()),
      name: fc.oneof(fc.string(), fc.constant('@'), fc.domain()),
      content: fc.oneof(fc.string(), fc.ipV4(), fc.ipV6(), fc.domain()),
      ttl: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }),
      priority: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }),
    });
    fc.assert(
      fc.property(input, (record) => {
        try {
          const out = validateRecordInput(record as never);
          expect(validateRecordInput(out)).toEqual(out); // canonical form is stable
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('validateRecordPatch', () => {
  it('checks only what the patch holds, canonical for the type', () => {
    expect(validateRecordPatch({ content: '2001:DB8::0:1' }, {}, 'AAAA')).toEqual({ content: '2001:db8::1' });
    expect(validateRecordPatch({ ttl: 300 }, { ttl: { min: 60, max: 86400 } })).toEqual({ ttl: 300 });
  });
  it('refuses unknown fields, empty patches, priority on A and a CNAME moved to the apex', () => {
    expect(issuesOf(() => validateRecordPatch({ type: 'A' } as never))).toEqual([
      'type: cannot be changed by an update (allowed: name, content, ttl, priority)',
    ]);
    expect(issuesOf(() => validateRecordPatch({}))).toEqual(['the patch changes nothing']);
    expect(issuesOf(() => validateRecordPatch({ priority: 1 }, {}, 'A'))).toEqual([
      'priority: only applies to MX and SRV records, not A',
    ]);
    expect(issuesOf(() => validateRecordPatch({ name: '@' }, {}, 'CNAME'))).toEqual([
      'name: a CNAME cannot stand at the zone apex ("@")',
    ]);
    expect(issuesOf(() => validateRecordPatch({ ttl: 10 }, { ttl: { min: 60, max: 86400 } }))).toEqual([
      'ttl: must be an integer from 60 to 86400 seconds',
    ]);
  });
});

describe('emptyTxt rule', () => {
  it('allows an empty TXT by default and refuses it when the provider says so, in inputs and patches', () => {
    expect(validateRecordInput({ type: 'TXT', name: '@', content: '' }).content).toBe('');
    expect(
      issuesOf(() => validateRecordInput({ type: 'TXT', name: '@', content: '' }, { emptyTxt: false })),
    ).toEqual(['content: must not be empty']);
    expect(issuesOf(() => validateRecordPatch({ content: '' }, { emptyTxt: false }, 'TXT'))).toEqual([
      'content: must not be empty',
    ]);
    expect(issuesOf(() => validateRecordPatch({ content: '' }, {}, 'A'))).toEqual([
      'content: must not be empty',
    ]);
  });
});
