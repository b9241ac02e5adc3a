import { ValidationError } from '../errors/error-classes.js';
import type { ValidationIssue } from '../errors/registrar-error.js';
import {
  type DnsRecordInput,
  type DnsRecordPatch,
  RECORD_TYPES,
  type RecordType,
} from '../model/dns-record.js';
import { canonicalIPv4, canonicalIPv6 } from './ip-address.js';
import { EscapeError, escapeBytes, unescapeBytes } from './text-bytes.js';
import { uts46 } from './uts46.js';

/** A provider's record rules. Without them the RFC-level defaults apply. */
export interface RecordRules {
  /** Record types the provider accepts (default: every model type). */
  types?: readonly RecordType[];
  /** Inclusive TTL bounds in seconds (default 0–2147483647, RFC 2181). */
  ttl?: { min: number; max: number };
  /** The zone, to accept absolute names inside it and `@` as a host target. */
  zone?: string;
  /** Whether a CNAME may stand at the apex (default false: RFC 1034 forbids it). */
  cnameAtApex?: boolean;
  /** Whether a TXT record may hold the empty string (default true: RFC 1035 allows it). */
  emptyTxt?: boolean;
  /**
   * The lowest TTL the provider stores: a lower TTL is accepted (not refused) and stored raised to
   * it, as Porkbun does (docs/providers/porkbun.md#dns-records). `planRecords` compares desired
   * TTLs raised to it, so a plan does not propose the same change for ever.
   */
  minStoredTtl?: number;
}

const NAME_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const CAA = /^(\d{1,3})\s+([A-Za-z0-9]+)\s+(?:"((?:[^"\\]|\\.)*)"|(\S+))$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;
const DEFAULT_TTL = { min: 0, max: 2_147_483_647 };
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range
const NON_ASCII = /[^\u0000-\u007f]/;
const WITH_PRIORITY: ReadonlySet<RecordType> = new Set(['MX', 'SRV']);

/** Lower-cases and checks a relative record name; `@` or '' is the apex. */
function normalizeRecordName(name: unknown, rules: RecordRules, issues: ValidationIssue[]): string {
  if (typeof name !== 'string') {
    issues.push({ path: 'name', message: 'must be a string' });
    return '';
  }
  let relative = name.trim().toLowerCase();
  const zone = rules.zone?.toLowerCase().replace(/\.$/, '');
  if (relative.endsWith('.')) {
    const absolute = relative.slice(0, -1);
    if (zone && absolute === zone) relative = '@';
    else if (zone && absolute.endsWith(`.${zone}`)) relative = absolute.slice(0, -zone.length - 1);
    else {
      issues.push({ path: 'name', message: 'must be relative to the zone (use "@" for the apex)' });
      return relative;
    }
  }
  if (relative === '' || relative === '@') return '@';
  const labels = relative.split('.');
  labels.forEach((label, index) => {
    if (label === '*' && index === 0) return;
    if (!NAME_LABEL.test(label)) {
      issues.push({
        path: 'name',
        message: `label "${label}" must be 1–63 letters, digits, hyphens or underscores, not starting or ending with a hyphen`,
      });
    }
  });
  if (relative.length + (zone ? zone.length + 1 : 0) > 253)
    issues.push({ path: 'name', message: 'makes a name longer than 253 characters' });
  return relative;
}

/** Canonical host target: lower-case, ASCII, no trailing dot. `@` becomes the zone when known. */
function normalizeHost(value: string, path: string, rules: RecordRules, issues: ValidationIssue[]): string {
  let host = value.trim().toLowerCase();
  if (host === '@' && rules.zone) return rules.zone.toLowerCase().replace(/\.$/, '');
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '') {
    issues.push({ path, message: 'must be a host name' });
    return host;
  }
  // A scan, not `[...host]`: spreading built an array of one string per character for every host.
  const ascii = !NON_ASCII.test(host)
    ? host
    : uts46().toASCII(host, { useSTD3ASCIIRules: false, transitionalProcessing: false });
  const labelsValid = ascii?.split('.').every((label) => NAME_LABEL.test(label)) ?? false;
  if (!ascii || !labelsValid || ascii.length > 253) {
    issues.push({ path, message: `"${value}" is not a valid host name` });
    return host;
  }
  return ascii;
}

