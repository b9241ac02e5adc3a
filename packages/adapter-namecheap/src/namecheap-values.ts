/**
 * Value formats of Namecheap answers (docs/providers/namecheap.md#value-formats): dates as
 * `MM/DD/YYYY` or `M/D/YYYY h:mm:ss AM`, `0001-01-01T00:00:00` for none; money as decimal strings,
 * sometimes empty or `0.0`. Dates are read as UTC (the answers give no zone).
 */
import { type Money, money } from '@registrar-kit/core';

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}):(\d{2})\s*([AP]M))?$/i;

/** A Namecheap date, or null when absent, empty, "none" or unreadable. */
export function namecheapDate(value: string | undefined): Date | null {
  const text = value?.trim();
  if (!text || text.startsWith('0001-01-01')) return null;
  const match = US_DATE.exec(text);
  if (match) {
    const [, month, day, year, hour = '0', minute = '0', second = '0', half] = match;
    let h = Number(hour) % 12;
    if (half?.toUpperCase() === 'PM') h += 12;
    else if (!half) h = Number(hour);
    const date = new Date(
      Date.UTC(Number(year), Number(month) - 1, Number(day), h, Number(minute), Number(second)),
    );
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const iso = new Date(/Z|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(iso.getTime()) ? null : iso;
}

/** A positive amount as Money, or null when empty or zero (Namecheap's "no price"). */
export function positiveAmount(value: string | undefined, currency: string): Money | null {
  const text = value?.trim();
  if (!text || !/^\d+(\.\d+)?$/.test(text) || /^0+(\.0*)?$/.test(text)) return null;
  return money(text, currency);
}

/** Namecheap's currency: USD in every sample (docs/providers/namecheap.md#orders-and-prices). */
export const DEFAULT_CURRENCY = 'USD';
