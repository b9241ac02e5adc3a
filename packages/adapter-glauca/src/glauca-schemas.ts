/**
 * zod schemas of the Glauca domains API and HexDNS payloads (docs/providers/glauca.md#domains,
 * #orders, #contacts, #hexdns).
 * Strict on the fields the adapter maps, lenient (`looseObject`, optional) on everything else, so a
 * new field never breaks a client but a wrong shape of a mapped field is a ResponseFormatError.
 */
import { ProviderDomainNameSchema, ProviderStringIdSchema } from '@registrar-kit/core';
import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });
/**
 * Names and ids Glauca sends are checked before they enter the model (core's provider-values): a
 * name parses to its ASCII form, an unusable name or id is a ResponseFormatError naming the field.
 */
const DomainName = ProviderDomainNameSchema;
const Id = ProviderStringIdSchema;

// ---------------------------------------------------------------------------------------------
// Domains

export const GlaucaKeyDataSchema = z.looseObject({
  flags: z.number().int(),
  protocol: z.number().int(),
  algorithm: z.number().int(),
  public_key: z.string(),
});
export type GlaucaKeyData = z.infer<typeof GlaucaKeyDataSchema>;

export const GlaucaDsDataSchema = z.looseObject({
  key_tag: z.number().int(),
  algorithm: z.number().int(),
  digest_type: z.number().int(),
  digest: z.string(),
  key_data: GlaucaKeyDataSchema.nullish(),
});
export type GlaucaDsData = z.infer<typeof GlaucaDsDataSchema>;

export const GlaucaSecDnsSchema = z.looseObject({
  max_sig_life: z.string().nullish(),
  ds_data: z.array(GlaucaDsDataSchema).nullish(),
  key_data: z.array(GlaucaKeyDataSchema).nullish(),
});
export type GlaucaSecDns = z.infer<typeof GlaucaSecDnsSchema>;

export const GlaucaNameServerSchema = z.looseObject({
  host_object: DomainName.nullish(),
  host_name: DomainName.nullish(),
  addresses: z.array(z.string()).nullish(),
});

export const GlaucaDomainPayloadSchema = z.looseObject({
  id: Id,
  domain: DomainName,
  statuses: z.array(z.string()),
  deleted: z.boolean().optional(),
  registrant: z.string().nullish(),
  name_servers: z.array(GlaucaNameServerSchema).nullish(),
  rgp_state: z.array(z.string()).nullish(),
  auth_info: z.string().nullish(),
  sec_dns: GlaucaSecDnsSchema.nullish(),
  created: isoDateTime.nullish(),
  expiry: isoDateTime.nullish(),
  last_updated: isoDateTime.nullish(),
});
export type GlaucaDomainPayload = z.infer<typeof GlaucaDomainPayloadSchema>;

/** `GET /api/domains/` is not paginated: a plain array (docs/providers/glauca.md#domains). */
export const GlaucaDomainListSchema = z.array(GlaucaDomainPayloadSchema);

/** Result of check, check_transfer, check_renew and check_restore (price: GBP decimal string). */
export const GlaucaCheckResultSchema = z.looseObject({
  domain: DomainName,
  available: z.boolean(),
  reason: z.string().nullable(),
  price: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'expected a decimal string such as "9.99"')
    .nullable(),
});
export type GlaucaCheckResult = z.infer<typeof GlaucaCheckResultSchema>;

// ---------------------------------------------------------------------------------------------
// Orders

export const GLAUCA_ORDER_STATES = [
  'pending',
  'started',
  'needs_payment',
  'processing',
  'pending_approval',
  'completed',
  'failed',
  'unknown',
] as const;

/**
 * An order. It may be paid already when it is read: `domain` and `domain_id` are not checked here
 * (the mappers take the name the adapter sent, and null for an unusable `domain_id`), so an odd
 * echo never fails a paid call; `id` is checked (the caller polls with it).
 */
export const GlaucaOrderSchema = z.looseObject({
  id: Id,
  /** Kept as a string: an unknown state maps to "pending" rather than failing the call. */
  state: z.string(),
  redirect_uri: z.string().nullish(),
  last_error: z.string().nullish(),
  /** Orders carry the price as a JSON number (GBP; docs/providers/glauca.md#money). */
  price: z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)]).nullish(),
  timestamp: isoDateTime.nullish(),
  domain: z.string().min(1),
  /** Registration/transfer: the id the domain gets. Use this, not `domain_obj` (see README). */
  domain_id: z.string().nullish(),
  domain_obj: z.string().nullish(),
});
export type GlaucaOrder = z.infer<typeof GlaucaOrderSchema>;

