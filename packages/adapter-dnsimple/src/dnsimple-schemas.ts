/**
 * zod schemas of the DNSimple API v2 payloads (shapes of the official fixtures and openapi.yml).
 * Strict on the fields the adapter maps, lenient (`.passthrough()`, optional) on the rest; where
 * fixtures and spec disagree (docs/providers/dnsimple.md#where-the-sources-disagree) both forms are accepted.
 */
import { ProviderDomainNameSchema, ProviderNumericIdSchema } from '@registrar-kit/core';
import { z } from 'zod';

const Timestamp = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 timestamp');
/** Ids are non-negative whole numbers; names are checked domain names, parsed to ASCII (core's provider-values). */
const Id = ProviderNumericIdSchema;
const DomainName = ProviderDomainNameSchema;

export const PaginationSchema = z
  .object({
    current_page: z.number().int(),
    per_page: z.number().int(),
    total_entries: z.number().int(),
    total_pages: z.number().int(),
  })
  .passthrough();

/** `{ data: T }` */
// Envelopes are built once per payload schema and reused: zod compiles a parser per schema
// object, so building one per request showed up as 10% of a call's CPU in the benchmark.
const envelopes = new WeakMap<z.ZodType, z.ZodType>();
const pages = new WeakMap<z.ZodType, z.ZodType>();

export function envelope<T extends z.ZodType>(data: T) {
  const schema = () => z.object({ data }).passthrough();
  const cached = envelopes.get(data) as ReturnType<typeof schema> | undefined;
  if (cached) return cached;
  const built = schema();
  envelopes.set(data, built);
  return built;
}

/** `{ data: T[], pagination }` */
export function pageOf<T extends z.ZodType>(item: T) {
  const schema = () => z.object({ data: z.array(item), pagination: PaginationSchema }).passthrough();
  const cached = pages.get(item) as ReturnType<typeof schema> | undefined;
  if (cached) return cached;
  const built = schema();
  pages.set(item, built);
  return built;
}

export const AccountSchema = z
  .object({
    id: Id,
    email: z.string().optional(),
    name: z.string().optional(),
    plan_identifier: z.string().optional(),
  })
  .passthrough();
export type DnsimpleAccount = z.infer<typeof AccountSchema>;

export const WhoamiSchema = envelope(
  z
    .object({ user: z.object({ id: Id }).passthrough().nullable(), account: AccountSchema.nullable() })
    .passthrough(),
);
export const AccountsSchema = envelope(z.array(AccountSchema));

export const DomainPayloadSchema = z
  .object({
    id: Id,
    account_id: Id.optional(),
    registrant_id: Id.nullable().optional(),
    name: DomainName,
    unicode_name: z.string().optional(),
    state: z.string(),
    auto_renew: z.boolean().nullable().optional(),
    private_whois: z.boolean().nullable().optional(),
    trustee: z.boolean().optional(),
    expires_on: z.string().nullable().optional(),
    expires_at: Timestamp.nullable().optional(),
    created_at: Timestamp.nullable().optional(),
    updated_at: Timestamp.nullable().optional(),
  })
  .passthrough();
export type DnsimpleDomainPayload = z.infer<typeof DomainPayloadSchema>;

export const ZoneRecordSchema = z
  .object({
    id: Id,
    zone_id: DomainName,
    parent_id: Id.nullable().optional(),
    name: z.string(),
    content: z.string(),
    ttl: z.number().int(),
    priority: z.number().int().nullable().optional(),
    type: z.string(),
    regions: z.array(z.string()).optional(),
    system_record: z.boolean().optional(),
    created_at: Timestamp.nullable().optional(),
    updated_at: Timestamp.nullable().optional(),
  })
  .passthrough();
export type DnsimpleZoneRecord = z.infer<typeof ZoneRecordSchema>;

export const BatchResultSchema = envelope(
  z
    .object({
      creates: z.array(ZoneRecordSchema).optional(),
      updates: z.array(ZoneRecordSchema).optional(),
      deletes: z.array(z.object({ id: Id }).passthrough()).optional(),
    })
    .passthrough(),
);

export const CheckResultSchema = z
  .object({
    domain: DomainName,
    available: z.boolean(),
    premium: z.boolean().optional(),
    trustee: z.boolean().optional(),
  })
  .passthrough();
export type DnsimpleCheckResult = z.infer<typeof CheckResultSchema>;

/** Prices are JSON numbers (floats) in USD; the spec does not require transfer_price and trustee_price. */
const Price = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]);
export const PricesSchema = z
  .object({
    domain: DomainName,
    premium: z.boolean(),
    registration_price: Price,
    renewal_price: Price,
    transfer_price: Price.nullable().optional(),
    restore_price: Price.nullable().optional(),
    trustee_price: Price.nullable().optional(),
  })
  .passthrough();
export type DnsimplePrices = z.infer<typeof PricesSchema>;

export const RegistrationSchema = z
  .object({
    id: Id,
    domain_id: Id.nullable().optional(),
    registrant_id: Id.nullable().optional(),
    period: z.number().int().optional(),
    state: z.string(),
    created_at: Timestamp.nullable().optional(),
    updated_at: Timestamp.nullable().optional(),
  })
  .passthrough();
export type DnsimpleRegistration = z.infer<typeof RegistrationSchema>;

