import type { ValidationIssue } from '../errors/registrar-error.js';

/** The longest timer Node keeps (a larger `setTimeout` delay fires at once). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

const positiveInteger = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 1;
const isSignal = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as AbortSignal).aborted === 'boolean' &&
  typeof (value as AbortSignal).addEventListener === 'function';

/** What is wrong with each `ListOptions` value (`CallOptions` included); empty when all are valid. */
export function listOptionIssues(opts: unknown): ValidationIssue[] {
  if (opts === undefined) return [];
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts))
    return [{ path: '(options)', message: 'must be an object of list options' }];
  const o = opts as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (o.concurrency !== undefined && !positiveInteger(o.concurrency))
    issues.push({ path: 'concurrency', message: 'must be a positive integer' });
  if (o.pageSize !== undefined && !positiveInteger(o.pageSize))
    issues.push({ path: 'pageSize', message: 'must be a positive integer' });
  if (
    o.timeoutMs !== undefined &&
    !(typeof o.timeoutMs === 'number' && o.timeoutMs > 0 && o.timeoutMs <= MAX_TIMEOUT_MS)
  )
    issues.push({ path: 'timeoutMs', message: `must be a number of ms above 0, at most ${MAX_TIMEOUT_MS}` });
  if (o.signal !== undefined && !isSignal(o.signal))
    issues.push({ path: 'signal', message: 'must be an AbortSignal' });
  if (o.idempotencyKey !== undefined && !(typeof o.idempotencyKey === 'string' && o.idempotencyKey !== ''))
    issues.push({ path: 'idempotencyKey', message: 'must be a non-empty string' });
  if (o.owner !== undefined && !(typeof o.owner === 'string' && o.owner.trim() !== ''))
    issues.push({ path: 'owner', message: 'must be a non-empty string' });
  return issues;
}
