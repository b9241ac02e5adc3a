import { z } from 'zod';
import { ProviderIdSchema } from './provider-id.js';

/**
 * A domain's transfer authorisation code. `returned`: the API gave it (`authCode` set); `emailed`:
 * the provider sent it to the registrant and the API never shows it (`authCode` null).
 */
export const AuthCodeSchema = z.object({
  provider: ProviderIdSchema,
  domain: z.string(),
  authCode: z.string().nullable(),
  delivery: z.enum(['returned', 'emailed']),
});
export type AuthCode = z.infer<typeof AuthCodeSchema>;
