/**
 * Zone-file import (multipart/form-data `file` + `proxied`) and export (text/plain BIND file)
 * (docs/providers/cloudflare.md#zone-files).
 */
import type { EmulatorRoute } from '../emulator/emulator-types.js';
import { type CloudflareContext, requireZone } from './cloudflare-context.js';
import { CF, fail, isFailure, ok } from './cloudflare-errors.js';
import { createRecord } from './cloudflare-record-writes.js';
import { parseZoneFile, renderZoneFile, ZONE_FILE_MAX_BYTES } from './cloudflare-zone-file.js';

async function formFields(contentType: string | undefined, raw: string): Promise<Map<string, string>> {
  const fields = new Map<string, string>();
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return fields;
  try {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    for (const [key, value] of form) fields.set(key, typeof value === 'string' ? value : await value.text());
  } catch {
    fail(400, CF.generic, 'Malformed multipart/form-data body');
  }
  return fields;
}

/** True for the duplicate error a re-imported record meets: such records are skipped, not added. */
function isDuplicate(error: unknown): boolean {
  if (!isFailure(error)) return false;
  const errors = (error.body as { errors?: { code: number }[] }).errors ?? [];
  return errors.some((e) => e.code === CF.identical);
}

export function zoneFileRoutes(ctx: CloudflareContext): EmulatorRoute[] {
  const { state } = ctx;
  return [
    {
      method: 'POST',
      path: '/zones/:zone_id/dns_records/import',
      operation: 'importRecords',
      bucket: 'client',
      rawBody: true,
      handler: async (req) => {
        const zone = requireZone(ctx, req);
        const started = new Date();
        const fields = await formFields(req.headers['content-type'], req.rawBody);
        const file = fields.get('file');
        if (file === undefined) fail(400, CF.generic, 'file is required');
        if (Buffer.byteLength(file) > ZONE_FILE_MAX_BYTES) {
          fail(400, CF.generic, 'The zone file exceeds the maximum size of 256 KiB');
        }
        const inputs = parseZoneFile(file, zone.name, fields.get('proxied') === 'true');
        // All or nothing: a record the API refuses fails the import; identical records are skipped.
        const copy = [...state.records.get(zone.id)!];
        const write = state.writeContext(zone);
        let added = 0;
        for (const input of inputs) {
          try {
            createRecord(copy, input, write);
            added++;
          } catch (error) {
            if (!isDuplicate(error)) throw error;
          }
        }
        state.records.set(zone.id, copy);
        const ended = new Date();
        const body = ok({ recs_added: added, total_records_parsed: inputs.length });
        (body.body as Record<string, unknown>).timing = {
          start_time: started.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          end_time: ended.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          process_time: Math.ceil((ended.getTime() - started.getTime()) / 1000),
        };
        return body;
      },
    },
    {
      method: 'GET',
      path: '/zones/:zone_id/dns_records/export',
      operation: 'exportRecords',
      bucket: 'client',
      handler: (req) => {
        const zone = requireZone(ctx, req);
        return {
          status: 200,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: renderZoneFile(zone, state.records.get(zone.id)!, new Date()),
        };
      },
    },
  ];
}
