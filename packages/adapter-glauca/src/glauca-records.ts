/**
 * HexDNS records: listRecords (the zone object's embedded per-type arrays as one stream),
 * createRecord / updateRecord / deleteRecord routed to the per-type endpoint
 * (`/api/zone_<kind>_records/`), and createRecords emulated with bounded concurrency.
 *
 * Record ids handed out are `<type>:<HexDNS id>` (`mx:hexdns_zonemxrecord_…`): HexDNS ids are
 * unique per endpoint, so the type in the id routes updates and deletes.
 */
import {
  type BulkResult,
  type CallOptions,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordPatch,
  isRegistrarError,
  type ListOptions,
  NotFoundError,
  ProviderError,
  plainCause,
  RECORD_TYPES,
  type RecordRules,
  type RegistrarError,
  requestOptions,
  urlPath,
  ValidationError,
  validateRecordInput,
  validateRecordInputBeforeZone,
  validateRecordPatch,
  validateRecordPatchBeforeZone,
} from '@registrar-kit/core';
import type { z } from 'zod';
import {
  decodeRecordId,
  type HexKind,
  mapRecord,
  mapZoneRecords,
  recordCreateBody,
  recordPatchBody,
  recordSegment,
} from './glauca-record-mappers.js';
import type { GlaucaContext } from './glauca-registrar.js';
import {
  HexAddressRecordSchema,
  HexAliasRecordSchema,
  HexCaaRecordSchema,
  HexMxRecordSchema,
  HexNsRecordSchema,
  type HexRecord,
  HexSrvRecordSchema,
  HexTxtRecordSchema,
  HexZoneSchema,
} from './glauca-schemas.js';

/** Concurrent creates of the emulated createRecords. */
export const CREATE_RECORDS_CONCURRENCY = 4;

const RECORD_SCHEMA: Record<HexKind, z.ZodType<HexRecord>> = {
  address: HexAddressRecordSchema,
  aname: HexAliasRecordSchema,
  cname: HexAliasRecordSchema,
  mx: HexMxRecordSchema,
  ns: HexNsRecordSchema,
  txt: HexTxtRecordSchema,
  srv: HexSrvRecordSchema,
  caa: HexCaaRecordSchema,
};

/**
 * HexDNS rules: every model type, TTL a non-negative 32-bit integer (no documented bounds), no
 * CNAME at the apex, no blank TXT (HexDNS: "data: This field may not be blank").
 */
export function hexdnsRules(zone?: string): RecordRules {
  return {
    types: RECORD_TYPES,
    ttl: { min: 0, max: 2_147_483_647 },
    ...(zone ? { zone } : {}),
    cnameAtApex: false,
    emptyTxt: false,
  };
}

function withProvider(error: unknown, operation: string): RegistrarError {
  if (isRegistrarError(error)) {
    if (error instanceof ValidationError && error.provider === 'unknown') {
      return new ValidationError(error.message, { provider: 'glauca', operation, issues: error.issues });
    }
    return error;
  }
  return new ProviderError(`glauca ${operation} failed: ${String((error as Error)?.message ?? error)}`, {
    provider: 'glauca',
    operation,
    cause: plainCause(error),
  });
}

/** The bulk result of per-input outcomes, in input order. */
function collect(
  results: ({ record: DnsRecord } | { error: RegistrarError })[],
  inputs: DnsRecordInput[],
): BulkResult {
  const out: BulkResult = { created: [], errors: [] };
  results.forEach((result, index) => {
    if ('record' in result) out.created.push(result.record);
    else out.errors.push({ input: inputs[index]!, error: result.error });
  });
  return out;
}

