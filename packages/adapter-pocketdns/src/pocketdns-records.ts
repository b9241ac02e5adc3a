/**
 * DNS Records API methods: listRecords, createRecord, createRecords (bulk endpoint), updateRecord,
 * deleteRecord, and the adapter-specific applyTemplate.
 */
import {
  assertListComplete,
  type BulkResult,
  type CallOptions,
  ConflictError,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordPatch,
  type ListOptions,
  NotFoundError,
  ProviderError,
  type RegistrarError,
  ResponseFormatError,
  urlPath,
  ValidationError,
} from '@registrar-kit/core';
import type { PocketDnsContext, ResolvedDomain } from './pocketdns-context.js';
import {
  contentFromWire,
  PROVIDER,
  relativeName,
  toDnsRecord,
  toRecordBody,
  toRecordPatchBody,
} from './pocketdns-mappers.js';
import {
  checkRecordInput,
  checkRecordPatch,
  precheckRecordInput,
  precheckRecordPatch,
} from './pocketdns-record-rules.js';
import {
  BulkSchema,
  type DnsRecordPayload,
  FullDnsRecordSchema,
  RecordListSchema,
  TemplateSchema,
} from './pocketdns-schemas.js';

/** What `applyTemplate` returns. */
export interface PocketDnsTemplateResult {
  templateId: string;
  /** The records the template created, in the model. */
  records: DnsRecord[];
  /** PocketDNS's answer. */
  raw: unknown;
}

export type ApplyTemplate = (
  domain: string,
  templateId: string,
  variables?: Record<string, string>,
  opts?: CallOptions,
) => Promise<PocketDnsTemplateResult>;

function mapped(
  payload: DnsRecordPayload,
  zone: string,
  operation: string,
  fallback?: { ttl?: number; priority?: number | null },
): DnsRecord {
  const record = toDnsRecord(payload, zone, fallback);
  if (!record) {
    throw new ResponseFormatError(
      `pocketdns ${operation}: unexpected record type ${JSON.stringify(payload.type)}`,
      {
        provider: PROVIDER,
        operation,
        issues: [{ path: 'type', message: `unexpected record type ${payload.type}` }],
      },
    );
  }
  return record;
}

interface BulkEntry {
  input: DnsRecordInput;
  checked: DnsRecordInput;
  body: Record<string, unknown>;
}

/** A bulk `errors[].error` string as an error: a conflict when it says so, else a validation error. */
function bulkError(message: string, operation: string): RegistrarError {
  const text = `pocketdns ${operation}: ${message}`;
  if (/already exists|conflict/i.test(message))
    return new ConflictError(text, { provider: PROVIDER, operation });
  return new ValidationError(text, { provider: PROVIDER, operation, issues: [{ path: '', message }] });
}

function takeFirst<T>(list: T[], match: (item: T) => boolean): T | undefined {
  const index = list.findIndex(match);
  return index === -1 ? undefined : list.splice(index, 1)[0];
}

