/**
 * The DNS-hosting side: zones (find, get, create), records (list, create, PATCH updates, delete),
 * bulk creation and whole plans through the atomic batch endpoint, and zone DNSSEC
 * (docs/providers/cloudflare.md#zones, #dns-records, #batch, #dnssec).
 */
import {
  type ApplyFailure,
  type ApplyReport,
  type AtomicPlanApplier,
  type BulkResult,
  type CallOptions,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordPatch,
  type DsRecord,
  invalidInput,
  isRegistrarError,
  type ListOptions,
  normalizeDomainName,
  type Page,
  paginate,
  type RecordPlan,
  type RegistrarError,
  RegistrarError as RegistrarErrorClass,
  type RegistrarMethods,
  ResponseFormatError,
  urlPath,
  ValidationError,
  validateRecordInput,
  validateRecordInputBeforeZone,
  validateRecordPatch,
  validateRecordPatchBeforeZone,
  type Zone,
} from '@registrar-kit/core';
import { z } from 'zod';
import {
  type CloudflareClient,
  FREE_BATCH_LIMIT,
  PROVIDER,
  parseDomainName,
  type ZoneRef,
} from './cloudflare-client.js';
import {
  type CloudflareRecordSettings,
  cloudflareRecordRules,
  contentFields,
  recordBody,
  toDnsRecord,
  toFqdn,
} from './cloudflare-record-mappers.js';
import {
  BatchResultSchema,
  type CloudflareRecordPayload,
  type CloudflareZonePayload,
  DnssecPayloadSchema,
  envelope,
  RecordPayloadSchema,
  ZonePayloadSchema,
} from './cloudflare-schemas.js';

const RecordsSchema = envelope(z.array(RecordPayloadSchema));
const RecordSchema = envelope(RecordPayloadSchema);
const DeletedSchema = envelope(z.object({ id: z.string() }).passthrough());
const BatchSchema = envelope(BatchResultSchema);
const ZoneSchema = envelope(ZonePayloadSchema);
const DnssecSchema = envelope(DnssecPayloadSchema);

/** Records per page when the caller does not say (Cloudflare's default is 100, its maximum 5,000,000). */
const DEFAULT_PAGE_SIZE = 500;
const RECORD_ID = /^[0-9a-f]{32}$/;

/** Cloudflare-only record methods. */
export interface CloudflareRecordExtras extends AtomicPlanApplier {
  /** Sets the proxy flag, comment or tags of a record (kept in `raw`). */
  setRecordSettings(
    domain: string,
    id: string,
    settings: CloudflareRecordSettings,
    opts?: CallOptions,
  ): Promise<DnsRecord>;
}

function toZone(payload: CloudflareZonePayload): Zone {
  return {
    provider: PROVIDER,
    id: payload.id,
    name: normalizeDomainName(payload.name),
    nameservers: payload.name_servers.map((ns) => ns.toLowerCase().replace(/\.$/, '')),
  };
}

/** Runs a core record check, its error naming this adapter's method (not the core helper). */
function checked<T>(operation: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (isRegistrarError(error)) Object.assign(error, { provider: PROVIDER, operation });
    throw error;
  }
}

function checkRecordId(id: string, operation: string): string {
  if (typeof id === 'string' && RECORD_ID.test(id)) return id;
  throw new ValidationError(`${PROVIDER} ${operation}: invalid record id: expected 32 hex characters`, {
    provider: PROVIDER,
    operation,
    issues: [{ path: 'id', message: 'must be a Cloudflare record id (32 hex characters)' }],
  });
}

/** The model record of a payload the adapter just wrote (its type is always a model type). */
function written(payload: CloudflareRecordPayload, zone: string, operation: string): DnsRecord {
  const record = toDnsRecord(payload, zone);
  if (record) return record;
  throw new ResponseFormatError(`${PROVIDER} ${operation}: Cloudflare answered a ${payload.type} record`, {
    provider: PROVIDER,
    operation,
  });
}

/** The PATCH fields that turn `record` into `record` + `patch` (`data` is replaced whole, so sent whole). */
function patchFields(record: DnsRecord, patch: DnsRecordPatch, zone: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (patch.name !== undefined) fields.name = toFqdn(patch.name, zone);
  if (patch.content !== undefined || patch.priority !== undefined) {
    Object.assign(
      fields,
      contentFields(record.type, patch.content ?? record.content, patch.priority ?? record.priority),
    );
  }
  if (patch.ttl !== undefined) fields.ttl = patch.ttl;
  return fields;
}

