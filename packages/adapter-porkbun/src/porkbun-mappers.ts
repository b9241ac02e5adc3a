/**
 * Porkbun payloads → the registrar-kit model. Porkbun mixes types for the same field
 * (docs/providers/porkbun.md#data-formats): flags as 0/1, "0"/"1" or "yes"/"no", numbers as
 * strings, dates as zone-less `"YYYY-MM-DD HH:MM:SS"` (UTC), money as USD decimal strings quoted and
 * integer cents charged.
 */
import {
  type Domain,
  type DsRecord,
  normalizeDomainName,
  toDecimalString,
  toUnicodeDomainName,
} from '@registrar-kit/core';
import type { PorkbunDnssecItem, PorkbunDomainItem } from './porkbun-schemas.js';

export const CURRENCY = 'USD';

const TRUE_FLAGS = new Set(['1', 'yes', 'on', 'true']);
const FALSE_FLAGS = new Set(['0', 'no', 'off', 'false', '']);

/** A Porkbun flag as a boolean; null when absent or unrecognised. */
export function flag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  if (TRUE_FLAGS.has(text)) return true;
  if (FALSE_FLAGS.has(text)) return false;
  return null;
}

/** A Porkbun date (`"2027-01-15 10:00:00"`, `"2027-04-21"`, or ISO 8601); zone-less means UTC. */
export function porkbunDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const text = value.trim().replace(' ', 'T');
  const iso = /T/.test(text) ? (/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`) : `${text}T00:00:00Z`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `"9.73"` → 973. Throws `RangeError` for fractions of a cent (never rounded: the cost must be exact). */
export function toCents(amount: string | number): number {
  const [whole = '0', fraction = ''] = toDecimalString(amount).split('.');
  if (/[1-9]/.test(fraction.slice(2))) throw new RangeError(`${amount} is not a whole number of cents`);
  return Number(`${whole}${fraction.padEnd(2, '0').slice(0, 2)}`);
}

/** 973 → `"9.73"`. */
export function fromCents(cents: number): string {
  const digits = String(Math.abs(Math.trunc(cents))).padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Porkbun's domain states (only `ACTIVE` is documented) → the model. */
const DOMAIN_STATUS: Record<string, Domain['status']> = { ACTIVE: 'active' };

/**
 * A `listAll`/`get` item as a `Domain` (`id` is the name: Porkbun has no domain ids).
 * `nameservers` come from `/domain/getNs` (the item has none), null when not read.
 */
export function toDomain(item: PorkbunDomainItem, nameservers: string[] | null): Domain {
  const name = normalizeDomainName(item.domain);
  const status = typeof item.status === 'string' ? item.status : null;
  return {
    provider: 'porkbun',
    id: name,
    name,
    unicodeName: toUnicodeDomainName(name),
    status: (status && DOMAIN_STATUS[status.toUpperCase()]) || 'unknown',
    providerStatus: status ? [status] : [],
    owner: null,
    createdAt: porkbunDate(item.createDate),
    expiresAt: porkbunDate(item.expireDate),
    updatedAt: null,
    autoRenew: flag(item.autoRenew),
    whoisPrivacy: flag(item.whoisPrivacy),
    transferLock: flag(item.securityLock),
    nameservers,
    dsRecords: null,
    raw: item,
  };
}

/** Host names from `/domain/getNs` (an unordered set): lower-case, no trailing dot, sorted. */
export function toNameservers(ns: readonly string[] | null | undefined): string[] | null {
  if (!ns) return null;
  return [...new Set(ns.map((host) => host.trim().toLowerCase().replace(/\.$/, '')))].sort();
}

/** A DNSSEC entry (strings) as a `DsRecord`. */
export function toDsRecord(item: PorkbunDnssecItem): DsRecord {
  return {
    keyTag: Number(item.keyTag),
    algorithm: Number(item.alg),
    digestType: Number(item.digestType),
    digest: item.digest ?? '',
  };
}
