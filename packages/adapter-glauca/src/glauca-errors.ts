/**
 * Glauca / HexDNS error bodies (Django REST Framework, glauca.md §5) and the one `parseError` the
 * transport uses for both APIs:
 * - `{"detail": "..."}` (403, 404, 402 `billing_error`, 409 `object_exists`, 400 `unsupported` /
 *   `invalid_zone`, 500 registry failure);
 * - a field map `{"field": ["msg"], "nested": {"sub": ["msg"]}, "list": [{...}, {}]}` (400);
 * - a bare list `["Admin contact required"]` (400 from a save-time ValidationError).
 * A 403 whose detail is `Invalid token` means the credential itself is bad → AuthenticationError.
 */
import type { ProviderErrorDetails, ValidationIssue } from '@registrar-kit/core';
import { z } from 'zod';

type FieldErrors = string | FieldErrors[] | { [key: string]: FieldErrors };

const FieldErrorsSchema: z.ZodType<FieldErrors> = z.lazy(() =>
  z.union([z.string(), z.array(FieldErrorsSchema), z.record(z.string(), FieldErrorsSchema)]),
);

export const GlaucaErrorBodySchema = z.union([
  z.looseObject({ detail: z.string() }),
  z.array(FieldErrorsSchema),
  z.record(z.string(), FieldErrorsSchema),
]);

/** DRF `detail` texts of the exception classes the Glauca code defines, and their codes. */
const DETAIL_CODES: Record<string, string> = {
  'Error billing account': 'billing_error',
  'Object already exists': 'object_exists',
  'Unsupported by the registry': 'unsupported',
  'Zone not a publicly registrable domain': 'invalid_zone',
  'Same or more generic zone already exists': 'invalid_zone',
};

export const INVALID_TOKEN_DETAIL = 'Invalid token';

/** Flattens a DRF error structure into issues with dotted paths (`period.unit`, `name_servers.0.host_object`). */
export function flattenFieldErrors(value: FieldErrors, path = ''): ValidationIssue[] {
  if (typeof value === 'string') return [{ path, message: value }];
  if (Array.isArray(value)) {
    // A list of strings is the messages of one field; a list of objects is one entry per list item.
    return value.flatMap((item, index) =>
      typeof item === 'string'
        ? [{ path, message: item }]
        : flattenFieldErrors(item, join(path, String(index))),
    );
  }
  return Object.entries(value).flatMap(([key, item]) =>
    flattenFieldErrors(item, key === 'non_field_errors' ? path : join(path, key)),
  );
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** The transport's `parseError` for Glauca and HexDNS. */
export function parseGlaucaError(body: unknown, status: number): ProviderErrorDetails {
  const parsed = GlaucaErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const data = parsed.data;
  if (!Array.isArray(data) && typeof data.detail === 'string') {
    const detail = data.detail;
    const code = DETAIL_CODES[detail];
    return {
      message: detail,
      ...(code ? { code } : {}),
      ...(status === 400 || status === 422 ? { issues: [{ path: '', message: detail }] } : {}),
      invalidCredential: status === 403 && detail === INVALID_TOKEN_DETAIL,
    };
  }
  const issues = flattenFieldErrors(data as FieldErrors);
  const message = issues
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
  return { ...(message ? { message } : {}), issues };
}
