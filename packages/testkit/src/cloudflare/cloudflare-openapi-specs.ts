/**
 * Cloudflare's OpenAPI files (../shared/specs/cloudflare) as the validator uses them: the official
 * 2024 excerpt for zones, DNS records, DNSSEC and zone files, and the reconstructed file for the DNS
 * batch and the 2026 Registrar API (docs/providers/cloudflare.md#sources).
 *
 * Two defects of the official 2024 file are corrected here and nowhere else (each is listed in
 * docs/providers/cloudflare.md#sources):
 * - its `4XX` answers are `allOf` the success envelope (`success: true`) and the failure envelope
 *   (`success: false`), which no body can satisfy: failures are checked against the failure part;
 * - the DNS record request body is the response record, whose `required` list names fields the
 *   server sets (`id`, `proxiable`, `created_on`, `modified_on`) and `content`, which the
 *   data-based types (SRV, CAA, …) do not send: requests need `type` and `name` only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadOpenApi, type OpenApiDocument, openApiDocument } from '../openapi/openapi-validator.js';

type Json = Record<string, unknown>;

export const CLOUDFLARE_OFFICIAL_SPEC = 'cloudflare-dns-registrar.excerpt.openapi.json';
export const CLOUDFLARE_RECONSTRUCTED_SPEC = 'cloudflare-newer-endpoints.reconstructed.openapi.json';

export interface CloudflareSpecs {
  /** The official 2024 file, for responses. */
  official: OpenApiDocument;
  /** The official 2024 file, for requests (record bodies need `type` and `name` only). */
  officialRequests: OpenApiDocument;
  /** The reconstructed file: DNS batch, the 2026 Registrar API, transfer-in, the sandbox. */
  reconstructed: OpenApiDocument;
  /** The file that describes a path (`/client/v4/…` or without the prefix). */
  specFor(path: string, forRequests: boolean): OpenApiDocument;
}

function officialAsChecked(file: string, forRequests: boolean): OpenApiDocument {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Json;
  for (const item of Object.values(doc.paths as Record<string, Json>)) {
    for (const operation of Object.values(item)) {
      const failure = (operation as { responses?: Record<string, Json> }).responses?.['4XX'];
      const media = (failure?.content as Record<string, { schema: Json }> | undefined)?.['application/json'];
      const parts = media?.schema.allOf as { $ref?: string }[] | undefined;
      const failurePart = parts?.find((p) => p.$ref?.endsWith('api-response-common-failure'));
      if (media && failurePart) media.schema = failurePart;
    }
  }
  if (forRequests) {
    const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
    schemas['dns-records_dns-record']!.required = ['type', 'name'];
  }
  return openApiDocument(doc);
}

/** Loads both files from `dir` (the folder holding them, e.g. `<repo>/../shared/specs/cloudflare`). */
export function loadCloudflareSpecs(dir: string): CloudflareSpecs {
  const official = officialAsChecked(join(dir, CLOUDFLARE_OFFICIAL_SPEC), false);
  const officialRequests = officialAsChecked(join(dir, CLOUDFLARE_OFFICIAL_SPEC), true);
  const reconstructed = loadOpenApi(join(dir, CLOUDFLARE_RECONSTRUCTED_SPEC));
  return {
    official,
    officialRequests,
    reconstructed,
    specFor(path, forRequests) {
      if (/\/dns_records\/batch|\/registrar(-sandbox)?\//.test(path)) return reconstructed;
      return forRequests ? officialRequests : official;
    },
  };
}
