/**
 * Token verification, accounts and memberships: how a client checks its token and discovers the
 * account id the Registrar paths need (docs/providers/cloudflare.md#authentication).
 */
import type { EmulatorRoute } from '../emulator/emulator-types.js';
import { type CloudflareContext, requireAccount, tokenOf } from './cloudflare-context.js';
import { ok } from './cloudflare-errors.js';
import { pageResponse } from './cloudflare-pagination.js';
import { type CloudflareAccount, hexId } from './cloudflare-shapes.js';

const ACCOUNT_PAGES = { defaultPerPage: 20, minPerPage: 5, maxPerPage: 50 };

function accountView(account: CloudflareAccount): Record<string, unknown> {
  return {
    id: account.id,
    name: account.name,
    type: 'standard',
    settings: { enforce_twofactor: false },
    created_on: account.created_on,
  };
}

export function identityRoutes(ctx: CloudflareContext): EmulatorRoute[] {
  const verify = (token: string | null) =>
    ok(
      { id: hexId(`token:${token ?? ''}`), status: 'active' },
      { messages: [{ code: 10000, message: 'This API Token is valid and active' }] },
    );
  return [
    {
      method: 'GET',
      path: '/user/tokens/verify',
      operation: 'verifyToken',
      bucket: 'client',
      handler: (req) => verify(tokenOf(ctx, req)),
    },
    {
      method: 'GET',
      path: '/accounts/:account_id/tokens/verify',
      operation: 'verifyToken',
      bucket: 'client',
      handler: (req) => {
        requireAccount(ctx, req);
        return verify(tokenOf(ctx, req));
      },
    },
    {
      method: 'GET',
      path: '/accounts',
      operation: 'listAccounts',
      bucket: 'client',
      handler: (req) => {
        return pageResponse(ctx.state.accounts.map(accountView), req.query, ACCOUNT_PAGES);
      },
    },
    {
      method: 'GET',
      path: '/accounts/:account_id',
      operation: 'getAccount',
      bucket: 'client',
      handler: (req) => ok(accountView(ctx.state.account(requireAccount(ctx, req))!)),
    },
    {
      method: 'GET',
      path: '/memberships',
      operation: 'listMemberships',
      bucket: 'client',
      handler: (req) => {
        const memberships = ctx.state.accounts.map((account) => ({
          id: hexId(`membership:${account.id}`),
          status: 'accepted',
          account: accountView(account),
          roles: ['Administrator'],
          permissions: {},
        }));
        return pageResponse(memberships, req.query, ACCOUNT_PAGES);
      },
    },
  ];
}
