/** Zones and zone records: list/get zones, zone file, record CRUD and the batch change endpoint. */
import type { EmulatorRequest, EmulatorRoute } from '../emulator/emulator-types.js';
import {
  bodyObject,
  compareValues,
  type DnsimpleContext,
  fail,
  noContent,
  ok,
  paginated,
  requireAccount,
  sortItems,
  validationFailed,
} from './dnsimple-context.js';
import {
  type FieldErrors,
  type RecordInput,
  type RecordValues,
  validateRecord,
  zoneConflicts,
} from './dnsimple-record-rules.js';
import type { DnsimpleZone, DnsimpleZoneRecord } from './dnsimple-shapes.js';
import { asciiName } from './dnsimple-state.js';

const ZONE_SORTS = {
  id: (a: DnsimpleZone, b: DnsimpleZone) => a.id - b.id,
  name: (a: DnsimpleZone, b: DnsimpleZone) => compareValues(a.name, b.name),
};

const RECORD_SORTS = {
  id: (a: DnsimpleZoneRecord, b: DnsimpleZoneRecord) => a.id - b.id,
  name: (a: DnsimpleZoneRecord, b: DnsimpleZoneRecord) => compareValues(a.name, b.name),
  content: (a: DnsimpleZoneRecord, b: DnsimpleZoneRecord) => compareValues(a.content, b.content),
  type: (a: DnsimpleZoneRecord, b: DnsimpleZoneRecord) => compareValues(a.type, b.type),
};

const REGIONS_NOT_ALLOWED = 'Region selection is not allowed for your plan';

interface BatchItemError {
  index: number;
  message: string;
  errors?: FieldErrors;
}