export function recordMethods(client: CloudflareClient): {
  methods: Partial<RegistrarMethods>;
  extras: CloudflareRecordExtras;
} {
  const minTtl = client.options.minTtl ?? 60;
  const batchLimit = Math.max(1, Math.floor(client.options.batchLimit ?? FREE_BATCH_LIMIT));
  const rules = (zone?: string) => cloudflareRecordRules(minTtl, zone);
  const recordsPath = (zone: ZoneRef) => urlPath`/zones/${zone.id}/dns_records`;

  async function getRecord(zone: ZoneRef, id: string, operation: string, opts?: CallOptions) {
    const { data } = await client.send(
      { operation, method: 'GET', path: `${recordsPath(zone)}/${id}`, schema: RecordSchema },
      opts,
    );
    const record = toDnsRecord(data.result, zone.name);
    if (record) return record;
    throw new ValidationError(
      `${PROVIDER} ${operation}: record ${id} is a ${data.result.type} record, which registrar-kit does not model`,
      {
        provider: PROVIDER,
        operation,
        issues: [{ path: 'id', message: `${data.result.type} records are not supported` }],
      },
    );
  }

  async function patchRecord(
    zone: ZoneRef,
    id: string,
    fields: Record<string, unknown>,
    operation: string,
    opts?: CallOptions,
  ) {
    const { data } = await client.send(
      { operation, method: 'PATCH', path: `${recordsPath(zone)}/${id}`, body: fields, schema: RecordSchema },
      opts,
    );
    return written(data.result, zone.name, operation);
  }

  /** One all-or-nothing batch request (docs/providers/cloudflare.md#batch). */
  async function batch(
    zone: ZoneRef,
    body: {
      deletes?: { id: string }[];
      patches?: Record<string, unknown>[];
      posts?: Record<string, unknown>[];
    },
    operation: string,
    opts?: CallOptions,
  ) {
    const { data } = await client.send(
      { operation, method: 'POST', path: `${recordsPath(zone)}/batch`, body, schema: BatchSchema },
      opts,
    );
    return data.result;
  }

  const listRecords = (domain: string, opts: ListOptions = {}): AsyncIterable<DnsRecord> => {
    const perPage = Math.max(1, Math.floor(opts.pageSize ?? DEFAULT_PAGE_SIZE));
    const call = { ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}) };
    let zone: ZoneRef | undefined;
    const pages = paginate<DnsRecord>(
      async (page, signal): Promise<Page<DnsRecord>> => {
        zone ??= await client.zone(domain, 'listRecords', { ...call, signal });
        const { data } = await client.send(
          {
            operation: 'listRecords',
            method: 'GET',
            path: recordsPath(zone),
            query: { page, per_page: perPage },
            schema: RecordsSchema,
          },
          { ...call, signal },
        );
        const items = data.result.flatMap((payload) => toDnsRecord(payload, zone!.name) ?? []);
        const info = data.result_info;
        return info?.total_pages !== undefined
          ? { items, totalPages: info.total_pages }
          : { items, hasMore: data.result.length >= perPage };
      },
      {
        ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
    );
    return pages;
  };

  const createRecord = async (domain: string, input: DnsRecordInput, opts?: CallOptions) => {
    checked('createRecord', () => validateRecordInputBeforeZone(input, rules()));
    const zone = await client.zone(domain, 'createRecord', opts);
    const valid = checked('createRecord', () => validateRecordInput(input, rules(zone.name)));
    const { data } = await client.send(
      {
        operation: 'createRecord',
        method: 'POST',
        path: recordsPath(zone),
        body: recordBody(valid, zone.name),
        schema: RecordSchema,
      },
      opts,
    );
    return written(data.result, zone.name, 'createRecord');
  };

  const updateRecord = async (domain: string, id: string, patch: DnsRecordPatch, opts?: CallOptions) => {
    checkRecordId(id, 'updateRecord');
    checked('updateRecord', () => validateRecordPatchBeforeZone(patch, rules()));
    const zone = await client.zone(domain, 'updateRecord', opts);
    const current = await getRecord(zone, id, 'updateRecord', opts);
    const valid = checked('updateRecord', () => validateRecordPatch(patch, rules(zone.name), current.type));
    return patchRecord(zone, id, patchFields(current, valid, zone.name), 'updateRecord', opts);
  };

  const deleteRecord = async (domain: string, id: string, opts?: CallOptions) => {
    checkRecordId(id, 'deleteRecord');
    const zone = await client.zone(domain, 'deleteRecord', opts);
    await client.send(
      {
        operation: 'deleteRecord',
        method: 'DELETE',
        path: `${recordsPath(zone)}/${id}`,
        schema: DeletedSchema,
      },
      opts,
    );
  };

  /** Local checks first (each invalid input is its own error); the rest in batches of `batchLimit`. */
  const createRecords = async (
    domain: string,
    inputs: DnsRecordInput[],
    opts?: CallOptions,
  ): Promise<BulkResult> => {
    const result: BulkResult = { created: [], errors: [] };
    if (!Array.isArray(inputs))
      throw invalidInput(
        { provider: PROVIDER, operation: 'createRecords' },
        [{ path: '', message: 'must be an array' }],
        'records',
      );
    if (inputs.length === 0) return result;
    const zone = await client.zone(domain, 'createRecords', opts);
    const valid: { input: DnsRecordInput; checked: DnsRecordInput }[] = [];
    for (const input of inputs) {
      try {
        valid.push({
          input,
          checked: checked('createRecords', () => validateRecordInput(input, rules(zone.name))),
        });
      } catch (error) {
        if (!isRegistrarError(error)) throw error;
        result.errors.push({ input, error });
      }
    }
    for (let start = 0; start < valid.length; start += batchLimit) {
      const chunk = valid.slice(start, start + batchLimit);
      try {
        const answer = await batch(
          zone,
          { posts: chunk.map((c) => recordBody(c.checked, zone.name)) },
          'createRecords',
          opts,
        );
        for (const payload of answer.posts ?? [])
          result.created.push(written(payload, zone.name, 'createRecords'));
      } catch (error) {
        if (!isRegistrarError(error)) throw error;
        // The batch is one transaction: none of this chunk was created.
        for (const { input } of chunk) result.errors.push({ input, error });
      }
    }
    return result;
  };

  /**
   * A whole plan as batches: deletes, then updates (PATCH), then creates, at most `batchLimit`
   * changes per request, each request all-or-nothing; after a failing batch nothing more is sent.
   */
  const applyPlanAtomically = async (
    domain: string,
    plan: RecordPlan,
    opts?: CallOptions,
  ): Promise<ApplyReport> => {
    const zone = await client.zone(domain, 'applyPlan', opts);
    const report: ApplyReport = {
      created: [],
      updated: [],
      deleted: [],
      failures: [],
      atomic: { batches: 0, limit: batchLimit },
    };
    type Change =
      | { kind: 'delete'; record: DnsRecord }
      | { kind: 'update'; record: DnsRecord; desired: DnsRecordInput; fields: Record<string, unknown> }
      | { kind: 'create'; input: DnsRecordInput; body: Record<string, unknown> };
    const changes: Change[] = [];
    const refuse = (failure: Omit<ApplyFailure, 'error'>, error: unknown) => {
      if (!isRegistrarError(error)) throw error;
      report.failures.push({ ...failure, error });
    };
    for (const record of plan.deletes) {
      if (RECORD_ID.test(record.id)) changes.push({ kind: 'delete', record });
      else refuse({ change: 'delete', record }, invalidId(record.id));
    }
    for (const { record, patch, desired } of plan.updates) {
      try {
        const valid = checked('applyPlan', () => validateRecordPatch(patch, rules(zone.name), record.type));
        if (!RECORD_ID.test(record.id)) throw invalidId(record.id);
        changes.push({
          kind: 'update',
          record,
          desired,
          fields: { id: record.id, ...patchFields(record, valid, zone.name) },
        });
      } catch (error) {
        refuse({ change: 'update', record, input: desired }, error);
      }
    }
    for (const input of plan.creates) {
      try {
        changes.push({
          kind: 'create',
          input,
          body: recordBody(
            checked('applyPlan', () => validateRecordInput(input, rules(zone.name))),
            zone.name,
          ),
        });
      } catch (error) {
        refuse({ change: 'create', input }, error);
      }
    }
    let failed: RegistrarError | undefined;
    for (let start = 0; start < changes.length; start += batchLimit) {
      const chunk = changes.slice(start, start + batchLimit);
      if (failed || opts?.signal?.aborted) {
        const error = new RegistrarErrorClass(
          `${PROVIDER} applyPlan: not sent: ${failed ? 'an earlier batch failed' : 'the apply was aborted'}`,
          { provider: PROVIDER, operation: 'applyPlan', code: failed ? 'batch_not_sent' : 'aborted' },
        );
        for (const change of chunk) report.failures.push(failureOf(change, error));
        continue;
      }
      try {
        const answer = await batch(
          zone,
          {
            deletes: chunk.flatMap((c) => (c.kind === 'delete' ? [{ id: c.record.id }] : [])),
            patches: chunk.flatMap((c) => (c.kind === 'update' ? [c.fields] : [])),
            posts: chunk.flatMap((c) => (c.kind === 'create' ? [c.body] : [])),
          },
          'applyPlan',
          opts,
        );
        report.atomic!.batches++;
        report.deleted.push(...chunk.flatMap((c) => (c.kind === 'delete' ? [c.record] : [])));
        for (const payload of answer.patches ?? [])
          report.updated.push(written(payload, zone.name, 'applyPlan'));
        for (const payload of answer.posts ?? [])
          report.created.push(written(payload, zone.name, 'applyPlan'));
      } catch (error) {
        if (!isRegistrarError(error)) throw error;
        report.atomic!.batches++;
        failed = error;
        for (const change of chunk) report.failures.push(failureOf(change, error));
      }
    }
    return report;

    function failureOf(change: Change, error: RegistrarError): ApplyFailure {
      if (change.kind === 'delete') return { change: 'delete', record: change.record, error };
      if (change.kind === 'update')
        return { change: 'update', record: change.record, input: change.desired, error };
      return { change: 'create', input: change.input, error };
    }
    function invalidId(id: string) {
      return new ValidationError(`${PROVIDER} applyPlan: invalid record id ${JSON.stringify(id)}`, {
        provider: PROVIDER,
        operation: 'applyPlan',
        issues: [{ path: 'id', message: 'must be a Cloudflare record id (32 hex characters)' }],
      });
    }
  };

  const setRecordSettings = async (
    domain: string,
    id: string,
    settings: CloudflareRecordSettings,
    opts?: CallOptions,
  ) => {
    checkRecordId(id, 'setRecordSettings');
    if (settings === null || typeof settings !== 'object')
      throw invalidInput(
        { provider: PROVIDER, operation: 'setRecordSettings' },
        [{ path: '', message: 'must be an object' }],
        'settings',
      );
    const zone = await client.zone(domain, 'setRecordSettings', opts);
    const fields: Record<string, unknown> = {};
    if (settings.proxied !== undefined) fields.proxied = settings.proxied;
    if (settings.comment !== undefined) fields.comment = settings.comment ?? '';
    if (settings.tags !== undefined) fields.tags = settings.tags;
    return patchRecord(zone, id, fields, 'setRecordSettings', opts);
  };

  const getZone = async (domain: string, opts?: CallOptions): Promise<Zone> => {
    const zone = await client.zone(domain, 'getZone', opts);
    const { data } = await client.send(
      { operation: 'getZone', method: 'GET', path: urlPath`/zones/${zone.id}`, schema: ZoneSchema },
      opts,
    );
    return toZone(data.result);
  };

  const createZone = (domain: string, opts?: CallOptions): Promise<Zone> =>
    addZone(client, parseDomainName(domain, 'createZone'), 'createZone', opts);

  /** The DS data to give the parent while Cloudflare signs the zone; none while DNSSEC is off. */
  const getDsRecords = async (domain: string, opts?: CallOptions): Promise<DsRecord[]> => {
    const zone = await client.zone(domain, 'getDsRecords', opts);
    const { data } = await client.send(
      {
        operation: 'getDsRecords',
        method: 'GET',
        path: urlPath`/zones/${zone.id}/dnssec`,
        schema: DnssecSchema,
      },
      opts,
    );
    const d = data.result;
    if (
      d.status === 'disabled' ||
      d.key_tag == null ||
      !d.digest ||
      d.algorithm == null ||
      d.digest_type == null
    )
      return [];
    return [
      {
        keyTag: d.key_tag,
        algorithm: Number(d.algorithm),
        digestType: Number(d.digest_type),
        digest: d.digest,
        ...(d.public_key ? { publicKey: d.public_key } : {}),
        ...(d.flags != null ? { flags: d.flags } : {}),
      },
    ];
  };

  return {
    methods: {
      listRecords,
      createRecord,
      createRecords,
      updateRecord,
      deleteRecord,
      getZone,
      createZone,
      getDsRecords,
    },
    extras: { applyPlanAtomically, setRecordSettings },
  };
}

/** Adds the zone `name` (checked, ASCII) to the account as a full setup, and remembers its id. */
export async function addZone(
  client: CloudflareClient,
  name: string,
  operation: string,
  opts?: CallOptions,
): Promise<Zone> {
  const accountId = await client.account(operation, opts);
  const { data } = await client.send(
    {
      operation,
      method: 'POST',
      path: '/zones',
      body: { name, account: { id: accountId }, type: 'full' },
      schema: ZoneSchema,
    },
    opts,
  );
  const zone = toZone(data.result);
  client.rememberZone({ id: zone.id, name: zone.name });
  return zone;
}
