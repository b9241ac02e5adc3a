/**
 * The embed flow's user session endpoint (PocketDNS's User Management page,
 * https://docs.pocketdns.com/api-reference/users; docs/providers/pocketdns.md#users):
 * `POST /api/v1/users` finds or creates the partner's user and returns a fresh `login_url`.
 */
import type { EmulatorRoute } from '../emulator/emulator-types.js';
import { pocketDnsError } from './pocketdns-errors.js';
import { objectBody } from './pocketdns-request.js';
import { iso } from './pocketdns-shapes.js';
import { type PocketDnsState, SESSION_HOURS } from './pocketdns-state.js';

export const EMBED_SESSION_BASE = 'https://embed.pocketdns.com/session/';

const USER_IDENTIFIER = /^[A-Za-z0-9_-]{1,255}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function pocketDnsUserRoutes(state: PocketDnsState): EmulatorRoute[] {
  return [
    {
      method: 'POST',
      path: '/api/v1/users',
      // No rate limit is documented for sessions.
      operation: 'createUserSession',
      handler: (req) => {
        const body = objectBody(req);
        const details: Record<string, string> = {};
        const id = body.user_identifier;
        if (id === undefined || id === null || id === '')
          details.user_identifier = 'user_identifier is required';
        else if (typeof id !== 'string' || !USER_IDENTIFIER.test(id)) {
          details.user_identifier =
            'user_identifier must be at most 255 characters of letters, digits, underscores and hyphens';
        }
        if (
          body.email !== undefined &&
          body.email !== null &&
          (typeof body.email !== 'string' || !EMAIL.test(body.email))
        ) {
          details.email = 'email must be a valid e-mail address';
        }
        const first = Object.values(details)[0];
        if (first !== undefined) throw pocketDnsError(400, first, details);
        // Find-or-create: an existing user gets a new session (and its e-mail updated when sent).
        const user = state.ensureUser(id as string, typeof body.email === 'string' ? body.email : null);
        const token = state.newToken();
        const session = {
          token,
          loginUrl: `${EMBED_SESSION_BASE}${token}`,
          expiresAt: new Date(state.now().getTime() + SESSION_HOURS * 3_600_000),
        };
        user.sessions.push(session);
        return {
          status: 201,
          body: {
            user_identifier: user.userIdentifier,
            login_url: session.loginUrl,
            expires_at: iso(session.expiresAt),
          },
        };
      },
    },
  ];
}
