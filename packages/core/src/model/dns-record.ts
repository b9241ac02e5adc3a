import { z } from 'zod';
import { ProviderIdSchema } from './provider-id.js';

export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'NS', 'CAA', 'ALIAS'] as const;
export const RecordTypeSchema = z.enum(RECORD_TYPES);
export type RecordType = z.infer<typeof RecordTypeSchema>;

export const DnsRecordSchema = z.object({
  provider: ProviderIdSchema,
  id: z.string(),
  /** The zone, ASCII. */
  domain: z.string(),
  /** Relative to the zone, lower-case, `@` for the apex. */
  name: z.string(),
  fqdn: z.string(),
  type: RecordTypeSchema,
  /** Canonical content (see DESIGN.md: IPs canonical, hosts lower-case without dot, TXT unquoted, SRV `weight port target`, CAA `flags tag "value"`). */
  content: z.string(),
  ttl: z.number().int(),
  priority: z.number().int().nullable(),
  createdAt: z.date().nullable(),
  updatedAt: z.date().nullable(),
  raw: z.unknown(),
});
export type DnsRecord = z.infer<typeof DnsRecordSchema>;

export const DnsRecordInputSchema = z.object({
  type: RecordTypeSchema,
  name: z.string(),
  content: z.string(),
  ttl: z.number().int().optional(),
  priority: z.number().int().nullable().optional(),
});
export type DnsRecordInput = z.infer<typeof DnsRecordInputSchema>;

export const DnsRecordPatchSchema = z
  .object({
    name: z.string().optional(),
    content: z.string().optional(),
    ttl: z.number().int().optional(),
    priority: z.number().int().nullable().optional(),
  })
  .strict();
export type DnsRecordPatch = z.infer<typeof DnsRecordPatchSchema>;
