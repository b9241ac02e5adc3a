import { z } from 'zod';
import { DsRecordSchema } from './ds-record.js';
import { ProviderIdSchema } from './provider-id.js';

export const DOMAIN_STATUSES = [
  'active',
  'pending',
  'expired',
  'suspended',
  'redemption',
  'pending_delete',
  'transferring',
  'hosted',
  'unknown',
] as const;
export const DomainStatusSchema = z.enum(DOMAIN_STATUSES);
export type DomainStatus = z.infer<typeof DomainStatusSchema>;

export const DomainSchema = z.object({
  provider: ProviderIdSchema,
  id: z.string(),
  /** ASCII (punycode), lower-case, no trailing dot. */
  name: z.string(),
  unicodeName: z.string(),
  status: DomainStatusSchema,
  /** The provider's raw status values (EPP statuses, states). */
  providerStatus: z.array(z.string()),
  owner: z.string().nullable(),
  createdAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  updatedAt: z.date().nullable(),
  /** null: the provider does not say. */
  autoRenew: z.boolean().nullable(),
  whoisPrivacy: z.boolean().nullable(),
  transferLock: z.boolean().nullable(),
  nameservers: z.array(z.string()).nullable(),
  dsRecords: z.array(DsRecordSchema).nullable(),
  raw: z.unknown(),
});
export type Domain = z.infer<typeof DomainSchema>;

export const DomainPatchSchema = z
  .object({
    autoRenew: z.boolean().optional(),
    whoisPrivacy: z.boolean().optional(),
    transferLock: z.boolean().optional(),
    nameservers: z.array(z.string()).optional(),
  })
  .strict();
export type DomainPatch = z.infer<typeof DomainPatchSchema>;
