/**
 * The check endpoints' logic (`check`, `check_transfer`, `check_renew`, `check_restore`) and the
 * `period` field they share. Result shape: `{ domain, available, reason, price }`, price a GBP
 * decimal string or null (docs/providers/glauca.md#checks).
 */
import { domainToASCII } from 'node:url';
import { isValidDomainName } from '../emulator/seed-data.js';
import { formatPence, type GlaucaPeriod, isSupportedPeriod, priceForPeriod } from './glauca-money.js';
import type { GlaucaDomain, GlaucaState } from './glauca-state.js';
import { type FieldErrors, isObject, MSG, parseInteger } from './glauca-validation.js';

export const REASON = {
  unsupported: 'Unsupported or invalid domain',
  invalidPeriod: 'Invalid period for domain',
  inUse: 'In use',
  notEligible: 'Domain not eligible for transfer',
  registryUnsupported: 'Unsupported by the registry',
  notRenewable: 'Domain not in state to be renewed',
  notRestorable: 'Domain not in state to be restored',
} as const;

export interface CheckResult {
  domain: string;
  available: boolean;
  reason: string | null;
  price: string | null;
}

/** Reads the nested `period` serializer (`unit` ∈ y|m, `value` ≥ 1) into `errors`. */
export function readPeriod(data: Record<string, unknown>, errors: FieldErrors): GlaucaPeriod | undefined {
  if (!Object.hasOwn(data, 'period')) {
    errors.add('period', MSG.required);
    return undefined;
  }
  const raw = data.period;
  if (raw === null) {
    errors.add('period', MSG.notNull);
    return undefined;
  }
  if (!isObject(raw)) {
    errors.add('period', { non_field_errors: [MSG.dict(raw)] });
    return undefined;
  }
  const nested: Record<string, string[]> = {};
  let unit: 'y' | 'm' | undefined;
  let value: number | undefined;
  if (!Object.hasOwn(raw, 'unit')) nested.unit = [MSG.required];
  else if (raw.unit !== 'y' && raw.unit !== 'm') nested.unit = [MSG.choice(raw.unit)];
  else unit = raw.unit;
  if (!Object.hasOwn(raw, 'value')) nested.value = [MSG.required];
  else {
    const parsed = parseInteger(raw.value, 1);
    if (parsed.ok) value = parsed.value;
    else nested.value = [parsed.error];
  }
  if (Object.keys(nested).length > 0 || unit === undefined || value === undefined) {
    errors.add('period', nested);
    return undefined;
  }
  return { unit, value };
}

/** ASCII lower-case form of a submitted name (IDNs accepted in Unicode), or null when invalid. */
export function asciiName(name: string): string | null {
  const ascii = domainToASCII(name.trim().toLowerCase());
  return ascii !== '' && isValidDomainName(ascii) ? ascii : null;
}

/**
 * The zone a name is sold under. Glauca's published server source
 * (https://github.com/AS207960/domains) splits at the FIRST dot into sld + zone
 * (docs/providers/glauca.md#checks), so `www.example.com` looks up zone `example.com` and is
 * unsupported.
 */
export function zoneOf(state: GlaucaState, ascii: string): string | null {
  const dot = ascii.indexOf('.');
  if (dot <= 0) return null;
  const zone = ascii.slice(dot + 1);
  return Object.hasOwn(state.seed.tldPrices, zone) ? zone : null;
}

export function isTaken(state: GlaucaState, ascii: string): boolean {
  return state.domainByName(ascii) !== undefined || state.registeredElsewhere(ascii);
}

function result(
  domain: string,
  available: boolean,
  reason: string | null,
  pence: number | null,
): CheckResult {
  return { domain, available, reason, price: pence === null ? null : formatPence(pence) };
}

/** Registration price of a name for a period (premium names at their own price), in pence. */
export function registrationPrice(
  state: GlaucaState,
  ascii: string,
  zone: string,
  period: GlaucaPeriod,
): number {
  const premium = state.seed.premiumNames[ascii];
  return priceForPeriod(premium ?? state.seed.tldPrices[zone]!.register, period);
}

