/**
 * Glauca authentication (docs/providers/glauca.md#authentication): `Authorization: Bearer <token>`
 * (OAuth access token) or `Authorization: X-AS207960-PAT <token>` (personal access token). The auth
 * classes define no `WWW-Authenticate` challenge, so DRF answers every failure with 403, never 401:
 * - a bad token: `{"detail": "Invalid token"}`;
 * - no credentials (or another scheme): domain views `{"detail": "You do not have permission to
 *   perform this action."}`, model viewsets (contacts, orders, HexDNS) `{"detail": "Authentication
 *   credentials were not provided."}`.
 */
import type { EmulatorRequest, EmulatorResponse } from '../emulator/emulator-types.js';
import { detail, INVALID_TOKEN, NOT_AUTHENTICATED, PERMISSION_DENIED } from './glauca-errors.js';
import type { GlaucaState } from './glauca-state.js';

export const DEFAULT_TOKEN = 'glauca-test-token';
export const DEFAULT_PAT = 'glauca-test-pat';

/** HexDNS's API paths (a separate service on the real hosts; one server in the emulator). */
export function isHexdnsPath(path: string): boolean {
  return path.startsWith('/api/dns_zones') || path.startsWith('/api/zone_');
}

/**
 * With `dnsTokens` set, each service checks that a bearer token's audience is its own: HexDNS
 * accepts only the DNS tokens and the domains API only the domains tokens; the other answers 403
 * "Invalid token", as for any token its Keycloak check refuses.
 */
export function authenticate(state: GlaucaState, req: EmulatorRequest): EmulatorResponse | null {
  const header = req.headers.authorization;
  const parts = typeof header === 'string' ? header.trim().split(/\s+/) : [];
  const scheme = parts[0]?.toLowerCase();
  if (scheme === 'bearer' || scheme === 'x-as207960-pat') {
    const token = parts.length === 2 ? parts[1]! : '';
    const bearerTokens = state.dnsTokens !== null && isHexdnsPath(req.path) ? state.dnsTokens : state.tokens;
    const accepted = scheme === 'bearer' ? bearerTokens : state.personalAccessTokens;
    if (accepted.has(token)) return null;
    return { status: 403, body: detail(INVALID_TOKEN) };
  }
  const domainView = req.path.startsWith('/api/domains/');
  return { status: 403, body: detail(domainView ? PERMISSION_DENIED : NOT_AUTHENTICATED) };
}
