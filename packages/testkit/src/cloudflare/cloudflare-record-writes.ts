/**
 * Create, overwrite (PUT), patch and delete of DNS records on a zone's record list. The functions
 * change the list they are given, so the batch endpoint runs them on a copy and keeps the copy only
 * when every change succeeded (docs/providers/cloudflare.md#batch).
 */
import { CF, fail, HEX_ID, invalidIdentifier } from './cloudflare-errors.js';
import {
  checkConflicts,
  type RecordDraft,
  recordAsInput,
  refuseTypeChange,
  validateRecordInput,
  type ZoneRules,
} from './cloudflare-record-rules.js';
import { type CloudflareRecord, microTimestamp } from './cloudflare-shapes.js';

export interface RecordWriteContext {
  zoneId: string;
  rules: ZoneRules;
  /** Most records the zone may hold (null = no quota). */
  quota: number | null;
  newId(): string;
  now(): Date;
}

function stamp(draft: RecordDraft, id: string, at: string, previous?: CloudflareRecord): CloudflareRecord {
  const record: CloudflareRecord = {
    id,
    ...draft,
    created_on: previous?.created_on ?? at,
    modified_on: at,
  };
  if (record.comment !== undefined) {
    record.comment_modified_on =
      previous?.comment === record.comment ? (previous.comment_modified_on ?? at) : at;
  }
  if (record.tags.length > 0) {
    const same = previous !== undefined && previous.tags.join('\n') === record.tags.join('\n');
    record.tags_modified_on = same ? (previous.tags_modified_on ?? at) : at;
  }
  return record;
}

/** Index of a record by id: 7003 for an id that is not 32-hex, 404/81044 when absent. */
export function recordIndex(
  records: readonly CloudflareRecord[],
  id: unknown,
  ctx: RecordWriteContext,
): number {
  if (typeof id !== 'string' || !HEX_ID.test(id)) {
    invalidIdentifier(`/zones/${ctx.zoneId}/dns_records/${String(id)}`);
  }
  const index = records.findIndex((r) => r.id === id);
  if (index < 0) fail(404, CF.recordNotFound, 'Record does not exist.');
  return index;
}

function others(records: readonly CloudflareRecord[], exceptId?: string): CloudflareRecord[] {
  return exceptId === undefined ? [...records] : records.filter((r) => r.id !== exceptId);
}

export function createRecord(
  records: CloudflareRecord[],
  input: Record<string, unknown>,
  ctx: RecordWriteContext,
): CloudflareRecord {
  const draft = validateRecordInput(input, ctx.rules);
  checkConflicts(draft, ctx.rules.zoneName, records);
  if (ctx.quota !== null && records.length >= ctx.quota) {
    fail(400, CF.quotaExceeded, `Record quota exceeded: this zone may hold ${ctx.quota} records.`);
  }
  const record = stamp(draft, ctx.newId(), microTimestamp(ctx.now()));
  records.push(record);
  return record;
}

/** Replaces a record by the fields `fieldsOf` builds from it and the body (a type change is refused). */
function rewrite(
  records: CloudflareRecord[],
  id: unknown,
  input: Record<string, unknown>,
  ctx: RecordWriteContext,
  fieldsOf: (previous: CloudflareRecord) => Record<string, unknown>,
): CloudflareRecord {
  const index = recordIndex(records, id, ctx);
  const previous = records[index]!;
  refuseTypeChange(previous, input);
  const draft = validateRecordInput(fieldsOf(previous), ctx.rules);
  checkConflicts(draft, ctx.rules.zoneName, others(records, previous.id));
  const record = stamp(draft, previous.id, microTimestamp(ctx.now()), previous);
  records[index] = record;
  return record;
}

/** PUT: every field the body omits takes its default (proxied false, TTL automatic, no comment or tags). */
export function putRecord(
  records: CloudflareRecord[],
  id: unknown,
  input: Record<string, unknown>,
  ctx: RecordWriteContext,
): CloudflareRecord {
  return rewrite(records, id, input, ctx, () => input);
}

/** PATCH: fields the body omits keep their values; `data` replaces the whole data object. */
export function patchRecord(
  records: CloudflareRecord[],
  id: unknown,
  input: Record<string, unknown>,
  ctx: RecordWriteContext,
): CloudflareRecord {
  const { id: _ignored, ...changes } = input;
  return rewrite(records, id, input, ctx, (previous) => ({ ...recordAsInput(previous), ...changes }));
}

export function deleteRecord(
  records: CloudflareRecord[],
  id: unknown,
  ctx: RecordWriteContext,
): CloudflareRecord {
  const index = recordIndex(records, id, ctx);
  const [removed] = records.splice(index, 1);
  return removed!;
}
