/**
 * Glauca prices are GBP, as its published server source (https://github.com/AS207960/domains) shows
 * (docs/providers/glauca.md#money). Check endpoints quote them as decimal strings ("9.99"), orders
 * as JSON numbers (9.99). The emulator computes in integer pence so no float ever rounds a price.
 */

/** "12.99" → 1299. */
export function toPence(amount: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`not a price: ${amount}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** 1299 → "12.99". */
export function formatPence(pence: number): string {
  const whole = Math.floor(pence / 100);
  const cents = pence % 100;
  return `${whole}.${String(cents).padStart(2, '0')}`;
}

export interface GlaucaPeriod {
  unit: 'y' | 'm';
  value: number;
}

/**
 * Price of a period from an annual price. Month pricing divides the annual price by 12, as
 * Glauca's published server source does (docs/providers/glauca.md#money), rounded to the penny.
 */
export function priceForPeriod(annual: string, period: GlaucaPeriod): number {
  const pence = toPence(annual);
  return period.unit === 'y' ? pence * period.value : Math.round((pence * period.value) / 12);
}

/**
 * Periods the seeded zones support: 1–10 years (or 12–120 months), the default allowed periods in
 * Glauca's published server source (https://github.com/AS207960/domains; docs/providers/glauca.md#money).
 */
export function isSupportedPeriod(period: GlaucaPeriod): boolean {
  const months = period.unit === 'y' ? period.value * 12 : period.value;
  return months >= 1 && months <= 120 && (period.unit === 'm' || period.value <= 10);
}
