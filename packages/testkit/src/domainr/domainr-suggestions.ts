/**
 * Deterministic name suggestions for v2 `search` and Fastly `tools/suggest`.
 *
 * Domainr's real engine (stemming, recommendations) is not documented; the emulator keeps the
 * documented inputs and output fields and a small, predictable algorithm:
 * 1. the query is NFC-normalised and lower-cased; text after the first `/` becomes `path`
 *    (`/blog`), as a domain-hack leftover;
 * 2. words are runs of letters, digits and hyphens; the label is the words joined (`acme cafe` →
 *    `acmecafe`), Unicode kept (`bücher` → `bücher.com`, the IDN normalisation Domainr applies);
 * 3. results, deduplicated, in order: the last word as a zone when it is one (`acme io` →
 *    `acme.io`); a domain hack when the label ends with a zone (`mystudio` → `mystud.io`); the label
 *    in each zone: `defaults` first (in the given order), then the `location` ccTLD (`gb`/`uk` →
 *    `co.uk`, other two-letter codes → that code), then the emulator's zones; Fastly `keywords` add
 *    `<label><keyword>.<first zone>`;
 * 4. `registrar` (v2) / `vendor` (Fastly) keeps only zones that registrar sells; an unknown
 *    registrar does not filter (the docs are silent; Domainr ignores what it does not know).
 * Suggestions never carry availability (documented for both APIs).
 */
import type { DomainrState } from './domainr-state.js';

export interface DomainrSuggestion {
  domain: string;
  /** Host part deeper than the registrable name; always '' here. */
  host: string;
  /** The registrable label with a trailing dot: `acme.`. */
  subdomain: string;
  zone: string;
  /** Leftover of the query to append as a URL path, usually ''. */
  path: string;
}

export interface SuggestInput {
  query: string;
  location?: string;
  registrar?: string;
  defaults?: string;
  keywords?: string;
}

const WORD = /[\p{L}\p{N}-]+/gu;

function splitList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((z) => z.trim().toLowerCase().replace(/^\./, ''))
    .filter((z) => /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*$/u.test(z));
}

function locationZone(location: string | undefined): string | null {
  if (!location) return null;
  const cc = location.trim().toLowerCase();
  if (!/^[a-z]{2}$/.test(cc)) return null;
  return cc === 'gb' || cc === 'uk' ? 'co.uk' : cc;
}

export function suggestNames(state: DomainrState, input: SuggestInput): DomainrSuggestion[] {
  const normalised = input.query.normalize('NFC').toLowerCase();
  const slash = normalised.indexOf('/');
  const text = slash === -1 ? normalised : normalised.slice(0, slash);
  const rest = slash === -1 ? '' : normalised.slice(slash).replace(/\s+/g, '');
  const path = rest === '/' ? '' : rest;
  const words = (text.match(WORD) ?? []).map((w) => w.replace(/^-+|-+$/g, '')).filter(Boolean);
  const label = words.join('').slice(0, 63);
  if (label === '') return [];

  let zones = [...splitList(input.defaults)];
  const cc = locationZone(input.location);
  if (cc) zones.push(cc);
  zones.push(...state.zones);
  zones = [...new Set(zones)];
  const sold = input.registrar ? state.registrars[input.registrar.trim().toLowerCase()] : undefined;
  if (sold) zones = zones.filter((z) => sold.includes(z));
  const singleLabelZones = zones.filter((z) => !z.includes('.'));

  const results: DomainrSuggestion[] = [];
  const seen = new Set<string>();
  const add = (sub: string, zone: string) => {
    const domain = `${sub}.${zone}`;
    if (sub === '' || seen.has(domain)) return;
    seen.add(domain);
    results.push({ domain, host: '', subdomain: `${sub}.`, zone, path });
  };

  const last = words[words.length - 1]!;
  if (words.length >= 2 && zones.includes(last)) add(words.slice(0, -1).join(''), last);
  for (const zone of singleLabelZones) {
    if (label.length > zone.length + 1 && label.endsWith(zone)) add(label.slice(0, -zone.length), zone);
  }
  for (const zone of zones) add(label, zone);
  const firstZone = zones[0];
  if (firstZone) {
    for (const keyword of splitList(input.keywords)) add(`${label}${keyword.replace(/\./g, '')}`, firstZone);
  }
  return results;
}
