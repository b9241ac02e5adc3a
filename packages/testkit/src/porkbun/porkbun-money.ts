/**
 * Porkbun quotes prices as decimal USD strings (`"9.73"`) and takes and reports amounts as integer
 * cents (`cost: 973`, `balance`): docs/providers/porkbun.md#money. Conversions are done on the
 * decimal digits, never through floating point.
 */

/** `"12.99"` → 1299. Throws on more than two non-zero decimals or a malformed amount. */
export function toCents(amount: string): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`not a decimal amount: ${amount}`);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) throw new RangeError(`more precise than a cent: ${amount}`);
  return Number(match[1]) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 1299 → `"12.99"`. */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 1299 → `"$12.99"` (the `display` / `costDisplay` fields). */
export function centsDisplay(cents: number): string {
  return `$${centsToDecimal(cents)}`;
}