export const RenewalSchema = z
  .object({
    id: Id,
    domain_id: Id.nullable().optional(),
    period: z.number().int().optional(),
    state: z.string(),
    created_at: Timestamp.nullable().optional(),
    updated_at: Timestamp.nullable().optional(),
  })
  .passthrough();
export type DnsimpleRenewal = z.infer<typeof RenewalSchema>;

export const TransferPayloadSchema = z
  .object({
    id: Id,
    domain_id: Id.nullable().optional(),
    registrant_id: Id.nullable().optional(),
    state: z.string(),
    status_description: z.string().nullable().optional(),
    created_at: Timestamp.nullable().optional(),
    updated_at: Timestamp.nullable().optional(),
  })
  .passthrough();
export type DnsimpleTransfer = z.infer<typeof TransferPayloadSchema>;

export const RestoreSchema = z
  .object({
    id: Id,
    domain_id: Id.nullable().optional(),
    state: z.string(),
    created_at: Timestamp.nullable().optional(),
    updated_at: Timestamp.nullable().optional(),
  })
  .passthrough();
export type DnsimpleRestore = z.infer<typeof RestoreSchema>;

export const TransferLockSchema = envelope(z.object({ enabled: z.boolean() }).passthrough());

/** `enabled` is null in the enableWhoisPrivacy `created` fixture (legacy domains). */
export const WhoisPrivacySchema = envelope(
  z.object({ enabled: z.boolean().nullable(), expires_on: z.string().nullable().optional() }).passthrough(),
);

/** The delegation is a bare array of host names. */
export const DelegationSchema = envelope(z.array(DomainName));

export const DnssecSchema = z
  .object({
    enabled: z.boolean(),
    active: z.boolean().optional(),
    created_at: Timestamp.nullable().optional(),
    updated_at: Timestamp.nullable().optional(),
  })
  .passthrough();
export type DnsimpleDnssec = z.infer<typeof DnssecSchema>;

/** DS fields are numeric strings in responses (`"13"`); `public_key` is null in the fixtures. */
const NumericString = z.union([z.string().regex(/^\d+$/, 'expected a numeric string'), z.number().int()]);
export const DsRecordPayloadSchema = z
  .object({
    id: Id,
    domain_id: Id.optional(),
    algorithm: NumericString,
    digest: z.string().nullable().optional(),
    digest_type: NumericString.nullable().optional(),
    keytag: NumericString.nullable().optional(),
    public_key: z.string().nullable().optional(),
    created_at: Timestamp.nullable().optional(),
    updated_at: Timestamp.nullable().optional(),
  })
  .passthrough();
export type DnsimpleDsRecord = z.infer<typeof DsRecordPayloadSchema>;

/** A contact (https://developer.dnsimple.com/v2/contacts/): optional fields come back as '' (or null). */
const OptionalText = z.string().nullable().optional();
export const ContactPayloadSchema = z
  .object({
    id: Id,
    account_id: Id.optional(),
    label: OptionalText,
    first_name: z.string(),
    last_name: z.string(),
    organization_name: OptionalText,
    job_title: OptionalText,
    address1: z.string(),
    address2: OptionalText,
    city: z.string(),
    state_province: OptionalText,
    postal_code: z.string(),
    country: z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code'),
    phone: z.string(),
    fax: OptionalText,
    email: z.string(),
    created_at: Timestamp.nullable().optional(),
    updated_at: Timestamp.nullable().optional(),
  })
  .passthrough();
export type DnsimpleContactPayload = z.infer<typeof ContactPayloadSchema>;

/** `name_server_min/max` are strings in the fixtures and integers in the spec. */
const Count = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
export const TldSchema = z
  .object({
    tld: z.string().min(1),
    tld_type: z.number().int().optional(),
    whois_privacy: z.boolean().nullable().optional(),
    auto_renew_only: z.boolean().nullable().optional(),
    idn: z.boolean().optional(),
    minimum_registration: z.number().int().positive(),
    registration_enabled: z.boolean().optional(),
    renewal_enabled: z.boolean().optional(),
    transfer_enabled: z.boolean().optional(),
    name_server_min: Count.nullable().optional(),
    name_server_max: Count.nullable().optional(),
  })
  .passthrough();
export type DnsimpleTld = z.infer<typeof TldSchema>;

export const ExtendedAttributeSchema = z
  .object({
    name: z.string().min(1),
    title: z.string().nullable().optional(),
    description: z.string().nullable().optional(),
    required: z.boolean(),
    options: z
      .array(
        z
          .object({
            value: z.string(),
            title: z.string().nullable().optional(),
            description: z.string().nullable().optional(),
          })
          .passthrough(),
      )
      .default([]),
  })
  .passthrough();
export type DnsimpleExtendedAttribute = z.infer<typeof ExtendedAttributeSchema>;

/** A zone (https://developer.dnsimple.com/v2/zones/): paths use its name, never its id. */
export const ZonePayloadSchema = z
  .object({
    id: Id,
    account_id: Id.optional(),
    name: DomainName,
    reverse: z.boolean().optional(),
    secondary: z.boolean().optional(),
    active: z.boolean().optional(),
    created_at: Timestamp.nullable().optional(),
    updated_at: Timestamp.nullable().optional(),
  })
  .passthrough();
export type DnsimpleZonePayload = z.infer<typeof ZonePayloadSchema>;
