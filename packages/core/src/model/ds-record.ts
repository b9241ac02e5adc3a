import { z } from 'zod';

/** A DS record (delegation signer), or DNSKEY data when `publicKey` is set (Glauca `key_data`). */
export const DsRecordSchema = z.object({
  keyTag: z.number().int().min(0).max(65535),
  algorithm: z.number().int().min(0).max(255),
  digestType: z.number().int().min(0).max(255),
  /** Hex string, upper- or lower-case as the provider sends it. Empty for key data. */
  digest: z.string(),
  publicKey: z.string().optional(),
  flags: z.number().int().min(0).max(65535).optional(),
  protocol: z.number().int().min(0).max(255).optional(),
});
export type DsRecord = z.infer<typeof DsRecordSchema>;
