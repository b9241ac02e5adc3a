/**
 * `createPocketDns(options)`: the PocketDNS Partner API behind the `Registrar` interface, plus the
 * adapter-specific `applyTemplate` and `createUser`. Domains are bought in PocketDNS's embedded
 * shop, so `registerDomain` is not implemented (it rejects with UnsupportedOperationError), and
 * PocketDNS has no DNSSEC or suggestion endpoints.
 */
import { type CallOptions, defineRegistrar, type Registrar, ValidationError } from '@registrar-kit/core';
import { PocketDnsContext, type PocketDnsOptions } from './pocketdns-context.js';
import { domainMethods } from './pocketdns-domains.js';
import { type PocketDnsUserSession, PROVIDER, toUserSession } from './pocketdns-mappers.js';
import { type ApplyTemplate, recordMethods } from './pocketdns-records.js';
import { UserSessionSchema } from './pocketdns-schemas.js';

export interface CreateUserInput {
  /** The partner's own id of the user: 1–255 letters, digits, `_` or `-`. */
  userIdentifier: string;
  /** Optional, "for better UX". */
  email?: string;
}

export type CreateUser = (input: CreateUserInput, opts?: CallOptions) => Promise<PocketDnsUserSession>;

/** The PocketDNS-only methods on the registrar `createPocketDns` returns. */
export interface PocketDnsExtras {
  /** Applies a predefined DNS template (`POST /domains/{id}/dns/template`) and returns the records it created. */
  applyTemplate: ApplyTemplate;
  /** Finds or creates an embed user and opens a session (`POST /users`): the `loginUrl` goes in an iframe. */
  createUser: CreateUser;
}

export type PocketDnsRegistrar = Registrar & PocketDnsExtras;

const USER_IDENTIFIER = /^[A-Za-z0-9_-]{1,255}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createPocketDns(options: PocketDnsOptions = {}): PocketDnsRegistrar {
  const ctx = new PocketDnsContext(options);
  const { applyTemplate, ...records } = recordMethods(ctx);

  const createUser: CreateUser = async (input, opts = {}) => {
    const operation = 'createUser';
    const issues = [];
    if (typeof input?.userIdentifier !== 'string' || !USER_IDENTIFIER.test(input.userIdentifier)) {
      issues.push({ path: 'userIdentifier', message: 'must be 1–255 letters, digits, "_" or "-"' });
    }
    if (input?.email !== undefined && (typeof input.email !== 'string' || !EMAIL.test(input.email))) {
      issues.push({ path: 'email', message: 'must be an e-mail address' });
    }
    if (issues.length > 0) {
      throw new ValidationError(
        `pocketdns createUser: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        {
          provider: PROVIDER,
          operation,
          issues,
        },
      );
    }
    const { data } = await ctx.send(
      {
        operation,
        method: 'POST',
        path: '/api/v1/users',
        body: {
          user_identifier: input.userIdentifier,
          ...(input.email !== undefined ? { email: input.email } : {}),
        },
        schema: UserSessionSchema,
      },
      opts,
    );
    return toUserSession(data);
  };

  return defineRegistrar<PocketDnsExtras>(
    PROVIDER,
    { ...domainMethods(ctx), ...records },
    { applyTemplate, createUser },
  );
}
