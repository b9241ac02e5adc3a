import { z } from 'zod';
import { ProviderIdSchema } from './provider-id.js';

/** An extra field a registry requires or allows for a TLD (`us_nexus_category`, `eu_country`). */
export const ExtendedAttributeSchema = z.object({
  name: z.string(),
  required: z.boolean(),
  description: z.string().nullable(),
  /** The accepted values, when the registry restricts them (empty: free text). */
  options: z.array(z.object({ value: z.string(), title: z.string().nullable() })),
});
export type ExtendedAttribute = z.infer<typeof ExtendedAttributeSchema>;

export const TldRequirementsSchema = z.object({
  provider: ProviderIdSchema,
  /** No leading dot: `com`, `co.uk`. */
  tld: z.string(),
  minYears: z.number().int(),
  maxYears: z.number().int(),
  /** Whether WHOIS privacy is offered for the TLD (null: the provider does not say). */
  whoisPrivacy: z.boolean().nullable(),
  /** The TLD renews automatically only (no explicit renewal). */
  autoRenewOnly: z.boolean().nullable(),
  extendedAttributes: z.array(ExtendedAttributeSchema),
  raw: z.unknown(),
});
export type TldRequirements = z.infer<typeof TldRequirementsSchema>;
