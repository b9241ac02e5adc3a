/**
 * Zone record input rules of the DNSimple emulator: field validation (Rails-style
 * `{field: [messages]}` errors as the API sends them), TXT quoting and zone-level conflicts.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { DnsimpleZoneRecord } from './dnsimple-shapes.js';

/** Types that can be created through the API: the spec enum minus SOA (system only), plus types third-party integrations send. */
export const SUPPORTED_RECORD_TYPES = new Set([
  'A',
  'AAAA',
  'ALIAS',
  'CAA',
  'CNAME',
  'DNSKEY',
  'DS',
  'HINFO',
  'MX',
  'NAPTR',
  'NS',
  'POOL',
  'PTR',
  'SPF',
  'SRV',
  'SSHFP',
  'TXT',
  'URL',
  'HTTPS',
  'SVCB',
  'TLSA',
]);

/** Regions documented for record placement; `global` is the default. */
export const RECORD_REGIONS = new Set(['global', 'SV1', 'ORD', 'IAD', 'AMS', 'TKO', 'SYD', 'CDG', 'FRA']);

/**
 * TTL bounds. The spec only says `minimum: 0`; DNSimple's support article "What is Time-to-Live?"
 * says TTLs from 1 minute up to 3 days are supported, which is what the emulator enforces.
 */
export const MIN_TTL = 60;
export const MAX_TTL = 259_200;
export const DEFAULT_TTL = 3600;
/** TXT content limit after serialization (quotes and escapes included). */
export const MAX_TXT_LENGTH = 1000;

const TYPES_WITH_PRIORITY = new Set(['MX', 'SRV']);
const NAME = /^(\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/i;

export type FieldErrors = Record<string, string[]>;

/** The record fields a create or update may set. */
export interface RecordInput {
  name?: unknown;
  type?: unknown;
  content?: unknown;
  ttl?: unknown;
  priority?: unknown;
  regions?: unknown;
}

/** The normalised record values after validation. */
export interface RecordValues {
  name: string;
  type: string;
  content: string;
  ttl: number;
  priority: number | null;
  regions: string[];
}

/**
 * Serialises TXT content as DNSimple stores it (support article "TXT Record Format and Long Record
 * Handling"): content already wrapped in double quotes is kept verbatim; anything else is wrapped in
 * quotes with inner `"` escaped as `\"`.
 */
export function quoteTxt(content: string): string {
  if (content.length >= 2 && content.startsWith('"') && content.endsWith('"')) return content;
  return `"${content.replace(/"/g, '\\"')}"`;
}

function addError(errors: FieldErrors, field: string, message: string): void {
  const list = errors[field] ?? [];
  list.push(message);
  errors[field] = list;
}

/**
 * Validates a create (`existing` undefined) or a PATCH update (`existing` set: omitted fields keep
 * their value, `type` cannot change and is ignored). Returns the values or the field errors.
 */
export function validateRecord(
  input: RecordInput,
  existing: DnsimpleZoneRecord | undefined,
): { values: RecordValues; errors: null } | { values: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const creating = existing === undefined;

  let name = existing?.name ?? '';
  if (input.name !== undefined || creating) {
    if (typeof input.name !== 'string') addError(errors, 'name', "can't be blank");
    else if (input.name !== '' && !NAME.test(input.name)) addError(errors, 'name', 'is invalid');
    else name = input.name.toLowerCase();
  }

  let type = existing?.type ?? '';
  if (creating) {
    if (typeof input.type !== 'string' || input.type === '') addError(errors, 'type', "can't be blank");
    else if (!SUPPORTED_RECORD_TYPES.has(input.type.toUpperCase()))
      addError(errors, 'record_type', 'unsupported');
    else type = input.type.toUpperCase();
  }

  let content = existing?.content ?? '';
  if (input.content !== undefined || creating) {
    if (typeof input.content !== 'string' || input.content.trim() === '')
      addError(errors, 'content', "can't be blank");
    else content = input.content;
  }

  let ttl = existing?.ttl ?? DEFAULT_TTL;
  if (input.ttl !== undefined && input.ttl !== null) {
    const value = typeof input.ttl === 'string' && /^\d+$/.test(input.ttl) ? Number(input.ttl) : input.ttl;
    if (typeof value !== 'number' || !Number.isInteger(value)) addError(errors, 'ttl', 'is not a number');
    else if (value < MIN_TTL) addError(errors, 'ttl', `must be greater than or equal to ${MIN_TTL}`);
    else if (value > MAX_TTL) addError(errors, 'ttl', `must be less than or equal to ${MAX_TTL}`);
    else ttl = value;
  }

  let priority: number | null = existing?.priority ?? null;
  if (input.priority !== undefined && input.priority !== null) {
    const value = input.priority;
    if (typeof value !== 'number' || !Number.isInteger(value))
      addError(errors, 'priority', 'is not a number');
    else if (value < 0 || value > 65_535) addError(errors, 'priority', 'must be between 0 and 65535');
    else priority = value;
  }

  let regions = existing?.regions ?? ['global'];
  if (input.regions !== undefined && input.regions !== null) {
    if (
      !Array.isArray(input.regions) ||
      input.regions.length === 0 ||
      !input.regions.every((r) => typeof r === 'string' && RECORD_REGIONS.has(r))
    ) {
      addError(errors, 'regions', 'is invalid');
    } else regions = [...(input.regions as string[])];
  }

  if (Object.keys(errors).length === 0) {
    if (type === 'A' && !isIPv4(content)) addError(errors, 'content', 'is not a valid IPv4 address');
    if (type === 'AAAA' && !isIPv6(content)) addError(errors, 'content', 'is not a valid IPv6 address');
    if (TYPES_WITH_PRIORITY.has(type)) {
      // The emulator rejects MX/SRV without a priority; the API docs are silent (our choice,
      // docs/providers/dnsimple.md#records).
      if (priority === null) addError(errors, 'priority', "can't be blank");
    } else {
      priority = null;
    }
    if (type === 'CNAME' && name === '')
      addError(errors, 'base', 'A CNAME record cannot be added at the zone apex');
    if (type === 'TXT' || type === 'SPF') {
      content = quoteTxt(content);
      if (content.length > MAX_TXT_LENGTH) {
        addError(errors, 'content', `is too long (maximum is ${MAX_TXT_LENGTH} characters)`);
      }
    }
  }

  if (Object.keys(errors).length > 0) return { values: null, errors };
  return { values: { name, type, content, ttl, priority, regions }, errors: null };
}

/**
 * Zone-level rules against the records already in the zone (`others` excludes the record being
 * updated): an exact duplicate is refused (spec: "Matching record already exists for this zone"), and
 * a CNAME cannot share its name with any other record (RFC 1034 §3.6.2).
 */
export function zoneConflicts(
  values: RecordValues,
  others: readonly DnsimpleZoneRecord[],
): FieldErrors | null {
  const sameName = others.filter((r) => r.name === values.name);
  if (
    sameName.some(
      (r) =>
        r.type === values.type &&
        r.content === values.content &&
        (r.priority ?? null) === (values.priority ?? null),
    )
  ) {
    return { base: ['Matching record already exists for this zone'] };
  }
  if (values.type === 'CNAME' && sameName.length > 0) {
    return { base: ['A CNAME record cannot coexist with other records with the same name'] };
  }
  if (values.type !== 'CNAME' && sameName.some((r) => r.type === 'CNAME')) {
    return { base: ['A record cannot be added where a CNAME record with the same name exists'] };
  }
  return null;
}
