import { z } from 'zod';
import { isRegistrarError, type RegistrarError } from '../errors/registrar-error.js';
import { DnsRecordInputSchema, DnsRecordSchema } from './dns-record.js';

/** Result of `createRecords`: what was created and, per failed input, why. */
export const BulkResultSchema = z.object({
  created: z.array(DnsRecordSchema),
  errors: z.array(
    z.object({
      input: DnsRecordInputSchema,
      error: z.custom<RegistrarError>(isRegistrarError, 'expected a RegistrarError'),
    }),
  ),
});
export type BulkResult = z.infer<typeof BulkResultSchema>;
