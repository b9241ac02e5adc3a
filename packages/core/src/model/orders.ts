import { z } from 'zod';
import { MoneySchema } from './money.js';
import { ProviderIdSchema } from './provider-id.js';

export const TRANSFER_STATUSES = ['pending', 'in_progress', 'completed', 'failed', 'cancelled'] as const;
export const TransferStatusSchema = z.enum(TRANSFER_STATUSES);
export type TransferStatus = z.infer<typeof TransferStatusSchema>;

export const TransferSchema = z.object({
  provider: ProviderIdSchema,
  id: z.string(),
  domain: z.string(),
  status: TransferStatusSchema,
  domainId: z.string().nullable(),
  startedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  estimatedCompletion: z.date().nullable(),
  cost: MoneySchema.nullable(),
  raw: z.unknown(),
});
export type Transfer = z.infer<typeof TransferSchema>;

export const REGISTRATION_STATUSES = ['pending', 'completed', 'failed'] as const;
export const RegistrationStatusSchema = z.enum(REGISTRATION_STATUSES);
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>;

/** A registration order. */
export const RegistrationSchema = z.object({
  provider: ProviderIdSchema,
  id: z.string(),
  domain: z.string(),
  status: RegistrationStatusSchema,
  cost: MoneySchema.nullable(),
  raw: z.unknown(),
});
export type Registration = z.infer<typeof RegistrationSchema>;

export const RenewResultSchema = z.object({
  provider: ProviderIdSchema,
  domain: z.string(),
  status: z.enum(['pending', 'completed']),
  expiresAt: z.date().nullable(),
  cost: MoneySchema.nullable(),
  raw: z.unknown(),
});
export type RenewResult = z.infer<typeof RenewResultSchema>;
