/**
 * An in-memory registrar for core's own tests (moves, plans): domains, zones, records, auth codes
 * and transfers in maps, every call logged, failures injectable per method. Built with
 * `defineRegistrar`, so it behaves as an adapter does (capabilities, unsupported methods).
 */
import { defineRegistrar } from '../define-registrar.js';
import { NotFoundError, ProviderError } from '../errors/error-classes.js';
import type { DnsRecord } from '../model/dns-record.js';
import type { Domain } from '../model/domain.js';
import type { Transfer } from '../model/orders.js';
import type { Zone } from '../model/zone.js';
import type { Capability, Registrar, RegistrarMethods } from '../registrar.js';
import { validateRecordInput } from '../validation/record-input.js';

export interface MemoryRegistrarState {
  domains: Map<string, Domain>;
  zones: Map<string, Zone>;
  records: Map<string, DnsRecord[]>;
  authCodes: Map<string, string>;
  transfers: Map<string, Transfer>;
  /** Every call, in order: `[method, firstArgument]`. */
  calls: [string, unknown][];
  /** The next call of a method fails with this error (once). */
  failNext: Map<string, Error>;
}

export interface MemoryRegistrarOptions {
  provider: string;
  /** Methods left out (unsupported). */
  without?: Capability[];
  /** `emailed`: getAuthCode never shows the code. */
  authCodeDelivery?: 'returned' | 'emailed';
  nameservers?: string[];
  transferPrice?: string;
}

const READS = new Set(['getDomain', 'getZone', 'listRecords', 'getPrice', 'getTransfer']);

export function domainAt(provider: string, name: string, overrides: Partial<Domain> = {}): Domain {
  return {
    provider,
    id: name,
    name,
    unicodeName: name,
    status: 'active',
    providerStatus: [],
    owner: null,
    createdAt: new Date('2020-01-01T00:00:00Z'),
    expiresAt: new Date('2030-01-01T00:00:00Z'),
    updatedAt: null,
    autoRenew: true,
    whoisPrivacy: false,
    transferLock: true,
    nameservers: [`ns1.${provider}.test`, `ns2.${provider}.test`],
    dsRecords: null,
    raw: null,
    ...overrides,
  };
}

export function memoryRegistrar(
  options: MemoryRegistrarOptions,
): Registrar & { state: MemoryRegistrarState } {
  const { provider } = options;
  const state: MemoryRegistrarState = {
    domains: new Map(),
    zones: new Map(),
    records: new Map(),
    authCodes: new Map(),
    transfers: new Map(),
    calls: [],
    failNext: new Map(),
  };
  let nextId = 1;
  const enter = (method: string, arg: unknown) => {
    state.calls.push([method, arg]);
    const failure = state.failNext.get(method);
    if (failure) {
      state.failNext.delete(method);
      throw failure;
    }
  };
  const domainOf = (name: string) => {
    const domain = state.domains.get(name);
    if (!domain)
      throw new NotFoundError(`${name} is not at ${provider}`, { provider, operation: 'getDomain' });
    return domain;
  };
  const methods: Partial<RegistrarMethods> = {
    async getDomain(name) {
      enter('getDomain', name);
      return domainOf(name);
    },
    async updateDomain(name, patch) {
      enter('updateDomain', name);
      const domain = { ...domainOf(name) };
      if (patch.transferLock !== undefined) domain.transferLock = patch.transferLock;
      if (patch.nameservers) domain.nameservers = [...patch.nameservers];
      state.domains.set(name, domain);
      return domain;
    },
    async getPrice(name, opts) {
      enter('getPrice', name);
      return {
        provider,
        domain: name,
        operation: opts?.operation ?? 'register',
        years: opts?.years ?? 1,
        price: { amount: options.transferPrice ?? '10.00', currency: 'USD' },
        premium: false,
        available: null,
        renewalPrice: null,
      };
    },
    async getZone(name) {
      enter('getZone', name);
      const zone = state.zones.get(name);
      if (!zone)
        throw new NotFoundError(`no zone ${name} at ${provider}`, { provider, operation: 'getZone' });
      return zone;
    },
    async createZone(name) {
      enter('createZone', name);
      const zone: Zone = {
        provider,
        id: name,
        name,
        nameservers: options.nameservers ?? [`ns1.${provider}.test`, `ns2.${provider}.test`],
      };
      state.zones.set(name, zone);
      state.records.set(name, state.records.get(name) ?? []);
      return zone;
    },
    listRecords(name) {
      return {
        async *[Symbol.asyncIterator]() {
          enter('listRecords', name);
          if (!state.records.has(name))
            throw new NotFoundError(`no zone ${name}`, { provider, operation: 'listRecords' });
          yield* state.records.get(name) ?? [];
        },
      };
    },
    async createRecord(name, input) {
      enter('createRecord', name);
      const valid = validateRecordInput(input, { zone: name });
      const record: DnsRecord = {
        provider,
        id: String(nextId++),
        domain: name,
        name: valid.name,
        fqdn: valid.name === '@' ? name : `${valid.name}.${name}`,
        type: valid.type,
        content: valid.content,
        ttl: valid.ttl ?? 3600,
        priority: valid.priority ?? null,
        createdAt: null,
        updatedAt: null,
        raw: null,
      };
      state.records.set(name, [...(state.records.get(name) ?? []), record]);
      return record;
    },
    async getAuthCode(name) {
      enter('getAuthCode', name);
      domainOf(name);
      if (options.authCodeDelivery === 'emailed')
        return { provider, domain: name, authCode: null, delivery: 'emailed' };
      return { provider, domain: name, authCode: state.authCodes.get(name) ?? null, delivery: 'returned' };
    },
    async transferDomain(input) {
      enter('transferDomain', input.domain);
      const transfer: Transfer = {
        provider,
        id: `t${nextId++}`,
        domain: input.domain,
        status: 'pending',
        domainId: null,
        startedAt: new Date(),
        completedAt: null,
        estimatedCompletion: null,
        cost: { amount: options.transferPrice ?? '10.00', currency: 'USD' },
        raw: { authCode: input.authCode },
      };
      state.transfers.set(transfer.id, transfer);
      state.domains.set(input.domain, domainAt(provider, input.domain, { status: 'transferring' }));
      return transfer;
    },
    async getTransfer(id) {
      enter('getTransfer', id);
      const transfer = state.transfers.get(id);
      if (!transfer) throw new NotFoundError(`no transfer ${id}`, { provider, operation: 'getTransfer' });
      return transfer;
    },
  };
  for (const name of options.without ?? []) delete methods[name];
  return Object.assign(defineRegistrar(provider, methods), { state });
}

/** The calls that change something (everything but reads). */
export function mutations(registrar: { state: MemoryRegistrarState }): [string, unknown][] {
  return registrar.state.calls.filter(([method]) => !READS.has(method));
}

/** A 500 for `failNext`. */
export function serverError(provider: string, operation: string): ProviderError {
  return new ProviderError(`${provider} ${operation} failed with HTTP 500`, {
    provider,
    operation,
    status: 500,
  });
}
