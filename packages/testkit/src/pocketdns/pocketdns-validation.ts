/**
 * PocketDNS's DNS record rules, as the DNS Records API page states them ("Validation Rules",
 * "DNS Record Types"). Missing or wrongly typed fields and out-of-range numbers are "invalid record
 * data" (400 `validation_error`); a value that is not a valid DNS record of its type is an "invalid
 * DNS record format" (422 `unprocessable_entity`). The docs do not say which rule maps to which of
 * the two codes; this split is our choice.
 */
import { isIPv4, isIPv6 } from 'node:net';

export const POCKETDNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'NS'] as const;
export type PocketDnsRecordType = (typeof POCKETDNS_RECORD_TYPES)[number];

export const TTL_MIN = 60;
export const TTL_MAX = 86_400;
/** "ttl … No … Time to live (default: 300)". */
export const TTL_DEFAULT = 300;

/** A validated record, as PocketDNS stores it. */
export interface PocketDnsRecordFields {
  type: PocketDnsRecordType;
  name: string;
  content: string;
  ttl: number;
  /** MX and SRV only; null for every other type. */
  priority: number | null;
}

export interface RecordValidationFailure {
  status: 400 | 422;
  /** The first issue, used as the error `message` and as the bulk `errors[].error` string. */
  message: string;
  /** Every issue, by field. */
  details: Record<string, string>;
}

/**
 * `lenient`: the forms the docs allow read generously (SRV four-part or three-part + `priority`;
 * TXT as quoted strings checked one by one). `seed`: exactly what the seed page shows (SRV four-part
 * content only; TXT one string of at most 255 characters, quotes included).
 */
export type RecordForms = 'lenient' | 'seed';

export type RecordValidationResult =
  | { ok: true; record: PocketDnsRecordFields }
  | { ok: false; failure: RecordValidationFailure };

class Issues {
  readonly list: { status: 400 | 422; field: string; message: string }[] = [];
  add(status: 400 | 422, field: string, message: string): void {
    if (!this.list.some((issue) => issue.field === field)) this.list.push({ status, field, message });
  }
  failure(): RecordValidationFailure | null {
    const first = this.list[0];
    if (!first) return null;
    const details: Record<string, string> = {};
    for (const issue of this.list) details[issue.field] = issue.message;
    // Any "invalid data" issue makes the whole answer a 400; only pure format issues give 422.
    const status = this.list.some((issue) => issue.status === 400) ? 400 : 422;
    const chosen = this.list.find((issue) => issue.status === status) ?? first;
    return { status, message: chosen.message, details };
  }
}

/** A label: letters, digits and inner hyphens, optionally after one leading underscore (`_sip`, `_dmarc`). */
const LABEL = /^_?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/**
 * "Must be 1-253 characters long; can contain letters, numbers, hyphens, and dots; cannot start or
 * end with a hyphen; use @ for the root domain." The rule is applied per label, and a label may
 * begin with one underscore: the docs' own SRV example is named `_sip._tcp`
 * (docs/providers/pocketdns.md#record-rules notes the contradiction; accepting service labels is
 * our choice). Wildcards (`*`) are outside the documented character set and are rejected.
 */
export function isValidRecordName(name: string): boolean {
  if (name === '@') return true;
  if (name.length < 1 || name.length > 253) return false;
  return name.split('.').every((label) => label.length <= 63 && LABEL.test(label));
}

/** "Valid domain name" for CNAME, MX and NS targets (and SRV targets): at least two labels, one trailing dot allowed. */
export function isValidTargetName(value: string): boolean {
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  if (name.length < 1 || name.length > 253) return false;
  const labels = name.split('.');
  return labels.length >= 2 && labels.every((label) => label.length <= 63 && LABEL.test(label));
}

/**
 * "TXT records: Any text (max 255 characters per string)". A value written as quoted strings
 * (`"part one" "part two"`) is checked string by string; any other value is one string.
 */
export function txtStringsWithinLimit(content: string, forms: RecordForms = 'lenient'): boolean {
  if (forms === 'seed') return content.length <= 255;
  const quoted = content.match(/^\s*(?:"(?:[^"\\]|\\.)*"\s*)+$/);
  if (quoted) {
    const parts = content.match(/"((?:[^"\\]|\\.)*)"/g) ?? [];
    return parts.every((part) => part.length - 2 <= 255);
  }
  return content.length <= 255;
}

