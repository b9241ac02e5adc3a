/**
 * The embed's users (docs/providers/pocketdns.md#users): `POST /users` finds or creates a user by
 * the partner's `user_identifier` and opens a session whose `loginUrl` goes in an iframe.
 */
import { type CallOptions, parseInput } from '@registrar-kit/core';
import { z } from 'zod';
import type { PocketDnsClient } from './pocketdns-client.js';
import { isUserIdentifier } from './pocketdns-client.js';
import { type PocketDnsUserSession, toUserSession } from './pocketdns-mappers.js';
import { PROVIDER } from './pocketdns-provider-info.js';
import { UserSessionSchema } from './pocketdns-schemas.js';

export interface CreateUserInput {
  /** The partner's own id of the user: 1–255 letters, digits, `_` or `-`. */
  userIdentifier: string;
  /** Optional, "for better UX". */
  email?: string;
}

export type CreateUser = (input: CreateUserInput, opts?: CallOptions) => Promise<PocketDnsUserSession>;

const CreateUserInputSchema = z.object({
  userIdentifier: z.string().refine(isUserIdentifier, 'must be 1–255 letters, digits, "_" or "-"'),
  email: z.email('must be an e-mail address').optional(),
});

export function userMethods(client: PocketDnsClient): { createUser: CreateUser } {
  return {
    async createUser(input, opts = {}) {
      const operation = 'createUser';
      const user = parseInput(CreateUserInputSchema, input, { provider: PROVIDER, operation }, 'user');
      const { data } = await client.send(
        {
          operation,
          method: 'POST',
          path: '/api/v1/users',
          body: {
            user_identifier: user.userIdentifier,
            ...(user.email !== undefined ? { email: user.email } : {}),
          },
          schema: UserSessionSchema,
        },
        opts,
      );
      return toUserSession(data);
    },
  };
}
