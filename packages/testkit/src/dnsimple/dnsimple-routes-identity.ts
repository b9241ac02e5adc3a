/** Identity: `GET /v2/whoami` and `GET /v2/accounts` (no account in the path). */
import type { EmulatorRequest, EmulatorRoute } from '../emulator/emulator-types.js';
import { type DnsimpleContext, fail, ok, principalOf } from './dnsimple-context.js';

export function identityRoutes(ctx: DnsimpleContext): EmulatorRoute[] {
  const whoAmI = (req: EmulatorRequest) => {
    const who = principalOf(ctx, req);
    if (!who) fail(401, 'Authentication failed');
    return who;
  };
  return [
    {
      method: 'GET',
      path: '/v2/whoami',
      operation: 'whoami',
      bucket: 'hourly',
      handler: (req) => {
        const who = whoAmI(req);
        // Account token → `account` set, `user` null; user token → the reverse (fixtures success-account/-user).
        if (who.kind === 'account') {
          const account = ctx.state.accounts.find((a) => a.id === ctx.accountId) ?? null;
          return ok({ user: null, account });
        }
        return ok({ user: ctx.state.user, account: null });
      },
    },
    {
      method: 'GET',
      path: '/v2/accounts',
      operation: 'listAccounts',
      bucket: 'hourly',
      handler: (req) => {
        const who = whoAmI(req);
        // No `pagination` key here (listAccounts fixtures).
        return ok(ctx.state.accounts.filter((a) => who.accountIds.includes(a.id)));
      },
    },
  ];
}
