/**
 * Credentials of the two hosts one emulator serves.
 *
 * Domainr v2 (`/v2/...`), any one of (docs/providers/domainr.md#v2-hosts-and-credentials):
 * - `client_id=<key>` query parameter (api.domainr.com, documented). A wrong key → 401
 *   `{"message":"unauthorized: invalid client ID: <the key>"}` — Domainr repeats the client id, so
 *   adapters must redact it. A missing credential → 401 `{"message":"unauthorized: missing client ID"}`
 *   (wording chosen: the docs only show the invalid case).
 * - `mashape-key=<RapidAPI key>` query parameter (documented for the RapidAPI host).
 * - `X-RapidAPI-Key` header with `X-RapidAPI-Host: domainr.p.rapidapi.com` (the RapidAPI gateway
 *   convention, third-party evidence). A wrong RapidAPI key is rejected by the gateway, not by
 *   Domainr: 401 `{"message":"Invalid API key. Go to https://docs.rapidapi.com/docs/keys for more info."}`
 *   (RapidAPI's wording). A missing or different `X-RapidAPI-Host` (the gateway routes by it) →
 *   403 `{"message":"You are not subscribed to this API."}` (chosen; disable with `requireRapidApiHost: false`).
 * A `Fastly-Key` is not accepted on `/v2` (unknown whether it is; the notes say so).
 *
 * Fastly (`/domain-management/...`): `Fastly-Key: <token>` header only. Missing or wrong → 401
 * `{"msg":"Provided credentials are missing or invalid"}` (Fastly's usual API error body; the Domain
 * Research docs do not show one).
 */
import type { EmulatorRequest, EmulatorResponse } from '../emulator/emulator-types.js';
import { DOMAINR_RAPIDAPI_HOST, type DomainrState } from './domainr-state.js';

export const FASTLY_PATH_PREFIX = '/domain-management/';

export const RAPIDAPI_INVALID_KEY_MESSAGE =
  'Invalid API key. Go to https://docs.rapidapi.com/docs/keys for more info.';
export const RAPIDAPI_NOT_SUBSCRIBED_MESSAGE = 'You are not subscribed to this API.';
export const FASTLY_UNAUTHORIZED_MESSAGE = 'Provided credentials are missing or invalid';

function header(req: EmulatorRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function isFastlyPath(path: string): boolean {
  return path.startsWith(FASTLY_PATH_PREFIX);
}

export function authenticateDomainr(state: DomainrState, req: EmulatorRequest): EmulatorResponse | null {
  const { credentials } = state;
  if (isFastlyPath(req.path)) {
    if (header(req, 'fastly-key') === credentials.fastlyToken) return null;
    return { status: 401, body: { msg: FASTLY_UNAUTHORIZED_MESSAGE } };
  }

  const clientId = req.query.client_id;
  if (clientId !== undefined) {
    if (clientId === credentials.clientId) return null;
    return { status: 401, body: { message: `unauthorized: invalid client ID: ${clientId}` } };
  }
  const mashapeKey = req.query['mashape-key'];
  if (mashapeKey !== undefined) {
    if (mashapeKey === credentials.rapidApiKey) return null;
    return { status: 401, body: { message: RAPIDAPI_INVALID_KEY_MESSAGE } };
  }
  const rapidKey = header(req, 'x-rapidapi-key');
  if (rapidKey !== undefined) {
    if (rapidKey !== credentials.rapidApiKey)
      return { status: 401, body: { message: RAPIDAPI_INVALID_KEY_MESSAGE } };
    const host = header(req, 'x-rapidapi-host');
    if (state.requireRapidApiHost && host?.toLowerCase() !== DOMAINR_RAPIDAPI_HOST) {
      return { status: 403, body: { message: RAPIDAPI_NOT_SUBSCRIBED_MESSAGE } };
    }
    return null;
  }
  return { status: 401, body: { message: 'unauthorized: missing client ID' } };
}
