/**
 * Input checking for adapters: a zod schema parses the caller's input, and every issue becomes one
 * `ValidationError` naming provider and operation, before anything is sent.
 */
import type { z } from 'zod';
import { ValidationError } from '../errors/error-classes.js';
import type { ValidationIssue } from '../errors/registrar-error.js';

export interface ErrorContext {
  provider: string;
  operation: string;
}

/** zod issues → the model's issues (dotted paths, '' for the whole input). */
export function zodIssues(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** One `ValidationError` for a list of issues: `<provider> <operation>: invalid <what>: path: message; …`. */
export function invalidInput(
  context: ErrorContext,
  issues: ValidationIssue[],
  what = 'input',
): ValidationError {
  const summary = issues
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
  return new ValidationError(`${context.provider} ${context.operation}: invalid ${what}: ${summary}`, {
    ...context,
    issues,
  });
}

/** Parses `input` with `schema`, or throws one `ValidationError` with every issue. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  context: ErrorContext,
  what = 'input',
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidInput(context, zodIssues(parsed.error), what);
}
