import { z } from 'zod';
import { ProviderIdSchema } from './provider-id.js';

/** A DNS zone at a DNS host: the hosting side of a domain. */
export const ZoneSchema = z.object({
  provider: ProviderIdSchema,
  id: z.string(),
  /** ASCII, lower-case, no trailing dot. */
  name: z.string(),
  /** The nameservers to delegate the domain to (null: the host does not say). */
  nameservers: z.array(z.string()).nullable(),
});
export type Zone = z.infer<typeof ZoneSchema>;
