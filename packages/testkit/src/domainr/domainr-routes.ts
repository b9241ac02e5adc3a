/**
 * Domainr v2 routes (api.domainr.com/v2, also the RapidAPI host): `search`, `status`, `register`.
 * Errors are `{"message": "..."}` (docs/providers/domainr.md#errors). Status codes per situation
 * are not documented: a missing or empty required parameter answers 400 (chosen).
 */
import { EmulatorHttpError, type EmulatorRequest, type EmulatorRoute } from '../emulator/emulator-types.js';
import { isValidDomainName } from '../emulator/seed-data.js';
import { withJsonp } from './domainr-jsonp.js';
import { allZones, type DomainrState } from './domainr-state.js';
import { lookupStatus, summaryOf, toAsciiName, zoneOf } from './domainr-status-table.js';
import { suggestNames } from './domainr-suggestions.js';

export function v2Error(status: number, message: string): EmulatorHttpError {
  return new EmulatorHttpError(status, { message });
}

function required(req: EmulatorRequest, name: string): string {
  const value = req.query[name]?.trim();
  if (!value) throw v2Error(400, `missing required parameter: ${name}`);
  return value;
}

/** Origin the request reached (the emulator's own URL), for `registerURL`. */
function origin(req: EmulatorRequest): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}

export interface V2StatusObject {
  domain: string;
  zone: string;
  status: string;
  /** Deprecated in the current docs but still sent: the right-most flag. */
  summary: string;
}

/**
 * One status object per requested name, in request order. `domain` echoes the name as requested
 * (trimmed; Unicode stays Unicode); `zone` is included as in current responses
 * (docs/providers/domainr.md#v2-status).
 * The 2015 preview accepted a comma-separated list; the current docs say one domain. Both are
 * answered (a list gives one object per name; no server-side cap is documented).
 */
export function v2StatusObject(state: DomainrState, name: string): V2StatusObject {
  const entry = lookupStatus(state.statusTable, state.seed, name);
  const ascii = toAsciiName(name) || name.toLowerCase();
  return {
    domain: name,
    zone: zoneOf(ascii, allZones(state)),
    status: entry.status,
    summary: summaryOf(entry.status),
  };
}

export function domainrV2Routes(state: DomainrState): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      path: '/v2/status',
      bucket: 'v2',
      operation: 'checkAvailability',
      handler: withJsonp((req) => {
        const names = required(req, 'domain')
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean);
        if (names.length === 0) throw v2Error(400, 'missing required parameter: domain');
        if (state.invalidNameResponse === 'errors') {
          const invalid = names.filter(
            (n) => lookupStatus(state.statusTable, state.seed, n).status === 'invalid',
          );
          if (invalid.length > 0) {
            return {
              status: 200,
              body: {
                errors: invalid.map((n) => ({ code: 400, message: 'invalid domain name', detail: n })),
              },
            };
          }
        }
        return { status: 200, body: { status: names.map((n) => v2StatusObject(state, n)) } };
      }),
    },
    {
      method: 'GET',
      path: '/v2/search',
      bucket: 'v2',
      operation: 'suggestDomains',
      handler: withJsonp((req) => {
        const query = required(req, 'query');
        const registrar = req.query.registrar ?? '';
        const results = suggestNames(state, {
          query,
          location: req.query.location,
          registrar: req.query.registrar,
          defaults: req.query.defaults,
          // `keywords` is not documented for v2: ignored here.
        }).map((s) => ({
          ...s,
          registerURL:
            `${origin(req)}/v2/register?domain=${encodeURIComponent(s.domain)}` +
            `&registrar=${encodeURIComponent(registrar)}&source=api`,
        }));
        return { status: 200, body: { results } };
      }),
    },
    {
      // Redirects to a registrar's purchase page (302 assumed: docs/providers/domainr.md#v2-search
      // names no status code). Public: it is the `registerURL` an end user's browser follows, and
      // the documented registerURL carries no client_id. An invalid name → 400.
      method: 'GET',
      path: '/v2/register',
      bucket: 'v2',
      operation: 'registerRedirect',
      public: true,
      handler: (req) => {
        const domain = required(req, 'domain');
        const ascii = toAsciiName(domain);
        if (!isValidDomainName(ascii)) throw v2Error(400, `invalid domain: ${domain}`);
        // An absent or unusable registrar falls back to the default one (chosen).
        const asked = req.query.registrar?.trim().toLowerCase();
        const registrar = asked && isValidDomainName(asked) ? asked : state.defaultRegistrar;
        return {
          status: 302,
          headers: {
            location: `https://${registrar}/register?domain=${encodeURIComponent(ascii)}&source=domainr`,
          },
        };
      },
    },
  ];
}
