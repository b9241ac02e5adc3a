/**
 * Names and ids read from a provider are checked like input before they enter the model
 * (DESIGN.md, "Promises every adapter keeps"): a hostile or broken server cannot put a path
 * (`../../etc`), a header break (`exa\r\nmple.com`), an empty string or a name that is no domain
 * into `Domain.name`, a zone name or an id a caller later sends back in a URL.
 *
 * Domain names follow `normalizeDomainName` (UTS 46 processing, https://www.unicode.org/reports/tr46/,
 * non-transitional, STD3 rules, hyphen and label-length checks) and come back as their ASCII form,
 * so a Unicode name a provider sends is always the same punycode. Mixed-script names such as
 * `pаypal.com` (Cyrillic `а`) are valid IDNA (UTS 46 and IDNA2008, RFC 5892, allow each of their
 * characters; confusable detection is UTS 39 and registry policy, RFC 5891 §4.2): they are accepted
 * and become their punycode (`xn--pypal-4ve.com`), which can never equal the ASCII name they imitate.
 * Display `unicodeName` with the care UTS 39 describes.
 */
import { z } from 'zod';
import { ResponseFormatError } from '../errors/error-classes.js';
import { domainNameIssues } from './domain-name.js';

/** Where a value came from, for the error (the transport fills these in for schema failures). */
export interface ProviderValueContext {
  provider?: string;
  operation?: string;
}

/** Longest id accepted from a provider. */
const MAX_ID_LENGTH = 1024;
// C0 controls, DEL and C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** The ASCII form of a provider's domain name, or the reason it is not one. */
export function providerDomainNameProblem(value: unknown): { ascii: string } | { problem: string } {
  if (typeof value !== 'string') return { problem: 'must be a domain name (a string)' };
  const { ascii, issues } = domainNameIssues(value, '');
  if (ascii === null)
    return {
      problem: `${shown(value)} is not a valid domain name: ${issues.map((i) => i.message).join('; ')}`,
    };
  return { ascii };
}

/**
 * A provider's domain name in ASCII form, or `fallback` when it is not a valid one: for the
 * answer to a paid call, which must not fail on the provider's echo of a name.
 */
export function providerDomainNameOr(value: unknown, fallback: string): string {
  const result = providerDomainNameProblem(value);
  return 'ascii' in result ? result.ascii : fallback;
}

/** The reason a provider's id is unusable, or null. */
export function providerIdProblem(value: unknown): string | null {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0
      ? null
      : `${shown(value)} is not a non-negative whole id`;
  }
  if (typeof value !== 'string') return 'must be a string or a whole number';
  if (value.length === 0) return 'must not be empty';
  if (value === '.' || value === '..') return 'must not be "." or ".."';
  if (value.includes('/') || value.includes('\\')) return `${shown(value)} must not contain "/" or "\\"`;
  if (CONTROL.test(value)) return `${shown(value)} must not contain control characters`;
  if (value.length > MAX_ID_LENGTH) return `is longer than ${MAX_ID_LENGTH} characters`;
  return null;
}

function refused(field: string, problem: string, context: ProviderValueContext): ResponseFormatError {
  const who = [context.provider, context.operation].filter(Boolean).join(' ');
  return new ResponseFormatError(
    `${who ? `${who}: ` : ''}the provider sent an unusable ${field}: ${problem}`,
    {
      ...context,
      issues: [{ path: field, message: problem }],
    },
  );
}

/**
 * A domain name read from a provider, as the model holds it (ASCII, lower-case, no trailing dot).
 * Throws `ResponseFormatError` naming `field` when it is not a valid domain name.
 */
export function checkProviderDomainName(
  value: unknown,
  field: string,
  context: ProviderValueContext = {},
): string {
  const result = providerDomainNameProblem(value);
  if ('problem' in result) throw refused(field, result.problem, context);
  return result.ascii;
}

/**
 * An id read from a provider, as the model holds it (a string). Non-empty, not `.` or `..`, no
 * `/` or `\`, no control characters; a number must be a non-negative whole number. Throws
 * `ResponseFormatError` naming `field` otherwise.
 */
export function checkProviderId(value: unknown, field: string, context: ProviderValueContext = {}): string {
  const problem = providerIdProblem(value);
  if (problem !== null) throw refused(field, problem, context);
  return String(value);
}

/**
 * zod schema of a provider's domain name inside a payload schema: a name that is not a valid domain
 * name fails the parse, which the transport turns into a `ResponseFormatError` naming the field's
 * path. The value is kept as sent (so `raw` stays the provider's payload): mappers take its ASCII
 * form with `normalizeDomainName`, which cannot fail on a value this schema accepted.
 */
export const ProviderDomainNameSchema = z.string().superRefine((value, ctx) => {
  const result = providerDomainNameProblem(value);
  if ('problem' in result) ctx.addIssue({ code: 'custom', message: result.problem });
});

/** zod schema of a provider's string id inside a payload schema (kept as given when valid). */
export const ProviderStringIdSchema = z.string().superRefine((value, ctx) => {
  const problem = providerIdProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/** zod schema of a provider's numeric id (a non-negative whole number). */
export const ProviderNumericIdSchema = z.number().int().nonnegative();

/**
 * The ASCII form of a zone or TLD a provider sent (`com`, `.CO.UK`, `рф` → `com`, `co.uk`,
 * `xn--p1ai`): at most one leading dot, then labels that are valid as the end of a domain name.
 */
export function providerZoneProblem(value: unknown): { ascii: string } | { problem: string } {
  if (typeof value !== 'string') return { problem: 'must be a zone (a string)' };
  const bare = value.startsWith('.') ? value.slice(1) : value;
  const name = providerDomainNameProblem(`x.${bare}`);
  if (bare === '' || bare.startsWith('.') || 'problem' in name)
    return { problem: `${shown(value)} is not a zone` };
  return { ascii: name.ascii.slice(2) };
}

/** The ASCII form of a zone a `ProviderZoneSchema` accepted (throws `ResponseFormatError` otherwise). */
export function providerZone(value: string, field = 'zone', context: ProviderValueContext = {}): string {
  const result = providerZoneProblem(value);
  if ('problem' in result) throw refused(field, result.problem, context);
  return result.ascii;
}

/** zod schema of a provider's zone or TLD inside a payload schema (kept as sent; see `providerZone`). */
export const ProviderZoneSchema = z.string().superRefine((value, ctx) => {
  const result = providerZoneProblem(value);
  if ('problem' in result) ctx.addIssue({ code: 'custom', message: result.problem });
});
