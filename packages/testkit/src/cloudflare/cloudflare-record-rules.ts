/**
 * Validation of DNS record writes and the zone-wide conflict rules, shared by single writes, the
 * batch endpoint and zone-file import (docs/providers/cloudflare.md#dns-records). Every failure
 * throws the failure envelope (`fail`), so a batch can stop at the first one.
 */
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { CF, fail } from './cloudflare-errors.js';
import {
  CAA_TAGS,
  contentFromData,
  DATA_FIELDS,
  HOSTNAME_TYPES,
  isRecordType,
  PROXIABLE_TYPES,
  REMOVED_SRV_KEYS,
  TOP_LEVEL_PRIORITY,
} from './cloudflare-record-types.js';
import type { CloudflareRecord } from './cloudflare-shapes.js';

/** TTL 1 means "automatic" (300 s). */
export const AUTO_TTL = 1;
/** Longest TXT content of one record, in characters. */
export const TXT_MAX_LENGTH = 2048;
/** Longest combined TXT content of all records of one name. */
export const TXT_COMBINED_MAX_LENGTH = 8192;

/** The writable part of a record, validated and normalised. */
export type RecordDraft = Omit<
  CloudflareRecord,
  'id' | 'created_on' | 'modified_on' | 'comment_modified_on' | 'tags_modified_on'
>;

export interface ZoneRules {
  zoneName: string;
  /** Enterprise zones accept TTLs from 30 s, others from 60 s. */
  minTtl: number;
}

const LABEL = /^(?:\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/;
const HOST_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const TAG = /^[A-Za-z0-9_-]+:.*$/;

function invalidName(pointer?: string): never {
  fail(400, CF.invalidName, 'DNS name is invalid.', pointer);
}

function labelsValid(name: string, label: RegExp): boolean {
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  return labels.every((l, i) => label.test(l) && (l !== '*' || i === 0));
}

function toAscii(name: string): string {
  const lower = name.trim().toLowerCase().replace(/\.$/, '');
  if (/^[\x21-\x7e]*$/.test(lower)) return lower;
  return domainToASCII(lower);
}

/**
 * The FQDN of a record name given as FQDN, `@` or relative to the zone; case folded, punycode, no
 * trailing dot (the API accepts all three forms and always answers FQDN).
 */
export function normalizeRecordName(input: unknown, zoneName: string): string {
  if (typeof input !== 'string') invalidName();
  if (input.trim() === '@') return zoneName;
  const name = toAscii(input);
  if (name === '') invalidName();
  const fqdn = name === zoneName || name.endsWith(`.${zoneName}`) ? name : `${name}.${zoneName}`;
  if (!labelsValid(fqdn, LABEL)) invalidName();
  return fqdn;
}

function hostContent(type: string, content: unknown): string {
  const host = typeof content === 'string' ? toAscii(content) : '';
  if (!labelsValid(host, HOST_LABEL) || !host.includes('.')) {
    fail(400, CF.invalidContent, `Content for ${type} record is invalid.`);
  }
  return host;
}

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** AAAA content in RFC 5952 canonical form (lower case, longest zero run compressed). */
function canonicalIpv6(value: string): string {
  return new URL(`http://[${value}]/`).hostname.slice(1, -1);
}

/**
 * Checks TXT content: quotes must be balanced (an opening quote closed, no stray quote). Content is
 * stored as sent: the API neither adds quotes nor splits strings (only the dashboard does).
 */
function txtContent(content: unknown): string {
  if (typeof content !== 'string' || content.length === 0) {
    fail(400, CF.invalidContent, 'Content for TXT record is invalid.');
  }
  if (content.length > TXT_MAX_LENGTH) {
    fail(400, CF.contentTooLong, 'Record content exceeds the allowed length of 4096 wire format bytes.');
  }
  let quotes = 0;
  for (let i = 0; i < content.length; i++) {
    if (content[i] === '\\') i++;
    else if (content[i] === '"') quotes++;
  }
  const balanced = quotes % 2 === 0 && (!content.startsWith('"') || isQuotedStrings(content));
  if (!balanced) fail(400, CF.invalidContent, 'Content for TXT record is invalid: inconsistent quotes.');
  return content;
}

/** True when the text is one or more RFC 1035 quoted character-strings separated by spaces. */
export function isQuotedStrings(text: string): boolean {
  return /^"(?:[^"\\]|\\.)*"(?:\s+"(?:[^"\\]|\\.)*")*$/.test(text.trim());
}

/**
 * True when the dashboard shows its "must be in quotation marks" warning for this TXT content (the
 * API stores and returns unquoted content without any warning).
 */
