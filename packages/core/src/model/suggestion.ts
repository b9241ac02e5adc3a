import { z } from 'zod';

export const DomainSuggestionSchema = z.object({
  domain: z.string(),
  zone: z.string(),
  registerUrl: z.string().nullable(),
});
export type DomainSuggestion = z.infer<typeof DomainSuggestionSchema>;
