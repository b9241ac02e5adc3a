import { ValidationError } from '../errors/error-classes.js';
import type { ValidationIssue } from '../errors/registrar-error.js';
import { uts46 } from './uts46.js';

const LDH_LABEL = /^[a-z0-9-]+$/;
const MAX_LABEL = 63;
const MAX_NAME = 253;
const ASCII_LDH_NAME = /^[A-Za-z0-9.-]+$/;

const UTS46_OPTIONS = {
  checkHyphens: true,
  checkBidi: true,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  verifyDNSLength: false,
  transitionalProcessing: false,
} as const;

/** UTS 46 ToASCII (tr46) with the options every name is checked with: null when it refuses the name. */
export function uts46Ascii(name: string): string | null {
  return uts46().toASCII(name, UTS46_OPTIONS);
}

/**
 * The ASCII form of a name UTS 46 can only lower-case: letters, digits and hyphens in labels of 1 to
 * 63 characters, none starting or ending with a hyphen, none with hyphens in the 3rd and 4th places
 * (`xn--` included), so there is no Punycode to check, no Bidi or joiner rule that applies, and
 * ToASCII is the lower-cased name (domain-name.test.ts checks this against tr46 on random names).
 * Undefined for every other name, which takes the whole of UTS 46. Names from providers are checked
 * on every answer, so the common case skips tr46 (bench/RESULTS.md, "Overhead per call").
 */
export function plainAsciiName(name: string): string | undefined {
  if (!ASCII_LDH_NAME.test(name)) return undefined;
  const lower = name.toLowerCase();
  for (const label of lower.split('.')) {
    if (label.length === 0 || label.length > MAX_LABEL) return undefined;
    if (label.startsWith('-') || label.endsWith('-')) return undefined;
    if (label[2] === '-' && label[3] === '-') return undefined;
  }
  return lower;
}

/** Issues with a domain name, empty when it is valid. `path` names the argument. */
export function domainNameIssues(
  name: unknown,
  path = 'domain',
): { ascii: string | null; issues: ValidationIssue[] } {
  if (typeof name !== 'string') return { ascii: null, issues: [{ path, message: 'must be a string' }] };
  const issues: ValidationIssue[] = [];
  const withoutDot = name.endsWith('.') ? name.slice(0, -1) : name;
  if (withoutDot.length === 0) return { ascii: null, issues: [{ path, message: 'must not be empty' }] };
  if (/\s/.test(withoutDot)) issues.push({ path, message: 'must not contain white space' });
  const ascii = plainAsciiName(withoutDot) ?? uts46Ascii(withoutDot);
  const labels = (ascii ?? withoutDot.toLowerCase()).split('.');
  if (labels.length < 2) issues.push({ path, message: 'needs at least two labels (name and TLD)' });
  for (const label of labels) {
    if (label.length === 0) {
      issues.push({ path, message: 'has an empty label' });
      continue;
    }
    if (label.length > MAX_LABEL)
      issues.push({ path, message: `label "${label.slice(0, 20)}…" is longer than 63 characters` });
    if (ascii !== null && !LDH_LABEL.test(label))
      issues.push({ path, message: `label "${label}" may only hold letters, digits and hyphens` });
    if (label.startsWith('-') || label.endsWith('-'))
      issues.push({ path, message: `label "${label}" must not start or end with a hyphen` });
  }
  const joined = labels.join('.');
  if (joined.length > MAX_NAME) issues.push({ path, message: 'is longer than 253 characters' });
  if (ascii === null && issues.length === 0)
    issues.push({ path, message: 'is not a valid internationalised domain name (UTS 46)' });
  return { ascii: issues.length === 0 ? ascii : null, issues };
}

/**
 * Normalises a domain name to its ASCII form per UTS 46 (punycode, lower-case, no trailing dot):
 * `Bücher.Example.` → `xn--bcher-kva.example`. Throws one `ValidationError` listing every issue.
 */
export function normalizeDomainName(name: string): string {
  const { ascii, issues } = domainNameIssues(name);
  if (ascii === null) {
    throw new ValidationError(
      `Invalid domain name ${JSON.stringify(name)}: ${issues.map((i) => i.message).join('; ')}`,
      {
        operation: 'normalizeDomainName',
        issues,
      },
    );
  }
  return ascii;
}

/** The Unicode form of an ASCII domain name, for display (`xn--bcher-kva.example` → `bücher.example`). */
export function toUnicodeDomainName(ascii: string): string {
  const trimmed = (ascii.endsWith('.') ? ascii.slice(0, -1) : ascii).toLowerCase();
  // Only `xn--` labels change: skip UTS 46 for the common all-ASCII name (it is hot in listings).
  if (!trimmed.includes('xn--')) return trimmed;
  return uts46().toUnicode(trimmed, { useSTD3ASCIIRules: false }).domain;
}

/** True when `value` looks like a domain name rather than a provider id (it has a dot and is valid). */
export function looksLikeDomainName(value: string): boolean {
  return value.includes('.') && domainNameIssues(value).ascii !== null;
}