export function txtNeedsQuotes(record: Pick<CloudflareRecord, 'type' | 'content'>): boolean {
  return record.type === 'TXT' && !isQuotedStrings(record.content);
}

export const TXT_QUOTE_WARNING =
  'The content field of TXT records must be in quotation marks. Cloudflare may add quotation marks on your behalf, which will not affect how the record works.';

function uint(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

function dataFields(type: string, data: unknown): Record<string, unknown> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fail(400, CF.generic, `data is required for ${type} records`);
  }
  const given = data as Record<string, unknown>;
  if (type === 'SRV') {
    for (const key of REMOVED_SRV_KEYS) {
      if (given[key] !== undefined) {
        fail(400, CF.generic, `SRV data.${key} is no longer supported; put the full name in name`);
      }
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, kind] of DATA_FIELDS[type] ?? []) {
    const value = given[key];
    const okValue =
      kind === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : typeof value === 'string' && value !== '';
    if (!okValue) fail(400, CF.invalidContent, `Content for ${type} record is invalid: data.${key}.`);
    out[key] = kind === 'string' ? (value as string) : value;
  }
  if (type === 'SRV' || type === 'HTTPS' || type === 'SVCB' || type === 'URI') {
    if (!uint(out.priority ?? 0, 65535) || !uint(out.weight ?? 0, 65535) || !uint(out.port ?? 0, 65535)) {
      fail(400, CF.invalidContent, `Content for ${type} record is invalid.`);
    }
  }
  if (type === 'SRV' || type === 'HTTPS' || type === 'SVCB') {
    out.target = toAscii(String(out.target)) || '.';
  }
  if (type === 'CAA' && (!uint(out.flags, 255) || !CAA_TAGS.has(String(out.tag)))) {
    fail(400, CF.invalidContent, 'Content for CAA record is invalid.');
  }
  return out;
}

function priorityOf(type: string, value: unknown): number {
  if (!uint(value, 65535)) fail(400, CF.generic, `priority is required for ${type} records (0-65535)`);
  return value;
}

function ttlOf(value: unknown, rules: ZoneRules): number {
  if (value === undefined || value === null) return AUTO_TTL;
  const valid =
    typeof value === 'number' &&
    Number.isInteger(value) &&
    (value === AUTO_TTL || (value >= rules.minTtl && value <= 86400));
  if (!valid) {
    fail(
      400,
      CF.invalidTtl,
      `Invalid TTL. Must be between ${rules.minTtl} and 86400 seconds, or 1 for Automatic.`,
    );
  }
  return value;
}

function commentOf(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || /[\r\n]/.test(value)) {
    fail(400, CF.generic, 'comment must be a string without line breaks');
  }
  return value;
}

function tagsOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((t) => typeof t === 'string' && TAG.test(t))) {
    fail(400, CF.generic, 'tags must be strings of the form name:value');
  }
  return [...value];
}

/** Validates a full create/PUT body and returns the normalised record fields. */
export function validateRecordInput(input: Record<string, unknown>, rules: ZoneRules): RecordDraft {
  const type = input.type;
  if (!isRecordType(type)) fail(400, CF.generic, 'Invalid or missing DNS record type');
  const name = normalizeRecordName(input.name, rules.zoneName);

  let content: string;
  let data: Record<string, unknown> | undefined;
  let priority: number | undefined;
  if (DATA_FIELDS[type]) {
    data = dataFields(type, input.data);
    content = contentFromData(type, data);
    if (type === 'SRV') priority = data.priority as number;
    if (type === 'URI') priority = priorityOf(type, input.priority);
  } else if (type === 'A') {
    if (typeof input.content !== 'string' || !IPV4.test(input.content)) {
      fail(400, CF.invalidContent, 'Content for A record must be a valid IPv4 address.');
    }
    content = input.content;
  } else if (type === 'AAAA') {
    if (typeof input.content !== 'string' || isIP(input.content) !== 6) {
      fail(400, CF.invalidContent, 'Content for AAAA record must be a valid IPv6 address.');
    }
    content = canonicalIpv6(input.content);
  } else if (type === 'TXT') {
    content = txtContent(input.content);
  } else if (HOSTNAME_TYPES.has(type)) {
    content = hostContent(type, input.content);
    if (type === 'CNAME' && content === name) {
      fail(400, CF.invalidContent, 'Content for CNAME record is invalid: it must differ from the name.');
    }
  } else {
    if (typeof input.content !== 'string' || input.content.trim() === '') {
      fail(400, CF.invalidContent, `Content for ${type} record is invalid.`);
    }
    content = input.content;
  }
  if (TOP_LEVEL_PRIORITY.has(type) && priority === undefined) priority = priorityOf(type, input.priority);

  const proxiable = PROXIABLE_TYPES.has(type);
  if (input.proxied !== undefined && input.proxied !== null && typeof input.proxied !== 'boolean') {
    fail(400, CF.generic, 'proxied must be a boolean');
  }
  const proxied = input.proxied === true;
  if (proxied && !proxiable) fail(400, CF.notProxiable, 'This record type cannot be proxied.');
  let ttl = ttlOf(input.ttl, rules);
  // Proxied records always have an automatic TTL.
  if (proxied) ttl = AUTO_TTL;

  const settings = input.settings;
  const draft: RecordDraft = {
    type,
    name,
    content,
    ttl,
    proxied,
    proxiable,
    settings:
      settings !== null && typeof settings === 'object' && !Array.isArray(settings)
        ? { ...(settings as Record<string, unknown>) }
        : {},
    meta: {},
    tags: tagsOf(input.tags),
  };
  if (data !== undefined) draft.data = data;
  if (priority !== undefined) draft.priority = priority;
  const comment = commentOf(input.comment);
  if (comment !== undefined) draft.comment = comment;
  return draft;
}

