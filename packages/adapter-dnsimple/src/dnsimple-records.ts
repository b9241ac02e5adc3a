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
  isRegistrarError,
  type ListOptions,
  NetworkError,
  ProviderBody,
  paginate,
  type RecordRules,
  type RecordType,
  type RegistrarError,
  urlPath,
  ValidationError,
  type ValidationIssue,
  validateRecordInput,
  validateRecordInputBeforeZone,
  validateRecordPatch,
  validateRecordPatchBeforeZone,
} from '@registrar-kit/core';
import { type DnsimpleClient, parseDomainRef } from './dnsimple-client.js';
import { pageSize } from './dnsimple-domains.js';
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

/** Re-labels a core validation error with provider and operation. */
function relabel(error: unknown, operation: string): unknown {
  if (error instanceof ValidationError) {
    return new ValidationError(`dnsimple ${operation}: ${error.message}`, {
      provider: PROVIDER,
      operation,
      issues: error.issues,
    });
  }
  return error;
}

function validated<T>(operation: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw relabel(error, operation);
  }
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
    const pages = paginate(
      async (page, signal) => {
        resolved ??= await zonePath(domain, 'listRecords', { ...opts, signal });
        const { zone, base } = resolved;
        const { data } = await client.send(
          {
            operation: 'listRecords',
            method: 'GET',
            path: `${base}/records`,
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
        const items = data.data
          .map((payload) => mapRecord(payload, zone))
          .filter((r): r is DnsRecord => r !== null);
        return { items, totalPages: data.pagination.total_pages, sent: data.data };
      },
      {
        concurrency: opts?.concurrency,
        signal: opts?.signal,
        provider: 'dnsimple',
        operation: 'listRecords',
      },
    );
    return pages;
  }

  async function createRecord(domain: string, input: DnsRecordInput, opts?: CallOptions): Promise<DnsRecord> {
    const known = localZone(domain, 'createRecord');
    // Without the zone name (a domain id), what no zone can make valid is refused before any request.
    validated('createRecord', () => validateRecordInputBeforeZone(input, recordRules(known)));
    const { zone, base } = await zonePath(domain, 'createRecord', opts);
    const body = validated('createRecord', () => recordBody(validateRecordInput(input, recordRules(zone))));
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

  async function createRecords(
    domain: string,
    inputs: DnsRecordInput[],
    opts?: CallOptions,
  ): Promise<BulkResult> {
    if (!Array.isArray(inputs)) {
      throw new ValidationError('dnsimple createRecords: inputs must be an array', {
        provider: PROVIDER,
        operation: 'createRecords',
        issues: [{ path: '', message: 'must be an array' }],
      });
    }
    const known = localZone(domain, 'createRecords');
    const result: BulkResult = { created: [], errors: [] };
    const check = (zone: string | undefined) => {
      const valid: { input: DnsRecordInput; body: Record<string, unknown> | null }[] = [];
      for (const input of inputs) {
        try {
          // Without the zone name only what no zone can make valid is refused (checked again below).
          if (zone === undefined) validateRecordInputBeforeZone(input, recordRules());
          const body = zone === undefined ? null : recordBody(validateRecordInput(input, recordRules(zone)));
          valid.push({ input, body });
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          result.errors.push({ input, error: relabel(error, 'createRecords') as ValidationError });
        }
      }
      return valid;
    };
    const early = check(known);
    if (early.length === 0) return result;
    const { zone, base } = await zonePath(domain, 'createRecords', opts);
    if (!known) result.errors = [];
    let pending = (known ? early : check(zone)).map(({ input, body }) => ({ input, body: body! }));
    const createdByInput = new Map<DnsRecordInput, DnsRecord>();
    let first = true;
    while (pending.length > 0) {
      try {
        const { data } = await client.send(
          {
            operation: 'createRecords',
            method: 'POST',
            path: `${base}/batch`,
            body: { creates: pending.map((item) => item.body) },
            schema: BatchResultSchema,
          },
          first ? opts : { ...opts, idempotencyKey: undefined },
        );
        const created = data.data.creates ?? [];
        pending.forEach((item, index) => {
          const payload = created[index];
          if (payload) createdByInput.set(item.input, mapRecordStrict(payload, zone, 'createRecords'));
        });
        pending = [];
      } catch (error) {
        if (isRegistrarError(error) && error.status === 412) {
          // No batch feature on this plan (Enterprise only): one request per record.
          await createOneByOne(base, zone, pending, result, createdByInput, opts);
          pending = [];
          break;
        }
        const body =
          isRegistrarError(error) && error.cause instanceof ProviderBody ? error.cause.body : undefined;
        const items =
          isRegistrarError(error) && error.status === 400 ? batchItemErrors(body, 'creates') : null;
        if (!items || items.length === 0) throw error;
        // The batch is atomic: nothing was applied. Record the failing items, send the rest again.
        const failed = new Set<number>();
        for (const item of items) {
          const entry = pending[item.index];
          if (!entry || failed.has(item.index)) continue;
          failed.add(item.index);
          const issues: ValidationIssue[] = item.errors ? fieldIssues(item.errors) : [];
          const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
          result.errors.push({
            input: entry.input,
            error: new ValidationError(
              `dnsimple createRecords: ${item.message ?? 'Validation failed'}${summary ? ` (${summary})` : ''}`,
              {
                provider: PROVIDER,
                operation: 'createRecords',
                status: 400,
                issues,
                requestId: (error as RegistrarError).requestId,
              },
            ),
          });
        }
        if (failed.size === 0) throw error;
        pending = pending.filter((_, index) => !failed.has(index));
      }
      first = false;
    }
    // Created records in input order.
    for (const input of inputs) {
      const record = createdByInput.get(input);
      if (record) result.created.push(record);
    }
    return result;
  }

  async function createOneByOne(
    base: string,
    zone: string,
    pending: { input: DnsRecordInput; body: Record<string, unknown> }[],
    result: BulkResult,
    created: Map<DnsRecordInput, DnsRecord>,
    opts?: CallOptions,
  ): Promise<void> {
    for (const { input, body } of pending) {
      try {
        const { data } = await client.send(
          {
            operation: 'createRecords',
            method: 'POST',
            path: `${base}/records`,
            body,
            schema: envelope(ZoneRecordSchema),
          },
          { ...opts, idempotencyKey: undefined },
        );
        created.set(input, mapRecordStrict(data.data, zone, 'createRecords'));
      } catch (error) {
        if (!isRegistrarError(error) || (error instanceof NetworkError && error.code === 'aborted'))
          throw error;
        result.errors.push({ input, error });
      }
    }
  }

  async function updateRecord(
    domain: string,
    id: string,
    patch: DnsRecordPatch,
    opts?: CallOptions,
  ): Promise<DnsRecord> {
    validated('updateRecord', () => encodePathSegment(id, 'id'));
    const known = localZone(domain, 'updateRecord');
    validated('updateRecord', () => validateRecordPatchBeforeZone(patch, recordRules(known)));
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
    const valid = validated('updateRecord', () =>
      validateRecordPatch(patch, recordRules(zone), DNSIMPLE_RECORD_TYPES.includes(type) ? type : undefined),
    );
    const body: Record<string, unknown> = {};
    if (valid.name !== undefined) body.name = nameToDnsimple(valid.name);
    if (valid.content !== undefined)
      body.content = validated('updateRecord', () => contentToDnsimple(type, valid.content!));
    if (valid.ttl !== undefined) body.ttl = valid.ttl;
    if (valid.priority !== undefined && valid.priority !== null) body.priority = valid.priority;
    const { data } = await client.send(
      { operation: 'updateRecord', method: 'PATCH', path, body, schema: envelope(ZoneRecordSchema) },
      opts,
    );
    return mapRecordStrict(data.data, zone, 'updateRecord');
  }

  async function deleteRecord(domain: string, id: string, opts?: CallOptions): Promise<void> {
    validated('deleteRecord', () => encodePathSegment(id, 'id'));
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
