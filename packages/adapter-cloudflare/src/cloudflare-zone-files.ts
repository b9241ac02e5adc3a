/**
 * Zone files: `GET /zones/{id}/dns_records/export` answers the whole zone as BIND text in one
 * request, `POST /zones/{id}/dns_records/import` (multipart `file` + `proxied`, at most 256 KiB)
 * adds the records of a zone file (docs/providers/cloudflare.md#zone-files).
 */
import { type CallOptions, urlPath, ValidationError } from '@registrar-kit/core';
import { z } from 'zod';
import { type CloudflareClient, PROVIDER } from './cloudflare-client.js';
import { envelope } from './cloudflare-schemas.js';

/** The import limit: 256 KiB. */
export const ZONE_FILE_MAX_BYTES = 262_144;

const ImportSchema = envelope(
  z.object({ recs_added: z.number().int(), total_records_parsed: z.number().int() }).passthrough(),
);

export interface ZoneFileImport {
  /** Records added (identical records already there are skipped). */
  added: number;
  /** Records the zone file held. */
  parsed: number;
}

export interface CloudflareZoneFileExtras {
  /** The zone as Cloudflare exports it (BIND text: SOA, apex NS, then each record; TTL 1 = automatic). */
  exportZoneFile(domain: string, opts?: CallOptions): Promise<string>;
  /**
   * Adds the records of a BIND zone file (`$ORIGIN`, `$TTL`, `$GENERATE`; no `$INCLUDE`), all or
   * nothing. `proxied` puts A/AAAA/CNAME records behind Cloudflare's proxy unless a line's
   * `cf_tags=cf-proxied:…` says otherwise.
   */
  importZoneFile(
    domain: string,
    zoneFile: string,
    opts?: CallOptions & { proxied?: boolean },
  ): Promise<ZoneFileImport>;
}

export function zoneFileMethods(client: CloudflareClient): CloudflareZoneFileExtras {
  return {
    async exportZoneFile(domain, opts) {
      const zone = await client.zone(domain, 'exportZoneFile', opts);
      const { data } = await client.send<string>(
        {
          operation: 'exportZoneFile',
          method: 'GET',
          path: urlPath`/zones/${zone.id}/dns_records/export`,
          headers: { Accept: 'text/plain' },
          responseText: true,
        },
        opts,
      );
      return data;
    },

    async importZoneFile(domain, zoneFile, opts = {}) {
      if (typeof zoneFile !== 'string' || Buffer.byteLength(zoneFile) > ZONE_FILE_MAX_BYTES) {
        throw new ValidationError(
          `${PROVIDER} importZoneFile: the zone file must be text of at most 256 KiB`,
          {
            provider: PROVIDER,
            operation: 'importZoneFile',
            issues: [{ path: 'zoneFile', message: 'must be text of at most 262,144 bytes' }],
          },
        );
      }
      const zone = await client.zone(domain, 'importZoneFile', opts);
      const form = new FormData();
      form.set('file', new Blob([zoneFile], { type: 'text/plain' }), `${zone.name}.txt`);
      form.set('proxied', opts.proxied ? 'true' : 'false');
      const { data } = await client.send(
        {
          operation: 'importZoneFile',
          method: 'POST',
          path: urlPath`/zones/${zone.id}/dns_records/import`,
          form,
          schema: ImportSchema,
        },
        opts,
      );
      return { added: data.result.recs_added, parsed: data.result.total_records_parsed };
    },
  };
}
