/**
 * DS records at the registry (docs/providers/porkbun.md#dnssec): `/dns/getDnssecRecords` answers an
 * object keyed by key tag (`[]` or `null` when empty); records are added one per call and removed
 * by key tag. There is no "replace all": `setDsRecords` deletes what is not wanted, then creates
 * what is missing. It is not atomic, and the registry may remove every record with a deleted key tag,
 * so records sharing a key tag with a deleted one are created again afterwards.
 */
import {
  type CallOptions,
  type DsRecord,
  DsRecordSchema,
  invalidInput,
  parseInput,
  type RegistrarMethods,
  urlPath,
} from '@registrar-kit/core';
import { z } from 'zod';
import { domainName, type PorkbunClient, PROVIDER } from './porkbun-client.js';
import { toDsRecord } from './porkbun-mappers.js';
import { BasicSuccessSchema, DnssecSchema } from './porkbun-schemas.js';

const DsListSchema = z.array(DsRecordSchema);

const dsKey = (record: DsRecord) =>
  `${record.keyTag}/${record.algorithm}/${record.digestType}/${record.digest.toUpperCase()}`;

export function dnssecMethods(client: PorkbunClient): Partial<RegistrarMethods> {
  async function getDsRecords(domain: string, opts?: CallOptions): Promise<DsRecord[]> {
    const name = domainName(domain, 'getDsRecords');
    return readDs(name, 'getDsRecords', opts);
  }

  async function readDs(name: string, operation: string, opts?: CallOptions): Promise<DsRecord[]> {
    const data = await client.send(
      {
        operation,
        method: 'POST',
        path: urlPath`/dns/getDnssecRecords/${name}`,
        schema: DnssecSchema,
        readOnly: true,
      },
      opts,
    );
    if (!data.records || Array.isArray(data.records)) return [];
    return Object.values(data.records).map(toDsRecord);
  }

  async function setDsRecords(domain: string, records: DsRecord[], opts?: CallOptions): Promise<DsRecord[]> {
    const operation = 'setDsRecords';
    const name = domainName(domain, 'setDsRecords');
    const context = { provider: PROVIDER, operation };
    const wanted = parseInput(DsListSchema, records, context, 'DS records');
    const keyData = wanted.findIndex((record) => record.publicKey !== undefined || record.digest === '');
    if (keyData >= 0)
      throw invalidInput(
        context,
        [{ path: `${keyData}.digest`, message: 'Porkbun takes DS digests, not key data' }],
        'DS records',
      );
    const current = await readDs(name, operation, opts);
    const wantedKeys = new Set(wanted.map(dsKey));
    const doomedTags = new Set(
      current.filter((record) => !wantedKeys.has(dsKey(record))).map((r) => r.keyTag),
    );
    for (const keyTag of doomedTags) {
      await client.send(
        {
          operation,
          method: 'POST',
          path: urlPath`/dns/deleteDnssecRecord/${name}/${String(keyTag)}`,
          schema: BasicSuccessSchema,
        },
        opts,
      );
    }
    // Kept: current records whose key tag was not deleted.
    const kept = new Set(current.filter((record) => !doomedTags.has(record.keyTag)).map(dsKey));
    for (const record of wanted) {
      if (kept.has(dsKey(record))) continue;
      await client.send(
        {
          operation,
          method: 'POST',
          path: urlPath`/dns/createDnssecRecord/${name}`,
          body: {
            keyTag: String(record.keyTag),
            alg: String(record.algorithm),
            digestType: String(record.digestType),
            digest: record.digest,
          },
          schema: BasicSuccessSchema,
        },
        opts,
      );
      kept.add(dsKey(record));
    }
    return readDs(name, operation, opts);
  }

  return { getDsRecords, setDsRecords };
}
