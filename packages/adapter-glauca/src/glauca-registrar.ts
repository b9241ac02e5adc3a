/**
 * `createGlauca(options)`: the Glauca Digital domains API (`https://domains.glauca.digital/api/`)
 * and HexDNS (`https://dns.glauca.digital/api/`) behind the `Registrar` interface
 * (docs/providers/glauca.md). The factory only: the methods live in glauca-{domains,orders,
 * contacts,records,zones}.ts, what they share in glauca-client.ts.
 */
import { type CallOptions, defineRegistrar, type Registrar, type RenewInput } from '@registrar-kit/core';
import { createGlaucaClient, type GlaucaOptions } from './glauca-client.js';
import { contactMethods } from './glauca-contacts.js';
import { domainMethods } from './glauca-domains.js';
import { orderMethods } from './glauca-orders.js';
import { recordMethods } from './glauca-records.js';
import type { GlaucaExtras, GlaucaRenewResult } from './glauca-types.js';
import { zoneMethods } from './glauca-zones.js';

export {
  GLAUCA_BASE_URL,
  GLAUCA_DNS_TOKEN_ENV,
  GLAUCA_SANDBOX_BASE_URL,
  GLAUCA_TOKEN_ENV,
  type GlaucaOptions,
  type GlaucaTokenContext,
  HEXDNS_BASE_URL,
} from './glauca-client.js';

/** A Glauca registrar: the `Registrar` methods, whose renewals carry their order id, and the extras. */
export type GlaucaRegistrar = Omit<Registrar, 'renewDomain'> &
  GlaucaExtras & {
    renewDomain(domain: string, input: RenewInput, opts?: CallOptions): Promise<GlaucaRenewResult>;
  };

export function createGlauca(options: GlaucaOptions = {}): GlaucaRegistrar {
  const client = createGlaucaClient(options);
  const domains = domainMethods(client);
  const contacts = contactMethods(client);
  const { getRenewal, getRestore, getRegistration, restoreDomain, ...orders } = orderMethods(
    client,
    contacts,
  );
  const { regenerateAuthCode, ...domainMethodsOfRegistrar } = domains;
  return defineRegistrar<GlaucaExtras>(
    'glauca',
    { ...domainMethodsOfRegistrar, ...orders, ...contacts, ...recordMethods(client), ...zoneMethods(client) },
    { regenerateAuthCode, restoreDomain, getRestore, getRenewal, getRegistration },
    { close: () => client.close() },
  ) as GlaucaRegistrar;
}
