/**
 * zod schemas of the PocketDNS Partner API payloads (https://docs.pocketdns.com/, summarised in
 * docs/providers/pocketdns.md#payloads). Strict on the fields the adapter
 * maps, lenient (`.passthrough()`, optional) on the rest and where the docs' examples differ.
 */
import { ProviderDomainNameSchema, ProviderStringIdSchema, ProviderZoneSchema } from '@registrar-kit/core';
import { z } from 'zod';

/**
 * Names and ids PocketDNS sends are checked before they enter the model (core's provider-values):
 * a name parses to its ASCII form, an unusable one is a ResponseFormatError naming the field.
 */
const DomainName = ProviderDomainNameSchema;
const Id = ProviderStringIdSchema;

/** An ISO 8601 timestamp (`2025-01-01T00:00:00Z`). */
export const IsoDateSchema = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 timestamp');

/** A price: the docs send decimal strings (`"12.99"`); a JSON number is accepted too. */
export const AmountSchema = z.union([
  z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/, 'expected a decimal amount such as "12.99"'),
  z.number().finite(),
]);

export const CurrencySchema = z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO 4217 currency code');

/** An item of `GET /users/{user_identifier}/domains`. */
export const DomainSummarySchema = z
  .object({
    id: Id,
    name: DomainName,
    status: z.string(),
    purchased_at: IsoDateSchema.nullish(),
    expires_at: IsoDateSchema.nullish(),
    auto_renew: z.boolean().nullish(),
    dns_records_count: z.number().int().nullish(),
    registrar: z.string().nullish(),
  })
  .passthrough();
export type DomainSummaryPayload = z.infer<typeof DomainSummarySchema>;

export const DomainListSchema = z
  .object({ domains: z.array(DomainSummarySchema), total: z.number().int().nullish() })
  .passthrough();

/** `GET /domains/{domain_id}`: the summary fields plus owner, name servers, privacy, records and pricing. */
export const DomainDetailSchema = DomainSummarySchema.extend({
  user_identifier: Id.nullish(),
  nameservers: z.array(DomainName).nullish(),
  whois_privacy: z.boolean().nullish(),
  updated_at: IsoDateSchema.nullish(),
  dns_records: z.array(z.unknown()).nullish(),
  pricing: z
    .object({
      registration_price: AmountSchema.nullish(),
      renewal_price: AmountSchema.nullish(),
      currency: CurrencySchema.nullish(),
    })
    .passthrough()
    .nullish(),
}).passthrough();
export type DomainDetailPayload = z.infer<typeof DomainDetailSchema>;

/** `PUT /domains/{domain_id}` answer. */
export const DomainUpdateSchema = z
  .object({
    id: Id,
    name: DomainName.nullish(),
    auto_renew: z.boolean().nullish(),
    whois_privacy: z.boolean().nullish(),
    updated_at: IsoDateSchema.nullish(),
  })
  .passthrough();
export type DomainUpdatePayload = z.infer<typeof DomainUpdateSchema>;

/**
 * `POST /domains/{domain_id}/renew` answer. It comes after the charge: `name` is not trusted (the
 * result names the renewed domain from what the adapter knows), so an odd echo cannot fail a paid call.
 */
export const RenewSchema = z
  .object({
    id: Id.nullish(),
    name: z.string(),
    expires_at: IsoDateSchema.nullish(),
    renewal_cost: AmountSchema.nullish(),
    currency: CurrencySchema.nullish(),
    renewed_at: IsoDateSchema.nullish(),
  })
  .passthrough();
export type RenewPayload = z.infer<typeof RenewSchema>;

export const TRANSFER_STATES = ['pending', 'in_progress', 'completed', 'failed', 'cancelled'] as const;

/** `POST /domains/transfer` and `GET /domains/transfers/{transfer_id}` answers (fields differ: all optional but id, name, status). */
export const TransferSchema = z
  .object({
    transfer_id: Id,
    domain_name: DomainName,
    status: z.enum(TRANSFER_STATES),
    estimated_completion: IsoDateSchema.nullish(),
    started_at: IsoDateSchema.nullish(),
    completed_at: IsoDateSchema.nullish(),
    domain_id: Id.nullish(),
    cost: AmountSchema.nullish(),
    currency: CurrencySchema.nullish(),
  })
  .passthrough();
export type TransferPayload = z.infer<typeof TransferSchema>;

/**
 * `POST /domains/transfer` answer: the transfer has started (and may be paid), so its echo of the
 * name is not trusted; the result names the domain the adapter sent.
 */
export const TransferStartSchema = TransferSchema.extend({ domain_name: z.string() });

/** `GET /domains/tlds`. */
export const TldListSchema = z
  .object({
    tlds: z.array(
      z
        .object({
          tld: ProviderZoneSchema,
          registration_price: AmountSchema.nullish(),
          renewal_price: AmountSchema.nullish(),
          transfer_price: AmountSchema.nullish(),
          currency: CurrencySchema,
          available: z.boolean().nullish(),
        })
        .passthrough(),
    ),
  })
  .passthrough();
export type TldListPayload = z.infer<typeof TldListSchema>;
export type TldPayload = TldListPayload['tlds'][number];

/** `GET /domains/availability/{domain_name}`. `price`/`currency` are null when the name is taken. */
export const AvailabilitySchema = z
  .object({
    domain_name: DomainName,
    available: z.boolean(),
    price: AmountSchema.nullish(),
    currency: CurrencySchema.nullish(),
    premium: z.boolean().nullish(),
    suggestions: z.array(DomainName).nullish(),
  })
  .passthrough();
export type AvailabilityPayload = z.infer<typeof AvailabilitySchema>;

/** A DNS record as list, create and update answer it. Bulk and template items omit some fields. */
export const DnsRecordPayloadSchema = z
  .object({
    id: Id,
    type: z.string().min(1),
    name: z.string(),
    content: z.string(),
    ttl: z.number().int().nullish(),
    priority: z.number().int().nullish(),
    created_at: IsoDateSchema.nullish(),
    updated_at: IsoDateSchema.nullish(),
  })
  .passthrough();
export type DnsRecordPayload = z.infer<typeof DnsRecordPayloadSchema>;

/** The full record (list, create, update): `ttl` is required there. */
export const FullDnsRecordSchema = DnsRecordPayloadSchema.extend({ ttl: z.number().int() });

export const RecordListSchema = z
  .object({ records: z.array(FullDnsRecordSchema), total: z.number().int().nullish() })
  .passthrough();

/** `POST /domains/{domain_id}/dns/bulk`: partial success; `errors[].error` is a plain string. */
export const BulkSchema = z
  .object({
    created: z.array(DnsRecordPayloadSchema),
    errors: z
      .array(
        z.object({ record: z.record(z.string(), z.unknown()).nullish(), error: z.string() }).passthrough(),
      )
      .nullish(),
  })
  .passthrough();
export type BulkPayload = z.infer<typeof BulkSchema>;

/** `POST /domains/{domain_id}/dns/template`. */
export const TemplateSchema = z
  .object({ template_id: z.string().nullish(), records_created: z.array(DnsRecordPayloadSchema) })
  .passthrough();
export type TemplatePayload = z.infer<typeof TemplateSchema>;

/** `POST /users` (User Management page): `expires_at` is missing from some examples. */
export const UserSessionSchema = z
  .object({
    user_identifier: Id,
    login_url: z.string().url(),
    expires_at: IsoDateSchema.nullish(),
  })
  .passthrough();
export type UserSessionPayload = z.infer<typeof UserSessionSchema>;
