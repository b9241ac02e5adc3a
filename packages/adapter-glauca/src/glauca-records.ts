/**
 * HexDNS records: listRecords (the zone object's embedded per-type arrays as one stream),
 * createRecord / updateRecord / deleteRecord routed to the per-type endpoint
 * (`/api/zone_<kind>_records/`, docs/providers/glauca.md#hexdns). HexDNS has no bulk call:
 * createRecords is core's bounded single creates (createRecordsOneByOne).
 *
 * Record ids handed out are `<type>:<HexDNS id>` (`mx:hexdns_zonemxrecord_…`): HexDNS ids are
 * unique per endpoint, so the type in the id routes updates and deletes.
 */
import {
  type BulkResult,
  type CallOptions,
  createRecordsOneByOne,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordPatch,
  invalidInput,
  type ListOptions,
  NotFoundError,
  RECORD_TYPES,
  type RecordRules,
  requestOptions,
  urlPath,
  validateRecordInput,
  validateRecordInputBeforeZone,
  validateRecordPatch,
  validateRecordPatchBeforeZone,
} from '@registrar-kit/core';
import type { z } from 'zod';
import type { GlaucaClient, ZoneRef } from './glauca-client.js';
import { labelled } from './glauca-errors.js';
import {
  decodeRecordId,
  type HexKind,
  mapRecord,
  mapZoneRecords,
  recordCreateBody,
  recordPatchBody,
  recordSegment,
} from './glauca-record-mappers.js';
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
import { PROVIDER } from './glauca-values.js';

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

export function recordMethods(client: GlaucaClient) {
  function decode(id: string, operation: string) {
    const decoded = decodeRecordId(id);
    if (!decoded) {
      throw invalidInput(
        { provider: PROVIDER, operation },
        [
          {
            path: 'id',
            message: `${JSON.stringify(id)} is not a record id of this adapter: expected "<type>:<HexDNS id>", e.g. "mx:hexdns_zonemxrecord_…"`,
          },
        ],
        'record id',
      );
    }
    // Checks the HexDNS id as a path segment before anything is sent.
    urlPath`/${decoded.hexId}`;
    return decoded;
  }

  /** Validates an input: against the zone name when `domain` is a name (before any request), else after resolving. */
  function prepare(domain: string, opts: CallOptions | undefined, operation: string) {
    const hint = client.zoneHint(domain, operation);
    return {
      hint,
      zone: () => client.resolveZone(domain, opts, operation),
    };
  }

  async function createOne(
    zone: ZoneRef,
    input: DnsRecordInput,
    opts: CallOptions | undefined,
    operation: string,
  ): Promise<DnsRecord> {
    const { kind, body } = recordCreateBody(
      input,
      zone.id,
      client.autoReverse === undefined ? {} : { autoReverse: client.autoReverse },
    );
    const created = await client.dns({
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
    zone: ZoneRef,
    kind: HexKind,
    hexId: string,
    opts: CallOptions | undefined,
    operation: string,
  ) {
    const record = await client.dns({
      operation,
      method: 'GET',
      path: urlPath`/api/${recordSegment(kind)}/${hexId}/`,
      schema: RECORD_SCHEMA[kind],
      bucket: 'dns',
      ...requestOptions(opts),
    });
    if (record.zone !== zone.id) {
      throw new NotFoundError(`glauca ${operation}: record ${hexId} is not in zone ${zone.root}`, {
        provider: PROVIDER,
        operation,
        status: 404,
      });
    }
    return record;
  }

  async function createRecord(domain: string, input: DnsRecordInput, opts?: CallOptions): Promise<DnsRecord> {
    const { hint, zone } = prepare(domain, opts, 'createRecord');
    try {
      let valid = hint ? validateRecordInput(input, hexdnsRules(hint)) : null;
      // Without the zone name, what no zone can make valid is refused before the zone is read.
      if (!hint) validateRecordInputBeforeZone(input, hexdnsRules());
      const resolved = await zone();
      valid ??= validateRecordInput(input, hexdnsRules(resolved.root));
      return await createOne(resolved, valid, opts, 'createRecord');
    } catch (error) {
      throw labelled(error, 'createRecord');
    }
  }

  return {
    listRecords(domain: string, opts?: ListOptions): AsyncIterable<DnsRecord> {
      return {
        async *[Symbol.asyncIterator]() {
          const zone = await client.resolveZone(domain, opts, 'listRecords');
          // The zone object embeds every record of every type, unpaginated: one request instead of a
          // paginated, unfiltered list per type endpoint.
          const data = await client.dns({
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

    createRecord,

    /** HexDNS has no bulk call: core's bounded single creates, per-record errors in the result. */
    async createRecords(domain: string, inputs: DnsRecordInput[], opts?: CallOptions): Promise<BulkResult> {
      if (!Array.isArray(inputs))
        throw invalidInput(
          { provider: PROVIDER, operation: 'createRecords' },
          [{ path: 'inputs', message: 'must be an array of record inputs' }],
          'records',
        );
      return createRecordsOneByOne(createRecord, domain, inputs, opts);
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
        const updated = await client.dns({
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
        throw labelled(error, 'updateRecord');
      }
    },

    async deleteRecord(domain: string, id: string, opts?: CallOptions): Promise<void> {
      const { kind, hexId } = decode(id, 'deleteRecord');
      const { zone } = prepare(domain, opts, 'deleteRecord');
      const resolved = await zone();
      await fetchRecord(resolved, kind, hexId, opts, 'deleteRecord');
      await client.dns({
        operation: 'deleteRecord',
        method: 'DELETE',
        path: urlPath`/api/${recordSegment(kind)}/${hexId}/`,
        bucket: 'dns',
        ...requestOptions(opts),
      });
    },
  };
}
