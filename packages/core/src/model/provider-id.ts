import { z } from 'zod';

export const PROVIDER_IDS = ['pocketdns', 'glauca', 'dnsimple', 'domainr'] as const;
export const ProviderIdSchema = z.enum(PROVIDER_IDS);
export type ProviderId = z.infer<typeof ProviderIdSchema>;