export function zoneRoutes(ctx: DnsimpleContext): EmulatorRoute[] {
  const requireZone = (req: EmulatorRequest): DnsimpleZone => {
    const accountId = requireAccount(ctx, req);
    const ref = req.params.zone ?? '';
    const zone = ctx.state.zones.get(asciiName(ref));
    if (!zone || zone.account_id !== accountId) fail(404, `Zone \`${ref}\` not found`);
    return zone;
  };

  const requireRecord = (req: EmulatorRequest): { zone: DnsimpleZone; record: DnsimpleZoneRecord } => {
    const zone = requireZone(req);
    const ref = req.params.record ?? '';
    const record = ctx.state.findRecord(zone.name, ref);
    if (!record) fail(404, `Record \`${ref}\` not found`);
    return { zone, record };
  };

  /** Regions other than `global` need the plan feature (docs: else 412). */
  const regionsRefused = (input: RecordInput): boolean =>
    !ctx.state.features.recordRegions &&
    Array.isArray(input.regions) &&
    input.regions.some((r) => r !== 'global');

  return [
    {
      method: 'GET',
      path: '/v2/:account/zones',
      operation: 'listZones',
      bucket: 'hourly',
      handler: (req) => {
        const accountId = requireAccount(ctx, req);
        let zones = [...ctx.state.zones.values()].filter((z) => z.account_id === accountId);
        const nameLike = req.query.name_like;
        if (nameLike) zones = zones.filter((z) => z.name.includes(nameLike.toLowerCase()));
        return paginated(sortItems(zones, req.query.sort, ZONE_SORTS, 'name:asc'), req.query, (z) => z);
      },
    },
    {
      method: 'GET',
      path: '/v2/:account/zones/:zone',
      operation: 'getZone',
      bucket: 'hourly',
      handler: (req) => ok(requireZone(req)),
    },
    {
      method: 'GET',
      path: '/v2/:account/zones/:zone/file',
      operation: 'getZoneFile',
      bucket: 'hourly',
      handler: (req) => ok({ zone: ctx.state.zoneFile(requireZone(req).name) }),
    },
    {
      method: 'GET',
      path: '/v2/:account/zones/:zone/records',
      operation: 'listRecords',
      bucket: 'hourly',
      handler: (req) => {
        const zone = requireZone(req);
        let records = ctx.state.zoneRecords(zone.name);
        // `name` is an exact match; the emulator treats `name=` (empty) as the apex (docs silent).
        if (req.query.name !== undefined) {
          const name = req.query.name.toLowerCase();
          records = records.filter((r) => r.name === name);
        }
        if (req.query.name_like) {
          const needle = req.query.name_like.toLowerCase();
          records = records.filter((r) => r.name.includes(needle));
        }
        if (req.query.type) {
          const type = req.query.type.toUpperCase();
          records = records.filter((r) => r.type === type);
        }
        // Default sort: the docs say id:asc (the spec says name:asc); docs win.
        return paginated(sortItems(records, req.query.sort, RECORD_SORTS, 'id:asc'), req.query, (r) => r);
      },
    },
    {
      method: 'GET',
      path: '/v2/:account/zones/:zone/records/:record',
      operation: 'getRecord',
      bucket: 'hourly',
      handler: (req) => ok(requireRecord(req).record),
    },
    {
      method: 'POST',
      path: '/v2/:account/zones/:zone/records',
      operation: 'createRecord',
      bucket: 'hourly',
      handler: (req) => {
        const zone = requireZone(req);
        const input = bodyObject(req) as RecordInput;
        if (regionsRefused(input)) fail(412, REGIONS_NOT_ALLOWED);
        const result = validateRecord(input, undefined);
        if (result.errors) validationFailed(result.errors);
        const conflict = zoneConflicts(result.values, ctx.state.zoneRecords(zone.name));
        if (conflict) validationFailed(conflict);
        return ok(ctx.state.addRecord(zone.name, result.values), 201);
      },
    },
    {
      method: 'PATCH',
      path: '/v2/:account/zones/:zone/records/:record',
      operation: 'updateRecord',
      bucket: 'hourly',
      handler: (req) => {
        const { zone, record } = requireRecord(req);
        // System records (SOA, apex NS) are read-only through this API; the message is the emulator's.
        if (record.system_record) fail(400, 'System records cannot be updated');
        const input = bodyObject(req) as RecordInput;
        if (regionsRefused(input)) fail(412, REGIONS_NOT_ALLOWED);
        const result = validateRecord(input, record);
        if (result.errors) validationFailed(result.errors);
        const others = ctx.state.zoneRecords(zone.name).filter((r) => r !== record);
        const conflict = zoneConflicts(result.values, others);
        if (conflict) validationFailed(conflict);
        ctx.state.updateRecord(zone.name, record, result.values);
        return ok(record);
      },
    },
    {
      method: 'DELETE',
      path: '/v2/:account/zones/:zone/records/:record',
      operation: 'deleteRecord',
      bucket: 'hourly',
      handler: (req) => {
        const { zone, record } = requireRecord(req);
        if (record.system_record) fail(400, 'System records cannot be deleted');
        ctx.state.deleteRecord(zone.name, record);
        return noContent;
      },
    },
    {
      method: 'POST',
      path: '/v2/:account/zones/:zone/batch',
      operation: 'createRecords',
      bucket: 'hourly',
      handler: (req) => batchChange(ctx, requireZone(req), req, regionsRefused),
    },
  ];
}

/**
 * `POST …/zones/{zone}/batch`: deletes, then updates, then creates; atomic (any failing item → 400
 * with `errors.{creates|updates|deletes}[] = {index, message, errors?}` and nothing applied). The
 * maximum number of operations is not published; the emulator refuses the whole batch above the
 * `batchOperationLimit` option (default 100 creates + updates + deletes) with 400
 * `{"message":"Validation failed","errors":{"base":["…exceeds the maximum of N operations"]}}`.
 */
