import { z } from 'zod';
import { ContactInputSchema } from './contact.js';
import { MoneyInputSchema } from './money.js';

/** Resolved provider contact ids per role (what a provider's order call takes). */
export const ContactIdsSchema = z
  .object({
    registrant: z.string().optional(),
    admin: z.string().optional(),
    tech: z.string().optional(),
    billing: z.string().optional(),
  })
  .strict();
export type ContactIds = z.infer<typeof ContactIdsSchema>;

/** A contact given to an order: the provider's contact id, or the contact itself. */
export const ContactRefSchema = z.union([z.string().min(1), ContactInputSchema]);
export type ContactRef = z.input<typeof ContactRefSchema>;

/** The contacts of an order per role, each an id or a `ContactInput` (DESIGN.md, Contract v2). */
export const ContactRefsSchema = z
  .object({
    registrant: ContactRefSchema.optional(),
    admin: ContactRefSchema.optional(),
    tech: ContactRefSchema.optional(),
    billing: ContactRefSchema.optional(),
  })
  .strict();
export type ContactRefs = z.input<typeof ContactRefsSchema>;
export type ParsedContactRefs = z.output<typeof ContactRefsSchema>;

/** Registry-specific fields of a TLD (`us_nexus_category: "C11"`), checked against `getTldRequirements`. */
export const ExtendedAttributesSchema = z.record(z.string().min(1), z.string());

export const RegisterInputSchema = z
  .object({
    domain: z.string(),
    years: z.number().int().min(1).max(10).default(1),
    contacts: ContactRefsSchema.optional(),
    autoRenew: z.boolean().optional(),
    whoisPrivacy: z.boolean().optional(),
    nameservers: z.array(z.string()).optional(),
    /** Required by providers that ask the buyer to confirm a premium price. */
    premiumPrice: MoneyInputSchema.optional(),
    /** Refuse (nothing sent) when the price to pay is above this, or in another currency. */
    maxPrice: MoneyInputSchema.optional(),
    extendedAttributes: ExtendedAttributesSchema.optional(),
  })
  .strict();
export type RegisterInput = z.input<typeof RegisterInputSchema>;

export const TransferInputSchema = z
  .object({
    domain: z.string(),
    authCode: z.string().min(1),
    years: z.number().int().min(1).max(10).optional(),
    contacts: ContactRefsSchema.optional(),
    extendRegistration: z.boolean().optional(),
    owner: z.string().optional(),
    premiumPrice: MoneyInputSchema.optional(),
    maxPrice: MoneyInputSchema.optional(),
    extendedAttributes: ExtendedAttributesSchema.optional(),
  })
  .strict();
export type TransferInput = z.input<typeof TransferInputSchema>;

export const RenewInputSchema = z
  .object({
    years: z.number().int().min(1).max(10),
    premiumPrice: MoneyInputSchema.optional(),
    maxPrice: MoneyInputSchema.optional(),
  })
  .strict();
export type RenewInput = z.input<typeof RenewInputSchema>;
