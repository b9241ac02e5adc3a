import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/error-classes.js';
import {
  looksLikeDomainName,
  normalizeDomainName,
  plainAsciiName,
  toUnicodeDomainName,
  uts46Ascii,
} from './domain-name.js';

describe('normalizeDomainName', () => {
  it.each([
    ['Bücher.Example.', 'xn--bcher-kva.example'],
    ['EXAMPLE.COM', 'example.com'],
    ['example.com.', 'example.com'],
    ['xn--bcher-kva.com', 'xn--bcher-kva.com'],
    ['a-b.co.uk', 'a-b.co.uk'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    [`${'a'.repeat(63)}.com`, `${'a'.repeat(63)}.com`],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDomainName(input)).toBe(expected);
  });

  it.each([
    ['', 'must not be empty'],
    ['.', 'must not be empty'],
    ['com', 'at least two labels'],
    ['-bad.com', 'must not start or end with a hyphen'],
    ['bad-.com', 'must not start or end with a hyphen'],
    [`${'a'.repeat(64)}.com`, 'longer than 63'],
    [`${'abcdefghi.'.repeat(26)}com`, 'longer than 253'],
    ['under_score.com', 'UTS 46'],
    ['a..com', 'empty label'],
    ['has space.com', 'white space'],
    ['example.com..', 'empty label'],
  ])('%j is refused (%s)', (input, reason) => {
    const error = (() => {
      try {
        normalizeDomainName(input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain(reason);
    expect((error as ValidationError).issues.length).toBeGreaterThan(0);
  });

  it('lists every issue at once', () => {
    try {
      normalizeDomainName(`-${'a'.repeat(70)}`);
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.message)).toEqual([
        'needs at least two labels (name and TLD)',
        expect.stringContaining('longer than 63'),
        expect.stringContaining('hyphen'),
      ]);
    }
  });

  it('keeps the Unicode form for display', () => {
    expect(toUnicodeDomainName('xn--bcher-kva.example')).toBe('bücher.example');
    expect(toUnicodeDomainName('EXAMPLE.com.')).toBe('example.com');
    expect(looksLikeDomainName('example.com')).toBe(true);
    expect(looksLikeDomainName('dom_abc123')).toBe(false);
    expect(looksLikeDomainName('12345')).toBe(false);
  });

  it('property: arbitrary strings yield a name or a ValidationError, nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.domain()), (input) => {
        try {
          normalizeDomainName(input);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: normalisation is idempotent', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.domain(),
          fc.webUrl().map((u) => new URL(u).hostname),
        ),
        (input) => {
          let once: string;
          try {
            once = normalizeDomainName(input);
          } catch {
            return;
          }
          expect(normalizeDomainName(once)).toBe(once);
          expect(normalizeDomainName(toUnicodeDomainName(once))).toBe(once);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('plainAsciiName (the path that skips tr46)', () => {
  it('gives what UTS 46 gives, for any name it accepts', () => {
    const label = fc.stringMatching(/^[A-Za-z0-9-]{0,8}$/);
    const name = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
    let taken = 0;
    fc.assert(
      fc.property(name, (candidate) => {
        const plain = plainAsciiName(candidate);
        if (plain === undefined) return;
        taken += 1;
        expect(plain).toBe(uts46Ascii(candidate));
      }),
      { numRuns: 5_000 },
    );
    expect(taken).toBeGreaterThan(1_000);
  });

  it.each([
    'xn--bcher-kva.com',
    'ab--cd.com',
    '-a.com',
    'a-.com',
    'a..com',
    'bücher.com',
    '_dmarc.example.com',
    `${'a'.repeat(64)}.com`,
  ])('leaves %s to UTS 46', (candidate) => {
    expect(plainAsciiName(candidate)).toBeUndefined();
  });
});
