/**
 * What every Cloudflare route module shares: the credentials, the account and zone in the path,
 * and the ledger (docs/providers/cloudflare.md#authentication).
 */
import type { EmulatorRequest, EmulatorResponse, LedgerEntry } from '../emulator/emulator-types.js';
import { CF, fail, failureBody, HEX_ID, invalidIdentifier } from './cloudflare-errors.js';
import type { CloudflareZone } from './cloudflare-shapes.js';
import type { CloudflareState } from './cloudflare-state.js';

export const CLOUDFLARE_CURRENCY = 'USD';

export interface CloudflareContext {
  state: CloudflareState;
  ledger: LedgerEntry[];
  /** API token with every permission the emulator knows. */
  token: string;
  /** Optional token with read permissions only (writes answer 403). */
  readOnlyToken: string | undefined;
  /** Whether `token` holds the "Registrar Sandbox" permission. */
  sandboxPermission: boolean;
  /** Status of a request with an unknown token (401 or 403; the docs do not say). */
  invalidTokenStatus: 401 | 403;
  /** Domain → expected transfer auth code (plain text); domains not listed accept any base64 code. */
  authCodes: Record<string, string>;
}

function denied(status: number, code: number, message: string, chain?: { code: number; message: string }[]) {
  const error = chain === undefined ? { code, message } : { code, message, error_chain: chain };
  return { status, body: failureBody([error]) };
}

/** Records a charge in the ledger, attributed to the request that started the purchase. */
export function charge(
  ctx: CloudflareContext,
  req: EmulatorRequest,
  operation: LedgerEntry['operation'],
  domain: string,
  amount: string,
): void {
  ctx.ledger.push({
    operation,
    domain,
    amount,
    currency: CLOUDFLARE_CURRENCY,
    at: new Date(),
    requestSeq: req.seq ?? 0,
  });
}

/** The token of the request when it is a known one, else null. */
export function tokenOf(ctx: CloudflareContext, req: EmulatorRequest): string | null {
  const match = /^Bearer ([^\s]+)$/.exec(String(req.headers.authorization ?? ''));
  const token = match?.[1];
  return token === ctx.token || (token !== undefined && token === ctx.readOnlyToken) ? token : null;
}

/** The auth check of every route: null when the request may proceed, else the refusal. */
export function authenticate(ctx: CloudflareContext, req: EmulatorRequest): EmulatorResponse | null {
  const header = req.headers.authorization;
  const email = req.headers['x-auth-email'];
  const key = req.headers['x-auth-key'];
  if (header === undefined) {
    if (email === undefined && key === undefined) {
      return denied(400, CF.missingAuth, 'Missing X-Auth-Key, X-Auth-Email or Authorization headers');
    }
    // The emulator accepts API tokens only: a global API key is refused as malformed.
    return denied(400, CF.invalidRequestHeaders, 'Invalid request headers', [
      { code: key === undefined ? 6102 : 6103, message: 'Invalid format for X-Auth-Key header' },
    ]);
  }
  if (!/^Bearer [^\s]+$/.test(String(header))) {
    return denied(400, CF.invalidRequestHeaders, 'Invalid request headers', [
      { code: CF.invalidAuthorizationHeader, message: 'Invalid format for Authorization header' },
    ]);
  }
  const token = tokenOf(ctx, req);
  if (token === null) return denied(ctx.invalidTokenStatus, CF.invalidToken, 'Invalid access token');
  if (token === ctx.readOnlyToken && req.method !== 'GET') {
    return denied(403, CF.generic, 'Authentication error');
  }
  if (req.path.includes('/registrar-sandbox/') && token === ctx.token && !ctx.sandboxPermission) {
    return denied(403, CF.generic, 'Authentication error');
  }
  return null;
}

/** The request path without the `/client/v4` prefix, as the API's messages show it. */
export function apiPath(req: EmulatorRequest): string {
  return req.path.replace(/^\/client\/v4/, '');
}

/** The `{account_id}` of the path: 7003 when not 32-hex, 403 when the token has no membership there. */
export function requireAccount(ctx: CloudflareContext, req: EmulatorRequest): string {
  const id = req.params.account_id ?? '';
  if (!HEX_ID.test(id)) invalidIdentifier(apiPath(req));
  if (!ctx.state.account(id)) fail(403, CF.generic, 'Authentication error');
  return id;
}

/** The `{zone_id}` of the path: 7003 when not 32-hex; an unknown zone answers 404 with 7003 too. */
export function requireZone(ctx: CloudflareContext, req: EmulatorRequest): CloudflareZone {
  const id = req.params.zone_id ?? '';
  if (!HEX_ID.test(id)) invalidIdentifier(apiPath(req));
  const zone = ctx.state.zones.get(id);
  if (!zone)
    fail(
      404,
      CF.invalidIdentifier,
      `Could not route to ${apiPath(req)}, perhaps your object identifier is invalid?`,
    );
  return zone;
}
