import { NetworkError } from '../errors/error-classes.js';
import { isRegistrarError, RegistrarError } from '../errors/registrar-error.js';
import type { DnsRecord, DnsRecordInput } from '../model/dns-record.js';
import type { CallOptions, Registrar } from '../registrar.js';
import type { RecordPlan, RecordUpdate } from './plan-records.js';
import { currentName } from './record-content.js';
import { UnsafePlanError } from './unsafe-plan-error.js';

export interface ApplyPlanOptions {
  /** Largest share of the zone a plan may delete without `force` (default 0.3). */
  maxDeletesRatio?: number;
  /** The ratio is only checked for zones of at least this many records (default 10). */
  minZoneSizeForRatio?: number;
  /** Apply a plan over the threshold anyway. */
  force?: boolean;
  /** Records in the zone before the plan; default the plan's `currentCount`, else a listing. */
  currentCount?: number;
  /** Stops starting new changes; changes not started are reported as aborted failures. */
  signal?: AbortSignal;
  /** Changes in flight at once (default 4). */
  concurrency?: number;
}

export type ApplyChange = 'create' | 'update' | 'delete';

export interface ApplyFailure {
  change: ApplyChange;
  /** The record to create, or what an update wanted. */
  input?: DnsRecordInput;
  /** The record updated or deleted. */
  record?: DnsRecord;
  error: RegistrarError;
}

/** What `applyPlan` did: every change is in exactly one of the lists. */
export interface ApplyReport {
  created: DnsRecord[];
  updated: DnsRecord[];
  deleted: DnsRecord[];
  failures: ApplyFailure[];
  /**
   * Present when the registrar applied the plan through an all-or-nothing batch endpoint
   * (DESIGN.md, Contract v2): `batches` requests of at most `limit` changes each, every one
   * applied whole or not at all. One batch: the whole plan was atomic.
   */
  atomic?: { batches: number; limit: number };
}

/**
 * A registrar whose provider can apply a set of record changes atomically (Cloudflare's DNS
 * batch): `applyPlan` hands it the whole plan after its safety check.
 */
export interface AtomicPlanApplier {
  applyPlanAtomically(domain: string, plan: RecordPlan, opts?: CallOptions): Promise<ApplyReport>;
}

/** Whether `registrar` applies plans through an all-or-nothing batch endpoint. */
export function appliesPlansAtomically(registrar: Registrar): registrar is Registrar & AtomicPlanApplier {
  return typeof (registrar as Partial<AtomicPlanApplier>).applyPlanAtomically === 'function';
}

const DEFAULT_MAX_DELETES_RATIO = 0.3;
const DEFAULT_MIN_ZONE_SIZE = 10;
const DEFAULT_CONCURRENCY = 4;

/**
 * Applies a plan from `planRecords` to `domain`. A plan that deletes more than `maxDeletesRatio`
 * of a zone of at least `minZoneSizeForRatio` records is refused with `UnsafePlanError` before
 * any change, unless `force`.
 *
 * Order: creates, then updates, then deletes (make before break: a name never goes without an
 * answer, and a failure part-way leaves extra records rather than missing ones). The exception is
 * a delete that would block a create at the same name (a CNAME replaced by other types or the
 * reverse): those deletes run first. Creates use `createRecords` when the provider has a bulk or
 * batch endpoint, else `createRecord` one by one; updates and deletes run with bounded
 * concurrency. A failing change is reported in `failures` and never stops or loses the others.
 *
 * A registrar with an atomic batch endpoint (`AtomicPlanApplier`) gets the whole plan instead and
 * applies it all-or-nothing (per batch above its limit); the report's `atomic` says so.
 */
export async function applyPlan(
  registrar: Registrar,
  domain: string,
  plan: RecordPlan,
  options: ApplyPlanOptions = {},
): Promise<ApplyReport> {
  await checkSafety(registrar, domain, plan, options);
  if (appliesPlansAtomically(registrar)) {
    return registrar.applyPlanAtomically(domain, plan, options.signal ? { signal: options.signal } : {});
  }
  const report: ApplyReport = { created: [], updated: [], deleted: [], failures: [] };
  const { signal } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const call = signal ? { signal } : {};

  const blocking = blockingDeletes(plan);
  const deleteOne = async (record: DnsRecord) => {
    try {
      await registrar.deleteRecord(domain, record.id, call);
      report.deleted.push(record);
    } catch (error) {
      report.failures.push({
        change: 'delete',
        record,
        error: asRegistrarError(error, registrar, 'deleteRecord'),
      });
    }
  };
  const abortedDelete = (record: DnsRecord) =>
    report.failures.push({ change: 'delete', record, error: abortError(registrar, 'deleteRecord') });

  await runPool(
    plan.deletes.filter((record) => blocking.has(record)),
    concurrency,
    signal,
    deleteOne,
    abortedDelete,
  );

  await createAll(registrar, domain, plan.creates, report, concurrency, signal);

  await runPool(
    plan.updates,
    concurrency,
    signal,
    async ({ record, patch, desired }: RecordUpdate) => {
      try {
        report.updated.push(await registrar.updateRecord(domain, record.id, patch, call));
      } catch (error) {
        report.failures.push({
          change: 'update',
          input: desired,
          record,
          error: asRegistrarError(error, registrar, 'updateRecord'),
        });
      }
    },
    ({ record, desired }) =>
      report.failures.push({
        change: 'update',
        input: desired,
        record,
        error: abortError(registrar, 'updateRecord'),
      }),
  );

  await runPool(
    plan.deletes.filter((record) => !blocking.has(record)),
    concurrency,
    signal,
    deleteOne,
    abortedDelete,
  );
  return report;
}