function isUint16(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 65_535;
}

/**
 * SRV: the docs store all four parts in `content` (`"10 60 5060 sip.example.com"` = priority weight
 * port target) while the field table also lists `priority` for SRV. Both forms are accepted
 * (docs/providers/pocketdns.md#record-content): four-part content (a `priority` field, if sent,
 * must agree), or three-part `weight port target` content with `priority`. Either way the record is
 * stored as PocketDNS shows it: four-part content, and the priority also in `priority`.
 */
function normalizeSrv(
  content: string,
  priority: number | null,
  issues: Issues,
  forms: RecordForms,
): { content: string; priority: number } | null {
  const parts = content.trim().split(/\s+/);
  let numbers: string[];
  let target: string;
  let srvPriority: number;
  if (parts.length === 4) {
    numbers = parts.slice(0, 3);
    target = parts[3]!;
    srvPriority = Number(parts[0]);
    if (priority !== null && Number(parts[0]) !== priority) {
      issues.add(422, 'priority', 'Priority does not match the priority in the SRV content');
      return null;
    }
  } else if (parts.length === 3 && forms === 'lenient') {
    if (priority === null) {
      issues.add(400, 'priority', 'Priority is required for SRV records');
      return null;
    }
    numbers = [String(priority), parts[0]!, parts[1]!];
    target = parts[2]!;
    srvPriority = priority;
  } else {
    issues.add(422, 'content', 'SRV content must be "priority weight port target"');
    return null;
  }
  if (!numbers.every((n) => /^\d+$/.test(n) && isUint16(Number(n)))) {
    issues.add(422, 'content', 'SRV priority, weight and port must be integers between 0 and 65535');
    return null;
  }
  if (target !== '.' && !isValidTargetName(target)) {
    issues.add(422, 'content', 'SRV target must be a valid domain name');
    return null;
  }
  return { content: `${numbers.join(' ')} ${target}`, priority: srvPriority };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field-level checks shared by create and update. `partial` skips the required-field checks. */
function checkFieldTypes(input: Record<string, unknown>, partial: boolean, issues: Issues): void {
  for (const field of ['type', 'name', 'content'] as const) {
    const value = input[field];
    if (value === undefined || value === null) {
      if (!partial) issues.add(400, field, `${field} is required`);
    } else if (typeof value !== 'string' || value.length === 0) {
      issues.add(400, field, `${field} must be a non-empty string`);
    }
  }
  if (typeof input.type === 'string' && !(POCKETDNS_RECORD_TYPES as readonly string[]).includes(input.type)) {
    issues.add(400, 'type', `type must be one of ${POCKETDNS_RECORD_TYPES.join(', ')}`);
  }
  if (input.ttl !== undefined && input.ttl !== null) {
    if (typeof input.ttl !== 'number' || !Number.isInteger(input.ttl)) {
      issues.add(400, 'ttl', 'ttl must be an integer');
    } else if (input.ttl < TTL_MIN || input.ttl > TTL_MAX) {
      issues.add(400, 'ttl', `TTL must be between ${TTL_MIN} and ${TTL_MAX} seconds`);
    }
  }
  if (input.priority !== undefined && input.priority !== null) {
    if (typeof input.priority !== 'number' || !isUint16(input.priority)) {
      issues.add(400, 'priority', 'priority must be an integer between 0 and 65535');
    }
  }
}

/** Type-specific checks of a complete record; returns the record as stored. */
function checkRecord(
  record: PocketDnsRecordFields,
  issues: Issues,
  forms: RecordForms,
): PocketDnsRecordFields | null {
  const { type, name, content } = record;
  let priority: number | null = type === 'MX' || type === 'SRV' ? record.priority : null;
  let stored = content;
  if (!isValidRecordName(name)) {
    issues.add(
      422,
      'name',
      'Record name must be 1-253 characters of letters, numbers, hyphens and dots, and cannot start or end with a hyphen',
    );
  }
  switch (type) {
    case 'A':
      if (!isIPv4(content)) issues.add(422, 'content', 'A records require a valid IPv4 address');
      break;
    case 'AAAA':
      if (!isIPv6(content)) issues.add(422, 'content', 'AAAA records require a valid IPv6 address');
      break;
    case 'CNAME':
      if (name === '@') issues.add(422, 'name', 'CNAME records cannot be used for the root domain (@)');
      if (!isValidTargetName(content))
        issues.add(422, 'content', 'CNAME records require a valid domain name');
      break;
    case 'MX':
      if (priority === null) issues.add(400, 'priority', 'Priority is required for MX records');
      if (!isValidTargetName(content)) issues.add(422, 'content', 'MX records require a valid domain name');
      break;
    case 'NS':
      // The docs give no NS content rule; a name server is a host name, so the domain name rule applies.
      if (!isValidTargetName(content)) issues.add(422, 'content', 'NS records require a valid domain name');
      break;
    case 'TXT':
      if (!txtStringsWithinLimit(content, forms))
        issues.add(422, 'content', 'TXT record strings must be at most 255 characters');
      break;
    case 'SRV': {
      const srv = normalizeSrv(content, priority, issues, forms);
      if (srv) {
        stored = srv.content;
        priority = srv.priority;
      }
      break;
    }
  }
  if (issues.list.length > 0) return null;
  return { type, name, content: stored, ttl: record.ttl, priority };
}

/** Validates a create (single or bulk) body: `{ type, name, content, ttl?, priority? }`. */
export function validateRecordInput(input: unknown, forms: RecordForms = 'lenient'): RecordValidationResult {
  const issues = new Issues();
  if (!isObject(input)) {
    return { ok: false, failure: { status: 400, message: 'Record must be a JSON object', details: {} } };
  }
  checkFieldTypes(input, false, issues);
  const early = issues.failure();
  if (early) return { ok: false, failure: early };
  const record = checkRecord(
    {
      type: input.type as PocketDnsRecordType,
      name: input.name as string,
      content: input.content as string,
      ttl: typeof input.ttl === 'number' ? input.ttl : TTL_DEFAULT,
      priority: typeof input.priority === 'number' ? input.priority : null,
    },
    issues,
    forms,
  );
  return record ? { ok: true, record } : { ok: false, failure: issues.failure()! };
}

/**
 * Validates an update body (`name`, `content`, `ttl`, `priority`, all optional) against the stored
 * record. `type` is not an update parameter: sending the record's own type is tolerated, a different
 * type is a 400 (changing type means delete + create). An explicit `priority: null` clears it.
 * For an SRV record whose content is updated, the new content decides the priority.
 */
export function validateRecordPatch(
  current: PocketDnsRecordFields,
  patch: unknown,
  forms: RecordForms = 'lenient',
): RecordValidationResult {
  const issues = new Issues();
  if (!isObject(patch)) {
    return {
      ok: false,
      failure: { status: 400, message: 'Request body must be a JSON object', details: {} },
    };
  }
  checkFieldTypes(patch, true, issues);
  if (
    typeof patch.type === 'string' &&
    patch.type !== current.type &&
    !issues.list.some((i) => i.field === 'type')
  ) {
    issues.add(400, 'type', 'Record type cannot be changed');
  }
  const early = issues.failure();
  if (early) return { ok: false, failure: early };
  let priority = current.priority;
  if (patch.priority === null) priority = null;
  else if (typeof patch.priority === 'number') priority = patch.priority;
  else if (current.type === 'SRV' && typeof patch.content === 'string') priority = null;
  let content = typeof patch.content === 'string' ? patch.content : current.content;
  if (current.type === 'SRV' && typeof patch.priority === 'number' && typeof patch.content !== 'string') {
    // A priority-only update of an SRV record rewrites the priority part of the stored content.
    content = [String(patch.priority), ...current.content.trim().split(/\s+/).slice(1)].join(' ');
  }
  const record = checkRecord(
    {
      type: current.type,
      name: typeof patch.name === 'string' ? patch.name : current.name,
      content,
      ttl: typeof patch.ttl === 'number' ? patch.ttl : current.ttl,
      priority,
    },
    issues,
    forms,
  );
  return record ? { ok: true, record } : { ok: false, failure: issues.failure()! };
}
