/**
 * DNS records on Porkbun's nameservers (docs/providers/porkbun.md#dns-records). Names travel
 * relative (`""` for the apex) and come back fully qualified; `/dns/edit` replaces the whole record
 * (an omitted name would move it to the apex), so an update always sends name, type, content, TTL
 * and priority. TTLs below the account minimum (typically 600) are not refused: Porkbun stores them
 * raised, and the record reads back with the stored TTL. `/dns/create` answers only the id, so the
 * stored record is read back. Bulk creation uses `/dns/import` (no ids returned, NS ignored,
 * identical records skipped): the zone is listed before and after to build the result.
 */
import {
  type BulkResult,
  type CallOptions,
  ConflictError,
  checkProviderId,
  createRecordsOneByOne,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordPatch,
  invalidInput,
  isRegistrarError,
  type ListOptions,
  NotFoundError,
  ProviderError,
  paginate,
  RECORD_TYPES,
  type RecordRules,
  type RecordType,
  type RegistrarError,
  type RegistrarMethods,
  urlPath,
  ValidationError,
  validateRecordInput,
  validateRecordPatch,
} from '@registrar-kit/core';
import { domainName, type PorkbunClient, PROVIDER, validated } from './porkbun-client.js';
import { bodyOf } from './porkbun-errors.js';
import { toPorkbunRecordBody, toRecord } from './porkbun-record-mappers.js';
import { BasicSuccessSchema, CreatedRecordSchema, ImportSchema, RecordsSchema } from './porkbun-schemas.js';

/** The account minimum TTL Porkbun typically applies; lower TTLs are stored raised to it. */
export const PORKBUN_MIN_TTL = 600;
/** Records per `/dns/import` call. */
export const PORKBUN_IMPORT_LIMIT = 500;
/** Every model type is a Porkbun type (Porkbun also has TLSA, SSHFP, HTTPS, SVCB, which the model lacks). */
export const PORKBUN_RECORD_TYPES: readonly RecordType[] = RECORD_TYPES;

/**
 * Porkbun's record rules for `validateRecordInput` and `planRecords`: a TTL below the account
 * minimum is accepted and planned as Porkbun will store it (raised to `PORKBUN_MIN_TTL`).
 */
export function porkbunRecordRules(zone?: string, minTtl = PORKBUN_MIN_TTL): RecordRules {
  return { types: PORKBUN_RECORD_TYPES, cnameAtApex: false, minStoredTtl: minTtl, ...(zone ? { zone } : {}) };
}

function recordId(id: string, operation: string): string {
  if (typeof id === 'string' && /^\d{1,20}$/.test(id)) return id;
  throw new ValidationError(`${PROVIDER} ${operation}: invalid record id: Porkbun record ids are numeric`, {
    provider: PROVIDER,
    operation,
    issues: [{ path: 'id', message: 'must be a numeric Porkbun record id' }],
  });
}

const recordKey = (record: Pick<DnsRecordInput, 'type' | 'name' | 'content' | 'priority'>) =>
  JSON.stringify([record.type, record.name, record.content, record.priority ?? null]);

