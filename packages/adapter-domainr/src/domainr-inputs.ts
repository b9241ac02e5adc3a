/**
 * Input checks of the Domainr adapter, run before anything is sent: one `ValidationError`
 * ("domainr <op>: invalid <what>: …") with every issue.
 */
import {
  domainNameIssues,
  invalidInput,
  type SuggestOptions,
  type ValidationIssue,
} from '@registrar-kit/core';
import { type DomainrApi, PROVIDER } from './domainr-client.js';

/** `suggestDomains` options: `tlds` → Domainr `defaults`; `registrar` → v2 `registrar` / Fastly `vendor`. */
export type DomainrSuggestOptions = SuggestOptions & {
  /** Two-letter country code overriding Domainr's IP geolocation (affects suggested ccTLDs). */
  location?: string;
  /** A registrar's domain name (e.g. `namecheap.com`): only zones it sells. */
  registrar?: string;
  /** `api: 'fastly'` only: extra keywords to seed results (not documented for v2). */
  keywords?: string[];
};

/** One `ValidationError` naming provider and operation. */
export function invalid(operation: string, issues: ValidationIssue[], what = 'input'): Error {
  return invalidInput({ provider: PROVIDER, operation }, issues, what);
}

/** ASCII lower-case name (UTS 46, one trailing dot allowed), or a ValidationError naming the argument. */
export function checkedName(name: unknown, operation: string, path = 'domain'): string {
  const { ascii, issues } = domainNameIssues(name, path);
  if (ascii === null) throw invalid(operation, issues, 'domain');
  return ascii;
}

export interface SuggestQuery {
  query: string;
  defaults: string | undefined;
  location: string | undefined;
  registrar: string | undefined;
  keywords: string | undefined;
}

export function checkedSuggestQuery(
  query: unknown,
  opts: DomainrSuggestOptions | undefined,
  api: DomainrApi,
): SuggestQuery {
  const issues: ValidationIssue[] = [];
  const text = typeof query === 'string' ? query.trim() : '';
  if (text === '') issues.push({ path: 'query', message: 'must be a non-empty string' });
  const zones: string[] = [];
  if (opts?.tlds !== undefined) {
    if (!Array.isArray(opts.tlds)) issues.push({ path: 'tlds', message: 'must be an array of zones' });
    else
      opts.tlds.forEach((tld, index) => {
        const bare = typeof tld === 'string' ? tld.trim().replace(/^\./, '') : '';
        const { ascii } = domainNameIssues(`x.${bare}`);
        if (bare === '' || ascii === null)
          issues.push({ path: `tlds.${index}`, message: `is not a zone: ${JSON.stringify(tld)}` });
        else zones.push(ascii.slice(2));
      });
  }
  let location: string | undefined;
  if (opts?.location !== undefined) {
    location = typeof opts.location === 'string' ? opts.location.trim() : '';
    if (!/^[A-Za-z]{2}$/.test(location))
      issues.push({ path: 'location', message: 'must be a two-letter country code' });
  }
  let registrar: string | undefined;
  if (opts?.registrar !== undefined) {
    const checked = domainNameIssues(opts.registrar, 'registrar');
    if (checked.ascii === null) issues.push(...checked.issues);
    else registrar = checked.ascii;
  }
  let keywords: string | undefined;
  if (opts?.keywords !== undefined) {
    if (api !== 'fastly') {
      issues.push({ path: 'keywords', message: "is only documented for the Fastly API (api: 'fastly')" });
    } else if (
      !Array.isArray(opts.keywords) ||
      opts.keywords.some((k) => typeof k !== 'string' || !k.trim() || k.includes(','))
    ) {
      issues.push({ path: 'keywords', message: 'must be non-empty strings without commas' });
    } else keywords = opts.keywords.map((k) => k.trim()).join(',') || undefined;
  }
  if (issues.length > 0) throw invalid('suggestDomains', issues, 'suggestion options');
  return {
    query: text,
    defaults: zones.length > 0 ? zones.join(',') : undefined,
    location,
    registrar,
    keywords,
  };
}
