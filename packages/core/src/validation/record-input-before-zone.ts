/**
 * Record checks for the moment the zone is not known yet (the domain was given as a provider id):
 * everything that does not depend on the zone is checked before any request, so a record that can
 * never be valid (a CNAME at `@`, an MX without priority, a TTL out of bounds) is refused with
 * nothing sent. The two zone-dependent forms are stood in for: an absolute name (`www.example.com.`)
 * is checked as the relative name of its labels, and a host target `@` as a valid host. What only
 * the zone decides (an absolute name outside the zone, the 253-character limit with the zone) is
 * checked again once the zone is known, with `validateRecordInput` / `validateRecordPatch`.
 */
import type { DnsRecordInput, DnsRecordPatch, RecordType } from '../model/dns-record.js';
import { type RecordRules, validateRecordInput, validateRecordPatch } from './record-input.js';

/** A valid host standing in for `@` (the zone), from the reserved `.invalid` TLD (RFC 2606). */
const ZONE_STAND_IN = 'zone.invalid';
const HOST_TYPES: ReadonlySet<string> = new Set(['CNAME', 'NS', 'ALIAS', 'MX']);

function standInName(name: unknown): unknown {
  if (typeof name !== 'string') return name;
  const trimmed = name.trim();
  return trimmed.endsWith('.') && trimmed !== '.' ? trimmed.slice(0, -1) : name;
}

function standInContent(type: unknown, content: unknown): unknown {
  if (typeof content !== 'string') return content;
  if (HOST_TYPES.has(String(type)) && content.trim() === '@') return ZONE_STAND_IN;
  if (type === 'SRV') {
    const parts = content.trim().split(/\s+/);
    if (parts.length === 3 && parts[2] === '@') return `${parts[0]} ${parts[1]} ${ZONE_STAND_IN}`;
  }
  return content;
}

function withoutZone(rules: RecordRules): RecordRules {
  const { zone: _zone, ...rest } = rules;
  return rest;
}

/**
 * Refuses (one `ValidationError` with every issue) a record input that is invalid whatever its
 * zone turns out to be. With `rules.zone` set this is `validateRecordInput` itself.
 */
export function validateRecordInputBeforeZone(input: DnsRecordInput, rules: RecordRules = {}): void {
  if (rules.zone) {
    validateRecordInput(input, rules);
    return;
  }
  if (!input || typeof input !== 'object') {
    validateRecordInput(input, rules);
    return;
  }
  const standIn = {
    ...input,
    name: standInName(input.name),
    content: standInContent(input.type, input.content),
  } as DnsRecordInput;
  validateRecordInput(standIn, withoutZone(rules));
}

/** The same for a record patch (content checked only when the record's `type` is known). */
export function validateRecordPatchBeforeZone(
  patch: DnsRecordPatch,
  rules: RecordRules = {},
  type?: RecordType,
): void {
  if (rules.zone || !patch || typeof patch !== 'object') {
    validateRecordPatch(patch, rules, type);
    return;
  }
  const standIn: Record<string, unknown> = { ...patch };
  if ('name' in patch && patch.name !== undefined) standIn.name = standInName(patch.name);
  if ('content' in patch && patch.content !== undefined)
    standIn.content = standInContent(type, patch.content);
  validateRecordPatch(standIn as DnsRecordPatch, withoutZone(rules), type);
}
