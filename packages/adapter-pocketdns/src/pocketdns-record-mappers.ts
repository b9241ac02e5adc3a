/**
 * PocketDNS DNS records ↔ the model. Content goes out in the forms PocketDNS's DNS Records page
 * shows (docs/providers/pocketdns.md#record-content): SRV as four-part content
 * (`priority weight port target`) with no separate priority field, TXT as the value itself, never
 * quoted; it comes back canonical (core `canonicalRecordContent`), except TXT, which PocketDNS
 * stores and returns as sent: the value is kept exactly, quotes included.
 */
import {
  canonicalRecordContent,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordPatch,
  RECORD_TYPES,
  type RecordType,
} from '@registrar-kit/core';
import { PROVIDER } from './pocketdns-provider-info.js';
import type { DnsRecordPayload } from './pocketdns-schemas.js';

const MODEL_TYPES: ReadonlySet<string> = new Set(RECORD_TYPES);

/** PocketDNS's TTL when none is sent ("default: 300"). */
export const DEFAULT_TTL = 300;

function date(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}

/** A record name relative to the zone, lower-case, `@` for the apex. */
export function relativeName(name: string, zone: string): string {
  let relative = name.trim().toLowerCase();
  if (relative.endsWith('.')) {
    const absolute = relative.slice(0, -1);
    if (absolute === zone) return '@';
    if (absolute.endsWith(`.${zone}`)) relative = absolute.slice(0, -zone.length - 1);
  }
  return relative === '' ? '@' : relative;
}

/** Content and priority of a PocketDNS record in the model's canonical form. */
export function contentFromWire(
  type: RecordType,
  content: string,
  priority: number | null,
  zone?: string,
): { content: string; priority: number | null } {
  switch (type) {
    case 'TXT':
      return { content, priority: null };
    case 'SRV': {
      // Four-part content carries the priority; `weight port target` + priority is read as well.
      const parts = content.trim().split(/\s+/);
      if (parts.length === 4 && /^\d+$/.test(parts[0]!))
        return {
          content: canonicalRecordContent('SRV', parts.slice(1).join(' '), zone),
          priority: Number(parts[0]),
        };
      return { content: canonicalRecordContent('SRV', content, zone), priority };
    }
    case 'MX':
      return { content: canonicalRecordContent(type, content, zone), priority };
    default:
      return { content: canonicalRecordContent(type, content, zone), priority: null };
  }
}

/**
 * A PocketDNS record in the model, or null for what the user cannot manage here (SOA, types
 * outside the model). `fallback` fills fields that bulk and template answers leave out.
 */
export function toDnsRecord(
  payload: DnsRecordPayload,
  zone: string,
  fallback: { ttl?: number; priority?: number | null } = {},
): DnsRecord | null {
  const type = payload.type.trim().toUpperCase();
  if (!MODEL_TYPES.has(type)) return null;
  const recordType = type as RecordType;
  const name = relativeName(payload.name, zone);
  const { content, priority } = contentFromWire(
    recordType,
    payload.content,
    payload.priority ?? fallback.priority ?? null,
    zone,
  );
  return {
    provider: PROVIDER,
    id: payload.id,
    domain: zone,
    name,
    fqdn: name === '@' ? zone : `${name}.${zone}`,
    type: recordType,
    content,
    ttl: payload.ttl ?? fallback.ttl ?? DEFAULT_TTL,
    priority: recordType === 'MX' || recordType === 'SRV' ? priority : null,
    createdAt: date(payload.created_at),
    updatedAt: date(payload.updated_at),
    raw: payload,
  };
}

/** Content as PocketDNS takes it: SRV `priority weight port target`; everything else as given. */
export function contentToWire(
  type: RecordType,
  content: string,
  priority: number | null | undefined,
): string {
  return type === 'SRV' ? `${priority ?? 0} ${content}` : content;
}

/** The create body (single or bulk item) of a checked, canonical input: SRV's priority travels in its content. */
export function toRecordBody(input: DnsRecordInput): Record<string, unknown> {
  const priority = input.priority ?? null;
  return {
    type: input.type,
    name: input.name,
    content: contentToWire(input.type, input.content, priority),
    ...(input.ttl !== undefined ? { ttl: input.ttl } : {}),
    ...(priority !== null && input.type !== 'SRV' ? { priority } : {}),
  };
}

/**
 * The update body of a checked, canonical patch: only the fields provided. An SRV record's
 * priority lives in its content, so a change of either sends the whole four-part content
 * (`current` fills the other part) and no priority field.
 */
export function toRecordPatchBody(
  patch: DnsRecordPatch,
  type: RecordType | undefined,
  current?: { content: string; priority: number | null },
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (patch.name !== undefined) body.name = patch.name;
  if (patch.ttl !== undefined) body.ttl = patch.ttl;
  if (type === 'SRV') {
    if (patch.content !== undefined || (patch.priority !== undefined && patch.priority !== null))
      body.content = contentToWire(
        'SRV',
        patch.content ?? current?.content ?? '',
        patch.priority ?? current?.priority ?? 0,
      );
    return body;
  }
  if (patch.content !== undefined) body.content = patch.content;
  if (patch.priority !== undefined && patch.priority !== null) body.priority = patch.priority;
  return body;
}
