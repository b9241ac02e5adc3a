import { z } from 'zod';

/** A decimal amount as a string (`"12.99"`, `"-3.5"`), never a float. */
export const DecimalStringSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string such as "12.99"');

export const MoneySchema = z.object({
  amount: DecimalStringSchema,
  /** ISO 4217 code, upper-case. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code'),
});
export type Money = z.infer<typeof MoneySchema>;

/**
 * Money given by a caller (a premium price to confirm, a price limit): a non-negative decimal
 * string (`"12.99"`, `"0"`), never negative or in exponent form, and an ISO 4217 code.
 */
export const MoneyInputSchema = z.object({
  amount: z.string().regex(/^\d+(\.\d+)?$/, 'expected a non-negative decimal string such as "12.99"'),
  currency: MoneySchema.shape.currency,
});

/**
 * Turns a provider's number or string amount into an exact decimal string with at least two
 * fraction digits: `12.9` → `"12.90"`, `12` → `"12.00"`, `"1200.5"` → `"1200.50"`. A JSON number
 * keeps the digits it was written with (shortest round-trip form), so no float arithmetic is done.
 */
export function toDecimalString(value: number | string): string {
  let text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new TypeError(`not a decimal amount: ${JSON.stringify(value)}`);
  const [whole, fraction = ''] = text.split('.');
  text = `${whole}.${fraction.padEnd(2, '0')}`;
  return text;
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`not a finite amount: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Exponent form (1e21, 1e-7): expand without losing digits.
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** Builds a `Money` from a provider amount. */
export function money(amount: number | string, currency: string): Money {
  return { amount: toDecimalString(amount), currency: currency.toUpperCase() };
}

/** Compares two decimal strings exactly: negative, zero or positive like a sort comparator. */
export function compareDecimal(a: string, b: string): number {
  const negA = a.startsWith('-');
  const negB = b.startsWith('-');
  if (negA !== negB) return negA ? -1 : 1;
  const sign = negA ? -1 : 1;
  const [wa = '', fa = ''] = a.replace('-', '').split('.');
  const [wb = '', fb = ''] = b.replace('-', '').split('.');
  const wholeA = wa.replace(/^0+(?=\d)/, '');
  const wholeB = wb.replace(/^0+(?=\d)/, '');
  if (wholeA.length !== wholeB.length) return sign * (wholeA.length - wholeB.length);
  if (wholeA !== wholeB) return sign * (wholeA < wholeB ? -1 : 1);
  const width = Math.max(fa.length, fb.length);
  const fracA = fa.padEnd(width, '0');
  const fracB = fb.padEnd(width, '0');
  if (fracA === fracB) return 0;
  return sign * (fracA < fracB ? -1 : 1);
}

/**
 * `amount × factor` exactly for a whole `factor` (no float arithmetic), as a decimal string with
 * at least two fraction digits: `multiplyDecimal("12.99", 3)` → `"38.97"`. For multi-year prices.
 */
export function multiplyDecimal(amount: string, factor: number): string {
  if (!Number.isInteger(factor) || factor < 0) throw new TypeError(`not a whole factor: ${factor}`);
  const text = toDecimalString(amount);
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const scaled = BigInt(`${whole}${fraction}`) * BigInt(factor);
  const digits = scaled.toString().padStart(fraction.length + 1, '0');
  const result = `${digits.slice(0, digits.length - fraction.length)}.${digits.slice(digits.length - fraction.length)}`;
  return toDecimalString(negative && scaled !== 0n ? `-${result}` : result);
}
