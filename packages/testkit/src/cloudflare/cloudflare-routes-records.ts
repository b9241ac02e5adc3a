/**
 * DNS records of a zone: list (filters, order, page pagination), create, get, PUT, PATCH, delete,
 * usage, and the atomic batch endpoint (docs/providers/cloudflare.md#dns-records, #batch).
 */
import type { EmulatorRequest, EmulatorRoute } from '../emulator/emulator-types.js';
import { type CloudflareContext, requireZone } from './cloudflare-context.js';
import { bodyObject, CF, fail, ok } from './cloudflare-errors.js';
import { pageResponse } from './cloudflare-pagination.js';
import { filterRecords, orderRecords } from './cloudflare-record-filters.js';
import {
  createRecord,
  deleteRecord,
  patchRecord,
  putRecord,
  recordIndex,
} from './cloudflare-record-writes.js';
import type { CloudflareRecord, CloudflareZone } from './cloudflare-shapes.js';

const RECORD_PAGES = { defaultPerPage: 100, minPerPage: 1, maxPerPage: 5_000_000 };
const BATCH_LISTS = ['deletes', 'patches', 'puts', 'posts'] as const;

export function recordRoutes(ctx: CloudflareContext): EmulatorRoute[] {
  const { state } = ctx;
  const zoneRecords = (req: EmulatorRequest): { zone: CloudflareZone; records: CloudflareRecord[] } => {
    const zone = requireZone(ctx, req);
    return { zone, records: state.records.get(zone.id)! };
  };

  return [
    {
      method: 'GET',
      path: '/zones/:zone_id/dns_records',
      operation: 'listRecords',
      bucket: 'client',
      handler: (req) => {
        const { records } = zoneRecords(req);
        const matching = orderRecords(filterRecords(records, req.query, req.queryAll ?? {}), req.query);
        return pageResponse(matching, req.query, RECORD_PAGES);
      },
    },
    {
      method: 'POST',
      path: '/zones/:zone_id/dns_records',
      operation: 'createRecord',
      bucket: 'client',
      handler: (req) => {
        const { zone, records } = zoneRecords(req);
        return ok(createRecord(records, bodyObject(req.body), state.writeContext(zone)));
      },
    },
    {
      method: 'GET',
      path: '/zones/:zone_id/dns_records/usage',
      operation: 'getRecordUsage',
      bucket: 'client',
      handler: (req) => {
        const { records } = zoneRecords(req);
        return ok({ record_quota: state.recordQuota, record_usage: records.length });
      },
    },
    {
      method: 'GET',
      path: '/zones/:zone_id/dns_records/:dns_record_id',
      operation: 'getRecord',
      bucket: 'client',
      handler: (req) => {
        const { zone, records } = zoneRecords(req);
        return ok(records[recordIndex(records, req.params.dns_record_id, state.writeContext(zone))]);
      },
    },
    // PUT overwrites, PATCH merges (docs/providers/cloudflare.md#update-patch-vs-put).
    ...(
      [
        ['PUT', putRecord],
        ['PATCH', patchRecord],
      ] as const
    ).map(
      ([method, write]): EmulatorRoute => ({
        method,
        path: '/zones/:zone_id/dns_records/:dns_record_id',
        operation: 'updateRecord',
        bucket: 'client',
        handler: (req) => {
          const { zone, records } = zoneRecords(req);
          return ok(write(records, req.params.dns_record_id, bodyObject(req.body), state.writeContext(zone)));
        },
      }),
    ),
    {
      method: 'DELETE',
      path: '/zones/:zone_id/dns_records/:dns_record_id',
      operation: 'deleteRecord',
      bucket: 'client',
      handler: (req) => {
        const { zone, records } = zoneRecords(req);
        const removed = deleteRecord(records, req.params.dns_record_id, state.writeContext(zone));
        return ok({ id: removed.id });
      },
    },
    {
      method: 'POST',
      path: '/zones/:zone_id/dns_records/batch',
      operation: 'createRecords',
      bucket: 'client',
      handler: (req) => {
        const { zone, records } = zoneRecords(req);
        const body = bodyObject(req.body);
        const lists: Partial<Record<(typeof BATCH_LISTS)[number], Record<string, unknown>[]>> = {};
        let total = 0;
        for (const key of BATCH_LISTS) {
          const list = body[key];
          if (list === undefined || list === null) continue;
          if (!Array.isArray(list)) fail(400, CF.generic, `${key} must be an array`, `/${key}`);
          lists[key] = list.map(bodyObject);
          total += list.length;
        }
        const limit = state.batchLimit();
        if (total > limit) {
          fail(400, CF.generic, `Batch request exceeds the maximum of ${limit} record changes`);
        }
        // One transaction: every change runs on a copy, in the order deletes → patches → puts → posts;
        // the first failure throws and the zone keeps its records.
        const copy = [...records];
        const write = state.writeContext(zone);
        const result: Record<string, CloudflareRecord[]> = {};
        if (lists.deletes) result.deletes = lists.deletes.map((d) => deleteRecord(copy, d.id, write));
        if (lists.patches) result.patches = lists.patches.map((p) => patchRecord(copy, p.id, p, write));
        if (lists.puts) {
          result.puts = lists.puts.map((p) => {
            const { id, ...fields } = p;
            return putRecord(copy, id, fields, write);
          });
        }
        if (lists.posts) result.posts = lists.posts.map((p) => createRecord(copy, p, write));
        state.records.set(zone.id, copy);
        return ok(result);
      },
    },
  ];
}
