/**
 * zod schemas of the payloads of Domainr v2 (api.domainr.com / RapidAPI) and of its successor,
 * Fastly's Domain Research API (docs/providers/domainr.md). Lenient where the docs are vague (extra
 * fields pass through, undocumented fields are optional); strict on the fields the mappers read.
 */
import { ProviderDomainNameSchema, ProviderZoneSchema } from '@registrar-kit/core';
import { z } from 'zod';

/**
 * Names and zones the provider sends are checked before they enter the model (core's
 * provider-values): an unusable one is a ResponseFormatError naming the field.
 */
const DomainName = ProviderDomainNameSchema;
const Zone = ProviderZoneSchema;

/** One v2 status object. `zone` is in current responses only; `summary` is deprecated (we compute it). */
export const V2StatusItemSchema = z
  .object({
    domain: DomainName,
    zone: Zone.optional(),
    /** Space-delimited flags, increasing precedence. */
    status: z.string(),
    summary: z.string().optional(),
  })
  .passthrough();
export type V2StatusItem = z.infer<typeof V2StatusItemSchema>;

/**
 * A 200 body some third-party clients handle instead of `status` (e.g. for an invalid name);
 * unconfirmed (docs/providers/domainr.md#v2-status), parsed defensively.
 */
export const V2StatusErrorItemSchema = z
  .object({
    code: z.union([z.number(), z.string()]).optional(),
    message: z.string().optional(),
    detail: z.string().optional(),
  })
  .passthrough();
export type V2StatusErrorItem = z.infer<typeof V2StatusErrorItemSchema>;

/** `GET /v2/status`: `{"status": [ … ]}` (an array even for one domain), or `{"errors": [ … ]}`. */
export const V2StatusResponseSchema = z
  .object({
    status: z.array(V2StatusItemSchema).optional(),
    errors: z.array(V2StatusErrorItemSchema).optional(),
  })
  .passthrough()
  .superRefine((body, ctx) => {
    if (body.status === undefined && body.errors === undefined) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'expected an array of status objects' });
    }
  });
export type V2StatusResponse = z.infer<typeof V2StatusResponseSchema>;

/** One v2 search result. Carries no availability. */
export const V2SearchResultSchema = z
  .object({
    domain: DomainName,
    zone: Zone,
    host: z.string().optional(),
    /** The registrable label with a trailing dot (`acme.`). */
    subdomain: z.string().optional(),
    path: z.string().optional(),
    registerURL: z.string().optional(),
  })
  .passthrough();
export type V2SearchResult = z.infer<typeof V2SearchResultSchema>;

/** `GET /v2/search`. */
export const V2SearchResponseSchema = z.object({ results: z.array(V2SearchResultSchema) }).passthrough();
export type V2SearchResponse = z.infer<typeof V2SearchResponseSchema>;

/**
 * An aftermarket offer of Fastly `tools/status` that can be quoted: a price (free text, read by
 * `offerAmount`) and a currency code; the vendor may be absent. Every offer field is optional in
 * Fastly's spec (docs/providers/domainr.md#fastly-offers): offers this schema refuses are skipped,
 * and stay in the answer's `raw`.
 */
export const FastlyOfferSchema = z
  .object({
    vendor: z.string().optional(),
    price: z.string(),
    currency: z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO 4217 currency code'),
  })
  .passthrough();
export type FastlyOffer = z.infer<typeof FastlyOfferSchema>;

/**
 * `GET /domain-management/v1/tools/status`: a flat object (not wrapped in an array). `domain`,
 * `zone` and `status` are optional in Fastly's spec; a name or zone that is sent is checked.
 */
export const FastlyStatusResponseSchema = z
  .object({
    domain: DomainName.optional(),
    zone: Zone.optional(),
    /** Space-delimited flags, increasing precedence. */
    status: z.string().optional(),
    /** Space-delimited tags; semantics undocumented. */
    tags: z.string().optional(),
    scope: z.string().optional(),
    /** Anything that is not an object is an unusable offer, skipped like one without a price. */
    offers: z.array(z.unknown()).nullish(),
  })
  .passthrough();
export type FastlyStatusResponse = z.infer<typeof FastlyStatusResponseSchema>;

/** One Fastly suggest result: no `host`, no `registerURL`, no availability. */
export const FastlySuggestResultSchema = z
  .object({
    domain: DomainName,
    zone: Zone,
    subdomain: z.string().optional(),
    path: z.string().optional(),
  })
  .passthrough();

/** `GET /domain-management/v1/tools/suggest`. */
export const FastlySuggestResponseSchema = z
  .object({ results: z.array(FastlySuggestResultSchema) })
  .passthrough();
export type FastlySuggestResponse = z.infer<typeof FastlySuggestResponseSchema>;