export function recordMethods(client: PorkbunClient): Partial<RegistrarMethods> {
  async function readZone(zone: string, operation: string, opts?: CallOptions): Promise<DnsRecord[]> {
    const data = await client.send(
      {
        operation,
        method: 'POST',
        path: urlPath`/dns/retrieve/${zone}`,
        schema: RecordsSchema,
        readOnly: true,
      },
      opts,
    );
    return data.records.flatMap((item, index) => toRecord(zone, item, `records.${index}`, operation) ?? []);
  }

  async function readRecord(zone: string, id: string, operation: string, opts?: CallOptions) {
    const data = await client.send(
      {
        operation,
        method: 'POST',
        path: urlPath`/dns/retrieve/${zone}/${id}`,
        schema: RecordsSchema,
        readOnly: true,
      },
      opts,
    );
    const item = data.records.find((record) => String(record.id) === id);
    return item ? toRecord(zone, item, 'records.0', operation) : null;
  }

  /** The record as stored, or (when the read finds none) as sent. */
  async function stored(
    zone: string,
    id: string,
    sent: DnsRecordInput,
    operation: string,
    opts?: CallOptions,
  ) {
    const record = await readRecord(zone, id, operation, opts);
    if (record) return record;
    const name = sent.name;
    return {
      provider: PROVIDER,
      id,
      domain: zone,
      name,
      fqdn: name === '@' ? zone : `${name}.${zone}`,
      type: sent.type,
      content: sent.content,
      ttl: Math.max(sent.ttl ?? PORKBUN_MIN_TTL, PORKBUN_MIN_TTL),
      priority: sent.priority ?? null,
      createdAt: null,
      updatedAt: null,
      raw: null,
    } satisfies DnsRecord;
  }

  function listRecords(domain: string, opts: ListOptions = {}): AsyncIterable<DnsRecord> {
    const zone = domainName(domain, 'listRecords');
    return paginate(
      async (_page, signal) => ({ items: await readZone(zone, 'listRecords', { ...opts, signal }) }),
      {
        signal: opts.signal,
      },
    );
  }

  async function createRecord(domain: string, input: DnsRecordInput, opts?: CallOptions): Promise<DnsRecord> {
    const zone = domainName(domain, 'createRecord');
    const record = validated('createRecord', () => validateRecordInput(input, porkbunRecordRules(zone)));
    const data = await client.send(
      {
        operation: 'createRecord',
        method: 'POST',
        path: urlPath`/dns/create/${zone}`,
        body: toPorkbunRecordBody(record),
        schema: CreatedRecordSchema,
        write: true,
      },
      opts,
    );
    const id = checkProviderId(data.id, 'id', { provider: PROVIDER, operation: 'createRecord' });
    return stored(zone, id, record, 'createRecord', opts);
  }

  async function updateRecord(
    domain: string,
    id: string,
    patch: DnsRecordPatch,
    opts?: CallOptions,
  ): Promise<DnsRecord> {
    const zone = domainName(domain, 'updateRecord');
    const rules = porkbunRecordRules(zone);
    const recordIdText = recordId(id, 'updateRecord');
    validated('updateRecord', () => validateRecordPatch(patch, rules));
    const current = await readRecord(zone, recordIdText, 'updateRecord', opts);
    if (!current)
      throw new NotFoundError(`${PROVIDER} updateRecord: no record ${recordIdText} in ${zone}`, {
        provider: PROVIDER,
        operation: 'updateRecord',
        code: 'INVALID_RECORD_ID',
      });
    // The whole record: /dns/edit replaces it (an omitted name would move it to the apex).
    const record = validated('updateRecord', () =>
      validateRecordInput(
        {
          type: current.type,
          name: patch.name ?? current.name,
          content: patch.content ?? current.content,
          ttl: patch.ttl ?? current.ttl,
          priority: patch.priority !== undefined ? patch.priority : current.priority,
        },
        rules,
      ),
    );
    await client.send(
      {
        operation: 'updateRecord',
        method: 'POST',
        path: urlPath`/dns/edit/${zone}/${recordIdText}`,
        body: toPorkbunRecordBody(record),
        schema: BasicSuccessSchema,
        write: true,
      },
      opts,
    );
    return stored(zone, recordIdText, record, 'updateRecord', opts);
  }

  async function deleteRecord(domain: string, id: string, opts?: CallOptions): Promise<void> {
    const zone = domainName(domain, 'deleteRecord');
    const recordIdText = recordId(id, 'deleteRecord');
    await client.send(
      {
        operation: 'deleteRecord',
        method: 'POST',
        path: urlPath`/dns/delete/${zone}/${recordIdText}`,
        schema: BasicSuccessSchema,
        write: true,
      },
      opts,
    );
  }

  /** Sends one `/dns/import`; its per-record failures (or the whole call's error) come back, never thrown. */
  async function importChunk(
    zone: string,
    records: DnsRecordInput[],
    opts?: CallOptions,
  ): Promise<{ failures: unknown[]; error: RegistrarError | null }> {
    try {
      const data = await client.send(
        {
          operation: 'createRecords',
          method: 'POST',
          path: urlPath`/dns/import/${zone}`,
          body: { records: records.map((record) => toPorkbunRecordBody(record)) },
          schema: ImportSchema,
        },
        opts,
      );
      return { failures: data.failures ?? [], error: null };
    } catch (error) {
      if (!isRegistrarError(error)) throw error;
      const failures = (bodyOf(error) as { failures?: unknown } | undefined)?.failures;
      return { failures: Array.isArray(failures) ? failures : [], error };
    }
  }

  async function createRecords(
    domain: string,
    inputs: DnsRecordInput[],
    opts?: CallOptions,
  ): Promise<BulkResult> {
    const zone = domainName(domain, 'createRecords');
    if (!Array.isArray(inputs))
      throw invalidInput(
        { provider: PROVIDER, operation: 'createRecords' },
        [{ path: '', message: 'must be an array' }],
        'records',
      );
    const rules = porkbunRecordRules(zone);
    const result: BulkResult = { created: [], errors: [] };
    const valid: { input: DnsRecordInput; record: DnsRecordInput }[] = [];
    for (const input of inputs) {
      try {
        valid.push({ input, record: validated('createRecords', () => validateRecordInput(input, rules)) });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        result.errors.push({ input, error });
      }
    }
    // /dns/import ignores NS records: those (and a lone record) go through /dns/create.
    const imported = valid.filter((entry) => entry.record.type !== 'NS');
    const single = imported.length >= 2 ? valid.filter((entry) => entry.record.type === 'NS') : valid;
    if (imported.length >= 2) {
      const before = new Set((await readZone(zone, 'createRecords', opts)).map((record) => record.id));
      const failures: unknown[] = [];
      let wholeError: RegistrarError | null = null;
      for (let start = 0; start < imported.length; start += PORKBUN_IMPORT_LIMIT) {
        const chunk = imported.slice(start, start + PORKBUN_IMPORT_LIMIT).map((entry) => entry.record);
        const outcome = await importChunk(zone, chunk, opts);
        failures.push(...outcome.failures);
        wholeError ??= outcome.error;
      }
      const after = await readZone(zone, 'createRecords', opts);
      const fresh = after.filter((record) => !before.has(record.id));
      for (const { input, record } of imported) {
        const key = recordKey(record);
        const index = fresh.findIndex((candidate) => recordKey(candidate) === key);
        if (index >= 0) {
          result.created.push(fresh[index]!);
          fresh.splice(index, 1);
          continue;
        }
        result.errors.push({ input, error: importError(record, failures, after, wholeError) });
      }
    }
    if (single.length > 0) {
      const created = await createRecordsOneByOne(
        createRecord,
        zone,
        single.map((entry) => entry.input),
        opts,
      );
      result.created.push(...created.created);
      result.errors.push(...created.errors);
    }
    return result;
  }

  return { listRecords, createRecord, createRecords, updateRecord, deleteRecord };
}

