/**
 * DNS records over a replace-the-whole-list API (docs/providers/namecheap.md#sethosts-rules):
 * every change is getHosts → change only what was asked → setHosts with every row the read
 * returned (URL redirects, parking and MXE rows included, verbatim) → getHosts again for the new
 * HostIds. Writes to one zone are serialised (namecheap-zone-lock.ts). `createRecords` is one
 * setHosts. Limits the API leaves: a writer outside this library can still change the list between
 * our read and our write, and rows getHosts never shows (SRV made in the web UI) are lost by any
 * setHosts.
 */
import {
  type BulkResult,
  type CallOptions,
  type DnsRecord,
  type DnsRecordInput,
  type DnsRecordPatch,
  invalidInput,
  isRegistrarError,
  type ListOptions,
  NotFoundError,
  ProviderError,
  type RecordRules,
  type Registrar,
  type RegistrarError,
  ValidationError,
  validateRecordInput,
  validateRecordInputBeforeZone,
  validateRecordPatch,
  validateRecordPatchBeforeZone,
} from '@registrar-kit/core';
import { type NamecheapClient, splitName } from './namecheap-client.js';
import { resolveDomain } from './namecheap-domains.js';
import { PROVIDER } from './namecheap-errors.js';
import {
  isModelled,
  NAMECHEAP_RECORD_TYPES,
  NAMECHEAP_TTL,
  recordFromRow,
  rowFromInput,
  rowMatches,
  setHostsParams,
  verbatim,
  type WriteRow,
} from './namecheap-record-mappers.js';
import { GetHostsSchema, type HostRow, SetHostsSchema } from './namecheap-schemas.js';
import { serializeZoneWrite } from './namecheap-zone-lock.js';

/** At most 150 host rows per domain (docs/providers/namecheap.md#sethosts-rules). */
export const NAMECHEAP_MAX_HOSTS = 150;
const RULES: RecordRules = {
  types: NAMECHEAP_RECORD_TYPES,
  ttl: { min: NAMECHEAP_TTL.min, max: NAMECHEAP_TTL.max },
};
/** Old HostId → new one after an update re-created the row, so an id handed out keeps working in this process. */
const MAX_ALIASES = 10_000;

interface HostList {
  emailType: string | undefined;
  rows: HostRow[];
}

/** Apex NS rows cannot be written: delegation is dns.setCustom (updateDomain nameservers). */
function refuseApexNs(input: DnsRecordInput, operation: string): void {
  if (input.type === 'NS' && input.name === '@')
    throw invalidInput({ provider: PROVIDER, operation }, [
      {
        path: 'name',
        message: 'Namecheap does not manage apex NS records: set the name servers with updateDomain',
      },
    ]);
}

/** Runs a core record check; its refusal names this provider and operation. */
function checked<T>(operation: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ValidationError && error.operation !== operation)
      throw invalidInput({ provider: PROVIDER, operation }, error.issues, 'record');
    throw error;
  }
}

function checkInput(input: DnsRecordInput, zone: string, operation: string): DnsRecordInput {
  const valid = checked(operation, () => validateRecordInput(input, { ...RULES, zone }));
  refuseApexNs(valid, operation);
  return valid;
}

/**
 * The `EmailType` a list needs: MX rows are only kept in an `MX` zone, and the last MX row of an
 * `MX` zone goes only with a change of mail setting; otherwise the setting is left alone (omitted).
 */
function emailTypeFor(current: string | undefined, rows: WriteRow[]): string | undefined {
  const hasMx = rows.some((row) => row.type.toUpperCase() === 'MX');
  const isMx = current?.toUpperCase() === 'MX';
  if (hasMx && !isMx) return 'MX';
  if (!hasMx && isMx) return 'NONE';
  return undefined;
}

