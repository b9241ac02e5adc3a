/**
 * Error bodies (docs/providers/domainr.md#errors): Domainr v2 sends `{"message": "…"}`; Fastly APIs commonly send
 * `{"msg": "…", "detail": "…"}` (not documented for Domain Research); the undocumented v2
 * `{"errors": [{code, message, detail}]}` form is read too. The transport turns the status into
 * the error class and redacts the credential it sent (Domainr's 401 repeats the client id).
 */
import type { ProviderErrorDetails } from '@registrar-kit/core';
import { z } from 'zod';

export const DomainrErrorBodySchema = z
  .object({
    message: z.string().optional(),
    msg: z.string().optional(),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ message: z.string().optional(), detail: z.string().optional() }).passthrough())
      .optional(),
  })
  .passthrough();

function joined(head: string | undefined, detail: string | undefined): string | undefined {
  if (head && detail && head !== detail) return `${head}: ${detail}`;
  return head ?? detail;
}

/** The message of a Domainr or Fastly error body, for the transport's `parseError`. */
export function parseDomainrError(body: unknown): ProviderErrorDetails {
  const parsed = DomainrErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const { message, msg, detail, errors } = parsed.data;
  const first = errors?.[0];
  const text = message ?? joined(msg, detail) ?? (first ? joined(first.message, first.detail) : undefined);
  return text ? { message: text } : {};
}
