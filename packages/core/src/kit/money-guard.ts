/**
 * The money guard every spending method applies before anything is charged (DESIGN.md, Contract
 * v2, "Money guards"): the price the provider will charge must be at most `maxPrice`, in the same
 * currency; else `ValidationError` code `price_above_limit` and nothing is sent.
 */
import { ValidationError } from '../errors/error-classes.js';
import { compareDecimal, type Money } from '../model/money.js';
import type { ErrorContext } from './parse-input.js';

/** Why `price` is not acceptable under `maxPrice`, or null (always null without a limit). */
export function priceRefusal(price: Money, maxPrice: Money | undefined, what = 'it'): string | null {
  if (!maxPrice) return null;
  if (price.currency !== maxPrice.currency)
    return `${what} costs ${price.amount} ${price.currency}, and maxPrice is in ${maxPrice.currency}`;
  if (compareDecimal(price.amount, maxPrice.amount) > 0)
    return `${what} costs ${price.amount} ${price.currency}, above maxPrice ${maxPrice.amount} ${maxPrice.currency}`;
  return null;
}

/** Throws `ValidationError` code `price_above_limit` when `price` exceeds `maxPrice`. */
export function assertWithinMaxPrice(
  price: Money,
  maxPrice: Money | undefined,
  context: ErrorContext,
  what = 'it',
): void {
  const refusal = priceRefusal(price, maxPrice, what);
  if (!refusal) return;
  throw new ValidationError(`${context.provider} ${context.operation}: ${refusal}; nothing was charged`, {
    ...context,
    code: 'price_above_limit',
    issues: [{ path: 'maxPrice', message: refusal }],
  });
}
