/**
 * zod schemas of the Porkbun API v3 payloads the adapter reads (docs/providers/porkbun.md). Porkbun's
 * answers mix types (docs/providers/porkbun.md#data-formats): flags as 0/1 or "0"/"1", ids and TTLs
 * as strings or numbers, empty maps as `[]`, so the schemas accept each documented form and the
 * mappers normalise. Unknown fields are kept (minor versions only add fields).
 */
import { ProviderDomainNameSchema, ProviderZoneSchema } from '@registrar-kit/core';
import { z } from 'zod';

/** A flag as Porkbun sends it: 1/0, "1"/"0", "yes"/"no", true/false. */
export const FlagSchema = z.union([z.number(), z.string(), z.boolean()]);
/** A whole number sent as a number or a numeric string. */
export const IntegerLikeSchema = z.union([
  z.number().int(),
  z.string().regex(/^-?\d+$/, 'expected a whole number'),
]);
/** A USD amount as a decimal string (`"9.73"`); a number is tolerated. */
export const PriceSchema = z.union([
  z.string().regex(/^\d+(\.\d+)?$/, 'expected a decimal amount such as "9.73"'),
  z.number().nonnegative(),
]);
/** `"YYYY-MM-DD HH:MM:SS"` (zone-less, UTC), `"YYYY-MM-DD"` or ISO 8601. */
export const DateTextSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, 'expected a date');

const success = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ status: z.literal('SUCCESS'), ...shape }).passthrough();

export const BasicSuccessSchema = success({});

export const DomainItemSchema = z
  .object({
    domain: ProviderDomainNameSchema,
    status: z.string().nullish(),
    tld: z.string().nullish(),
    createDate: DateTextSchema.nullish(),
    expireDate: DateTextSchema.nullish(),
    securityLock: FlagSchema.nullish(),
    whoisPrivacy: FlagSchema.nullish(),
    autoRenew: FlagSchema.nullish(),
    apiAccess: FlagSchema.nullish(),
    notLocal: FlagSchema.nullish(),
  })
  .passthrough();
export type PorkbunDomainItem = z.infer<typeof DomainItemSchema>;

export const ListAllSchema = success({
  count: IntegerLikeSchema.optional(),
  domains: z.array(DomainItemSchema).nullish(),
});
export const GetDomainSchema = success({ domain: DomainItemSchema });
export const NameserversSchema = success({ ns: z.array(z.string()).nullish() });
export const AutoRenewSchema = success({
  results: z
    .union([
      z.record(z.string(), z.object({ status: z.string(), message: z.string().nullish() }).passthrough()),
      z.array(z.unknown()).length(0),
    ])
    .nullish(),
});

export const PricingSchema = success({
  pricing: z.record(
    ProviderZoneSchema,
    z
      .object({
        registration: PriceSchema.nullish(),
        renewal: PriceSchema.nullish(),
        transfer: PriceSchema.nullish(),
      })
      .passthrough(),
  ),
});

const PricePairSchema = z.object({ price: PriceSchema, regularPrice: PriceSchema.nullish() }).passthrough();
export const CheckDomainSchema = success({
  response: z
    .object({
      avail: FlagSchema,
      price: PriceSchema,
      premium: FlagSchema.nullish(),
      firstYearPromo: FlagSchema.nullish(),
      regularPrice: PriceSchema.nullish(),
      minDuration: IntegerLikeSchema.nullish(),
      additional: z
        .object({ renewal: PricePairSchema.nullish(), transfer: PricePairSchema.nullish() })
        .passthrough()
        .nullish(),
    })
    .passthrough(),
});
export type PorkbunCheck = z.infer<typeof CheckDomainSchema>['response'];

export const RequirementsSchema = success({
  tld: z.string().nullish(),
  apiRegisterable: FlagSchema.nullish(),
  registrationDurationYears: IntegerLikeSchema,
  maxRegistrationYears: IntegerLikeSchema.nullish(),
  whoisPrivacySupported: FlagSchema.nullish(),
  notApiRegisterableReason: z.string().nullish(),
  registryRequirements: z.unknown().optional(),
});
export type PorkbunRequirements = z.infer<typeof RequirementsSchema>;

/**
 * The answer to a charged order: read leniently (every field optional), since a charge already
 * happened and must resolve (DESIGN.md, "Promises every adapter keeps").
 */
export const OrderSchema = success({
  domain: z.unknown().optional(),
  cost: z.unknown().optional(),
  orderId: z.unknown().optional(),
  transferId: z.unknown().optional(),
  expirationDate: z.unknown().optional(),
  balance: z.unknown().optional(),
});

export const TransferItemSchema = z
  .object({
    domain: ProviderDomainNameSchema,
    status: z.string(),
    statusDescription: z.string().nullish(),
    transferDate: DateTextSchema.nullish(),
    orderId: IntegerLikeSchema.nullish(),
  })
  .passthrough();
export type PorkbunTransferItem = z.infer<typeof TransferItemSchema>;
export const GetTransferSchema = success({ transfer: TransferItemSchema });

export const RecordSchema = z
  .object({
    id: IntegerLikeSchema,
    name: z.string(),
    type: z.string(),
    content: z.string(),
    ttl: IntegerLikeSchema.nullish(),
    prio: IntegerLikeSchema.nullish().or(z.literal('')),
    notes: z.string().nullish(),
  })
  .passthrough();
export type PorkbunRecord = z.infer<typeof RecordSchema>;
export const RecordsSchema = success({ records: z.array(RecordSchema) });
/** `/dns/create`: the new id as a string (spec) or a number (recorded); an object is a refusal (before 3.20). */
export const CreatedRecordSchema = success({ id: IntegerLikeSchema });
export const ImportSchema = success({
  created: IntegerLikeSchema.nullish(),
  skipped: IntegerLikeSchema.nullish(),
  failed: IntegerLikeSchema.nullish(),
  failures: z.array(z.unknown()).nullish(),
});

export const DnssecItemSchema = z
  .object({
    keyTag: IntegerLikeSchema,
    alg: IntegerLikeSchema,
    digestType: IntegerLikeSchema,
    digest: z.string().nullish(),
  })
  .passthrough();
export type PorkbunDnssecItem = z.infer<typeof DnssecItemSchema>;
/** An object keyed by key tag; empty as `[]` or `null`. */
export const DnssecSchema = success({
  records: z.union([z.record(z.string(), DnssecItemSchema), z.array(z.unknown()).length(0), z.null()]),
});

const ContactSchema = z
  .object({
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    organization: z.string().nullish(),
    address1: z.string().nullish(),
    address2: z.string().nullish(),
    city: z.string().nullish(),
    state: z.string().nullish(),
    postalCode: z.string().nullish(),
    country: z.string().nullish(),
    phone: z.string().nullish(),
    phoneCountryCode: z.string().nullish(),
    email: z.string().nullish(),
  })
  .passthrough();
export type PorkbunContact = z.infer<typeof ContactSchema>;
export const ContactsSchema = success({
  contacts: z
    .object({
      registrant: ContactSchema.nullish(),
      admin: ContactSchema.nullish(),
      tech: ContactSchema.nullish(),
      billing: ContactSchema.nullish(),
    })
    .passthrough(),
});