function checkUint16(value: unknown, path: string, issues: ValidationIssue[]): number | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 65535) {
    issues.push({ path, message: 'must be an integer from 0 to 65535' });
    return null;
  }
  return value;
}

function canonicalContent(
  type: RecordType,
  content: string,
  rules: RecordRules,
  issues: ValidationIssue[],
): string {
  switch (type) {
    case 'A': {
      const ip = canonicalIPv4(content.trim());
      if (!ip) issues.push({ path: 'content', message: `"${content}" is not an IPv4 address` });
      return ip ?? content;
    }
    case 'AAAA': {
      const ip = canonicalIPv6(content.trim());
      if (!ip) issues.push({ path: 'content', message: `"${content}" is not an IPv6 address` });
      return ip ?? content;
    }
    case 'CNAME':
    case 'NS':
    case 'ALIAS':
    case 'MX':
      return normalizeHost(content, 'content', rules, issues);
    case 'SRV': {
      const parts = content.trim().split(/\s+/);
      if (parts.length !== 3) {
        issues.push({ path: 'content', message: 'SRV content must be "weight port target"' });
        return content;
      }
      const [weight, port, target] = parts as [string, string, string];
      checkUint16(/^\d+$/.test(weight) ? Number(weight) : Number.NaN, 'content.weight', issues);
      checkUint16(/^\d+$/.test(port) ? Number(port) : Number.NaN, 'content.port', issues);
      const host = target === '.' ? '.' : normalizeHost(target, 'content.target', rules, issues);
      return `${Number(weight)} ${Number(port)} ${host}`;
    }
    case 'CAA': {
      const match = CAA.exec(content.trim());
      if (!match) {
        issues.push({
          path: 'content',
          message: 'CAA content must be `flags tag "value"`, e.g. 0 issue "letsencrypt.org"',
        });
        return content;
      }
      const flags = Number(match[1]);
      if (flags > 255) issues.push({ path: 'content.flags', message: 'must be from 0 to 255' });
      const value = match[3] ?? match[4] ?? '';
      if (CONTROL.test(value)) {
        issues.push({
          path: 'content.value',
          message: 'must not hold control characters (a zone file writes such a byte as \\DDD)',
        });
        return content;
      }
      let bytes: string;
      try {
        bytes = unescapeBytes(Buffer.from(value, 'utf8').toString('latin1'));
      } catch (error) {
        if (!(error instanceof EscapeError)) throw error;
        issues.push({ path: 'content.value', message: error.message });
        return content;
      }
      // One spelling of each value: `"` and `\` escaped, other bytes as RFC 1035 §5.1 writes them.
      return `${flags} ${match[2]!.toLowerCase()} "${escapeBytes(bytes)}"`;
    }
    case 'TXT':
      return content;
  }
}

/**
 * Checks a record input against the provider's rules and returns it in canonical form (name
 * lower-case with `@` for the apex, canonical content, priority null where it does not apply).
 * Throws one `ValidationError` listing every issue; nothing is sent when it throws.
 */
