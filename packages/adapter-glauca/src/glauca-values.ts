/** Small values and conversions every Glauca mapper uses. */
export const PROVIDER = 'glauca' as const;

/** Every Glauca price is in GBP; no response carries a currency (docs/providers/glauca.md#money). */
export const GLAUCA_CURRENCY = 'GBP';

export function toDate(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}

/** True when the argument is meant as a name (it has a dot); ids never do. */
export function isName(value: string): boolean {
  return typeof value === 'string' && value.includes('.');
}
