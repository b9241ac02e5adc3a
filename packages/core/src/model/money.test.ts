import { describe, expect, it } from 'vitest';
import { RegisterInputSchema } from './inputs.js';
import { compareDecimal, MoneyInputSchema, money, multiplyDecimal, toDecimalString } from './money.js';

describe('money', () => {
  it.each([
    [12.99, '12.99'],
    [12, '12.00'],
    [12.9, '12.90'],
    ['1200.5', '1200.50'],
    [0.1, '0.10'],
    [1e21, '1000000000000000000000.00'],
    ['8.125', '8.125'],
  ])('toDecimalString(%j) = %s', (input, expected) => {
    expect(toDecimalString(input)).toBe(expected);
  });

  it('refuses what is not an amount', () => {
    expect(() => toDecimalString(Number.NaN)).toThrow(TypeError);
    expect(() => toDecimalString('12,99')).toThrow(TypeError);
  });

  it('builds Money with an upper-case currency', () => {
    expect(money(9.5, 'gbp')).toEqual({ amount: '9.50', currency: 'GBP' });
  });

  it.each([
    ['9.50', '12.99', -1],
    ['12.99', '9.50', 1],
    ['10', '10.00', 0],
    ['-1', '1', -1],
    ['-2', '-1', -1],
    ['100.00', '99.99', 1],
    ['0099.1', '99.10', 0],
  ])('compareDecimal(%s, %s) has the sign of %i', (a, b, sign) => {
    expect(Math.sign(compareDecimal(a, b))).toBe(sign);
  });
});

describe('multiplyDecimal', () => {
  it.each([
    ['12.99', 3, '38.97'],
    ['0.10', 3, '0.30'],
    ['20', 2, '40.00'],
    ['8.125', 2, '16.250'],
    ['-1.50', 2, '-3.00'],
    ['5.00', 0, '0.00'],
  ])('%s × %i = %s', (amount, factor, expected) => {
    expect(multiplyDecimal(amount, factor)).toBe(expected);
  });
  it('refuses a factor that is not a whole number', () => {
    expect(() => multiplyDecimal('1.00', 1.5)).toThrow(TypeError);
    expect(() => multiplyDecimal('1.00', -1)).toThrow(TypeError);
  });
});

describe('MoneyInputSchema (money given by a caller)', () => {
  it('takes a non-negative decimal and an ISO 4217 code', () => {
    for (const amount of ['0', '12.99', '1200.5'])
      expect(MoneyInputSchema.safeParse({ amount, currency: 'USD' }).success).toBe(true);
  });

  it('refuses a negative, exponent or empty amount, and RegisterInputSchema does too', () => {
    for (const amount of ['-1', '-0.01', '1e3', '', ' 1'])
      expect(MoneyInputSchema.safeParse({ amount, currency: 'USD' }).success).toBe(false);
    const parsed = RegisterInputSchema.safeParse({
      domain: 'example.com',
      premiumPrice: { amount: '-1', currency: 'USD' },
    });
    expect(parsed.success).toBe(false);
  });
});