async function checkSafety(
  registrar: Registrar,
  domain: string,
  plan: RecordPlan,
  options: ApplyPlanOptions,
): Promise<void> {
  const deletes = plan.deletes.length;
  if (deletes === 0 || options.force) return;
  const maxDeletesRatio = options.maxDeletesRatio ?? DEFAULT_MAX_DELETES_RATIO;
  const minZoneSize = options.minZoneSizeForRatio ?? DEFAULT_MIN_ZONE_SIZE;
  let zoneSize = options.currentCount ?? plan.currentCount;
  if (zoneSize === undefined) {
    zoneSize = 0;
    for await (const _ of registrar.listRecords(domain, options.signal ? { signal: options.signal } : {}))
      zoneSize++;
  }
  // A zone can never hold fewer records than the plan touches.
  zoneSize = Math.max(zoneSize, deletes + plan.updates.length);
  if (zoneSize < minZoneSize) return;
  if (deletes / zoneSize > maxDeletesRatio) {
    const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;
    throw new UnsafePlanError(
      `Refusing to delete ${deletes} of ${zoneSize} records of ${domain} (${percent(deletes / zoneSize)}, ` +
        `more than ${percent(maxDeletesRatio)}); check the plan and pass force to apply it`,
      { deletes, zoneSize, maxDeletesRatio },
      { provider: registrar.provider },
    );
  }
}

async function createAll(
  registrar: Registrar,
  domain: string,
  inputs: readonly DnsRecordInput[],
  report: ApplyReport,
  concurrency: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (inputs.length === 0) return;
  const call = signal ? { signal } : {};
  if (registrar.supports('createRecords')) {
    if (signal?.aborted) {
      for (const input of inputs)
        report.failures.push({ change: 'create', input, error: abortError(registrar, 'createRecords') });
      return;
    }
    try {
      const result = await registrar.createRecords(domain, [...inputs], call);
      report.created.push(...result.created);
      for (const { input, error } of result.errors) report.failures.push({ change: 'create', input, error });
    } catch (error) {
      const failure = asRegistrarError(error, registrar, 'createRecords');
      for (const input of inputs) report.failures.push({ change: 'create', input, error: failure });
    }
    return;
  }
  await runPool(
    inputs,
    concurrency,
    signal,
    async (input) => {
      try {
        report.created.push(await registrar.createRecord(domain, input, call));
      } catch (error) {
        report.failures.push({
          change: 'create',
          input,
          error: asRegistrarError(error, registrar, 'createRecord'),
        });
      }
    },
    (input) =>
      report.failures.push({ change: 'create', input, error: abortError(registrar, 'createRecord') }),
  );
}

/** Deletes that must run before the creates: a CNAME cannot share its name with any other record. */
function blockingDeletes(plan: RecordPlan): Set<DnsRecord> {
  const createdTypes = new Map<string, Set<string>>();
  for (const input of plan.creates) {
    const name = currentName(input);
    const types = createdTypes.get(name) ?? new Set<string>();
    types.add(input.type);
    createdTypes.set(name, types);
  }
  const blocking = new Set<DnsRecord>();
  for (const record of plan.deletes) {
    const types = createdTypes.get(currentName(record));
    if (!types) continue;
    if (record.type === 'CNAME' || types.has('CNAME')) blocking.add(record);
  }
  return blocking;
}

/** Runs `work` over `items`, at most `limit` at once; items not started after an abort go to `skipped`. */
async function runPool<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  work: (item: T) => Promise<void>,
  skipped: (item: T) => void,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      if (signal?.aborted) skipped(item);
      else await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function asRegistrarError(error: unknown, registrar: Registrar, operation: string): RegistrarError {
  if (isRegistrarError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RegistrarError(message, { provider: registrar.provider, operation, cause: error });
}

function abortError(registrar: Registrar, operation: string): RegistrarError {
  return new NetworkError('Not started: the apply was aborted', {
    provider: registrar.provider,
    operation,
    code: 'aborted',
  });
}
