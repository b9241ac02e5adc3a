import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTxt, joinTxt, parseTxtStrings, splitTxt, unquoteTxt } from './txt.js';

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

  it('property: format then unquote gives the value back; split then join too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1200 }), (value) => {
        expect(joinTxt(splitTxt(value))).toBe(value);
        expect(splitTxt(value).every((part) => Buffer.byteLength(part) <= 255)).toBe(true);
        expect(unquoteTxt(formatTxt(value))).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});
