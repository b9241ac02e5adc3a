/**
 * Registry-specific fields of a TLD (`.us` nexus, `.eu` citizenship), checked locally against the
 * provider's `TldRequirements` before an order is sent, so a missing or unknown value is one
 * `ValidationError` naming every problem instead of a provider's 400 after the fact.
 */
import type { ValidationIssue } from '../errors/registrar-error.js';
import type { TldRequirements } from '../model/tld-requirements.js';
import { type ErrorContext, invalidInput } from './parse-input.js';

/** The problems of `given` under `requirements`: required ones missing, unknown names, values not offered. */
export function extendedAttributeIssues(
  requirements: Pick<TldRequirements, 'tld' | 'extendedAttributes'>,
  given: Record<string, string> | undefined,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const values = given ?? {};
  const known = new Map(requirements.extendedAttributes.map((attribute) => [attribute.name, attribute]));
  for (const attribute of requirements.extendedAttributes) {
    const value = values[attribute.name];
    if (attribute.required && (value === undefined || value.trim() === ''))
      issues.push({
        path: `extendedAttributes.${attribute.name}`,
        message: `is required for .${requirements.tld}${attribute.description ? ` (${attribute.description})` : ''}`,
      });
  }
  for (const [name, value] of Object.entries(values)) {
    const attribute = known.get(name);
    if (!attribute) {
      const names = [...known.keys()];
      issues.push({
        path: `extendedAttributes.${name}`,
        message: `is not an attribute of .${requirements.tld}${names.length > 0 ? ` (known: ${names.join(', ')})` : ' (it has none)'}`,
      });
    } else if (attribute.options.length > 0 && !attribute.options.some((option) => option.value === value))
      issues.push({
        path: `extendedAttributes.${name}`,
        message: `must be one of ${attribute.options.map((option) => option.value).join(', ')}`,
      });
  }
  return issues;
}

/** Throws one `ValidationError` with every problem of `given` under `requirements`. */
export function assertExtendedAttributes(
  requirements: Pick<TldRequirements, 'tld' | 'extendedAttributes'>,
  given: Record<string, string> | undefined,
  context: ErrorContext,
): void {
  const issues = extendedAttributeIssues(requirements, given);
  if (issues.length > 0) throw invalidInput(context, issues, 'extended attributes');
}
