/**
 * zod schemas of the Cloudflare v4 payloads the adapter reads: the envelope with page or cursor
 * `result_info`, accounts, zones, DNS records and batches, DNSSEC, and the 2026 Registrar API
 * (docs/providers/cloudflare.md). Unknown fields pass through into `raw`.
 */
import { ProviderDomainNameSchema } from '@registrar-kit/core';
import { z } from 'zod';
import { CloudflareMessageSchema } from './cloudflare-errors.js';

/** Zone, record and account ids: 32 lower-case hex characters. */
export const HexIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'expected a 32-hex Cloudflare identifier');

export const PageInfoSchema = z
  .object({
    page: z.number().int().optional(),
    per_page: z.number().int().optional(),
    count: z.number().int().optional(),
    total_count: z.number().int().optional(),
    total_pages: z.number().int().optional(),
  })
  .passthrough();

export const CursorInfoSchema = z
  .object({
    count: z.number().int().optional(),
    cursor: z.string().optional(),
    per_page: z.number().int().optional(),
  })
  .passthrough();

/** `{success: true, errors, messages, result, result_info?}`. */
export function envelope<T extends z.ZodType, I extends z.ZodType = z.ZodOptional<typeof PageInfoSchema>>(
  result: T,
  info?: I,
) {
  return z
    .object({
      success: z.literal(true),
      errors: z.array(CloudflareMessageSchema).default([]),
      messages: z.array(z.unknown()).default([]),
      result,
      result_info: (info ?? PageInfoSchema.optional()) as I,
    })
    .passthrough();
}

export const AccountSchema = z.object({ id: HexIdSchema, name: z.string() }).passthrough();

export const ZonePayloadSchema = z
  .object({
    id: HexIdSchema,
    name: ProviderDomainNameSchema,
    status: z.string(),
    name_servers: z.array(z.string()).default([]),
    account: z.object({ id: z.string() }).passthrough().optional(),
  })
  .passthrough();
export type CloudflareZonePayload = z.infer<typeof ZonePayloadSchema>;

export const RecordPayloadSchema = z
  .object({
    id: HexIdSchema,
    type: z.string(),
    name: z.string(),
    content: z.string().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    priority: z.number().int().optional(),
    ttl: z.number().int(),
    proxied: z.boolean().optional(),
    comment: z.string().nullable().optional(),
    tags: z.array(z.string()).optional(),
    created_on: z.string().optional(),
    modified_on: z.string().optional(),
  })
  .passthrough();
export type CloudflareRecordPayload = z.infer<typeof RecordPayloadSchema>;

export const BatchResultSchema = z
  .object({
    deletes: z.array(RecordPayloadSchema).optional(),
    patches: z.array(RecordPayloadSchema).optional(),
    puts: z.array(RecordPayloadSchema).optional(),
    posts: z.array(RecordPayloadSchema).optional(),
  })
  .passthrough();

export const DnssecPayloadSchema = z
  .object({
    status: z.string(),
    algorithm: z.string().nullable().optional(),
    digest: z.string().nullable().optional(),
    digest_type: z.string().nullable().optional(),
    flags: z.number().int().nullable().optional(),
    key_tag: z.number().int().nullable().optional(),
    public_key: z.string().nullable().optional(),
  })
  .passthrough();

export const PricingSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/),
    registration_cost: z.string().optional(),
    renewal_cost: z.string().optional(),
    transfer_cost: z.string().optional(),
  })
  .passthrough();
export type CloudflarePricing = z.infer<typeof PricingSchema>;

export const CheckedDomainSchema = z
  .object({
    name: ProviderDomainNameSchema,
    registrable: z.boolean(),
    tier: z.string().optional(),
    reason: z.string().optional(),
    pricing: PricingSchema.optional(),
  })
  .passthrough();
export type CloudflareCheckedDomain = z.infer<typeof CheckedDomainSchema>;

export const DomainListSchema = z.object({ domains: z.array(CheckedDomainSchema) }).passthrough();

export const RegistrationPayloadSchema = z
  .object({
    domain_name: ProviderDomainNameSchema,
    status: z.string(),
    created_at: z.string().nullable().optional(),
    expires_at: z.string().nullable().optional(),
    auto_renew: z.boolean().optional(),
    locked: z.boolean().optional(),
    privacy_mode: z.string().optional(),
  })
  .passthrough();
export type CloudflareRegistrationPayload = z.infer<typeof RegistrationPayloadSchema>;

export const WorkflowStatusSchema = z
  .object({
    completed: z.boolean(),
    state: z.string(),
    created_at: z.string().optional(),
    updated_at: z.string().optional(),
    /** The how-to guide puts `domain_name` here instead of in `context`. */
    domain_name: z.string().optional(),
    context: z
      .object({ domain_name: z.string().optional(), registration: RegistrationPayloadSchema.optional() })
      .passthrough()
      .optional(),
    error: z.object({ code: z.string(), message: z.string() }).passthrough().optional(),
    links: z.object({ self: z.string(), resource: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();
export type CloudflareWorkflowStatus = z.infer<typeof WorkflowStatusSchema>;

export const TransferEligibilitySchema = z
  .object({
    name: z.string().optional(),
    transferable: z.boolean(),
    reasons: z.array(z.object({ code: z.string() }).passthrough()).default([]),
    pricing: PricingSchema.optional(),
  })
  .passthrough();

export const TransferCheckSchema = z
  .object({ domains: z.record(z.string(), TransferEligibilitySchema) })
  .passthrough();

export const ExtensionSchema = z
  .object({
    metadata: z.object({ name: z.string(), tld: z.string().optional() }).passthrough(),
    registration_schema: z.record(z.string(), z.unknown()).default({}),
  })
  .passthrough();
export type CloudflareExtension = z.infer<typeof ExtensionSchema>;
