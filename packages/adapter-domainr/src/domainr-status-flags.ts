/**
 * Domainr status flags (v2 `status` and Fastly `tools/status` share the vocabulary) and how they
 * map to `AvailabilityStatus`. Flags come space-delimited in increasing order of precedence; the
 * right-most known flag decides, with the adjustments of docs/providers/domainr.md#status-flags.
 */
import type { AvailabilityStatus } from '@registrar-kit/core';

/**
 * Every documented flag, lowest precedence first: the 2015 preview table
 * (https://github.com/domainr/api/wiki/V2-API-(Preview)) and the current one
 * (https://domainr.com/docs/api/v2/status).
 */
export const DOMAINR_FLAGS = [
  'unknown',
  'undelegated',
  'inactive',
  'pending',
  'unregistrable',
  'disallowed',
  'claimed',
  'reserved',
  'dpml',
  'invalid',
  'active',
  'parked',
  'marketed',
  'expiring',
  'deleting',
  'priced',
  'transferable',
  'premium',
  'suffix',
  'registrar',
  'zone',
  'tld',
] as const;
export type DomainrFlag = (typeof DOMAINR_FLAGS)[number];

/** What each flag means when it is the right-most known flag (before the adjustments). */
export const DOMAINR_FLAG_STATUS: Readonly<Record<DomainrFlag, AvailabilityStatus>> = {
  unknown: 'unknown',
  undelegated: 'unknown',
  inactive: 'available',
  pending: 'unregistrable',
  unregistrable: 'unregistrable',
  disallowed: 'unregistrable',
  claimed: 'reserved',
  reserved: 'reserved',
  dpml: 'reserved',
  invalid: 'invalid',
  active: 'registered',
  parked: 'registered',
  marketed: 'registered',
  expiring: 'registered',
  deleting: 'registered',
  priced: 'registered',
  transferable: 'registered',
  premium: 'premium',
  suffix: 'unregistrable',
  registrar: 'registered',
  zone: 'unregistrable',
  tld: 'unregistrable',
};

/** Flags that say somebody holds the name. */
const REGISTERED_FLAGS: ReadonlySet<string> = new Set([
  'active',
  'parked',
  'marketed',
  'expiring',
  'deleting',
  'priced',
  'transferable',
  'registrar',
]);
/** Aftermarket flags, surfaced in `reason`. */
const AFTERMARKET_FLAGS = ['marketed', 'priced', 'transferable'] as const;

const REASONS: Readonly<Partial<Record<DomainrFlag, string>>> = {
  unknown: 'Domainr could not get an authoritative answer (often registry maintenance); retry later',
  undelegated:
    'not delegated in DNS; Domainr did not determine whether it is registered (also its best-effort answer after its 30-second limit)',
  pending: 'the TLD is not (yet) in the root zone',
  unregistrable: 'no registrar sells names in this zone',
  disallowed: 'disallowed by the registry, ICANN or other rules',
  claimed: 'claimed by some party; not open for registration',
  reserved: 'reserved by ICANN, the registry or another party',
  dpml: 'blocked under the Domains Protected Marks List (trademark block)',
  invalid: 'technically invalid (too long, too short or bad characters)',
  premium: 'premium name sold by the registry at a premium price',
  suffix: 'a public suffix (publicsuffix.org), not a registrable name',
  zone: 'a zone (domain extension), not a registrable name',
  tld: 'a top-level domain, not a registrable name',
};

export interface FlagInterpretation {
  status: AvailabilityStatus;
  available: boolean;
  premium: boolean;
  reason: string | null;
  /** The right-most known flag, or null when no flag is known. */
  summary: DomainrFlag | null;
}

/** Splits a `status` string into its flags (white space separated, empty tokens dropped, order kept). */
export function splitStatusFlags(status: string): string[] {
  return status.split(/\s+/).filter((flag) => flag !== '');
}

function isKnownFlag(flag: string): flag is DomainrFlag {
  return Object.hasOwn(DOMAINR_FLAG_STATUS, flag);
}

/**
 * Maps flags to an `AvailabilityStatus`: the right-most known flag decides (unknown future flags
 * are skipped); a right-most `premium` or `suffix` next to a registered flag (active, parked,
 * marketed, expiring, deleting, priced, transferable, registrar) means registered; a bare
 * right-most `undelegated` is `unknown`, never available; no known flag is `unknown`.
 */
export function interpretStatusFlags(flags: readonly string[]): FlagInterpretation {
  const lower = flags.map((flag) => flag.toLowerCase());
  const summary = [...lower].reverse().find(isKnownFlag) ?? null;
  const registeredFlag = lower.some((flag) => REGISTERED_FLAGS.has(flag));
  const premium = lower.includes('premium');
  if (summary === null) {
    return {
      status: 'unknown',
      available: false,
      premium,
      reason: 'no status flag Domainr documents',
      summary,
    };
  }
  let status = DOMAINR_FLAG_STATUS[summary];
  if ((summary === 'premium' || summary === 'suffix') && registeredFlag) status = 'registered';
  const available = status === 'available' || status === 'premium';
  return { status, available, premium, reason: reasonFor(status, summary, lower), summary };
}

function reasonFor(
  status: AvailabilityStatus,
  summary: DomainrFlag,
  flags: readonly string[],
): string | null {
  if (status === 'available') return null;
  if (status !== 'registered') return REASONS[summary] ?? null;
  const notes: string[] = [];
  if (flags.includes('parked')) notes.push('parked');
  const aftermarket = AFTERMARKET_FLAGS.filter((flag) => flags.includes(flag));
  if (aftermarket.length > 0) notes.push(`for sale on the aftermarket (${aftermarket.join(', ')})`);
  if (flags.includes('expiring')) notes.push('expiring; may become available through a backorder');
  if (flags.includes('deleting')) notes.push('pending deletion; may become available through a backorder');
  if (flags.includes('premium')) notes.push('premium name');
  if (flags.includes('suffix')) notes.push('a public suffix');
  if (flags.includes('registrar')) notes.push('controlled by a registrar');
  return notes.length === 0 ? null : `registered: ${notes.join('; ')}`;
}
