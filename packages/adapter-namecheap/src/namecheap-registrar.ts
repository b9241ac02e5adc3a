/**
 * `createNamecheap(options)`: the Namecheap XML API behind the registrar-kit `Registrar` interface,
 * plus Namecheap-only methods (batch availability, reactivation, a domain's contacts).
 */
import { type CallOptions, type Domain, defineRegistrar, type Registrar } from '@registrar-kit/core';
import { createNamecheapClient, type NamecheapOptions } from './namecheap-client.js';
import {
  contactMethods,
  type NamecheapDomainContacts,
  type SetDomainContactsInput,
} from './namecheap-contacts.js';
import { domainMethods, type NamecheapListDomainsOptions } from './namecheap-domains.js';
import {
  type AvailabilityBatch,
  type NamecheapRestoreInput,
  type NamecheapRestoreResult,
  orderMethods,
} from './namecheap-orders.js';
import { recordMethods } from './namecheap-records.js';

/** Namecheap-only methods, next to the `Registrar` ones. */
export interface NamecheapExtras {
  /** `listDomains` with Namecheap's `ListType` and `SearchTerm`. */
  listDomains(opts?: NamecheapListDomainsOptions): AsyncIterable<Domain>;
  /** Availability of many names, 50 per domains.check call, with a result or an error per name. */
  checkAvailabilityMany(names: string[], opts?: CallOptions): Promise<AvailabilityBatch>;
  /** Reactivates an expired domain (domains.reactivate). Spends money; `maxPrice` guards it. */
  restoreDomain(
    domain: string,
    input?: NamecheapRestoreInput,
    opts?: CallOptions,
  ): Promise<NamecheapRestoreResult>;
  /** The domain's registrant, admin, tech and billing (AuxBilling) contacts. */
  getDomainContacts(domain: string, opts?: CallOptions): Promise<NamecheapDomainContacts>;
  /** Replaces the domain's four contacts. */
  setDomainContacts(domain: string, input: SetDomainContactsInput, opts?: CallOptions): Promise<void>;
}

export type NamecheapRegistrar = Registrar & NamecheapExtras;

export function createNamecheap(options: NamecheapOptions = {}): NamecheapRegistrar {
  const client = createNamecheapClient(options);
  const domains = domainMethods(client);
  const orders = orderMethods(client);
  const records = recordMethods(client);
  return defineRegistrar(
    'namecheap',
    { ...domains.methods, ...orders.methods, ...records.methods },
    { ...orders.extras, ...contactMethods(client) },
    { close: () => client.close() },
  ) as NamecheapRegistrar;
}
