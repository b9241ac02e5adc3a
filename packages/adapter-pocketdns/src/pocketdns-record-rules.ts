/**
 * PocketDNS's record rules, applied before anything is sent (docs/providers/pocketdns.md#record-rules):
 * the seven documented types, TTL 60–86400, names of letters, digits, hyphens and dots (underscore
 * labels as in the docs' own `_sip._tcp` example; no wildcard), content per type, priority required
 * for MX and SRV, no CNAME at `@`, content never empty (PocketDNS requires it), and a TXT value of at most 255 characters: PocketDNS takes it as
 * one string and documents no way to send a longer one.
 */
import {
  type DnsRecordInput,
  type DnsRecordPatch,
  invalidInput,
  type RecordRules,
  type RecordType,
  ValidationError,
  type ValidationIssue,
  validateRecordInput,
  validateRecordInputBeforeZone,
  validateRecordPatch,
  validateRecordPatchBeforeZone,
} from '@registrar-kit/core';
import { PROVIDER } from './pocketdns-provider-info.js';

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
/** "TXT records: Any text (max 255 characters per string)", and one string is all PocketDNS shows. */
export const POCKETDNS_TXT_MAX_CHARACTERS = 255;

/** The rules for core's record validation, with the zone when known (absolute names, `@` targets). */
export function pocketDnsRecordRules(zone?: string): RecordRules {
  return { types: POCKETDNS_RECORD_TYPES, ttl: POCKETDNS_TTL, emptyTxt: false, ...(zone ? { zone } : {}) };
}

/** Rules core does not know: no `*` in a name, a TXT value of one string of at most 255 characters. */
function providerIssues(fields: { name?: unknown; type?: unknown; content?: unknown }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (typeof fields.name === 'string' && fields.name.split('.').includes('*'))
    issues.push({
      path: 'name',
      message: 'PocketDNS record names hold letters, digits, hyphens and dots only: no wildcard "*"',
    });
  if (
    fields.type === 'TXT' &&
    typeof fields.content === 'string' &&
    [...fields.content].length > POCKETDNS_TXT_MAX_CHARACTERS
  )
    issues.push({
      path: 'content',
      message: `PocketDNS takes a TXT value as one string of at most ${POCKETDNS_TXT_MAX_CHARACTERS} characters and documents no way to send a longer one`,
    });
  return issues;
}

/** Runs core's check with PocketDNS's extra issues; one ValidationError "pocketdns <op>: invalid <what>: …". */
function check<T>(
  operation: string,
  what: string,
  extra: ValidationIssue[],
  run: () => T,
  after: (value: T) => ValidationIssue[] = () => [],
): T {
  let value: T;
  try {
    value = run();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw invalidInput({ provider: PROVIDER, operation }, [...error.issues, ...extra], what);
  }
  const issues = [...extra, ...after(value)];
  if (issues.length > 0) throw invalidInput({ provider: PROVIDER, operation }, issues, what);
  return value;
}

const fieldsOf = (value: unknown): { name?: unknown; type?: unknown; content?: unknown } =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/** A record input checked against PocketDNS's rules, in canonical form; one ValidationError with every issue otherwise. */
export function checkRecordInput(input: DnsRecordInput, operation: string, zone?: string): DnsRecordInput {
  return check(operation, 'record', providerIssues(fieldsOf(input)), () =>
    validateRecordInput(input, pocketDnsRecordRules(zone)),
  );
}

/**
 * Refuses, before any request, a record input that is invalid in any zone (the zone is not known
 * yet when the domain was given as an id); `checkRecordInput` runs again once it is.
 */
export function precheckRecordInput(input: DnsRecordInput, operation: string): void {
  check(operation, 'record', providerIssues(fieldsOf(input)), () =>
    validateRecordInputBeforeZone(input, pocketDnsRecordRules()),
  );
}

/** The same for a patch: what no zone can make valid is refused before any request. */
export function precheckRecordPatch(patch: DnsRecordPatch, operation: string): void {
  check(operation, 'record patch', providerIssues({ name: fieldsOf(patch).name }), () =>
    validateRecordPatchBeforeZone(patch, pocketDnsRecordRules()),
  );
}

/** A record patch checked against PocketDNS's rules (content per `type` when known). */
export function checkRecordPatch(
  patch: DnsRecordPatch,
  operation: string,
  zone?: string,
  type?: RecordType,
): DnsRecordPatch {
  const fields = fieldsOf(patch);
  return check(
    operation,
    'record patch',
    providerIssues({ name: fields.name, type, content: fields.content }),
    () => validateRecordPatch(patch, pocketDnsRecordRules(zone), type),
    () =>
      type && !(POCKETDNS_RECORD_TYPES as readonly string[]).includes(type)
        ? [{ path: 'type', message: `${type} records are not supported by PocketDNS` }]
        : [],
  );
}