export function checkRegistration(state: GlaucaState, submitted: string, period: GlaucaPeriod): CheckResult {
  const ascii = asciiName(submitted);
  const zone = ascii === null ? null : zoneOf(state, ascii);
  if (ascii === null || zone === null) return result(submitted, false, REASON.unsupported, null);
  // The published source 500s here (pricing returns nothing): the `check-period-500` source bug;
  // by default answered as documented.
  if (!isSupportedPeriod(period)) return result(submitted, false, REASON.invalidPeriod, null);
  // The reason text comes from the registry and varies; the emulator's registry says "In use"
  // unless `checkReasons` gives another text, or null: the registry gave no reason, which the
  // published source passes through as `reason: null` with `available: false`.
  if (isTaken(state, ascii)) {
    const reason = Object.hasOwn(state.checkReasons, ascii) ? state.checkReasons[ascii]! : REASON.inUse;
    return result(submitted, false, reason, null);
  }
  return result(submitted, true, null, registrationPrice(state, ascii, zone, period));
}

/**
 * Whether a transfer ORDER for a name can go ahead: only names registered elsewhere (seeded, or held
 * by another emulator of the shared registry) can be transferred in.
 */
export function transferRefusal(state: GlaucaState, ascii: string): string | null {
  if (!state.registeredElsewhere(ascii)) return REASON.notEligible;
  return null;
}

const NOT_TRANSFERABLE_STATUSES = [
  'client_transfer_prohibited',
  'server_transfer_prohibited',
  'pending_create',
  'pending_delete',
  'pending_transfer',
];

/** The statuses the registry shows for a registered name (owned here, or at the registry's sponsor). */
function registryStatuses(state: GlaucaState, ascii: string): string[] {
  const own = state.domainByName(ascii);
  if (own) return own.statuses;
  const view = state.registry?.sponsorOf(ascii)?.view;
  if (!view) return [];
  const statuses: string[] = [];
  if (view.clientTransferProhibited) statuses.push('client_transfer_prohibited');
  if (view.serverTransferProhibited || state.registry?.isRegistryLocked(ascii))
    statuses.push('server_transfer_prohibited');
  if (view.pendingTransfer) statuses.push('pending_transfer');
  return statuses;
}

/**
 * `check_transfer` as the published source answers (docs/providers/glauca.md#check-transfer): an
 * UNREGISTERED name is `available: true` with the transfer price; a registered name carrying a
 * transfer prohibition or a pending operation is `available: false, reason: "Domain not eligible
 * for transfer"`; a registered name eligible for transfer is `available: false, reason: null,
 * price: null`. So the check never quotes the price of a transfer that can actually happen (the
 * price is fixed on the order).
 */
export function checkTransfer(state: GlaucaState, submitted: string): CheckResult {
  const ascii = asciiName(submitted);
  const zone = ascii === null ? null : zoneOf(state, ascii);
  if (ascii === null || zone === null) return result(submitted, false, REASON.unsupported, null);
  if (isTaken(state, ascii)) {
    const blocked = registryStatuses(state, ascii).some((s) => NOT_TRANSFERABLE_STATUSES.includes(s));
    return result(submitted, false, blocked ? REASON.notEligible : null, null);
  }
  return result(
    submitted,
    true,
    null,
    priceForPeriod(state.seed.tldPrices[zone]!.transfer, { unit: 'y', value: 1 }),
  );
}

/**
 * check_renew as documented (`available: true` + renewal price). The published source calls a
 * pricing method that does not exist (500): the `check-renew-500` source bug answers that.
 */
export function checkRenew(state: GlaucaState, domain: GlaucaDomain, period: GlaucaPeriod): CheckResult {
  const zone = zoneOf(state, domain.domain);
  if (zone === null) return result(domain.domain, false, REASON.registryUnsupported, null);
  if (domain.deleted) return result(domain.domain, false, REASON.notRenewable, null);
  if (!isSupportedPeriod(period)) return result(domain.domain, false, REASON.invalidPeriod, null);
  return result(domain.domain, true, null, priceForPeriod(state.seed.tldPrices[zone]!.renew, period));
}

export function renewPrice(state: GlaucaState, domain: GlaucaDomain, period: GlaucaPeriod): number | null {
  const zone = zoneOf(state, domain.domain);
  return zone === null ? null : priceForPeriod(state.seed.tldPrices[zone]!.renew, period);
}

export function restorePrice(state: GlaucaState, domain: GlaucaDomain): number | null {
  const zone = zoneOf(state, domain.domain);
  const restore = zone === null ? undefined : state.seed.tldPrices[zone]!.restore;
  return restore === undefined ? null : priceForPeriod(restore, { unit: 'y', value: 1 });
}

export function checkRestore(state: GlaucaState, domain: GlaucaDomain): CheckResult {
  const price = restorePrice(state, domain);
  if (price === null) return result(domain.domain, false, REASON.registryUnsupported, null);
  if (!domain.deleted) return result(domain.domain, false, REASON.notRestorable, null);
  return result(domain.domain, true, null, price);
}
