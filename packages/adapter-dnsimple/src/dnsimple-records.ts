/**
 * Zone records: list, create, batch create, update, delete. Zones are addressed by name; a numeric
 * domain id is resolved to its name first.
 */
import {
  type BulkResult,
  type CallOptions,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordPatch,
  encodePathSegment,
  invalidInput,
  isRegistrarError,
  type ListOptions,
  mapSettled,
  ONE_BY_ONE_CONCURRENCY,
  ProviderBody,
  paginate,
  type RecordRules,
  type RecordType,
  type RegistrarError,
  ResponseFormatError,
  urlPath,
  ValidationError,
  type ValidationIssue,
  validateRecordInput,
  validateRecordInputBeforeZone,
  validateRecordPatch,
  validateRecordPatchBeforeZone,
} from '@registrar-kit/core';
import { checked, context, type DnsimpleClient, pageSize, parseDomainRef } from './dnsimple-client.js';
import { batchItemErrors, fieldIssues } from './dnsimple-errors.js';
import {
  contentToDnsimple,
  mapRecord,
  mapRecordStrict,
  nameToDnsimple,
  PROVIDER,
  recordBody,
} from './dnsimple-mappers.js';
import { BatchResultSchema, envelope, pageOf, ZoneRecordSchema } from './dnsimple-schemas.js';

/** A record to create and the body DNSimple is sent for it. */
interface BatchItem {
  input: DnsRecordInput;
  body: Record<string, unknown>;
}

/** What one batch request came to. */
type BatchOutcome =
  | { kind: 'created'; records: DnsRecord[] }
  | { kind: 'items-failed'; errors: BulkResult['errors']; rest: BatchItem[] }
  | { kind: 'refused'; error: RegistrarError }
  | { kind: 'no-batch' };

/** Creates per batch request unless the `batchSize` option says otherwise. */
export const DEFAULT_BATCH_SIZE = 100;

/** Record types DNSimple takes that the model has (every one of them). */
export const DNSIMPLE_RECORD_TYPES: readonly RecordType[] = [
  'A',
  'AAAA',
  'CNAME',
  'MX',
  'TXT',
  'SRV',
  'NS',
  'CAA',
  'ALIAS',
];
/** TTL bounds: 1 minute to 3 days (DNSimple support article "What is Time-to-Live?"; the spec only says minimum 0). */
export const DNSIMPLE_TTL = { min: 60, max: 259_200 };

export function recordRules(zone?: string): RecordRules {
  return { types: DNSIMPLE_RECORD_TYPES, ttl: DNSIMPLE_TTL, ...(zone ? { zone } : {}) };
}

/** `listRecords` options: DNSimple's filters and sort are passed through. */
export interface DnsimpleListRecordsOptions extends ListOptions {
  /** Exact relative name (`@` for the apex). */
  name?: string;
  /** Names containing this string. */
  nameLike?: string;
  type?: RecordType;
  /** `id`, `name`, `content` or `type`, each `:asc`/`:desc` (default `id:asc`). */
  sort?: string;
}

