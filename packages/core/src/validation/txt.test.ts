import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesFromText } from './text-bytes.js';
import { formatTxt, joinTxt, parseTxtStrings, quoteTxtString, splitTxt, unquoteTxt } from './txt.js';

describe('TXT helpers', () => {
  it('splits into strings of at most 255 bytes and joins back', () => {
    expect(splitTxt('x'.repeat(255))).toEqual(['x'.repeat(255)]);
    expect(splitTxt('x'.repeat(256))).toEqual(['x'.repeat(255), 'x']);
    expect(splitTxt('x'.repeat(600)).map((s) => s.length)).toEqual([255, 255, 90]);
    expect(splitTxt('')).toEqual(['']);
  });

  it('never splits inside a multi-byte character', () => {
    const value = `${'x'.repeat(254)}é${'y'.repeat(10)}`;
    const parts = splitTxt(value);
    expect(parts[0]).toBe('x'.repeat(254));
    expect(parts.every((part) => Buffer.byteLength(part) <= 255)).toBe(true);
    expect(joinTxt(parts)).toBe(value);
  });

  it('formats and parses presentation text with escapes', () => {
    expect(formatTxt('say "hi" \\ now')).toBe('"say \\"hi\\" \\\\ now"');
    expect(parseTxtStrings('"a b" "c"')).toEqual(['a b', 'c']);
    expect(parseTxtStrings('"say \\"hi\\""')).toEqual(['say "hi"']);
    expect(parseTxtStrings('"\\065BC"')).toEqual(['ABC']);
    expect(parseTxtStrings('plain')).toEqual(['plain']);
    expect(unquoteTxt(formatTxt('v=spf1 include:_spf.example.com -all'))).toBe(
      'v=spf1 include:_spf.example.com -all',
    );
  });

  it('property: format then unquote gives the same bytes back; split then join too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1200 }), (value) => {
        expect(joinTxt(splitTxt(value))).toBe(value);
        expect(splitTxt(value).every((part) => Buffer.byteLength(part) <= 255)).toBe(true);
        // The same bytes come back (a value may spell a byte as `\DDD` or as its character).
        expect(bytesFromText(unquoteTxt(formatTxt(value)))).toBe(bytesFromText(value));
      }),
      { numRuns: 500 },
    );
  });

  it('decodes DDD escapes as UTF-8, not byte by byte (issue 16)', () => {
    expect(unquoteTxt('"caf\\195\\169"')).toBe('café');
    expect(parseTxtStrings('"caf\\195\\169" "\\226\\130\\172"')).toEqual(['café', '€']);
    // A character split across two strings is joined before decoding.
    expect(unquoteTxt('"caf\\195" "\\169"')).toBe('café');
  });

  it('keeps bytes that are not UTF-8 as DDD escapes, and prints the same bytes back', () => {
    expect(unquoteTxt('"a\\200b\\255"')).toBe('a\\200b\\255');
    expect(quoteTxtString('a\\200b\\255')).toBe('"a\\200b\\255"');
    expect(Buffer.from(bytesFromText(unquoteTxt('"\\192\\128"')), 'latin1')).toEqual(
      Buffer.from([0xc0, 0x80]),
    );
    // A literal backslash that would read as such an escape is written \092.
    expect(unquoteTxt('"\\\\200"')).toBe('\\092200');
    expect(quoteTxtString('\\092200')).toBe('"\\\\200"');
    expect(quoteTxtString('C:\\100 \\x')).toBe('"C:\\\\100 \\\\x"');
  });

  it('escapes control characters when quoting', () => {
    expect(quoteTxtString('a\nb\u0000\u007f')).toBe('"a\\010b\\000\\127"');
  });

  it('counts a DDD escape as one byte when splitting, and never splits it', () => {
    const value = `${'x'.repeat(254)}\\200\\201`;
    expect(splitTxt(value)).toEqual([`${'x'.repeat(254)}\\200`, '\\201']);
  });

  it('property: bytes → text → bytes is the identity; presentation round trips the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (array) => {
        const bytes = Buffer.from(array).toString('latin1');
        const text = unquoteTxt(`"${[...array].map((b) => `\\${String(b).padStart(3, '0')}`).join('')}"`);
        expect(bytesFromText(text)).toBe(bytes);
        expect(bytesFromText(unquoteTxt(formatTxt(text)))).toBe(bytes);
        expect(splitTxt(text).every((part) => bytesFromText(part).length <= 255)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
