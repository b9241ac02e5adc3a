/**
 * The DNS Records API (PocketDNS's "DNS Records API" page, https://docs.pocketdns.com/;
 * docs/providers/pocketdns.md#records): list, get, create, update, delete, bulk create with
 * per-record errors, and templates.
 */
import type { EmulatorRoute } from '../emulator/emulator-types.js';
import { pocketDnsError } from './pocketdns-errors.js';
import { domainById, objectBody } from './pocketdns-request.js';
import { bulkCreatedRecord, dnsRecord, templateCreatedRecord } from './pocketdns-shapes.js';
import type { PocketDnsDomain, PocketDnsRecord, PocketDnsState } from './pocketdns-state.js';
import { POCKETDNS_TEMPLATES } from './pocketdns-templates.js';
import {
  type PocketDnsRecordFields,
  type RecordValidationFailure,
  validateRecordInput,
  validateRecordPatch,
} from './pocketdns-validation.js';

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function sameContent(a: PocketDnsRecordFields, b: PocketDnsRecordFields): boolean {
  // Host names compare case-insensitively and without a trailing dot; other content exactly.
  const norm = (r: PocketDnsRecordFields) =>
    r.type === 'TXT' ? r.content : r.content.toLowerCase().replace(/\.$/, '');
  return norm(a) === norm(b);
}

/**
 * "409 conflict: Record already exists or conflicts". A record conflicts when the same type, name
 * and content exist already, or when it would put a CNAME beside other records at one name.
 * Returns the message, or null.
 */
export function recordConflict(
  existing: readonly PocketDnsRecordFields[],
  record: PocketDnsRecordFields,
  except?: PocketDnsRecord,
): string | null {
  for (const other of existing) {
    if (other === except || !sameName(other.name, record.name)) continue;
    if (other.type === record.type && sameContent(other, record)) return 'Record already exists';
    if (other.type === 'CNAME' || record.type === 'CNAME') {
      return 'A CNAME record cannot coexist with other records of the same name';
    }
  }
  return null;
}

function fail(failure: RecordValidationFailure): never {
  throw pocketDnsError(failure.status, failure.message, failure.details);
}

function recordById(domain: PocketDnsDomain, recordId: string | undefined): PocketDnsRecord {
  const record = domain.records.find((r) => r.id === recordId);
  if (!record) throw pocketDnsError(404, 'Record not found');
  return record;
}

function addRecord(
  state: PocketDnsState,
  domain: PocketDnsDomain,
  fields: PocketDnsRecordFields,
): PocketDnsRecord {
  const now = state.now();
  const record: PocketDnsRecord = { ...fields, id: state.newId('rec'), createdAt: now, updatedAt: now };
  domain.records.push(record);
  domain.updatedAt = now;
  return record;
}

