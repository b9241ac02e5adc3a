/**
 * HexDNS routes (docs/providers/glauca.md#hexdns), served by the same emulator as the domains API
 * (the adapter's `baseURL` and `dnsBaseURL` both point at the emulator): zones (`/api/dns_zones/`,
 * paginated, each zone embedding its records) and the per-type record endpoints
 * `zone_{address,aname,cname,mx,ns,txt,srv,caa}_records` (paginated list across every zone, create
 * 201 + Location, retrieve, PUT, PATCH, DELETE 204). There are no filters: a zone's records come
 * from the zone object.
 *
 * Model `clean()` checks (CNAME at the apex, CNAME next to other records) are not run by the API's
 * serializers in HexDNS's published server source (https://github.com/AS207960/hexdns;
 * docs/providers/glauca.md#hexdns), so by default the emulator accepts such records, as the API
 * does; the `modelValidation` option turns the web UI's checks on.
 */
import { domainToASCII } from 'node:url';
import { EmulatorHttpError, type EmulatorRequest, type EmulatorRoute } from '../emulator/emulator-types.js';
import { isValidDomainName } from '../emulator/seed-data.js';
import { detail, notFound } from './glauca-errors.js';
import { ID_PREFIX, normaliseId } from './glauca-ids.js';
import { paginate } from './glauca-pagination.js';
import { djangoServerError, REFERENCE_DENIED } from './glauca-source-bugs.js';
import type { GlaucaRecord, GlaucaState, GlaucaZone } from './glauca-state.js';
import {
  bodyObject,
  FieldErrors,
  type Json,
  MSG,
  parseInteger,
  parseString,
  readField,
} from './glauca-validation.js';
import { RECORD_KINDS, type RecordKindSpec } from './hexdns-record-kinds.js';
import { recordUrl, renderRecord, renderZone, zoneUrl } from './hexdns-serializers.js';

/** Zones beyond this many are billed (1.00 GBP per zone per month; docs/providers/glauca.md#hexdns). */
const FREE_ZONES = 3;
const ZONE_MONTHLY_PENCE = 100;
/** TTL is a non-negative integer with no documented maximum; the model column is a 32-bit int. */
const MAX_TTL = 2147483647;

export interface HexdnsOptions {
  modelValidation: boolean;
}

function findZone(state: GlaucaState, rawId: string | undefined): GlaucaZone {
  const zone = state.zones.get(state.lookupId(rawId, ID_PREFIX.zone));
  if (!zone) throw notFound();
  return zone;
}

/** A zone's JSON; with the `zone-json-500` source bug the DS digest objects make it a 500 HTML page. */
function zoneBody(req: EmulatorRequest, state: GlaucaState, zone: GlaucaZone): Record<string, unknown> {
  if (state.sourceBugs.has('zone-json-500')) throw djangoServerError();
  return renderZone(req, state, zone);
}

function modelChecks(state: GlaucaState, record: GlaucaRecord): void {
  const sameLabel = state
    .recordsOfZone(record.zoneId)
    .filter((r) => r.id !== record.id && r.recordName === record.recordName);
  if (record.kind === 'cname') {
    // Message text as in the model (sic).
    if (record.recordName === '@') {
      throw new EmulatorHttpError(400, { non_field_errors: ['CNAME records cannot exit at the zone root'] });
    }
    if (sameLabel.length > 0) {
      throw new EmulatorHttpError(400, {
        non_field_errors: ['Another record already exists with the same label'],
      });
    }
  } else if (sameLabel.some((r) => r.kind === 'cname')) {
    throw new EmulatorHttpError(400, { non_field_errors: ['A CNAME already exists with the same label'] });
  }
}