// ---------------------------------------------------------------------------------------------
// Contacts and contact addresses (docs/providers/glauca.md#contacts)

export const GlaucaContactAddressSchema = z.looseObject({
  id: Id,
  description: z.string().nullish(),
  name: z.string(),
  organisation: z.string().nullish(),
  street_1: z.string(),
  street_2: z.string().nullish(),
  street_3: z.string().nullish(),
  city: z.string(),
  province: z.string().nullish(),
  postal_code: z.string().nullish(),
  country_code: z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code'),
});
export type GlaucaContactAddress = z.infer<typeof GlaucaContactAddressSchema>;

export const GlaucaContactSchema = z.looseObject({
  id: Id,
  description: z.string().nullish(),
  local_address: Id,
  int_address: z.string().nullish(),
  /** E.164 (`+442071234567`). */
  phone: z.string().nullish(),
  email: z.string(),
  entity_type: z.string().nullish(),
});
export type GlaucaContact = z.infer<typeof GlaucaContactSchema>;

export const GlaucaContactPageSchema = drfPage(GlaucaContactSchema);
export const GlaucaContactAddressPageSchema = drfPage(GlaucaContactAddressSchema);

// ---------------------------------------------------------------------------------------------
// HexDNS

const recordBase = {
  id: Id,
  zone: Id,
  record_name: z.string(),
  ttl: z.number().int(),
};

export const HexAddressRecordSchema = z.looseObject({ ...recordBase, address: z.string() });
export const HexAliasRecordSchema = z.looseObject({ ...recordBase, alias: z.string() });
export const HexMxRecordSchema = z.looseObject({
  ...recordBase,
  exchange: z.string(),
  priority: z.number().int(),
});
export const HexNsRecordSchema = z.looseObject({ ...recordBase, nameserver: z.string() });
export const HexTxtRecordSchema = z.looseObject({ ...recordBase, data: z.string() });
export const HexSrvRecordSchema = z.looseObject({
  ...recordBase,
  priority: z.number().int(),
  weight: z.number().int(),
  port: z.number().int(),
  target: z.string(),
});
export const HexCaaRecordSchema = z.looseObject({
  ...recordBase,
  flag: z.number().int(),
  tag: z.string(),
  value: z.string(),
});

export type HexAddressRecord = z.infer<typeof HexAddressRecordSchema>;
export type HexAliasRecord = z.infer<typeof HexAliasRecordSchema>;
export type HexMxRecord = z.infer<typeof HexMxRecordSchema>;
export type HexNsRecord = z.infer<typeof HexNsRecordSchema>;
export type HexTxtRecord = z.infer<typeof HexTxtRecordSchema>;
export type HexSrvRecord = z.infer<typeof HexSrvRecordSchema>;
export type HexCaaRecord = z.infer<typeof HexCaaRecordSchema>;
export type HexRecord =
  | HexAddressRecord
  | HexAliasRecord
  | HexMxRecord
  | HexNsRecord
  | HexTxtRecord
  | HexSrvRecord
  | HexCaaRecord;

/** A zone summary as the adapter needs it to find a zone by name (records are not parsed here). */
export const HexZoneSummarySchema = z.looseObject({
  id: Id,
  zone_root: DomainName,
});

/** DRF LimitOffsetPagination envelope (docs/providers/glauca.md#pagination). */
export function drfPage<T extends z.ZodType>(item: T) {
  return z.looseObject({
    count: z.number().int().nonnegative(),
    next: z.string().nullish(),
    results: z.array(item),
  });
}

export const HexZonePageSchema = drfPage(HexZoneSummarySchema);

/** A zone with its embedded record arrays (the types the model has; others are left out). */
export const HexZoneSchema = z.looseObject({
  id: Id,
  zone_root: DomainName,
  address_records: z.array(HexAddressRecordSchema).default([]),
  aname_records: z.array(HexAliasRecordSchema).default([]),
  cname_records: z.array(HexAliasRecordSchema).default([]),
  mx_records: z.array(HexMxRecordSchema).default([]),
  ns_records: z.array(HexNsRecordSchema).default([]),
  txt_records: z.array(HexTxtRecordSchema).default([]),
  srv_records: z.array(HexSrvRecordSchema).default([]),
  caa_records: z.array(HexCaaRecordSchema).default([]),
});
export type HexZone = z.infer<typeof HexZoneSchema>;
