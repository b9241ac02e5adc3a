import { z } from 'zod';
import { MoneySchema } from './money.js';
import { ProviderIdSchema } from './provider-id.js';

export const PRICE_OPERATIONS = ['register', 'renew', 'transfer', 'restore'] as const;
export const PriceOperationSchema = z.enum(PRICE_OPERATIONS);
export type PriceOperation = z.infer<typeof PriceOperationSchema>;

export const PriceQuoteSchema = z.object({
  provider: ProviderIdSchema,
  domain: z.string(),
  operation: PriceOperationSchema,
  years: z.number().int(),
  price: MoneySchema,
  premium: z.boolean(),
  available: z.boolean().nullable(),
  /** One further year after the quoted term, where the provider says (null: it does not). */
  renewalPrice: MoneySchema.nullable(),
});
export type PriceQuote = z.infer<typeof PriceQuoteSchema>;

export const TldPriceSchema = z.object({
  provider: ProviderIdSchema,
  /** No leading dot: `com`, `co.uk`. */
  tld: z.string(),
  register: MoneySchema.nullable(),
  renew: MoneySchema.nullable(),
  transfer: MoneySchema.nullable(),
  restore: MoneySchema.nullable(),
});
export type TldPrice = z.infer<typeof TldPriceSchema>;
