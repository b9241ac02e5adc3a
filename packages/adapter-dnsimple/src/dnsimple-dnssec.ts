/**
 * DS records (get, and set as create-then-delete since there is no update) and the adapter-specific
 * DNSSEC switch, under `/v2/{account}/domains/{domain}` (name or id).
 */
import {
  type CallOptions,
  type DsRecord,
  DsRecordSchema,
  invalidInput,
  isRegistrarError,
  paginate,
  urlPath,
  type ValidationIssue,
} from '@registrar-kit/core';
import { context, type DnsimpleClient, parseDomainRef } from './dnsimple-client.js';
import { dsRecordBody, mapDsRecord, sameDsRecord } from './dnsimple-mappers.js';
import {
  type DnsimpleDsRecord,
  DnssecSchema,
  DsRecordPayloadSchema,
  envelope,
  pageOf,
} from './dnsimple-schemas.js';

export interface DnsimpleDnssecStatus {
  enabled: boolean;
  active: boolean | null;
  raw: unknown;
}

export function dnssecMethods(client: DnsimpleClient) {
  /** `/v2/{account}/domains/{domain}` (name or id both work here). */
  const domainPath = async (domain: string, operation: string, opts?: CallOptions): Promise<string> => {
    const ref = parseDomainRef(domain, operation);
    const accountId = await client.account(operation, opts);
    return urlPath`/v2/${accountId}/domains/${ref.kind === 'id' ? ref.id : ref.name}`;
  };

  async function listDsPayloads(
    base: string,
    operation: string,
    opts?: CallOptions,
  ): Promise<DnsimpleDsRecord[]> {
    const out: DnsimpleDsRecord[] = [];
    const pages = paginate(
      async (page, signal) => {
        const { data } = await client.send(
          {
            operation,
            method: 'GET',
            path: `${base}/ds_records`,
            query: { page, per_page: 100 },
            schema: pageOf(DsRecordPayloadSchema),
          },
          { ...opts, signal },
        );
        return { items: data.data, totalPages: data.pagination.total_pages };
      },
      { signal: opts?.signal, provider: 'dnsimple', operation },
    );
    for await (const item of pages) out.push(item);
    return out;
  }

  async function getDsRecords(domain: string, opts?: CallOptions): Promise<DsRecord[]> {
    const base = await domainPath(domain, 'getDsRecords', opts);
    return (await listDsPayloads(base, 'getDsRecords', opts)).map(mapDsRecord);
  }

  /** Makes the DS set equal to `records`: creates the missing ones first, then deletes the others (no update endpoint). */
  async function setDsRecords(domain: string, records: DsRecord[], opts?: CallOptions): Promise<DsRecord[]> {
    const issues: ValidationIssue[] = [];
    if (!Array.isArray(records)) issues.push({ path: '', message: 'must be an array of DS records' });
    else {
      records.forEach((record, index) => {
        const parsed = DsRecordSchema.safeParse(record);
        if (!parsed.success) {
          for (const issue of parsed.error.issues)
            issues.push({ path: [index, ...issue.path].map(String).join('.'), message: issue.message });
        } else if (!record.digest && !record.publicKey) {
          issues.push({
            path: `${index}.digest`,
            message: 'a DS record needs a digest (or publicKey for key data)',
          });
        } else if (record.digest && !/^[0-9a-fA-F]+$/.test(record.digest)) {
          issues.push({ path: `${index}.digest`, message: 'must be a hex string' });
        }
      });
    }
    if (issues.length > 0) throw invalidInput(context('setDsRecords'), issues, 'DS records');
    const desired = records.filter(
      (record, index) => records.findIndex((other) => sameDsRecord(other, record)) === index,
    );
    const base = await domainPath(domain, 'setDsRecords', opts);
    const current = await listDsPayloads(base, 'setDsRecords', opts);
    const currentMapped = current.map((payload) => ({ payload, record: mapDsRecord(payload) }));
    const result: DsRecord[] = [];
    for (const record of desired) {
      const existing = currentMapped.find((c) => sameDsRecord(c.record, record));
      if (existing) {
        result.push(existing.record);
        continue;
      }
      const { data } = await client.send(
        {
          operation: 'setDsRecords',
          method: 'POST',
          path: `${base}/ds_records`,
          body: dsRecordBody(record),
          schema: envelope(DsRecordPayloadSchema),
        },
        { ...opts, idempotencyKey: undefined },
      );
      result.push(mapDsRecord(data.data));
    }
    for (const { payload, record } of currentMapped) {
      if (desired.some((d) => sameDsRecord(d, record))) continue;
      await client.send(
        { operation: 'setDsRecords', method: 'DELETE', path: base + urlPath`/ds_records/${payload.id}` },
        opts,
      );
    }
    return result;
  }

  async function getDnssec(domain: string, opts?: CallOptions): Promise<DnsimpleDnssecStatus> {
    const base = await domainPath(domain, 'getDnssec', opts);
    const { data } = await client.send(
      { operation: 'getDnssec', method: 'GET', path: `${base}/dnssec`, schema: envelope(DnssecSchema) },
      opts,
    );
    return { enabled: data.data.enabled, active: data.data.active ?? null, raw: data.data };
  }

  /** Signs the zone (DNSimple publishes the DS itself for domains registered with it). */
  async function enableDnssec(domain: string, opts?: CallOptions): Promise<DnsimpleDnssecStatus> {
    const base = await domainPath(domain, 'enableDnssec', opts);
    const { data } = await client.send(
      {
        operation: 'enableDnssec',
        method: 'POST',
        path: `${base}/dnssec`,
        schema: envelope(DnssecSchema),
        idempotent: true,
      },
      opts,
    );
    return { enabled: data.data.enabled, active: data.data.active ?? null, raw: data.data };
  }

  /** Stops signing; a 428 ("not enabled") means it is already off and is not an error. */
  async function disableDnssec(domain: string, opts?: CallOptions): Promise<void> {
    const base = await domainPath(domain, 'disableDnssec', opts);
    try {
      await client.send({ operation: 'disableDnssec', method: 'DELETE', path: `${base}/dnssec` }, opts);
    } catch (error) {
      if (isRegistrarError(error) && error.status === 428) return;
      throw error;
    }
  }
  return {
    methods: { getDsRecords, setDsRecords },
    extras: { getDnssec, enableDnssec, disableDnssec },
  };
}
