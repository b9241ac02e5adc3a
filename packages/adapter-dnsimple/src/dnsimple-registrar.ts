/**
 * `createDnsimple(options)`: the DNSimple API v2 behind the registrar-kit `Registrar` interface,
 * plus DNSimple-only methods (restore, registration and transfer follow-ups, DNSSEC). The factory
 * only: each area's methods live in their own file (dnsimple-domains.ts, -records.ts, …).
 */
import {
  type CallOptions,
  type DnsRecord,
  type Domain,
  defineRegistrar,
  type Registrar,
  type Registration,
  type RenewResult,
  type Transfer,
} from '@registrar-kit/core';
import { createDnsimpleClient, type DnsimpleOptions } from './dnsimple-client.js';
import { contactMethods } from './dnsimple-contacts.js';
import { type DnsimpleDnssecStatus, dnssecMethods } from './dnsimple-dnssec.js';
import { type DnsimpleListDomainsOptions, domainMethods } from './dnsimple-domains.js';
import type { DnsimpleRestoreResult } from './dnsimple-mappers.js';
import { type DnsimpleRestoreInput, orderMethods } from './dnsimple-orders.js';
import { type DnsimpleListRecordsOptions, recordMethods } from './dnsimple-records.js';
import { tldMethods } from './dnsimple-tlds.js';
import { zoneMethods } from './dnsimple-zones.js';

/** DNSimple-only methods, next to the `Registrar` ones. */
export interface DnsimpleExtras {
  /** `listDomains` with DNSimple's filters (`nameLike`, `registrantId`) and `sort`. */
  listDomains(opts?: DnsimpleListDomainsOptions): AsyncIterable<Domain>;
  /** `listRecords` with DNSimple's filters (`name`, `nameLike`, `type`) and `sort`. */
  listRecords(domain: string, opts?: DnsimpleListRecordsOptions): AsyncIterable<DnsRecord>;
  /** Restores an expired domain (redemption). Spends money. */
  restoreDomain(
    domain: string,
    input?: DnsimpleRestoreInput,
    opts?: CallOptions,
  ): Promise<DnsimpleRestoreResult>;
  /** The state of a restore started by `restoreDomain`. */
  getRestore(domain: string, id: string, opts?: CallOptions): Promise<DnsimpleRestoreResult>;
  /** The state of a registration started by `registerDomain`. */
  getRegistration(domain: string, id: string, opts?: CallOptions): Promise<Registration>;
  /** The state of a renewal started by `renewDomain` (its `raw.id`); once renewed, with the new expiry. */
  getRenewal(domain: string, id: string, opts?: CallOptions): Promise<RenewResult>;
  /** Unlocks the domain and has DNSimple email the auth code to its registrant (never returned; `getAuthCode` too). */
  authorizeTransferOut(domain: string, opts?: CallOptions): Promise<void>;
  /** Cancels a transfer in; takes the id `transferDomain` returned. */
  cancelTransfer(id: string, opts?: CallOptions): Promise<Transfer>;
  /** Whether DNSimple signs the zone. */
  getDnssec(domain: string, opts?: CallOptions): Promise<DnsimpleDnssecStatus>;
  /** Turns DNSSEC signing on. */
  enableDnssec(domain: string, opts?: CallOptions): Promise<DnsimpleDnssecStatus>;
  /** Turns DNSSEC signing off (already off is not an error). */
  disableDnssec(domain: string, opts?: CallOptions): Promise<void>;
}

export type DnsimpleRegistrar = Registrar & DnsimpleExtras;

export function createDnsimple(options: DnsimpleOptions = {}): DnsimpleRegistrar {
  const client = createDnsimpleClient(options);
  const contacts = contactMethods(client);
  const domains = domainMethods(client);
  const orders = orderMethods(client, contacts.methods);
  const records = recordMethods(client);
  const dnssec = dnssecMethods(client);
  return defineRegistrar(
    'dnsimple',
    {
      ...domains.methods,
      ...orders.methods,
      ...records.methods,
      ...dnssec.methods,
      ...contacts.methods,
      ...tldMethods(client).methods,
      ...zoneMethods(client).methods,
    },
    { ...orders.extras, ...dnssec.extras },
    { close: () => client.close() },
  ) as DnsimpleRegistrar;
}
