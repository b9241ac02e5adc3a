/**
 * The JSON shapes Porkbun answers with. `observed` (the default) reproduces what real responses
 * were recorded to contain where they differ from the OpenAPI spec: domain flags `securityLock` and
 * `whoisPrivacy` as the strings "1"/"0" next to integer `autoRenew`/`apiAccess`/`notLocal`, a bare
 * number as the `/dns/create` id, `[]` for an empty map (pricing `coupons`, DNSSEC `records`), a
 * transfer `orderId` as a string and `transferDate` as "YYYY-MM-DD HH:MM:SS". `spec` answers exactly
 * as the spec's schemas say. docs/providers/porkbun.md#data-formats.
 */
import type { PorkbunDomain, PorkbunDsRecord, PorkbunRecord, PorkbunTransfer } from './porkbun-state.js';

export type PorkbunResponseShapes = 'observed' | 'spec';

/** `"2026-07-20 11:02:03"` (UTC, no zone), Porkbun's date format. */
export function porkbunDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** `"2027-04-21"`. */
export function porkbunDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const flag = (on: boolean) => (on ? 1 : 0);

export function domainItem(domain: PorkbunDomain, shapes: PorkbunResponseShapes, includeLabels: boolean) {
  const stringFlag = (on: boolean) => (shapes === 'observed' ? String(flag(on)) : flag(on));
  const item: Record<string, unknown> = {
    domain: domain.name,
    status: 'ACTIVE',
    tld: domain.tld,
    createDate: porkbunDateTime(domain.createdAt),
    expireDate: porkbunDateTime(domain.expiresAt),
    securityLock: stringFlag(domain.securityLock),
    whoisPrivacy: stringFlag(domain.whoisPrivacy),
    autoRenew: flag(domain.autoRenew),
    apiAccess: flag(domain.apiAccess),
    notLocal: 0,
  };
  if (includeLabels) item.labels = domain.labels.map((l) => ({ ...l }));
  return item;
}

/** A record as `/dns/retrieve` lists it: fully-qualified name, numbers as strings. */
export function recordJson(record: PorkbunRecord, zone: string) {
  return {
    id: String(record.id),
    name: record.name === '' ? zone : `${record.name}.${zone}`,
    type: record.type,
    content: record.content,
    ttl: String(record.ttl),
    prio: record.prio === null ? null : String(record.prio),
    notes: record.notes,
  };
}

export function createdRecordId(id: number, shapes: PorkbunResponseShapes): number | string {
  return shapes === 'observed' ? id : String(id);
}

/** An empty map: PHP's `[]` as observed, `{}` per the spec. */
export function emptyMap(shapes: PorkbunResponseShapes): [] | Record<string, never> {
  return shapes === 'observed' ? [] : {};
}

export function dnssecRecordsJson(ds: Map<string, PorkbunDsRecord>, shapes: PorkbunResponseShapes) {
  if (ds.size === 0) return emptyMap(shapes);
  return Object.fromEntries([...ds.values()].map((r) => [r.keyTag, { ...r }]));
}

const TRANSFER_DESCRIPTIONS: Record<string, string> = {
  NEW: 'Transfer order received.',
  INIT: 'Transfer initializing.',
  PENDINGDNS: 'Held until DNS is set up.',
  PENDINGAUTH: 'Awaiting authorization.',
  PENDINGSUBMIT: 'Awaiting submission to the registry.',
  PENDINGTRANSFER: 'Awaiting registry response.',
  DONE: 'Transfer complete.',
  CANCELED: 'Transfer canceled.',
};

export function transferJson(transfer: PorkbunTransfer, shapes: PorkbunResponseShapes) {
  return {
    domain: transfer.domain,
    status: transfer.status,
    statusDescription: TRANSFER_DESCRIPTIONS[transfer.status] ?? transfer.status,
    transferDate:
      shapes === 'observed' ? porkbunDateTime(transfer.startedAt) : transfer.startedAt.toISOString(),
    orderId: shapes === 'observed' ? String(transfer.orderId) : transfer.orderId,
  };
}
