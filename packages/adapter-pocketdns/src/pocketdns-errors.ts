/**
 * PocketDNS's error body `{ error, message, details }` and the one `parseError` the
 * transport calls (docs/providers/pocketdns.md#errors). The status decides the class (the docs'
 * "Common Error Codes" tables: 400/422 ValidationError, 401 AuthenticationError, 403 PermissionError,
 * 404 NotFoundError, 409 ConflictError, 429 RateLimitError, 500 ProviderError); the body gives the
 * message (with PocketDNS's code) and, from `details`, the issues.
 */
import type { ProviderErrorDetails, ValidationIssue } from '@registrar-kit/core';
import { z } from 'zod';

export const PocketDnsErrorBodySchema = z
  .object({
    error: z.string().nullish(),
    message: z.string().nullish(),
    details: z.record(z.string(), z.unknown()).nullish(),
  })
  .passthrough();
export type PocketDnsErrorBody = z.infer<typeof PocketDnsErrorBodySchema>;

/** `details` is undocumented beyond "an object": `{ field: "message" }` or `{ field: ["message"] }` become issues. */
function detailIssues(details: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [path, value] of Object.entries(details)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === undefined || item === null) continue;
      issues.push({ path, message: typeof item === 'string' ? item : JSON.stringify(item) });
    }
  }
  return issues;
}

/** Message and issues from a PocketDNS error body (anything else: nothing, the status alone decides). */
export function parsePocketDnsError(body: unknown, status: number): ProviderErrorDetails {
  const parsed = PocketDnsErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const { error, message, details } = parsed.data;
  const text = message && error ? `${message} (${error})` : (message ?? error ?? undefined);
  const issues = details ? detailIssues(details) : [];
  if (issues.length === 0 && (status === 400 || status === 422) && message)
    issues.push({ path: '', message });
  return { ...(text ? { message: text } : {}), ...(issues.length > 0 ? { issues } : {}) };
}
