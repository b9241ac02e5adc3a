/**
 * What the Registrar API sells: supported extensions per space, availability with prices
 * (domain-check), suggestions (domain-search) and money arithmetic
 * (docs/providers/cloudflare.md#registrar). Prices come from the seeded TLD prices, quoted as
 * per-year decimal strings in USD.
 */
import { domainToASCII } from 'node:url';
import { isValidDomainName, type ResolvedSeed } from '../emulator/seed-data.js';
import { CLOUDFLARE_CURRENCY } from './cloudflare-context.js';
import type { CloudflareState, RegistrarSpace } from './cloudflare-state.js';

/** Extensions the dashboard sells but the API does not (docs/providers/cloudflare.md#registrar). */
export const NOT_VIA_API: ReadonlySet<string> = new Set([
  'giving',
  'mom',
  'inc',
  'lol',
  'sh',
  'link',
  'cc',
  'new',
]);
/** Extensions whose registry forbids registration through a registrar API (the docs' example). */
export const DISALLOWS_REGISTRATION: ReadonlySet<string> = new Set(['py']);
/** The sandbox sells only these. */
export const SANDBOX_EXTENSIONS: readonly string[] = ['com', 'net'];

export type NotRegistrableReason =
  | 'extension_not_supported_via_api'
  | 'extension_not_supported'
  | 'extension_disallows_registration'
  | 'domain_premium'
  | 'domain_unavailable';

/** ASCII lower-case form of a domain given in ASCII or Unicode, without a trailing dot; '' when impossible. */
export function asciiDomain(name: unknown): string {
  if (typeof name !== 'string') return '';
  const lower = name.trim().toLowerCase().replace(/\.$/, '');
  return /^[\x21-\x7e]*$/.test(lower) ? lower : domainToASCII(lower);
}

export function isDomainName(name: string): boolean {
  return isValidDomainName(name);
}

/** The extensions a space sells, sorted. */
export function supportedExtensions(seed: ResolvedSeed, space: RegistrarSpace): string[] {
  const all = Object.keys(seed.tldPrices).filter((tld) => !NOT_VIA_API.has(tld));
  return (space === 'registrar-sandbox' ? all.filter((t) => SANDBOX_EXTENSIONS.includes(t)) : all).sort();
}

/** Why a name's extension cannot be bought in a space, or null when it can. */
export function extensionRefusal(
  seed: ResolvedSeed,
  space: RegistrarSpace,
  name: string,
): NotRegistrableReason | null {
  const tld = seed.tldOf(name);
  const last = name.split('.').pop() ?? '';
  if (tld !== null && supportedExtensions(seed, space).includes(tld)) return null;
  if (space === 'registrar-sandbox' || NOT_VIA_API.has(last)) return 'extension_not_supported_via_api';
  if (DISALLOWS_REGISTRATION.has(last)) return 'extension_disallows_registration';
  return 'extension_not_supported';
}

function cents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

export function money(totalCents: number): string {
  return (totalCents / 100).toFixed(2);
}

/** Cost of `years` years: the first year's registration price plus renewals for the others. */
export function registrationCost(seed: ResolvedSeed, name: string, years: number): string {
  const register = seed.priceOf(name, 'register') ?? '0';
  const renew = seed.priceOf(name, 'renew') ?? '0';
  return money(cents(register) + (years - 1) * cents(renew));
}

export interface CheckedDomain {
  name: string;
  registrable: boolean;
  tier?: 'standard' | 'premium';
  reason?: NotRegistrableReason;
  pricing?: { currency: string; registration_cost: string; renewal_cost: string };
}

/** Taken when registered anywhere (seeded registry data, or bought through this space). */
export function isTaken(state: CloudflareState, space: RegistrarSpace, name: string): boolean {
  return state.seed.isRegistered(name) || state.registeredInSpace(space, name);
}

/** domain-check's authoritative answer for one well-formed name. */
export function checkDomain(state: CloudflareState, space: RegistrarSpace, name: string): CheckedDomain {
  const { seed } = state;
  const refusal = extensionRefusal(seed, space, name);
  if (refusal) return { name, registrable: false, reason: refusal };
  if (isTaken(state, space, name)) return { name, registrable: false, reason: 'domain_unavailable' };
  // Premium names cannot be registered through the API: check refuses them.
  if (seed.availability(name) === 'premium') {
    return { name, registrable: false, reason: 'domain_premium', tier: 'premium' };
  }
  return {
    name,
    registrable: true,
    tier: 'standard',
    pricing: {
      currency: CLOUDFLARE_CURRENCY,
      registration_cost: seed.priceOf(name, 'register')!,
      renewal_cost: seed.priceOf(name, 'renew')!,
    },
  };
}

/**
 * domain-search's suggestions (non-authoritative): the name itself when `q` is a domain, then the
 * keyword in each extension, then a few variants; only names that can be bought appear, premium
 * ones with their premium price (as the docs' example shows).
 */
export function searchDomains(
  state: CloudflareState,
  space: RegistrarSpace,
  q: string,
  extensions: string[],
  limit: number,
): CheckedDomain[] {
  const { seed } = state;
  const sold = supportedExtensions(seed, space);
  const wanted = extensions.length > 0 ? extensions.filter((e) => sold.includes(e)) : sold;
  const query = asciiDomain(q);
  const exact = isDomainName(query) && query.includes('.') ? [query] : [];
  const keyword = (exact.length > 0 ? query.split('.')[0]! : query).replace(/[^a-z0-9-]/g, '');
  // A bare extension (`com`) is not a search.
  if (keyword === '' || (exact.length === 0 && sold.includes(query))) return [];
  const labels = [keyword, `get${keyword}`, `${keyword}hq`, `${keyword}-app`, `try${keyword}`];
  const candidates = [...exact, ...labels.flatMap((label) => wanted.map((ext) => `${label}.${ext}`))];
  const out: CheckedDomain[] = [];
  for (const name of [...new Set(candidates)]) {
    if (out.length >= limit) break;
    if (!isDomainName(name) || extensionRefusal(seed, space, name) || isTaken(state, space, name)) continue;
    const premium = seed.availability(name) === 'premium';
    out.push({
      name,
      registrable: true,
      tier: premium ? 'premium' : 'standard',
      pricing: {
        currency: CLOUDFLARE_CURRENCY,
        registration_cost: seed.priceOf(name, 'register')!,
        renewal_cost: seed.priceOf(name, 'renew')!,
      },
    });
  }
  return out;
}