function recordRoutes(state: GlaucaState, spec: RecordKindSpec, options: HexdnsOptions): EmulatorRoute[] {
  const collection = `/api/${spec.segment}/`;
  const find = (rawId: string | undefined): GlaucaRecord => {
    const record = state.records.get(state.lookupId(rawId, spec.prefix));
    if (!record || record.kind !== spec.kind) throw notFound();
    return record;
  };

  /** Validates a body; `existing` set for PUT/PATCH (then `zone` is read-only and ignored). */
  const read = (data: Json, partial: boolean, existing: GlaucaRecord | null): GlaucaRecord => {
    const errors = new FieldErrors();
    let zoneId = existing?.zoneId;
    if (!existing) {
      const zone = readField(
        data,
        'zone',
        {
          parse: (v) => {
            const id = typeof v === 'string' ? normaliseId(v, ID_PREFIX.zone) : '';
            return state.zones.has(id) ? { ok: true, value: id } : { ok: false, error: MSG.pk(v) };
          },
        },
        errors,
        false,
      );
      if (typeof zone === 'string') zoneId = zone;
    }
    const recordName = readField(
      data,
      'record_name',
      {
        parse: (v) => {
          const parsed = parseString(v, 255);
          return parsed.ok ? { ok: true, value: parsed.value.toLowerCase() } : parsed;
        },
        default: '@',
      },
      errors,
      partial,
    );
    const ttl = readField(
      data,
      'ttl',
      { parse: (v) => parseInteger(v, 0, MAX_TTL), default: 3600 },
      errors,
      partial,
    );
    const fields: GlaucaRecord['fields'] = { ...(existing?.fields ?? {}) };
    for (const field of spec.fields) {
      const value = readField(
        data,
        field.name,
        { parse: field.parse, default: field.default },
        errors,
        partial,
      );
      if (value !== undefined && value !== null) fields[field.name] = value;
    }
    errors.throwIfAny();
    return {
      kind: spec.kind,
      id: existing?.id ?? state.newId(spec.prefix),
      zoneId: zoneId!,
      recordName: typeof recordName === 'string' ? recordName : (existing?.recordName ?? '@'),
      ttl: typeof ttl === 'number' ? ttl : (existing?.ttl ?? 3600),
      // Keep the serialisation order of the spec.
      fields: Object.fromEntries(spec.fields.map((f) => [f.name, fields[f.name] ?? null])),
    };
  };

  const save = (record: GlaucaRecord) => {
    if (options.modelValidation) modelChecks(state, record);
    state.insertRecord(record);
    const zone = state.zones.get(record.zoneId);
    if (zone) zone.lastModified = state.now();
  };

  const update = (req: EmulatorRequest, partial: boolean) => {
    const existing = find(req.params.id);
    const record = read(bodyObject(req.body), partial, existing);
    save(record);
    return { status: 200, body: renderRecord(req, record) };
  };

  return [
    {
      method: 'GET',
      path: collection,
      operation: 'listRecordsByType',
      handler: (req) => ({
        status: 200,
        body: paginate(
          req,
          [...state.records.values()].filter((r) => r.kind === spec.kind),
          (r) => renderRecord(req, r),
        ),
      }),
    },
    {
      method: 'POST',
      path: collection,
      operation: 'createRecord',
      handler: (req) => {
        const record = read(bodyObject(req.body), false, null);
        // The "may reference this zone" check runs with a token the serializers never set.
        if (state.sourceBugs.has('record-create-permission'))
          throw new EmulatorHttpError(403, detail(REFERENCE_DENIED));
        save(record);
        return {
          status: 201,
          headers: { location: recordUrl(req, record) },
          body: renderRecord(req, record),
        };
      },
    },
    {
      method: 'GET',
      path: `${collection}:id/`,
      operation: 'getRecord',
      handler: (req) => ({ status: 200, body: renderRecord(req, find(req.params.id)) }),
    },
    {
      method: 'PUT',
      path: `${collection}:id/`,
      operation: 'updateRecord',
      handler: (req) => update(req, false),
    },
    {
      method: 'PATCH',
      path: `${collection}:id/`,
      operation: 'updateRecord',
      handler: (req) => update(req, true),
    },
    {
      method: 'DELETE',
      path: `${collection}:id/`,
      operation: 'deleteRecord',
      handler: (req) => {
        const record = find(req.params.id);
        state.deleteRecord(record.id);
        const zone = state.zones.get(record.zoneId);
        if (zone) zone.lastModified = state.now();
        return { status: 204 };
      },
    },
  ];
}

/**
 * The public-suffix check: a zone root must be a valid name below a public suffix, not a suffix
 * itself (`com`, `co.uk`). The emulator knows the seeded TLDs as suffixes.
 */
function registrable(state: GlaucaState, ascii: string): boolean {
  return isValidDomainName(ascii) && !Object.hasOwn(state.seed.tldPrices, ascii);
}

export function hexdnsRoutes(state: GlaucaState, options: HexdnsOptions): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/dns_zones/',
      operation: 'listZones',
      handler: (req) => ({
        status: 200,
        body: paginate(req, [...state.zones.values()], (z) => zoneBody(req, state, z)),
      }),
    },
    {
      method: 'POST',
      path: '/api/dns_zones/',
      operation: 'createZone',
      // The published source calls helpers that moved (would 500): the `zone-create-delete-500`
      // source bug; by default answered as documented.
      handler: (req) => {
        if (state.sourceBugs.has('zone-create-delete-500')) throw djangoServerError();
        const data = bodyObject(req.body);
        const errors = new FieldErrors();
        const root = readField(data, 'zone_root', { parse: (v) => parseString(v, 255) }, errors, false);
        errors.throwIfAny();
        const ascii = domainToASCII(root!.toLowerCase().replace(/\.$/, ''));
        if (!registrable(state, ascii)) {
          throw new EmulatorHttpError(400, detail('Zone not a publicly registrable domain'));
        }
        for (const zone of state.zones.values()) {
          if (ascii === zone.zoneRoot || ascii.endsWith(`.${zone.zoneRoot}`)) {
            throw new EmulatorHttpError(400, detail('Same or more generic zone already exists'));
          }
        }
        if (state.zones.size >= FREE_ZONES && !state.canAfford(ZONE_MONTHLY_PENCE)) {
          throw new EmulatorHttpError(402, detail('Error billing account'));
        }
        const zone = state.addZone(ascii, state.now());
        return {
          status: 201,
          headers: { location: zoneUrl(req, zone.id) },
          body: zoneBody(req, state, zone),
        };
      },
    },
    {
      method: 'GET',
      path: '/api/dns_zones/:id/',
      // The adapter lists a zone's records by reading the zone object (records embedded).
      operation: 'listRecords',
      handler: (req) => ({ status: 200, body: zoneBody(req, state, findZone(state, req.params.id)) }),
    },
    {
      method: 'PATCH',
      path: '/api/dns_zones/:id/',
      operation: 'updateZone',
      // Nothing is writable on a zone (`zone_root` is write-once).
      handler: (req) => ({ status: 200, body: zoneBody(req, state, findZone(state, req.params.id)) }),
    },
    {
      method: 'PUT',
      path: '/api/dns_zones/:id/',
      operation: 'updateZone',
      handler: (req) => ({ status: 200, body: zoneBody(req, state, findZone(state, req.params.id)) }),
    },
    {
      method: 'DELETE',
      path: '/api/dns_zones/:id/',
      operation: 'deleteZone',
      handler: (req) => {
        const zone = findZone(state, req.params.id);
        if (state.sourceBugs.has('zone-create-delete-500')) throw djangoServerError();
        state.deleteZone(zone.id);
        return { status: 204 };
      },
    },
    ...RECORD_KINDS.flatMap((spec) => recordRoutes(state, spec, options)),
  ];
}
