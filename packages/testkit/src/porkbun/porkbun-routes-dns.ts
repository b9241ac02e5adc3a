/**
 * DNS record routes under `/dns/*` (docs/providers/porkbun.md#dns-records): retrieve (whole zone,
 * by id, by name and type), create, edit by id (the whole record: an omitted name moves it to the
 * apex), edit/delete by name and type, delete by id, and the bulk `/dns/import` (at most 500
 * records, NS/SOA ignored, idempotent, per-record failures, no ids returned).
 */
import type { EmulatorRequest, EmulatorRoute } from '../emulator/emulator-types.js';
import { accountDomain, defineRoutes, dryRunOk, ok, type PorkbunContext } from './porkbun-context.js';
import { PorkbunError } from './porkbun-errors.js';
import {
  assertRecordFits,
  type RecordFields,
  recordFromBody,
  recordRefusal,
  recordType,
  relativeName,
  storedTtl,
} from './porkbun-record-rules.js';
import { bodyOf, isDryRun, optionalInteger, optionalString, requiredString } from './porkbun-request.js';
import { createdRecordId, recordJson } from './porkbun-shapes.js';
import type { PorkbunDomain, PorkbunRecord } from './porkbun-state.js';

export const MAX_IMPORT_RECORDS = 500;
const IGNORED_ON_IMPORT = new Set(['NS', 'SOA']);
const NOT_BY_NAME_TYPE = new Set(['NS', 'SOA']);

function recordsResponse(domain: PorkbunDomain, records: readonly PorkbunRecord[]) {
  return ok({ cloudflare: 'disabled', records: records.map((r) => recordJson(r, domain.name)) });
}

function recordById(domain: PorkbunDomain, req: EmulatorRequest): PorkbunRecord {
  const id = req.params.id ?? '';
  const record = /^\d+$/.test(id) ? domain.records.find((r) => r.id === Number(id)) : undefined;
  if (!record) throw new PorkbunError('INVALID_RECORD_ID');
  return record;
}

/** Records of the `{type}` and optional `{subdomain}` path segments. */
function byNameType(domain: PorkbunDomain, req: EmulatorRequest, refuseNs: boolean): PorkbunRecord[] {
  const type = recordType(req.params.type ?? '');
  if (refuseNs && NOT_BY_NAME_TYPE.has(type))
    throw new PorkbunError('INVALID_TYPE', `${type} records cannot be changed by name and type.`);
  const name = (req.params.subdomain ?? '').toLowerCase();
  return domain.records.filter((r) => r.type === type && r.name === name);
}

/** `name` of an import record: `@`, `''` or the zone itself is the apex; an FQDN in the zone loses the zone. */
function importName(value: unknown, zone: string): string {
  let name = typeof value === 'string' ? value.trim().toLowerCase().replace(/\.$/, '') : '';
  if (name === '@' || name === zone) name = '';
  else if (name.endsWith(`.${zone}`)) name = name.slice(0, -zone.length - 1);
  return relativeName(name);
}

interface ImportOutcome {
  created: RecordFields[];
  skipped: number;
  failures: { record: unknown; code: string; message: string }[];
}

function planImport(domain: PorkbunDomain, items: unknown[], minTtl: number): ImportOutcome {
  const outcome: ImportOutcome = { created: [], skipped: 0, failures: [] };
  const working: PorkbunRecord[] = [...domain.records];
  let provisionalId = -1;
  for (const item of items) {
    try {
      if (typeof item !== 'object' || item === null)
        throw new PorkbunError('INVALID_INPUT', 'A record must be an object.');
      const input = item as Record<string, unknown>;
      const type = String(input.type ?? '').toUpperCase();
      if (IGNORED_ON_IMPORT.has(type)) continue;
      const fields: RecordFields = {
        name: importName(input.name, domain.name),
        type: recordType(requiredString(input, 'type')),
        content: requiredString(input, 'content'),
        ttl: storedTtl(optionalInteger(input, 'ttl'), minTtl),
        prio: optionalInteger(input, 'prio') ?? 0,
        notes: null,
      };
      const refusal = recordRefusal(fields, working, domain.name);
      if (refusal?.code === 'DUPLICATE_RECORD') {
        outcome.skipped += 1;
        continue;
      }
      if (refusal) throw new PorkbunError(refusal.code, refusal.message);
      working.push({ id: provisionalId--, ...fields });
      outcome.created.push(fields);
    } catch (error) {
      if (!(error instanceof PorkbunError)) throw error;
      const body = error.body as { message: string };
      outcome.failures.push({ record: item, code: error.code, message: body.message });
    }
  }
  return outcome;
}

