/**
 * HexDNS zones, the DNS-hosting side of a domain (docs/providers/glauca.md#hexdns): getZone and
 * createZone. A zone's nameservers are HexDNS's own, the same for every zone.
 */
import { type CallOptions, normalizeDomainName, requestOptions, type Zone } from '@registrar-kit/core';
import type { GlaucaClient, ZoneRef } from './glauca-client.js';
import { asciiName } from './glauca-errors.js';
import { HexZoneSummarySchema } from './glauca-schemas.js';
import { PROVIDER } from './glauca-values.js';

/** The name servers a domain delegates to for HexDNS (docs/providers/glauca.md#hexdns). */
export const HEXDNS_NAMESERVERS = [
  'ns1.as207960.net',
  'ns2.as207960.net',
  'ns3.as207960.net',
  'ns4.as207960.net',
];

function mapZone(zone: ZoneRef): Zone {
  return { provider: PROVIDER, id: zone.id, name: zone.root, nameservers: [...HEXDNS_NAMESERVERS] };
}

export function zoneMethods(client: GlaucaClient) {
  return {
    async getZone(domain: string, opts?: CallOptions): Promise<Zone> {
      return mapZone(await client.resolveZone(domain, opts, 'getZone'));
    },

    /**
     * POST /api/dns_zones/ `{zone_root}`. HexDNS bills zones beyond the first three (402
     * `billing_error`); a zone that exists anywhere on HexDNS is refused (400 `invalid_zone`).
     */
    async createZone(domain: string, opts?: CallOptions): Promise<Zone> {
      const name = asciiName(domain, 'createZone');
      const zone = await client.dns({
        operation: 'createZone',
        method: 'POST',
        path: '/api/dns_zones/',
        body: { zone_root: name },
        schema: HexZoneSummarySchema,
        bucket: 'dns',
        ...requestOptions(opts),
      });
      const ref = { id: zone.id, root: normalizeDomainName(zone.zone_root) };
      client.rememberZone(ref);
      return mapZone(ref);
    },
  };
}
