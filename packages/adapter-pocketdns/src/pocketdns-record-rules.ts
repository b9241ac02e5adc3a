/**
 * PocketDNS's record rules (DNS Records API, "Validation Rules" and "DNS Record Types"), applied
 * before anything is sent: the seven documented types, TTL 60–86400, names of letters, digits,
 * hyphens and dots (underscore labels as in the docs' own `_sip._tcp` example; no wildcard),
 * content per type, priority required for MX and SRV, no CNAME at `@`.
 */
import {
  type DnsRecordInput,
  type DnsRecordPatch,
  type RecordRules,
  type RecordType,
  ValidationError,
  type ValidationIssue,
  validateRecordInput,
  validateRecordInputBeforeZone,
  validateRecordPatch,
  validateRecordPatchBeforeZone,
} from '@registrar-kit/core';

export const POCKETDNS_RECORD_TYPES = [
  'A',
  'AAAA',
  'CNAME',
  'MX',
  'TXT',
  'SRV',
  'NS',
] as const satisfies readonly RecordType[];
export const POCKETDNS_TTL = { min: 60, max: 86_400 } as const;

/** The rules for core's record validation, with the zone when known (absolute names, `@` targets). */
export function pocketDnsRecordRules(zone?: string): RecordRules {
  return { types: POCKETDNS_RECORD_TYPES, ttl: POCKETDNS_TTL, ...(zone ? { zone } : {}) };
}

/** Rules core does not know: PocketDNS's name character set has no `*`. */
function nameIssues(name: unknown): ValidationIssue[] {
  if (typeof name !== 'string') return [];
  return name.split('.').includes('*')
    ? [
        {
          path: 'name',
          message: 'PocketDNS record names hold letters, digits, hyphens and dots only: no wildcard "*"',
        },
      ]
    : [];
}

function rethrow(error: unknown, extra: ValidationIssue[], operation: string, prefix: string): never {
  if (error instanceof ValidationError) {
    const issues = [...error.issues, ...extra];
    const message =
      extra.length === 0
        ? error.message
        : `${prefix}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`;
    throw new ValidationError(message, { provider: 'pocketdns', operation, issues });
  }
  throw error;
}

function fail(extra: ValidationIssue[], operation: string, prefix: string): never {
  return rethrow(new ValidationError(prefix, { issues: [] }), extra, operation, prefix);
}

/** A record input checked against PocketDNS's rules, in canonical form; one ValidationError with every issue otherwise. */
export function checkRecordInput(input: DnsRecordInput, operation: string, zone?: string): DnsRecordInput {
  const extra = nameIssues(input?.name);
  let checked: DnsRecordInput;
  try {
    checked = validateRecordInput(input, pocketDnsRecordRules(zone));
  } catch (error) {
    rethrow(error, extra, operation, 'Invalid record');
  }
  if (extra.length > 0) fail(extra, operation, `Invalid ${checked.type} record`);
  return checked;
}

/**
 * Refuses, before any request, a record input that is invalid in any zone (the zone is not known
 * yet when the domain was given as an id); `checkRecordInput` runs again once it is.
 */
export function precheckRecordInput(input: DnsRecordInput, operation: string): void {
  const extra = nameIssues(input?.name);
  try {
    validateRecordInputBeforeZone(input, pocketDnsRecordRules());
  } catch (error) {
    rethrow(error, extra, operation, 'Invalid record');
  }
  if (extra.length > 0) fail(extra, operation, 'Invalid record');
}

/** The same for a patch: what no zone can make valid is refused before any request. */
export function precheckRecordPatch(patch: DnsRecordPatch, operation: string): void {
  const extra = patch && typeof patch === 'object' ? nameIssues(patch.name) : [];
  try {
    validateRecordPatchBeforeZone(patch, pocketDnsRecordRules());
  } catch (error) {
    rethrow(error, extra, operation, 'Invalid record patch');
  }
  if (extra.length > 0) fail(extra, operation, 'Invalid record patch');
}

/** A record patch checked against PocketDNS's rules (content per `type` when known). */
export function checkRecordPatch(
  patch: DnsRecordPatch,
  operation: string,
  zone?: string,
  type?: RecordType,
): DnsRecordPatch {
  const extra = patch && typeof patch === 'object' ? nameIssues(patch.name) : [];
  let checked: DnsRecordPatch;
  try {
    checked = validateRecordPatch(patch, pocketDnsRecordRules(zone), type);
  } catch (error) {
    rethrow(error, extra, operation, 'Invalid record patch');
  }
  if (type && !(POCKETDNS_RECORD_TYPES as readonly string[]).includes(type)) {
    extra.push({ path: 'type', message: `${type} records are not supported by PocketDNS` });
  }
  if (extra.length > 0) fail(extra, operation, 'Invalid record patch');
  return checked;
}