export function dnsRoutes(ctx: PorkbunContext): EmulatorRoute[] {
  const { state } = ctx;
  return defineRoutes(ctx, [
    {
      methods: 'both',
      paths: ['/dns/retrieve/:domain'],
      operation: 'listRecords',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        return recordsResponse(domain, domain.records);
      },
    },
    {
      methods: 'both',
      paths: ['/dns/retrieve/:domain/:id'],
      operation: 'getRecord',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        const id = req.params.id ?? '';
        return recordsResponse(
          domain,
          domain.records.filter((r) => String(r.id) === id),
        );
      },
    },
    {
      methods: 'both',
      paths: [
        '/dns/retrieveByNameType/:domain/:type',
        '/dns/retrieveByNameType/:domain/:type/',
        '/dns/retrieveByNameType/:domain/:type/:subdomain',
      ],
      operation: 'listRecordsByNameType',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        return recordsResponse(domain, byNameType(domain, req, false));
      },
    },
    {
      methods: 'POST',
      paths: ['/dns/create/:domain'],
      operation: 'createRecord',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        const body = bodyOf(req);
        const fields = recordFromBody(body, state.minTtl);
        assertRecordFits(fields, domain.records, domain.name);
        if (isDryRun(body)) return dryRunOk();
        const record = state.addRecord(domain, fields);
        return ok({ id: createdRecordId(record.id, ctx.settings.shapes) });
      },
    },
    {
      methods: 'POST',
      paths: ['/dns/edit/:domain/:id'],
      operation: 'updateRecord',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        const record = recordById(domain, req);
        const body = bodyOf(req);
        const fields = recordFromBody(body, state.minTtl, record.notes);
        assertRecordFits(fields, domain.records, domain.name, record.id);
        if (isDryRun(body)) return dryRunOk();
        Object.assign(record, fields);
        return ok();
      },
    },
    {
      methods: 'POST',
      paths: [
        '/dns/editByNameType/:domain/:type',
        '/dns/editByNameType/:domain/:type/',
        '/dns/editByNameType/:domain/:type/:subdomain',
      ],
      operation: 'updateRecordsByNameType',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        const records = byNameType(domain, req, true);
        const body = bodyOf(req);
        const content = requiredString(body, 'content');
        const ttl = storedTtl(optionalInteger(body, 'ttl'), state.minTtl);
        const prio = optionalInteger(body, 'prio') ?? 0;
        const notes = optionalString(body, 'notes');
        if (isDryRun(body)) return dryRunOk();
        for (const record of records) {
          Object.assign(record, { content, ttl, prio });
          if (notes !== undefined) record.notes = notes === '' ? null : notes;
        }
        return ok();
      },
    },
    {
      methods: 'POST',
      paths: ['/dns/delete/:domain/:id'],
      operation: 'deleteRecord',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        const record = recordById(domain, req);
        if (isDryRun(bodyOf(req))) return dryRunOk();
        domain.records.splice(domain.records.indexOf(record), 1);
        return ok();
      },
    },
    {
      methods: 'POST',
      paths: [
        '/dns/deleteByNameType/:domain/:type',
        '/dns/deleteByNameType/:domain/:type/',
        '/dns/deleteByNameType/:domain/:type/:subdomain',
      ],
      operation: 'deleteRecordsByNameType',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        const doomed = new Set(byNameType(domain, req, true));
        if (isDryRun(bodyOf(req))) return dryRunOk();
        domain.records = domain.records.filter((r) => !doomed.has(r));
        return ok();
      },
    },
    {
      methods: 'POST',
      paths: ['/dns/import/:domain'],
      operation: 'createRecords',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        const body = bodyOf(req);
        // Without `records` Porkbun imports a scan of the live zone; a loopback emulator has none.
        if (body.records === undefined) throw new PorkbunError('NOTHING_TO_IMPORT');
        if (!Array.isArray(body.records)) throw new PorkbunError('INVALID_INPUT', 'records must be a list.');
        if (body.records.length > MAX_IMPORT_RECORDS) throw new PorkbunError('TOO_MANY_RECORDS');
        const outcome = planImport(domain, body.records, state.minTtl);
        if (outcome.created.length === 0 && outcome.skipped === 0)
          throw new PorkbunError('NOTHING_TO_IMPORT', undefined, { failures: outcome.failures });
        const dryRun = isDryRun(body);
        if (!dryRun) for (const fields of outcome.created) state.addRecord(domain, fields);
        return ok({
          ...(dryRun ? { dryRun: true } : {}),
          domain: domain.name,
          created: outcome.created.length,
          skipped: outcome.skipped,
          failed: outcome.failures.length,
          failures: outcome.failures,
        });
      },
    },
  ]);
}
