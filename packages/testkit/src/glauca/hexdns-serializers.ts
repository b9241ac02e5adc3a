/** JSON renderings of HexDNS zones and records (docs/providers/glauca.md#hexdns). */
import type { EmulatorRequest } from '../emulator/emulator-types.js';
import { origin } from './glauca-pagination.js';
import { isoSeconds } from './glauca-serializers.js';
import type { GlaucaRecord, GlaucaState, GlaucaZone } from './glauca-state.js';
import { RECORD_KINDS, ZONE_RECORD_ARRAYS } from './hexdns-record-kinds.js';

const SEGMENT = new Map(RECORD_KINDS.map((spec) => [spec.kind, spec.segment]));

export function zoneUrl(req: EmulatorRequest, id: string): string {
  return `${origin(req)}/api/dns_zones/${id}/`;
}

export function recordUrl(req: EmulatorRequest, record: GlaucaRecord): string {
  return `${origin(req)}/api/${SEGMENT.get(record.kind)}/${record.id}/`;
}

export function renderRecord(req: EmulatorRequest, record: GlaucaRecord): Record<string, unknown> {
  return {
    url: recordUrl(req, record),
    id: record.id,
    zone: record.zoneId,
    zone_url: zoneUrl(req, record.zoneId),
    record_name: record.recordName,
    ...record.fields,
    ttl: record.ttl,
  };
}

export function renderZone(
  req: EmulatorRequest,
  state: GlaucaState,
  zone: GlaucaZone,
): Record<string, unknown> {
  const records = state.recordsOfZone(zone.id);
  const body: Record<string, unknown> = {
    url: zoneUrl(req, zone.id),
    id: zone.id,
    zone_root: zone.zoneRoot,
    last_modified: isoSeconds(zone.lastModified),
    active: zone.active,
    dnssec: structuredClone(zone.dnssec),
  };
  for (const { key, kind } of ZONE_RECORD_ARRAYS) {
    body[key] = kind === null ? [] : records.filter((r) => r.kind === kind).map((r) => renderRecord(req, r));
  }
  return body;
}