export function recordMethods(client: DnsimpleClient) {
  /** Checks the domain argument locally; the zone name (known locally unless an id was given). */
  const localZone = (domain: string, operation: string): string | undefined => {
    const ref = parseDomainRef(domain, operation);
    return ref.kind === 'name' ? ref.name : undefined;
  };

  const zonePath = async (domain: string, operation: string, opts?: CallOptions) => {
    const accountId = await client.account(operation, opts);
    const zone = await client.domainName(domain, operation, opts);
    return { zone, base: urlPath`/v2/${accountId}/zones/${zone}` };
  };

  function listRecords(domain: string, opts?: DnsimpleListRecordsOptions): AsyncIterable<DnsRecord> {
    const perPage = pageSize(opts);
    let resolved: { zone: string; base: string } | undefined;
    // Pages are counted as DNSimple sent them: a page of system records only is not an empty page
    // (paginate would stop the listing there); the records the model leaves out go afterwards.
    const payloads = paginate(
      async (page, signal) => {
        resolved ??= await zonePath(domain, 'listRecords', { ...opts, signal });
        const { data } = await client.send(
          {
            operation: 'listRecords',
            method: 'GET',
            path: `${resolved.base}/records`,
            query: {
              page,
              per_page: perPage,
              name: opts?.name === undefined ? undefined : nameToDnsimple(opts.name.toLowerCase()),
              name_like: opts?.nameLike,
              type: opts?.type,
              sort: opts?.sort,
            },
            schema: pageOf(ZoneRecordSchema),
          },
          { ...opts, signal },
        );
        return { items: data.data, totalPages: data.pagination.total_pages };
      },
      {
        concurrency: opts?.concurrency,
        signal: opts?.signal,
        provider: 'dnsimple',
        operation: 'listRecords',
      },
    );
    async function* records(): AsyncGenerator<DnsRecord> {
      for await (const payload of payloads) {
        const record = mapRecord(payload, resolved!.zone);
        if (record) yield record;
      }
    }
    return { [Symbol.asyncIterator]: records };
  }

  async function createRecord(domain: string, input: DnsRecordInput, opts?: CallOptions): Promise<DnsRecord> {
    const known = localZone(domain, 'createRecord');
    // Without the zone name (a domain id), what no zone can make valid is refused before any request.
    checked('createRecord', 'record', () => validateRecordInputBeforeZone(input, recordRules(known)));
    const { zone, base } = await zonePath(domain, 'createRecord', opts);
    const body = checked('createRecord', 'record', () =>
      recordBody(validateRecordInput(input, recordRules(zone))),
    );
    const { data } = await client.send(
      {
        operation: 'createRecord',
        method: 'POST',
        path: `${base}/records`,
        body,
        schema: envelope(ZoneRecordSchema),
      },
      opts,
    );
    return mapRecordStrict(data.data, zone, 'createRecord');
  }

  /**
   * Creates through the batch endpoint (https://developer.dnsimple.com/v2/zones/records/#batchChangeZoneRecords),
   * in chunks of `batchSize` (default 100). A batch is atomic: a 400 naming failing items applies
   * nothing, so those items are reported and the rest sent again. A batch refused as a whole (its
   * operation limit is unpublished: docs/providers/dnsimple.md#batch) is sent again in halves, and
   * later chunks at that size, down to single records; without the plan feature (412) every record is created on its own.
   */
  async function createRecords(
    domain: string,
    inputs: DnsRecordInput[],
    opts?: CallOptions,
  ): Promise<BulkResult> {
    if (!Array.isArray(inputs))
      throw invalidInput(context('createRecords'), [{ path: '', message: 'must be an array' }], 'records');
    const known = localZone(domain, 'createRecords');
    const result: BulkResult = { created: [], errors: [] };
    const check = (zone: string | undefined) => {
      const valid: { input: DnsRecordInput; body: Record<string, unknown> | null }[] = [];
      for (const input of inputs) {
        try {
          // Without the zone name only what no zone can make valid is refused (checked again below).
          const body = checked('createRecords', 'record', () => {
            if (zone === undefined) validateRecordInputBeforeZone(input, recordRules());
            return zone === undefined ? null : recordBody(validateRecordInput(input, recordRules(zone)));
          });
          valid.push({ input, body });
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          result.errors.push({ input, error });
        }
      }
      return valid;
    };
    const early = check(known);
    if (early.length === 0) return result;
    const { zone, base } = await zonePath(domain, 'createRecords', opts);
    if (!known) result.errors = [];
    const valid = (known ? early : check(zone)).map(({ input, body }) => ({ input, body: body! }));
    const created = new Map<DnsRecordInput, DnsRecord>();
    let size = Math.max(1, Math.floor(client.options.batchSize ?? DEFAULT_BATCH_SIZE));
    const queue: BatchItem[] = [...valid];
    let first = true;
    while (queue.length > 0) {
      const chunk = queue.splice(0, size);
      let outcome: BatchOutcome;
      try {
        outcome = await sendBatch(base, zone, chunk, first ? opts : { ...opts, idempotencyKey: undefined });
        first = false;
      } catch (error) {
        // Nothing was created yet: the call fails as before. Otherwise what exists is reported.
        if (created.size === 0 || !isRegistrarError(error)) throw error;
        for (const item of [...chunk, ...queue]) result.errors.push({ input: item.input, error });
        break;
      }
      if (outcome.kind === 'created') {
        for (const [index, record] of outcome.records.entries()) created.set(chunk[index]!.input, record);
      } else if (outcome.kind === 'items-failed') {
        result.errors.push(...outcome.errors);
        queue.unshift(...outcome.rest);
      } else if (outcome.kind === 'refused') {
        if (chunk.length === 1) result.errors.push({ input: chunk[0]!.input, error: outcome.error });
        else {
          // Smaller batches from here on: the limit is at most half of what was refused.
          size = Math.ceil(chunk.length / 2);
          queue.unshift(...chunk);
        }
      } else {
        // No batch feature on this plan (Enterprise only): one request per record.
        const rest = [...chunk, ...queue.splice(0)];
        const settled = await mapSettled(
          rest,
          ONE_BY_ONE_CONCURRENCY,
          (item) => createFromBody(base, zone, item.body, { ...opts, idempotencyKey: undefined }),
          { signal: opts?.signal },
        );
        settled.forEach((outcome, index) => {
          const { input } = rest[index]!;
          if (outcome.ok) created.set(input, outcome.value);
          else if (isRegistrarError(outcome.error)) result.errors.push({ input, error: outcome.error });
          else throw outcome.error;
        });
      }
    }
    // Created records in input order.
    for (const input of inputs) {
      const record = created.get(input);
      if (record) result.created.push(record);
    }
    return result;
  }

  /** One record created from its body (the fallback without the batch feature). */
  async function createFromBody(
    base: string,
    zone: string,
    body: Record<string, unknown>,
    opts?: CallOptions,
  ): Promise<DnsRecord> {
    const { data } = await client.send(
      {
        operation: 'createRecords',
        method: 'POST',
        path: `${base}/records`,
        body,
        schema: envelope(ZoneRecordSchema),
      },
      opts,
    );
    return mapRecordStrict(data.data, zone, 'createRecords');
  }

  /** One batch request and what came of it; errors other than the 400 and 412 answers are thrown. */
  async function sendBatch(
    base: string,
    zone: string,
    chunk: BatchItem[],
    opts?: CallOptions,
  ): Promise<BatchOutcome> {
    try {
      const { data } = await client.send(
        {
          operation: 'createRecords',
          method: 'POST',
          path: `${base}/batch`,
          body: { creates: chunk.map((item) => item.body) },
          schema: BatchResultSchema,
        },
        opts,
      );
      const records = data.data.creates ?? [];
      if (records.length !== chunk.length) {
        throw new ResponseFormatError(
          `dnsimple createRecords: the batch created ${records.length} records for ${chunk.length} creates`,
          {
            ...context('createRecords'),
            issues: [{ path: 'data.creates', message: 'one record per create expected' }],
          },
        );
      }
      return {
        kind: 'created',
        records: records.map((payload) => mapRecordStrict(payload, zone, 'createRecords')),
      };
    } catch (error) {
      if (!isRegistrarError(error)) throw error;
      if (error.status === 412) return { kind: 'no-batch' };
      if (error.status !== 400) throw error;
      const body = error.cause instanceof ProviderBody ? error.cause.body : undefined;
      const items = batchItemErrors(body, 'creates');
      if (!items || items.length === 0) return { kind: 'refused', error };
      const failed = new Map<number, RegistrarError>();
      for (const item of items) {
        if (!chunk[item.index] || failed.has(item.index)) continue;
        const issues: ValidationIssue[] = item.errors ? fieldIssues(item.errors) : [];
        const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
        failed.set(
          item.index,
          new ValidationError(
            `dnsimple createRecords: ${item.message ?? 'Validation failed'}${summary ? ` (${summary})` : ''}`,
            { ...context('createRecords'), status: 400, issues, requestId: error.requestId },
          ),
        );
      }
      if (failed.size === 0) return { kind: 'refused', error };
      return {
        kind: 'items-failed',
        errors: [...failed].map(([index, itemError]) => ({ input: chunk[index]!.input, error: itemError })),
        rest: chunk.filter((_, index) => !failed.has(index)),
      };
    }
  }

  async function updateRecord(
    domain: string,
    id: string,
    patch: DnsRecordPatch,
    opts?: CallOptions,
  ): Promise<DnsRecord> {
    checked('updateRecord', 'record id', () => encodePathSegment(id, 'id'));
    const known = localZone(domain, 'updateRecord');
    checked('updateRecord', 'record', () => validateRecordPatchBeforeZone(patch, recordRules(known)));
    const { zone, base } = await zonePath(domain, 'updateRecord', opts);
    const path = base + urlPath`/records/${id}`;
    // The record's type decides how content is checked and sent (TXT is quoted): read it first.
    const current = (
      await client.send(
        { operation: 'updateRecord', method: 'GET', path, schema: envelope(ZoneRecordSchema) },
        opts,
      )
    ).data.data;
    if (current.system_record) {
      throw new ValidationError(
        `dnsimple updateRecord: record ${id} is a system record (${current.type}) and cannot be changed`,
        {
          provider: PROVIDER,
          operation: 'updateRecord',
          issues: [{ path: 'id', message: 'is a system record' }],
        },
      );
    }
    const type = current.type.toUpperCase() as RecordType;
    const valid = checked('updateRecord', 'record', () =>
      validateRecordPatch(patch, recordRules(zone), DNSIMPLE_RECORD_TYPES.includes(type) ? type : undefined),
    );
    const body: Record<string, unknown> = {};
    if (valid.name !== undefined) body.name = nameToDnsimple(valid.name);
    if (valid.content !== undefined)
      body.content = checked('updateRecord', 'record', () => contentToDnsimple(type, valid.content!));
    if (valid.ttl !== undefined) body.ttl = valid.ttl;
    if (valid.priority !== undefined && valid.priority !== null) body.priority = valid.priority;
    const { data } = await client.send(
      { operation: 'updateRecord', method: 'PATCH', path, body, schema: envelope(ZoneRecordSchema) },
      opts,
    );
    return mapRecordStrict(data.data, zone, 'updateRecord');
  }

  async function deleteRecord(domain: string, id: string, opts?: CallOptions): Promise<void> {
    checked('deleteRecord', 'record id', () => encodePathSegment(id, 'id'));
    localZone(domain, 'deleteRecord');
    const { base } = await zonePath(domain, 'deleteRecord', opts);
    await client.send(
      { operation: 'deleteRecord', method: 'DELETE', path: base + urlPath`/records/${id}` },
      opts,
    );
  }
  return {
    methods: { listRecords, createRecord, createRecords, updateRecord, deleteRecord },
  };
}
