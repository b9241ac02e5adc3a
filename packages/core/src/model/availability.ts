import { z } from 'zod';
import { MoneySchema } from './money.js';
import { ProviderIdSchema } from './provider-id.js';

export const AVAILABILITY_STATUSES = [
  'available',
  'registered',
  'premium',
  'reserved',
  'unregistrable',
  'invalid',
  'unknown',
] as const;
export const AvailabilityStatusSchema = z.enum(AVAILABILITY_STATUSES);
export type AvailabilityStatus = z.infer<typeof AvailabilityStatusSchema>;

/** A premium name that can be bought is `available: true, premium: true, status: 'premium'`. */
export const AvailabilitySchema = z.object({
  provider: ProviderIdSchema,
  domain: z.string(),
  available: z.boolean(),
  status: AvailabilityStatusSchema,
  premium: z.boolean(),
  /** One-year registration price when known. */
  price: MoneySchema.nullable(),
  reason: z.string().nullable(),
  suggestions: z.array(z.string()),
  providerStatus: z.array(z.string()),
  raw: z.unknown(),
});
export type Availability = z.infer<typeof AvailabilitySchema>;
