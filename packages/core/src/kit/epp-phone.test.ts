import { describe, expect, it } from 'vitest';
import { nullIfBlank, toEppPhone } from './epp-phone.js';

describe('toEppPhone', () => {
  it.each([
    ['+18001234567', '+1.8001234567'],
    ['+1.8001234567', '+1.8001234567'],
    ['+44 20 7123 4567', '+44.2071234567'],
    ['+44.2071234567', '+44.2071234567'],
    ['+353 1 234 5678', '+353.12345678'],
    ['  +33 1 23 45 67 89 ', '+33.123456789'],
  ])('%s → %s', (input, epp) => {
    expect(toEppPhone(input)).toBe(epp);
  });

  it('reads a national number in the given country', () => {
    expect(toEppPhone('020 7123 4567', 'gb')).toBe('+44.2071234567');
    expect(toEppPhone('(800) 123-4567', 'US')).toBe('+1.8001234567');
  });

  it.each(['', '   ', null, undefined, 'not a phone', '12'])('%j is null', (input) => {
    expect(toEppPhone(input)).toBeNull();
  });
});

describe('nullIfBlank', () => {
  it('turns empty and blank strings into null and keeps text', () => {
    expect([
      nullIfBlank(''),
      nullIfBlank('  '),
      nullIfBlank(null),
      nullIfBlank(undefined),
      nullIfBlank('Suite 5'),
    ]).toEqual([null, null, null, null, 'Suite 5']);
  });
});
