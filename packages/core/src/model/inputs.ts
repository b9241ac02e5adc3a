import { z } from 'zod';
import { MoneyInputSchema } from './money.js';

export const ContactIdsSchema = z
  .object({
    registrant: z.string().optional(),
    admin: z.string().optional(),
    tech: z.string().optional(),
    billing: z.string().optional(),
  })
  .strict();
export type ContactIds = z.infer<typeof ContactIdsSchema>;

export const RegisterInputSchema = z
  .object({
    domain: z.string(),
    years: z.number().int().min(1).max(10).default(1),
    /** Provider contact ids. */
    contacts: ContactIdsSchema.optional(),
    autoRenew: z.boolean().optional(),
    whoisPrivacy: z.boolean().optional(),
    nameservers: z.array(z.string()).optional(),
    /** Required by providers that ask the buyer to confirm a premium price. */
    premiumPrice: MoneyInputSchema.optional(),
  })
  .strict();
export type RegisterInput = z.input<typeof RegisterInputSchema>;

export const TransferInputSchema = z
  .object({
    domain: z.string(),
    authCode: z.string().min(1),
    years: z.number().int().min(1).max(10).optional(),
    contacts: ContactIdsSchema.optional(),
    extendRegistration: z.boolean().optional(),
    owner: z.string().optional(),
  })
  .strict();
export type TransferInput = z.input<typeof TransferInputSchema>;

export const RenewInputSchema = z.object({ years: z.number().int().min(1).max(10) }).strict();
export type RenewInput = z.input<typeof RenewInputSchema>;
