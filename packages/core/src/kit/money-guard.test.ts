import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/error-classes.js';
import { assertWithinMaxPrice, priceRefusal } from './money-guard.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const context = { provider: 'example', operation: 'renewDomain' };

describe('money guard', () => {
  it('accepts a price at or below maxPrice, and anything without a limit', () => {
    expect(priceRefusal(usd('10.00'), usd('10'))).toBeNull();
    expect(priceRefusal(usd('9.999'), usd('10.00'))).toBeNull();
    expect(priceRefusal(usd('1000000'), undefined)).toBeNull();
  });

  it('refuses above the limit or in another currency with code price_above_limit', () => {
    expect(() => assertWithinMaxPrice(usd('10.01'), usd('10.00'), context, 'the renewal')).toThrow(
      'example renewDomain: the renewal costs 10.01 USD, above maxPrice 10.00 USD; nothing was charged',
    );
    let caught: unknown;
    try {
      assertWithinMaxPrice(usd('5.00'), { amount: '100', currency: 'GBP' }, context);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(caught).toMatchObject({
      code: 'price_above_limit',
      provider: 'example',
      operation: 'renewDomain',
    });
  });
});
