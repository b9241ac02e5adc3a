/**
 * Porkbun's rules for a DNS record write (docs/providers/porkbun.md#dns-records): the accepted
 * types, relative names, TTLs raised to the account minimum (never refused), `prio` 0 by default,
 * exact duplicates refused with `DUPLICATE_RECORD` + `existingId`, and a CNAME that would share its
 * name with another record refused with `RECORD_CONFLICT` + `conflictingRecords`.
 */
import { isIP } from 'node:net';
import { PorkbunError, type PorkbunErrorCode } from './porkbun-errors.js';
import { type JsonBody, optionalInteger, optionalString, requiredString } from './porkbun-request.js';
import type { PorkbunRecord } from './porkbun-state.js';

export const PORKBUN_RECORD_TYPES = new Set([
  'A',
  'AAAA',
  'MX',
  'CNAME',
  'ALIAS',
  'TXT',
  'NS',
  'SRV',
  'TLSA',
  'CAA',
  'SSHFP',
  'HTTPS',
  'SVCB',
]);

export type RecordFields = Omit<PorkbunRecord, 'id'>;

const NAME =
  /^(\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(\.(\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?))*$/;

/** A relative record name (`''` = apex), lower-case; INVALID_INPUT when malformed. */
export function relativeName(value: string | undefined): string {
  const name = (value ?? '').trim().toLowerCase();
  if (name !== '' && !NAME.test(name))
    throw new PorkbunError('INVALID_INPUT', `Invalid record name: ${name}.`);
  return name;
}

/** The stored TTL: omitted or 0 → the minimum; lower values are raised to it. */
export function storedTtl(ttl: number | undefined, minTtl: number): number {
  if (ttl !== undefined && ttl < 0) throw new PorkbunError('INVALID_INPUT', 'ttl must not be negative.');
  return Math.max(ttl ?? 0, minTtl);
}

export function recordType(value: string): string {
  const type = value.toUpperCase();
  if (!PORKBUN_RECORD_TYPES.has(type))
    throw new PorkbunError('INVALID_TYPE', `Invalid record type: ${value}.`);
  return type;
}

function checkContent(type: string, content: string): void {
  if ((type === 'A' && isIP(content) !== 4) || (type === 'AAAA' && isIP(content) !== 6))
    throw new PorkbunError('INVALID_INPUT', `Invalid ${type} record content: ${content}.`);
}

/**
 * The full record a create or edit body describes. Omitted fields take their defaults: an omitted
 * `name` is the apex, an omitted `ttl` the minimum, an omitted `prio` 0; `notes` omitted or null
 * keeps `keepNotes`, `""` clears.
 */
export function recordFromBody(
  body: JsonBody,
  minTtl: number,
  keepNotes: string | null = null,
): RecordFields {
  const type = recordType(requiredString(body, 'type'));
  const content = requiredString(body, 'content');
  checkContent(type, content);
  const notes = optionalString(body, 'notes');
  return {
    name: relativeName(optionalString(body, 'name')),
    type,
    content,
    ttl: storedTtl(optionalInteger(body, 'ttl'), minTtl),
    prio: optionalInteger(body, 'prio') ?? 0,
    notes: notes === undefined ? keepNotes : notes === '' ? null : notes,
  };
}

export interface RecordRefusal {
  code: PorkbunErrorCode;
  message: string;
  extra: Record<string, unknown>;
}

/** Why `candidate` cannot join `existing` (ignoring the record with id `self`), or null. */
export function recordRefusal(
  candidate: RecordFields,
  existing: readonly PorkbunRecord[],
  zone: string,
  self?: number,
): RecordRefusal | null {
  if (candidate.type === 'CNAME' && candidate.name === '') {
    return {
      code: 'INVALID_INPUT',
      message: 'A CNAME record is not allowed at the root of the domain; use an ALIAS record instead.',
      extra: {},
    };
  }
  const others = existing.filter((r) => r.id !== self);
  const duplicate = others.find(
    (r) => r.name === candidate.name && r.type === candidate.type && r.content === candidate.content,
  );
  if (duplicate) {
    return {
      code: 'DUPLICATE_RECORD',
      message: 'A record with the same name, type and content already exists.',
      extra: { existingId: String(duplicate.id) },
    };
  }
  const sameName = others.filter((r) => r.name === candidate.name);
  const conflicts = candidate.type === 'CNAME' ? sameName : sameName.filter((r) => r.type === 'CNAME');
  if (conflicts.length > 0) {
    return {
      code: 'RECORD_CONFLICT',
      message: 'A CNAME record cannot share its name with other records.',
      extra: {
        conflictingRecords: conflicts.map((r) => ({
          id: String(r.id),
          name: r.name === '' ? zone : `${r.name}.${zone}`,
          type: r.type,
          content: r.content,
        })),
      },
    };
  }
  return null;
}

/** Throws the refusal of `recordRefusal`, if any. */
export function assertRecordFits(
  candidate: RecordFields,
  existing: readonly PorkbunRecord[],
  zone: string,
  self?: number,
): void {
  const refusal = recordRefusal(candidate, existing, zone, self);
  if (refusal) throw new PorkbunError(refusal.code, refusal.message, refusal.extra);
}