export function validateRecordInput(input: DnsRecordInput, rules: RecordRules = {}): DnsRecordInput {
  const issues: ValidationIssue[] = [];
  if (!input || typeof input !== 'object') {
    throw new ValidationError('Invalid record: expected an object', {
      operation: 'validateRecordInput',
      issues: [{ path: '', message: 'must be an object' }],
    });
  }
  const allowed = rules.types ?? RECORD_TYPES;
  const type = input.type;
  const knownType = (RECORD_TYPES as readonly string[]).includes(type);
  if (!knownType) issues.push({ path: 'type', message: `must be one of ${RECORD_TYPES.join(', ')}` });
  else if (!allowed.includes(type))
    issues.push({
      path: 'type',
      message: `${type} records are not supported here (supported: ${allowed.join(', ')})`,
    });

  const name = normalizeRecordName(input.name, rules, issues);
  let content = '';
  if (typeof input.content !== 'string') issues.push({ path: 'content', message: 'must be a string' });
  else if (input.content.length === 0 && (type !== 'TXT' || rules.emptyTxt === false))
    issues.push({ path: 'content', message: 'must not be empty' });
  else if (knownType) content = canonicalContent(type, input.content, rules, issues);

  if (input.ttl !== undefined) checkTtl(input.ttl, rules, issues);

  let priority: number | null = null;
  if (WITH_PRIORITY.has(type)) {
    if (input.priority === undefined || input.priority === null)
      issues.push({ path: 'priority', message: `is required for ${type} records (0–65535)` });
    else priority = checkUint16(input.priority, 'priority', issues);
  } else if (input.priority !== undefined && input.priority !== null) {
    issues.push({ path: 'priority', message: `only applies to MX and SRV records, not ${type}` });
  }

  if (type === 'CNAME' && name === '@' && !rules.cnameAtApex) {
    issues.push({
      path: 'name',
      message: 'a CNAME cannot stand at the zone apex ("@"); use ALIAS where the provider has it',
    });
  }

  if (issues.length > 0)
    throw issuesError(knownType ? `Invalid ${type} record` : 'Invalid record', issues, 'validateRecordInput');
  return {
    type,
    name,
    content,
    ...(input.ttl !== undefined ? { ttl: input.ttl } : {}),
    priority,
  };
}

const PATCH_KEYS = new Set(['name', 'content', 'ttl', 'priority']);

/**
 * Checks a record patch. With the record's `type` the content is checked and made canonical
 * for that type; without it only its shape is. Throws one `ValidationError` with every issue.
 */
export function validateRecordPatch(
  patch: DnsRecordPatch,
  rules: RecordRules = {},
  type?: RecordType,
): DnsRecordPatch {
  const issues: ValidationIssue[] = [];
  if (!patch || typeof patch !== 'object') {
    throw new ValidationError('Invalid record patch: expected an object', {
      operation: 'validateRecordPatch',
      issues: [{ path: '', message: 'must be an object' }],
    });
  }
  const unknown = Object.keys(patch).filter((key) => !PATCH_KEYS.has(key));
  for (const key of unknown)
    issues.push({
      path: key,
      message: 'cannot be changed by an update (allowed: name, content, ttl, priority)',
    });
  if (Object.keys(patch).length === 0) issues.push({ path: '', message: 'the patch changes nothing' });
  const out: DnsRecordPatch = {};
  if (patch.name !== undefined) out.name = normalizeRecordName(patch.name, rules, issues);
  if (patch.content !== undefined) {
    if (typeof patch.content !== 'string') issues.push({ path: 'content', message: 'must be a string' });
    else if (patch.content.length === 0 && (type !== 'TXT' || rules.emptyTxt === false))
      issues.push({ path: 'content', message: 'must not be empty' });
    else if (type) out.content = canonicalContent(type, patch.content, rules, issues);
    else out.content = patch.content;
  }
  if (patch.ttl !== undefined) {
    checkTtl(patch.ttl, rules, issues);
    out.ttl = patch.ttl;
  }
  if (patch.priority !== undefined && patch.priority !== null) {
    if (type && !WITH_PRIORITY.has(type))
      issues.push({ path: 'priority', message: `only applies to MX and SRV records, not ${type}` });
    else out.priority = checkUint16(patch.priority, 'priority', issues);
  }
  if (type === 'CNAME' && out.name === '@' && !rules.cnameAtApex) {
    issues.push({ path: 'name', message: 'a CNAME cannot stand at the zone apex ("@")' });
  }
  if (issues.length > 0) throw issuesError('Invalid record patch', issues, 'validateRecordPatch');
  return out;
}

function checkTtl(ttl: unknown, rules: RecordRules, issues: ValidationIssue[]): void {
  const { min, max } = rules.ttl ?? DEFAULT_TTL;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < min || ttl > max) {
    issues.push({ path: 'ttl', message: `must be an integer from ${min} to ${max} seconds` });
  }
}

function issuesError(prefix: string, issues: ValidationIssue[], operation: string): ValidationError {
  const summary = issues
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
  return new ValidationError(`${prefix}: ${summary}`, { operation, issues });
}