/** Why an imported record is not in the zone afterwards: its own failure, an identical record, or the call's error. */
function importError(
  record: DnsRecordInput,
  failures: unknown[],
  zone: DnsRecord[],
  wholeError: RegistrarError | null,
): RegistrarError {
  const sent = JSON.stringify(toPorkbunRecordBody(record));
  const failure = failures.find(
    (item) => JSON.stringify((item as { record?: unknown } | null)?.record) === sent,
  ) as { code?: unknown; message?: unknown } | undefined;
  const context = { provider: PROVIDER, operation: 'createRecords' };
  if (failure) {
    const code = typeof failure.code === 'string' ? failure.code : 'import_failed';
    const message = typeof failure.message === 'string' ? failure.message : 'refused by /dns/import';
    return new ValidationError(
      `${PROVIDER} createRecords: ${record.type} ${record.name}: ${message} (${code})`,
      {
        ...context,
        code,
        issues: [{ path: '', message }],
      },
    );
  }
  const key = recordKey(record);
  const existing = zone.find((candidate) => recordKey(candidate) === key);
  if (existing)
    return new ConflictError(
      `${PROVIDER} createRecords: ${record.type} ${record.name}: an identical record exists (id ${existing.id})`,
      { ...context, code: 'DUPLICATE_RECORD' },
    );
  if (wholeError) return wholeError;
  return new ProviderError(
    `${PROVIDER} createRecords: ${record.type} ${record.name}: /dns/import did not create it`,
    {
      ...context,
      code: 'import_failed',
    },
  );
}
