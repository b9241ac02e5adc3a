/**
 * `createPocketDns(options)`: the PocketDNS Partner API behind the `Registrar` interface, plus the
 * PocketDNS-only `applyTemplate` and `createUser`. Domains are bought in PocketDNS's embedded shop
 * (no `registerDomain`); PocketDNS has no contacts, TLD requirements, auth codes, zone creation,
 * DNSSEC or suggestions: those reject with UnsupportedOperationError (docs/providers/pocketdns.md).
 */
import { defineRegistrar, type Registrar } from '@registrar-kit/core';
import { PocketDnsClient, type PocketDnsOptions } from './pocketdns-client.js';
import { domainMethods } from './pocketdns-domains.js';
import { orderMethods } from './pocketdns-orders.js';
import { priceMethods } from './pocketdns-prices.js';
import { PROVIDER } from './pocketdns-provider-info.js';
import { type ApplyTemplate, recordMethods } from './pocketdns-records.js';
import { type CreateUser, userMethods } from './pocketdns-users.js';

/** The PocketDNS-only methods on the registrar `createPocketDns` returns. */
export interface PocketDnsExtras {
  /** Applies a predefined DNS template (`POST /domains/{id}/dns/template`) and returns the records it created. */
  applyTemplate: ApplyTemplate;
  /** Finds or creates an embed user and opens a session (`POST /users`): the `loginUrl` goes in an iframe. */
  createUser: CreateUser;
}

export type PocketDnsRegistrar = Registrar & PocketDnsExtras;

export function createPocketDns(options: PocketDnsOptions = {}): PocketDnsRegistrar {
  const client = new PocketDnsClient(options);
  const prices = priceMethods(client);
  const { applyTemplate, ...records } = recordMethods(client);
  return defineRegistrar<PocketDnsExtras>(
    PROVIDER,
    { ...domainMethods(client, prices), ...orderMethods(client, prices), ...records },
    { applyTemplate, ...userMethods(client) },
    { close: () => client.close() },
  );
}