export function recordMethods(client: NamecheapClient) {
  const aliases = new Map<string, string>();
  const aliasKey = (zone: string, id: string) => `${zone}|${id}`;
  const currentId = (zone: string, id: string): string => {
    let found = id;
    for (let hops = 0; hops < 100; hops++) {
      const next = aliases.get(aliasKey(zone, found));
      if (next === undefined) break;
      found = next;
    }
    return found;
  };
  const alias = (zone: string, from: string, to: string) => {
    if (from === to) return;
    if (aliases.size >= MAX_ALIASES) aliases.delete(aliases.keys().next().value!);
    aliases.set(aliasKey(zone, from), to);
  };

  async function zoneOf(domain: string, operation: string, opts?: CallOptions) {
    const zone = await resolveDomain(client, domain, operation, opts);
    return { zone, ...splitName(zone, operation) };
  }

  async function read(zone: string, operation: string, opts?: CallOptions): Promise<HostList> {
    const { sld, tld } = splitName(zone, operation);
    const answer = await client.command(
      operation,
      'namecheap.domains.dns.getHosts',
      { SLD: sld, TLD: tld },
      GetHostsSchema,
      opts,
    );
    const result = answer.domaindnsgethostsresult;
    return { emailType: result.emailtype, rows: result.host };
  }

  async function write(
    zone: string,
    current: HostList,
    rows: WriteRow[],
    operation: string,
    opts?: CallOptions,
  ) {
    if (rows.length > NAMECHEAP_MAX_HOSTS)
      throw new ValidationError(
        `${PROVIDER} ${operation}: the zone would hold ${rows.length} host records; Namecheap allows ${NAMECHEAP_MAX_HOSTS}`,
        {
          provider: PROVIDER,
          operation,
          code: 'too_many_records',
          issues: [{ path: '', message: `at most ${NAMECHEAP_MAX_HOSTS} host records per domain` }],
        },
      );
    const { sld, tld } = splitName(zone, operation);
    const emailType = emailTypeFor(current.emailType, rows);
    const answer = await client.command(
      operation,
      'namecheap.domains.dns.setHosts',
      { SLD: sld, TLD: tld, ...(emailType ? { EmailType: emailType } : {}), ...setHostsParams(rows) },
      SetHostsSchema,
      opts,
      { once: true },
    );
    if (!answer.domaindnssethostsresult.issuccess)
      throw new ProviderError(`${PROVIDER} ${operation}: setHosts answered IsSuccess="false"`, {
        provider: PROVIDER,
        operation,
      });
    return { ...current, emailType: emailType ?? current.emailType };
  }

  /** One read-modify-write of a zone, serialised with every other write to it. */
  function change<T>(
    zone: string,
    operation: string,
    opts: CallOptions | undefined,
    edit: (current: HostList) => Promise<T> | T,
  ): Promise<T> {
    return serializeZoneWrite(
      `${client.scope}|${zone}`,
      client.options.rateLimit,
      async () => edit(await read(zone, operation, opts)),
      opts?.signal,
    );
  }

  /** The row of `after` that is the record asked for: a new HostId first, else the row it collapsed into. */
  function pick(
    after: HostRow[],
    before: Set<string>,
    taken: Set<string>,
    input: DnsRecordInput,
    zone: string,
  ) {
    const matching = after.filter((row) => !taken.has(row.hostid) && rowMatches(row, input, zone));
    const row = matching.find((r) => !before.has(r.hostid)) ?? matching[0];
    if (row) taken.add(row.hostid);
    return row;
  }

  async function createMany(
    zone: string,
    inputs: DnsRecordInput[],
    operation: string,
    opts?: CallOptions,
  ): Promise<{ created: { input: DnsRecordInput; record: DnsRecord }[]; missing: DnsRecordInput[] }> {
    return change(zone, operation, opts, async (current) => {
      await write(
        zone,
        current,
        [...current.rows.map(verbatim), ...inputs.map(rowFromInput)],
        operation,
        opts,
      );
      const after = await read(zone, operation, opts);
      const before = new Set(current.rows.map((row) => row.hostid));
      const taken = new Set<string>();
      const created: { input: DnsRecordInput; record: DnsRecord }[] = [];
      const missing: DnsRecordInput[] = [];
      for (const input of inputs) {
        const row = pick(after.rows, before, taken, input, zone);
        if (row) created.push({ input, record: recordFromRow(row, zone) });
        else missing.push(input);
      }
      return { created, missing };
    });
  }

  const notKept = (input: DnsRecordInput, operation: string): RegistrarError =>
    new ProviderError(
      `${PROVIDER} ${operation}: Namecheap accepted the host list but did not keep the ${input.type} record ${input.name}`,
      { provider: PROVIDER, operation, code: 'record_not_kept' },
    );

  async function findRow(zone: string, id: string, current: HostList, operation: string): Promise<HostRow> {
    const row = current.rows.find((r) => r.hostid === currentId(zone, id) && isModelled(r));
    if (!row)
      throw new NotFoundError(`${PROVIDER} ${operation}: no record ${id} in ${zone}`, {
        provider: PROVIDER,
        operation,
      });
    return row;
  }

  const methods: Partial<Registrar> = {
    listRecords(domain: string, opts?: ListOptions): AsyncIterable<DnsRecord> {
      return {
        async *[Symbol.asyncIterator]() {
          const { zone } = await zoneOf(domain, 'listRecords', opts);
          const list = await read(zone, 'listRecords', opts);
          for (const row of list.rows) if (isModelled(row)) yield recordFromRow(row, zone);
        },
      };
    },

    async createRecord(domain: string, input: DnsRecordInput, opts?: CallOptions): Promise<DnsRecord> {
      const operation = 'createRecord';
      checked(operation, () => validateRecordInputBeforeZone(input, RULES));
      const { zone } = await zoneOf(domain, operation, opts);
      const valid = checkInput(input, zone, operation);
      const { created } = await createMany(zone, [valid], operation, opts);
      if (!created[0]) throw notKept(valid, operation);
      return created[0].record;
    },

    async createRecords(domain: string, inputs: DnsRecordInput[], opts?: CallOptions): Promise<BulkResult> {
      const operation = 'createRecords';
      if (!Array.isArray(inputs))
        throw invalidInput(
          { provider: PROVIDER, operation },
          [{ path: '', message: 'must be an array' }],
          'records',
        );
      const { zone } = await zoneOf(domain, operation, opts);
      const result: BulkResult = { created: [], errors: [] };
      const valid: { input: DnsRecordInput; canonical: DnsRecordInput }[] = [];
      for (const input of inputs) {
        try {
          valid.push({ input, canonical: checkInput(input, zone, operation) });
        } catch (error) {
          if (!isRegistrarError(error)) throw error;
          result.errors.push({ input, error });
        }
      }
      if (valid.length === 0) return result;
      try {
        const { created, missing } = await createMany(
          zone,
          valid.map((v) => v.canonical),
          operation,
          opts,
        );
        for (const { record } of created) result.created.push(record);
        for (const canonical of missing) {
          const original = valid.find((v) => v.canonical === canonical)!.input;
          result.errors.push({ input: original, error: notKept(canonical, operation) });
        }
      } catch (error) {
        if (!isRegistrarError(error)) throw error;
        for (const { input } of valid) result.errors.push({ input, error });
      }
      return result;
    },

    async updateRecord(
      domain: string,
      id: string,
      patch: DnsRecordPatch,
      opts?: CallOptions,
    ): Promise<DnsRecord> {
      const operation = 'updateRecord';
      checked(operation, () => validateRecordPatchBeforeZone(patch, RULES));
      const { zone } = await zoneOf(domain, operation, opts);
      return change(zone, operation, opts, async (current) => {
        const row = await findRow(zone, id, current, operation);
        const record = recordFromRow(row, zone);
        const valid = checked(operation, () => validateRecordPatch(patch, { ...RULES, zone }, record.type));
        const next = checkInput(
          {
            type: record.type,
            name: valid.name ?? record.name,
            content: valid.content ?? record.content,
            ttl: valid.ttl ?? record.ttl,
            priority: record.type === 'MX' ? (valid.priority ?? record.priority) : null,
          },
          zone,
          operation,
        );
        const others = current.rows.filter((r) => r !== row).map(verbatim);
        const index = current.rows.indexOf(row);
        // Namecheap ignores a change of MX preference alone: remove the row in one write, add it in the next.
        if (
          record.type === 'MX' &&
          next.name === record.name &&
          next.content === record.content &&
          next.priority !== record.priority
        ) {
          const without = await write(zone, current, others, operation, opts);
          await write(zone, without, [...others, rowFromInput(next)], operation, opts);
        } else {
          const rows = [...others];
          rows.splice(index, 0, rowFromInput(next));
          await write(zone, current, rows, operation, opts);
        }
        const after = await read(zone, operation, opts);
        const before = new Set(current.rows.map((r) => r.hostid));
        const found = pick(after.rows, before, new Set(), next, zone);
        if (!found) throw notKept(next, operation);
        alias(zone, row.hostid, found.hostid);
        return recordFromRow(found, zone);
      });
    },

    async deleteRecord(domain: string, id: string, opts?: CallOptions): Promise<void> {
      const operation = 'deleteRecord';
      const { zone } = await zoneOf(domain, operation, opts);
      await change(zone, operation, opts, async (current) => {
        const row = await findRow(zone, id, current, operation);
        await write(zone, current, current.rows.filter((r) => r !== row).map(verbatim), operation, opts);
      });
    },
  };
  return { methods };
}