export function pocketDnsDnsRoutes(state: PocketDnsState): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/domains/:domainId/dns',
      bucket: 'recordRetrieval',
      operation: 'listRecords',
      handler: (req) => {
        const domain = domainById(state, req.params.domainId);
        // No pagination is documented: every record, with `total`.
        return {
          status: 200,
          body: { records: domain.records.map(dnsRecord), total: domain.records.length },
        };
      },
    },
    {
      // Listed in the OpenAPI operation list ("Retrieve a specific DNS record"); path inferred.
      method: 'GET',
      path: '/api/v1/domains/:domainId/dns/:recordId',
      bucket: 'recordRetrieval',
      operation: 'getRecord',
      handler: (req) => {
        const domain = domainById(state, req.params.domainId);
        return { status: 200, body: dnsRecord(recordById(domain, req.params.recordId)) };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/domains/:domainId/dns',
      bucket: 'recordCreation',
      operation: 'createRecord',
      handler: (req) => {
        const domain = domainById(state, req.params.domainId);
        const result = validateRecordInput(objectBody(req), state.recordForms);
        if (!result.ok) fail(result.failure);
        const conflict = recordConflict(domain.records, result.record);
        if (conflict) throw pocketDnsError(409, conflict);
        // Status code not documented: 201 Created.
        return { status: 201, body: dnsRecord(addRecord(state, domain, result.record)) };
      },
    },
    {
      method: 'PUT',
      path: '/api/v1/domains/:domainId/dns/:recordId',
      bucket: 'recordUpdates',
      operation: 'updateRecord',
      handler: (req) => {
        const domain = domainById(state, req.params.domainId);
        const record = recordById(domain, req.params.recordId);
        // "All parameters are optional. Only provided fields will be updated."
        const result = validateRecordPatch(record, objectBody(req), state.recordForms);
        if (!result.ok) fail(result.failure);
        const conflict = recordConflict(domain.records, result.record, record);
        if (conflict) throw pocketDnsError(409, conflict);
        Object.assign(record, result.record, { updatedAt: state.now() });
        domain.updatedAt = record.updatedAt;
        return { status: 200, body: dnsRecord(record) };
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/domains/:domainId/dns/:recordId',
      bucket: 'recordDeletion',
      operation: 'deleteRecord',
      handler: (req) => {
        const domain = domainById(state, req.params.domainId);
        const record = recordById(domain, req.params.recordId);
        domain.records.splice(domain.records.indexOf(record), 1);
        domain.updatedAt = state.now();
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/domains/:domainId/dns/bulk',
      bucket: 'bulkOperations',
      operation: 'createRecords',
      handler: (req) => {
        const domain = domainById(state, req.params.domainId);
        const body = objectBody(req);
        if (!Array.isArray(body.records) || body.records.length === 0) {
          throw pocketDnsError(400, 'records must be a non-empty array', {
            records: 'records must be a non-empty array',
          });
        }
        // Partial success: each valid record is created (checked against the zone and the records
        // created before it in the same request); each invalid one is reported in `errors[]` with
        // the record as sent and a plain-string error. Status code not documented: 200 (a report).
        const created: PocketDnsRecord[] = [];
        const errors: { record: unknown; error: string }[] = [];
        for (const input of body.records as unknown[]) {
          const result = validateRecordInput(input, state.recordForms);
          if (!result.ok) {
            errors.push({ record: input, error: result.failure.message });
            continue;
          }
          const conflict = recordConflict(domain.records, result.record);
          if (conflict) {
            errors.push({ record: input, error: conflict });
            continue;
          }
          created.push(addRecord(state, domain, result.record));
        }
        return { status: 200, body: { created: created.map(bulkCreatedRecord), errors } };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/domains/:domainId/dns/template',
      // A template writes several records at once: counted as a bulk operation (our choice).
      bucket: 'bulkOperations',
      operation: 'applyTemplate',
      handler: (req) => {
        const domain = domainById(state, req.params.domainId);
        const body = objectBody(req);
        if (typeof body.template_id !== 'string' || body.template_id === '') {
          throw pocketDnsError(400, 'template_id is required', { template_id: 'template_id is required' });
        }
        const variables = body.variables ?? {};
        if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
          throw pocketDnsError(400, 'variables must be an object', {
            variables: 'variables must be an object',
          });
        }
        const template = Object.hasOwn(POCKETDNS_TEMPLATES, body.template_id)
          ? POCKETDNS_TEMPLATES[body.template_id]
          : undefined;
        if (!template) throw pocketDnsError(404, 'Template not found');
        const values: Record<string, string> = {};
        for (const [key, value] of Object.entries(variables))
          if (typeof value === 'string') values[key] = value;
        for (const key of template.required) {
          if (!values[key])
            throw pocketDnsError(400, `variables.${key} is required`, { [`variables.${key}`]: 'required' });
        }
        // All or nothing (our choice): every record is validated and checked for conflicts first.
        const planned: PocketDnsRecordFields[] = [];
        for (const input of template.records(values)) {
          const result = validateRecordInput(input, state.recordForms);
          if (!result.ok) fail(result.failure);
          const conflict = recordConflict([...domain.records, ...planned], result.record);
          if (conflict) throw pocketDnsError(409, conflict);
          planned.push(result.record);
        }
        const created = planned.map((fields) => addRecord(state, domain, fields));
        return {
          status: 201,
          body: { template_id: template.id, records_created: created.map(templateCreatedRecord) },
        };
      },
    },
  ];
}