export function recordMethods(ctx: PocketDnsContext) {
  /**
   * Checks the input (with the zone when known without a request, else `precheck`: what no zone
   * can make valid), resolves the domain, checks with the zone if not done yet, runs `fn`.
   */
  async function withZone<C, T>(
    domain: string,
    operation: string,
    opts: CallOptions,
    check: (zone: string | undefined) => C,
    fn: (resolved: ResolvedDomain, checked: C) => Promise<T>,
    precheck: () => void = () => {},
  ): Promise<T> {
    const ref = ctx.parseDomain(domain, operation);
    const zone = ctx.knownZone(ref);
    const early = zone !== undefined ? { value: check(zone) } : null;
    if (!early) precheck();
    return ctx.withDomain(ref, operation, opts, true, (resolved) =>
      fn(resolved, early ? early.value : check(resolved.name)),
    );
  }

  async function fetchRecords(
    resolved: ResolvedDomain,
    operation: string,
    opts: CallOptions,
  ): Promise<DnsRecord[]> {
    const { data } = await ctx.send(
      {
        operation,
        method: 'GET',
        path: urlPath`/api/v1/domains/${resolved.id}/dns`,
        schema: RecordListSchema,
        bucket: 'recordRetrieval',
      },
      opts,
    );
    assertListComplete(data.records.length, data.total, { provider: PROVIDER, operation });
    return data.records.flatMap((payload) => toDnsRecord(payload, resolved.name) ?? []);
  }

  const applyTemplate: ApplyTemplate = async (domain, templateId, variables = {}, opts = {}) => {
    const operation = 'applyTemplate';
    if (typeof templateId !== 'string' || templateId.trim() === '') {
      throw new ValidationError(
        'pocketdns applyTemplate: templateId is required (e.g. "tpl_website_basic")',
        {
          provider: PROVIDER,
          operation,
          issues: [{ path: 'templateId', message: 'is required' }],
        },
      );
    }
    const bad =
      !variables || typeof variables !== 'object' || Array.isArray(variables)
        ? ['']
        : Object.entries(variables)
            .filter(([, value]) => typeof value !== 'string')
            .map(([key]) => key);
    if (bad.length > 0) {
      throw new ValidationError('pocketdns applyTemplate: variables must be an object of strings', {
        provider: PROVIDER,
        operation,
        issues: bad.map((key) => ({
          path: key ? `variables.${key}` : 'variables',
          message: 'must be a string',
        })),
      });
    }
    return withZone(
      domain,
      operation,
      opts,
      () => null,
      async (resolved) => {
        const { data } = await ctx.send(
          {
            operation,
            method: 'POST',
            path: urlPath`/api/v1/domains/${resolved.id}/dns/template`,
            body: { template_id: templateId, variables },
            schema: TemplateSchema,
            bucket: 'bulkOperations',
          },
          opts,
        );
        // The answer's items omit ttl and priority: the full records come from the record list.
        // When that read fails, the items are mapped as they are (ttl: PocketDNS's default 300).
        const full = await fetchRecords(resolved, operation, opts).catch(() => [] as DnsRecord[]);
        const records = data.records_created.map(
          (item) => full.find((record) => record.id === item.id) ?? mapped(item, resolved.name, operation),
        );
        return { templateId: data.template_id ?? templateId, records, raw: data };
      },
    );
  };

  return {
    listRecords(domain: string, opts: ListOptions = {}): AsyncIterable<DnsRecord> {
      return {
        async *[Symbol.asyncIterator]() {
          const operation = 'listRecords';
          // PocketDNS documents no pagination: one request returns every record with `total`.
          const records = await withZone(
            domain,
            operation,
            opts,
            () => null,
            (resolved) => fetchRecords(resolved, operation, opts),
          );
          yield* records;
        },
      };
    },

    async createRecord(domain: string, input: DnsRecordInput, opts: CallOptions = {}): Promise<DnsRecord> {
      const operation = 'createRecord';
      return withZone(
        domain,
        operation,
        opts,
        (zone) => checkRecordInput(input, operation, zone),
        async (resolved, checked) => {
          const { data } = await ctx.send(
            {
              operation,
              method: 'POST',
              path: urlPath`/api/v1/domains/${resolved.id}/dns`,
              body: toRecordBody(checked),
              schema: FullDnsRecordSchema,
              bucket: 'recordCreation',
            },
            opts,
          );
          return mapped(data, resolved.name, operation, { priority: checked.priority ?? null });
        },
        () => precheckRecordInput(input, operation),
      );
    },

    async createRecords(
      domain: string,
      inputs: DnsRecordInput[],
      opts: CallOptions = {},
    ): Promise<BulkResult> {
      const operation = 'createRecords';
      if (!Array.isArray(inputs)) {
        throw new ValidationError('pocketdns createRecords: inputs must be an array', {
          provider: PROVIDER,
          operation,
          issues: [{ path: '', message: 'must be an array' }],
        });
      }
      const ref = ctx.parseDomain(domain, operation);
      if (inputs.length === 0) return { created: [], errors: [] };
      // Inputs that fail the local checks are reported in `errors` and not sent.
      const split = (zone: string) => {
        const entries: BulkEntry[] = [];
        const errors: BulkResult['errors'] = [];
        for (const input of inputs) {
          try {
            const checked = checkRecordInput(input, operation, zone);
            entries.push({ input, checked, body: toRecordBody(checked) });
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            errors.push({ input, error });
          }
        }
        return { entries, errors };
      };
      const zone = ctx.knownZone(ref);
      const early = zone !== undefined ? split(zone) : null;
      if (early && early.entries.length === 0) return { created: [], errors: early.errors };
      if (!early) {
        // The zone needs a request: inputs invalid in any zone are refused first, and when that is
        // all of them nothing is sent.
        const refused: BulkResult['errors'] = [];
        for (const input of inputs) {
          try {
            precheckRecordInput(input, operation);
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            refused.push({ input, error });
          }
        }
        if (refused.length === inputs.length) return { created: [], errors: refused };
      }
      return ctx.withDomain(ref, operation, opts, true, async (resolved) => {
        const { entries, errors } = early ?? split(resolved.name);
        if (entries.length === 0) return { created: [], errors };
        const { data } = await ctx.send(
          {
            operation,
            method: 'POST',
            path: urlPath`/api/v1/domains/${resolved.id}/dns/bulk`,
            body: { records: entries.map((entry) => entry.body) },
            schema: BulkSchema,
            bucket: 'bulkOperations',
          },
          opts,
        );
        // Pair each created item and each error with the input it came from (same type, name and content).
        const pending = [...entries];
        const created = data.created.map((item) => {
          const type = item.type.trim().toUpperCase();
          const entry = takeFirst(pending, ({ checked }) => {
            if (checked.type !== type || relativeName(item.name, resolved.name) !== checked.name)
              return false;
            return (
              contentFromWire(checked.type, item.content, item.priority ?? checked.priority ?? null)
                .content === checked.content
            );
          });
          return mapped(
            item,
            resolved.name,
            operation,
            entry ? { ttl: entry.checked.ttl, priority: entry.checked.priority ?? null } : {},
          );
        });
        for (const failure of data.errors ?? []) {
          const sent = failure.record ?? {};
          const sameTypeAndName = (entry: BulkEntry) =>
            entry.body.type === String(sent.type ?? '').toUpperCase() &&
            entry.checked.name === relativeName(String(sent.name ?? ''), resolved.name);
          const entry =
            takeFirst(pending, (e) => sameTypeAndName(e) && e.body.content === sent.content) ??
            takeFirst(pending, sameTypeAndName) ??
            pending.shift();
          if (entry) errors.push({ input: entry.input, error: bulkError(failure.error, operation) });
        }
        for (const entry of pending) {
          errors.push({
            input: entry.input,
            error: new ProviderError(
              'pocketdns createRecords: PocketDNS reported neither a created record nor an error for this input',
              {
                provider: PROVIDER,
                operation,
              },
            ),
          });
        }
        return { created, errors };
      });
    },

    async updateRecord(
      domain: string,
      id: string,
      patch: DnsRecordPatch,
      opts: CallOptions = {},
    ): Promise<DnsRecord> {
      const operation = 'updateRecord';
      ctx.checkId(id, operation);
      return withZone(
        domain,
        operation,
        opts,
        (zone) => ({ zone, shape: checkRecordPatch(patch, operation, zone) }),
        async (resolved, { shape }) => {
          // Content, priority and name rules depend on the record's type: read it first (a TTL-only
          // patch needs no read).
          const needsType =
            shape.name !== undefined || shape.content !== undefined || shape.priority !== undefined;
          let body: Record<string, unknown> = toRecordPatchBody(shape, undefined);
          let priority: number | null | undefined;
          if (needsType) {
            const current = (await fetchRecords(resolved, operation, opts)).find(
              (record) => record.id === id,
            );
            if (!current) {
              throw new NotFoundError(`pocketdns ${operation}: no record ${id} in ${resolved.name}`, {
                provider: PROVIDER,
                operation,
              });
            }
            const checked = checkRecordPatch(patch, operation, resolved.name, current.type);
            body = toRecordPatchBody(checked, current.type, {
              content: current.content,
              priority: current.priority,
            });
            priority = (body.priority as number | undefined) ?? current.priority;
          }
          const { data } = await ctx.send(
            {
              operation,
              method: 'PUT',
              path: urlPath`/api/v1/domains/${resolved.id}/dns/${id}`,
              body,
              schema: FullDnsRecordSchema,
              bucket: 'recordUpdates',
            },
            opts,
          );
          return mapped(data, resolved.name, operation, { priority: priority ?? null });
        },
        () => precheckRecordPatch(patch, operation),
      );
    },

    async deleteRecord(domain: string, id: string, opts: CallOptions = {}): Promise<void> {
      const operation = 'deleteRecord';
      ctx.checkId(id, operation);
      const ref = ctx.parseDomain(domain, operation);
      await ctx.withDomain(ref, operation, opts, false, async (resolved) => {
        await ctx.send(
          {
            operation,
            method: 'DELETE',
            path: urlPath`/api/v1/domains/${resolved.id}/dns/${id}`,
            bucket: 'recordDeletion',
          },
          opts,
        );
      });
    },

    applyTemplate,
  };
}
