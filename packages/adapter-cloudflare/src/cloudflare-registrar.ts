/**
 * `createCloudflare(options)`: Cloudflare DNS and the 2026 Cloudflare Registrar API behind the
 * registrar-kit `Registrar` interface, plus Cloudflare-only methods (whole plans through the atomic
 * batch endpoint, record proxy/comment/tags, registration status, zone-file export and import).
 */
import { defineRegistrar, type Registrar } from '@registrar-kit/core';
import { type CloudflareOptions, createCloudflareClient } from './cloudflare-client.js';
import { domainMethods } from './cloudflare-domains.js';
import { type CloudflareOrderExtras, orderMethods } from './cloudflare-orders.js';
import { type CloudflareRecordExtras, recordMethods } from './cloudflare-records.js';
import { type CloudflareZoneFileExtras, zoneFileMethods } from './cloudflare-zone-files.js';

/** Cloudflare-only methods, next to the `Registrar` ones. */
export interface CloudflareExtras
  extends CloudflareRecordExtras,
    CloudflareOrderExtras,
    CloudflareZoneFileExtras {}

export type CloudflareRegistrar = Registrar & CloudflareExtras;

export function createCloudflare(options: CloudflareOptions = {}): CloudflareRegistrar {
  const client = createCloudflareClient(options);
  const records = recordMethods(client);
  const orders = orderMethods(client);
  return defineRegistrar(
    'cloudflare',
    { ...domainMethods(client), ...orders.methods, ...records.methods },
    { ...records.extras, ...orders.extras, ...zoneFileMethods(client) } satisfies CloudflareExtras,
    { close: () => client.close() },
  );
}