function batchChange(
  ctx: DnsimpleContext,
  zone: DnsimpleZone,
  req: EmulatorRequest,
  regionsRefused: (input: RecordInput) => boolean,
) {
  // Enterprise-plan feature; "412 without the plan feature" (docs).
  if (!ctx.state.features.batchChanges) fail(412, 'Batch changes are not available on your plan');
  const body = bodyObject(req);
  const list = (key: string): Record<string, unknown>[] | null => {
    const value = body[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) return null;
    return value.map((v) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {}));
  };
  const creates = list('creates');
  const updates = list('updates');
  const deletes = list('deletes');
  const shapeErrors: FieldErrors = {};
  if (creates === null) shapeErrors.creates = ['must be an array'];
  if (updates === null) shapeErrors.updates = ['must be an array'];
  if (deletes === null) shapeErrors.deletes = ['must be an array'];
  if (Object.keys(shapeErrors).length > 0) validationFailed(shapeErrors);
  if (creates!.length + updates!.length + deletes!.length === 0) {
    validationFailed({ base: ['At least one of creates, updates or deletes must be given'] });
  }
  const operations = creates!.length + updates!.length + deletes!.length;
  const limit = ctx.state.options.batchOperationLimit;
  if (limit !== null && operations > limit) {
    validationFailed({
      base: [`The batch has ${operations} operations and exceeds the maximum of ${limit} operations`],
    });
  }

  // Simulate on copies first, so a failing item leaves the zone untouched.
  let simulated = ctx.state.zoneRecords(zone.name).map((r) => ({ ...r }));
  const failures: { creates: BatchItemError[]; updates: BatchItemError[]; deletes: BatchItemError[] } = {
    creates: [],
    updates: [],
    deletes: [],
  };
  const idOf = (item: Record<string, unknown>): number | null =>
    typeof item.id === 'number' && Number.isInteger(item.id)
      ? item.id
      : typeof item.id === 'string' && /^\d+$/.test(item.id)
        ? Number(item.id)
        : null;

  const deleteIds: number[] = [];
  for (const [index, item] of deletes!.entries()) {
    const id = idOf(item);
    const target = simulated.find((r) => r.id === id);
    if (!target) failures.deletes.push({ index, message: `Record not found ID=${item.id ?? ''}` });
    else if (target.system_record)
      failures.deletes.push({ index, message: 'System records cannot be deleted' });
    else {
      deleteIds.push(target.id);
      simulated = simulated.filter((r) => r !== target);
    }
  }

  const updatePlan: { id: number; values: RecordValues }[] = [];
  for (const [index, item] of updates!.entries()) {
    const failure = planUpdate(item, index);
    if (failure) failures.updates.push(failure);
  }
  function planUpdate(item: Record<string, unknown>, index: number): BatchItemError | null {
    const id = idOf(item);
    const target = simulated.find((r) => r.id === id);
    if (!target) return { index, message: `Record not found ID=${item.id ?? ''}` };
    if (target.system_record) return { index, message: 'System records cannot be updated' };
    if (regionsRefused(item)) return { index, message: REGIONS_NOT_ALLOWED };
    const result = validateRecord(item, target);
    if (result.errors) return { index, message: 'Validation failed', errors: result.errors };
    const conflict = zoneConflicts(
      result.values,
      simulated.filter((r) => r !== target),
    );
    if (conflict) return { index, message: 'Validation failed', errors: conflict };
    Object.assign(target, result.values);
    updatePlan.push({ id: target.id, values: result.values });
    return null;
  }

  const createPlan: RecordValues[] = [];
  for (const [index, item] of creates!.entries()) {
    const failure = planCreate(item, index);
    if (failure) failures.creates.push(failure);
  }
  function planCreate(item: Record<string, unknown>, index: number): BatchItemError | null {
    if (regionsRefused(item)) return { index, message: REGIONS_NOT_ALLOWED };
    const result = validateRecord(item, undefined);
    if (result.errors) return { index, message: 'Validation failed', errors: result.errors };
    const conflict = zoneConflicts(result.values, simulated);
    if (conflict) return { index, message: 'Validation failed', errors: conflict };
    simulated.push({
      ...result.values,
      id: -1 - index,
      zone_id: zone.name,
      parent_id: null,
      system_record: false,
      created_at: '',
      updated_at: '',
    });
    createPlan.push(result.values);
    return null;
  }

  const errors: Record<string, BatchItemError[]> = {};
  for (const key of ['creates', 'updates', 'deletes'] as const)
    if (failures[key].length > 0) errors[key] = failures[key];
  if (Object.keys(errors).length > 0) fail(400, 'Validation failed', errors);

  const now = new Date();
  const records = ctx.state.zoneRecords(zone.name);
  for (const id of deleteIds) {
    const record = records.find((r) => r.id === id);
    if (record) ctx.state.deleteRecord(zone.name, record, now);
  }
  const updated = updatePlan.map(({ id, values }) => {
    const record = ctx.state.zoneRecords(zone.name).find((r) => r.id === id)!;
    ctx.state.updateRecord(zone.name, record, values, now);
    return record;
  });
  const created = createPlan.map((values) => ctx.state.addRecord(zone.name, values, now));
  return ok({ creates: created, updates: updated, deletes: deleteIds.map((id) => ({ id })) });
}
