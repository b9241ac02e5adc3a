/**
 * DNSimple error bodies (docs/providers/dnsimple.md#errors) and the one `parseError` the transport calls. Shapes seen:
 * `{message}`, `{message, errors: {field: string[] | string}}`, the batch endpoint's
 * `{message, errors: {creates|updates|deletes: [{index, message, errors?}]}}`, and the research
 * endpoint's `{data: {errors: string[]}}` without a message. Non-JSON bodies (HTML 502, empty 405)
 * never reach this function: the transport classifies them by status alone.
 */
import type { ProviderErrorDetails, ValidationIssue } from '@registrar-kit/core';
import { z } from 'zod';

const FieldMessages = z.union([z.array(z.string()), z.string()]);

export const BatchItemErrorSchema = z
  .object({
    index: z.number().int().nonnegative(),
    message: z.string().optional(),
    errors: z.record(z.string(), FieldMessages).optional(),
  })
  .passthrough();
export type DnsimpleBatchItemError = z.infer<typeof BatchItemErrorSchema>;

export const DnsimpleErrorBodySchema = z
  .object({
    message: z.string().optional(),
    errors: z.record(z.string(), z.unknown()).optional(),
    data: z
      .object({ errors: z.array(z.string()).optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();

/** Error codes the adapter sets for statuses core has no class of its own for. */
const STATUS_CODES: Record<number, string> = {
  405: 'method_not_allowed',
  406: 'ownership_verification_required',
  410: 'gone',
  412: 'plan_feature_required',
  428: 'precondition_required',
};

/** `{field: [messages]}` or `{field: message}` → issues; `base` stands for the whole object (path ''). */
export function fieldIssues(errors: Record<string, unknown>, prefix = ''): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [field, value] of Object.entries(errors)) {
    const path = field === 'base' ? prefix.replace(/\.$/, '') : `${prefix}${field}`;
    const parsed = FieldMessages.safeParse(value);
    if (parsed.success) {
      for (const message of Array.isArray(parsed.data) ? parsed.data : [parsed.data])
        issues.push({ path, message });
      continue;
    }
    const items = z.array(BatchItemErrorSchema).safeParse(value);
    if (items.success) {
      for (const item of items.data) {
        const itemPrefix = `${field}.${item.index}.`;
        if (item.errors && Object.keys(item.errors).length > 0)
          issues.push(...fieldIssues(item.errors, itemPrefix));
        else issues.push({ path: `${field}.${item.index}`, message: item.message ?? 'failed' });
      }
    }
  }
  return issues;
}

/** The transport's `parseError`: message, issues and a code for the DNSimple-specific statuses. */
export function parseDnsimpleError(body: unknown, status: number): ProviderErrorDetails {
  const parsed = DnsimpleErrorBodySchema.safeParse(body);
  const code = STATUS_CODES[status];
  if (!parsed.success) return code ? { code } : {};
  const { message, errors, data } = parsed.data;
  const issues = errors ? fieldIssues(errors) : [];
  for (const text of data?.errors ?? []) issues.push({ path: '', message: text });
  const summary =
    issues.length > 0 ? issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ') : '';
  return {
    ...(message || summary
      ? { message: message && summary ? `${message} (${summary})` : message || summary }
      : {}),
    ...(issues.length > 0 ? { issues } : {}),
    ...(code ? { code } : {}),
  };
}

/** The batch endpoint's per-item errors of one list (`creates`), from a 400 body. */
export function batchItemErrors(
  body: unknown,
  list: 'creates' | 'updates' | 'deletes',
): DnsimpleBatchItemError[] | null {
  const parsed = DnsimpleErrorBodySchema.safeParse(body);
  if (!parsed.success || !parsed.data.errors) return null;
  const items = z.array(BatchItemErrorSchema).safeParse(parsed.data.errors[list]);
  return items.success ? items.data : null;
}