/** The writable fields of a stored record, as a PATCH starts from. */
export function recordAsInput(record: CloudflareRecord): Record<string, unknown> {
  const input: Record<string, unknown> = {
    type: record.type,
    name: record.name,
    ttl: record.ttl,
    proxied: record.proxied,
    settings: record.settings,
    tags: record.tags,
    comment: record.comment,
  };
  if (record.data) input.data = record.data;
  else input.content = record.content;
  if (record.priority !== undefined && TOP_LEVEL_PRIORITY.has(record.type)) input.priority = record.priority;
  return input;
}

/** Refuses a type change on PUT/PATCH (unsupported since 2026-06-30). */
export function refuseTypeChange(record: CloudflareRecord, input: Record<string, unknown>): void {
  if (input.type !== undefined && input.type !== record.type) {
    fail(
      400,
      CF.generic,
      'Changing the type of a DNS record is not supported. Delete the record and create a new one.',
    );
  }
}

function sameData(a: CloudflareRecord | RecordDraft, b: RecordDraft): boolean {
  return (
    a.type === b.type &&
    a.name === b.name &&
    a.content === b.content &&
    (a.priority ?? null) === (b.priority ?? null)
  );
}

/** Under (or at) a delegated name: an NS record set at the name or an ancestor below the apex. */
function delegatedAt(name: string, zoneName: string, others: readonly CloudflareRecord[]): boolean {
  const delegations = new Set(
    others.filter((r) => r.type === 'NS' && r.name !== zoneName).map((r) => r.name),
  );
  for (let at = name; at !== zoneName && at.includes('.'); at = at.slice(at.indexOf('.') + 1)) {
    if (delegations.has(at)) return true;
  }
  return false;
}

/**
 * Zone-wide rules for a record about to be written, against the zone's other records (the record
 * being replaced excluded): duplicates, CNAME exclusivity, delegated names, combined TXT length.
 */
export function checkConflicts(
  draft: RecordDraft,
  zoneName: string,
  others: readonly CloudflareRecord[],
): void {
  if (others.some((r) => sameData(r, draft))) {
    fail(400, CF.identical, 'An identical record already exists.');
  }
  const atName = others.filter((r) => r.name === draft.name);
  if (
    draft.type === 'CNAME' &&
    atName.some((r) => r.type === 'A' || r.type === 'AAAA' || r.type === 'CNAME')
  ) {
    fail(400, CF.cnameClash, 'An A, AAAA, or CNAME record with that host already exists.');
  }
  if ((draft.type === 'A' || draft.type === 'AAAA') && atName.some((r) => r.type === 'CNAME')) {
    fail(400, CF.cnameExists, 'A CNAME record with that host already exists.');
  }
  if (draft.type !== 'NS' && delegatedAt(draft.name, zoneName, others)) {
    fail(400, CF.delegated, 'NS records with that host already exist.');
  }
  if (draft.type === 'TXT') {
    const combined = atName.filter((r) => r.type === 'TXT').reduce((n, r) => n + r.content.length, 0);
    if (combined + draft.content.length > TXT_COMBINED_MAX_LENGTH) {
      fail(
        400,
        CF.txtCombinedTooLong,
        'Combined content length of records with this name exceeds 8192 characters.',
      );
    }
  }
}