export function makeRecordMethods(ctx: GlaucaContext) {
  function decode(id: string, operation: string) {
    const decoded = decodeRecordId(id);
    if (!decoded) {
      throw new ValidationError(
        `glauca ${operation}: ${JSON.stringify(id)} is not a record id of this adapter (expected "<type>:<HexDNS id>", e.g. "mx:hexdns_zonemxrecord_…")`,
        {
          provider: 'glauca',
          operation,
          issues: [{ path: 'id', message: 'must be "<type>:<HexDNS id>"' }],
        },
      );
    }
    // Checks the HexDNS id as a path segment before anything is sent.
    urlPath`/${decoded.hexId}`;
    return decoded;
  }

  /** Validates an input: against the zone name when `domain` is a name (before any request), else after resolving. */
  function prepare(domain: string, opts: CallOptions | undefined, operation: string) {
    const hint = ctx.zoneHint(domain);
    return {
      hint,
      zone: () => ctx.resolveZone(domain, opts, operation),
    };
  }

  async function createOne(
    zone: { id: string; root: string },
    input: DnsRecordInput,
    opts: CallOptions | undefined,
    operation: string,
  ): Promise<DnsRecord> {
    const { kind, body } = recordCreateBody(
      input,
      zone.id,
      ctx.autoReverse === undefined ? {} : { autoReverse: ctx.autoReverse },
    );
    const created = await ctx.dns({
      operation,
      method: 'POST',
      path: `/api/${recordSegment(kind)}/`,
      body,
      schema: RECORD_SCHEMA[kind],
      bucket: 'dns',
      ...requestOptions(opts),
    });
    return mapRecord(kind, created, zone.root);
  }

  /** GETs a record and checks it belongs to the zone (an id from another zone is "not found" here). */
  async function fetchRecord(
    zone: { id: string; root: string },
    kind: HexKind,
    hexId: string,
    opts: CallOptions | undefined,
    operation: string,
  ) {
    const record = await ctx.dns({
      operation,
      method: 'GET',
      path: urlPath`/api/${recordSegment(kind)}/${hexId}/`,
      schema: RECORD_SCHEMA[kind],
      bucket: 'dns',
      ...requestOptions(opts),
    });
    if (record.zone !== zone.id) {
      throw new NotFoundError(`glauca ${operation}: record ${hexId} is not in zone ${zone.root}`, {
        provider: 'glauca',
        operation,
        status: 404,
      });
    }
    return record;
  }

  return {
    listRecords(domain: string, opts?: ListOptions): AsyncIterable<DnsRecord> {
      return {
        async *[Symbol.asyncIterator]() {
          const zone = await ctx.resolveZone(domain, opts, 'listRecords');
          // The zone object embeds every record of every type, unpaginated: one request instead of a
          // paginated, unfiltered list per type endpoint.
          const data = await ctx.dns({
            operation: 'listRecords',
            method: 'GET',
            path: urlPath`/api/dns_zones/${zone.id}/`,
            schema: HexZoneSchema,
            bucket: 'dns',
            ...requestOptions(opts),
          });
          yield* mapZoneRecords(data);
        },
      };
    },

    async createRecord(domain: string, input: DnsRecordInput, opts?: CallOptions): Promise<DnsRecord> {
      const { hint, zone } = prepare(domain, opts, 'createRecord');
      try {
        let valid = hint ? validateRecordInput(input, hexdnsRules(hint)) : null;
        // Without the zone name, what no zone can make valid is refused before the zone is read.
        if (!hint) validateRecordInputBeforeZone(input, hexdnsRules());
        const resolved = await zone();
        valid ??= validateRecordInput(input, hexdnsRules(resolved.root));
        return await createOne(resolved, valid, opts, 'createRecord');
      } catch (error) {
        throw withProvider(error, 'createRecord');
      }
    },

    async createRecords(domain: string, inputs: DnsRecordInput[], opts?: CallOptions): Promise<BulkResult> {
      if (!Array.isArray(inputs)) {
        throw new ValidationError('glauca createRecords: inputs must be an array', {
          provider: 'glauca',
          operation: 'createRecords',
          issues: [{ path: 'inputs', message: 'must be an array' }],
        });
      }
      const { hint, zone } = prepare(domain, opts, 'createRecords');
      if (inputs.length === 0) return { created: [], errors: [] };
      const results: ({ record: DnsRecord } | { error: RegistrarError })[] = new Array(inputs.length);
      const valid: { index: number; input: DnsRecordInput }[] = [];
      const validateAll = (root: string) => {
        inputs.forEach((input, index) => {
          try {
            valid.push({ index, input: validateRecordInput(input, hexdnsRules(root)) });
          } catch (error) {
            results[index] = { error: withProvider(error, 'createRecords') };
          }
        });
      };
      if (hint) validateAll(hint);
      else {
        const early = inputs.map((input) => {
          try {
            validateRecordInputBeforeZone(input, hexdnsRules());
            return null;
          } catch (error) {
            return withProvider(error, 'createRecords');
          }
        });
        // Every input is invalid in any zone: refused without reading the zone.
        if (early.every((error) => error !== null))
          return { created: [], errors: inputs.map((input, index) => ({ input, error: early[index]! })) };
      }
      const resolved = await zone();
      if (!hint) validateAll(resolved.root);
      // Emulated: HexDNS has no bulk endpoint. At most CREATE_RECORDS_CONCURRENCY creates in flight.
      let next = 0;
      const worker = async () => {
        while (next < valid.length) {
          const item = valid[next++]!;
          try {
            results[item.index] = { record: await createOne(resolved, item.input, opts, 'createRecords') };
          } catch (error) {
            results[item.index] = { error: withProvider(error, 'createRecords') };
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CREATE_RECORDS_CONCURRENCY, valid.length) }, worker));
      return collect(results, inputs);
    },

    async updateRecord(
      domain: string,
      id: string,
      patch: DnsRecordPatch,
      opts?: CallOptions,
    ): Promise<DnsRecord> {
      const { kind, hexId } = decode(id, 'updateRecord');
      const { hint, zone } = prepare(domain, opts, 'updateRecord');
      try {
        validateRecordPatchBeforeZone(patch, hexdnsRules(hint ?? undefined));
        const resolved = await zone();
        const current = mapRecord(
          kind,
          await fetchRecord(resolved, kind, hexId, opts, 'updateRecord'),
          resolved.root,
        );
        const valid = validateRecordPatch(patch, hexdnsRules(resolved.root), current.type);
        const updated = await ctx.dns({
          operation: 'updateRecord',
          method: 'PATCH',
          path: urlPath`/api/${recordSegment(kind)}/${hexId}/`,
          body: recordPatchBody(current.type, valid),
          schema: RECORD_SCHEMA[kind],
          bucket: 'dns',
          ...requestOptions(opts),
        });
        return mapRecord(kind, updated, resolved.root);
      } catch (error) {
        throw withProvider(error, 'updateRecord');
      }
    },

    async deleteRecord(domain: string, id: string, opts?: CallOptions): Promise<void> {
      const { kind, hexId } = decode(id, 'deleteRecord');
      const { zone } = prepare(domain, opts, 'deleteRecord');
      const resolved = await zone();
      await fetchRecord(resolved, kind, hexId, opts, 'deleteRecord');
      await ctx.dns({
        operation: 'deleteRecord',
        method: 'DELETE',
        path: urlPath`/api/${recordSegment(kind)}/${hexId}/`,
        bucket: 'dns',
        ...requestOptions(opts),
      });
    },
  };
}
