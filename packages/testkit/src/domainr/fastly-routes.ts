/**
 * Fastly Domain Research API (the Domainr successor,
 * docs/providers/domainr.md#fastly-domain-research): `tools/status` and `tools/suggest` under
 * `/domain-management/v1`, authenticated with `Fastly-Key`.
 *
 * Choices where Fastly's docs are silent:
 * - Error body: Fastly's usual `{"msg": "...", "detail": "..."}`; a missing `domain`/`query` or a
 *   list of domains (the method takes exactly one) → 400; an unknown `scope` → 400.
 * - `scope`: absent or `precise` = Precise (default); `estimate` = Estimated. The response echoes
 *   `scope` only when the request gave one. Estimated is DNS + aftermarket level only, so the
 *   registry-level flags (`inactive`, `premium`, `claimed`, `reserved`, `dpml`) are not known there;
 *   a name left without flags answers `undelegated` (never proof of availability).
 * - `tags`: semantics undocumented; '' unless the status table entry sets one.
 * - `offers`: only for names with aftermarket offers (marketed/priced/transferable in the table).
 *   Every offer field is optional in Fastly's spec; the table has offers without a price, with a
 *   price like "2,500.00" and with no field at all (domainr-status-table.ts), and a name whose
 *   answer omits `domain` and `zone` (`fastlyOmit`).
 * - The product is off by default on real accounts; with `fastlyProductEnabled: false` every tool
 *   answers 403 `{"msg":"Forbidden","detail":"Domain Research is not enabled for this account"}`.
 * - No money is charged (the ledger stays empty); billable calls are counted in `state.fastlyUsage`.
 */
import { EmulatorHttpError, type EmulatorRequest, type EmulatorRoute } from '../emulator/emulator-types.js';
import { allZones, type DomainrState } from './domainr-state.js';
import { lookupStatus, toAsciiName, zoneOf } from './domainr-status-table.js';
import { suggestNames } from './domainr-suggestions.js';

export const FASTLY_TOOLS_PATH = '/domain-management/v1/tools';

const REGISTRY_LEVEL_FLAGS = new Set(['inactive', 'premium', 'claimed', 'reserved', 'dpml']);

export function fastlyError(status: number, msg: string, detail?: string): EmulatorHttpError {
  return new EmulatorHttpError(status, detail === undefined ? { msg } : { msg, detail });
}

function required(req: EmulatorRequest, name: string): string {
  const value = req.query[name]?.trim();
  if (!value) throw fastlyError(400, 'Bad request', `missing required parameter: ${name}`);
  return value;
}

function ensureEnabled(state: DomainrState): void {
  if (!state.fastlyProductEnabled) {
    throw fastlyError(403, 'Forbidden', 'Domain Research is not enabled for this account');
  }
}

/** The Estimated view of a precise status. */
export function estimatedStatus(status: string): string {
  const kept = status.split(/\s+/).filter((flag) => flag !== '' && !REGISTRY_LEVEL_FLAGS.has(flag));
  return kept.length === 0 ? 'undelegated' : kept.join(' ');
}

export function fastlyRoutes(state: DomainrState): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      path: `${FASTLY_TOOLS_PATH}/status`,
      bucket: 'fastly',
      operation: 'checkAvailability',
      handler: (req) => {
        ensureEnabled(state);
        const domain = required(req, 'domain');
        if (domain.includes(',')) throw fastlyError(400, 'Bad request', 'exactly one domain per request');
        const scope = req.query.scope;
        if (scope !== undefined && scope !== 'precise' && scope !== 'estimate') {
          throw fastlyError(400, 'Bad request', `invalid scope: ${scope}`);
        }
        const entry = lookupStatus(state.statusTable, state.seed, domain);
        const estimated = scope === 'estimate';
        if (estimated) state.fastlyUsage.statusEstimated += 1;
        else state.fastlyUsage.statusPrecise += 1;
        const ascii = toAsciiName(domain) || domain.toLowerCase();
        const body: Record<string, unknown> = {
          domain,
          zone: zoneOf(ascii, allZones(state)),
          status: estimated ? estimatedStatus(entry.status) : entry.status,
          tags: entry.tags ?? '',
        };
        if (scope !== undefined) body.scope = scope;
        for (const field of entry.fastlyOmit ?? []) delete body[field];
        if (entry.offers && entry.offers.length > 0) body.offers = entry.offers.map((o) => ({ ...o }));
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      path: `${FASTLY_TOOLS_PATH}/suggest`,
      bucket: 'fastly',
      operation: 'suggestDomains',
      handler: (req) => {
        ensureEnabled(state);
        const query = required(req, 'query');
        state.fastlyUsage.suggest += 1;
        const results = suggestNames(state, {
          query,
          location: req.query.location,
          registrar: req.query.vendor,
          defaults: req.query.defaults,
          keywords: req.query.keywords,
        }).map(({ domain, subdomain, zone, path }) => ({ domain, subdomain, zone, path }));
        return { status: 200, body: { results } };
      },
    },
  ];
}
