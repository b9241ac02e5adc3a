import {
  type CallOptions,
  createTransport,
  type DnsRecord,
  type DnsRecordInput,
  type Domain,
  defineRegistrar,
  isRegistrarError,
  type ListOptions,
  money,
  normalizeDomainName,
  paginate,
  type Registrar,
  type RegistrarError,
  type TransportUserOptions,
  toUnicodeDomainName,
  urlPath,
  validateRecordInput,
  validateRecordPatch,
} from '@registrar-kit/core';
import { z } from 'zod';

/**
 * A small in-memory-backed reference registrar over the reference emulator: the conformance
 * suite's own test subject, and a worked example of a third-party adapter built on core.
 */
const DomainPayload = z.object({
  id: z.string(),
  name: z.string(),
  expires_at: z.string(),
  auto_renew: z.boolean(),
  whois_privacy: z.boolean(),
  transfer_lock: z.boolean(),
  nameservers: z.array(z.string()),
});
const RecordPayload = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  content: z.string(),
  ttl: z.number(),
  priority: z.number().nullable().optional(),
});
const RULES = {
  types: ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'CAA', 'NS'] as const,
  ttl: { min: 60, max: 86400 },
};

/**
 * The one rate-limit bucket every request names; unlimited unless the `rateLimit.buckets` option
 * sets it (the reference API publishes no limit).
 */
export const API_BUCKET = 'api';

export interface ReferenceRegistrarOptions extends TransportUserOptions {
  baseURL: string;
  apiKey: string;
}

export function createReferenceRegistrar(options: ReferenceRegistrarOptions): Registrar {
  const provider = 'reference';
  const http = createTransport({
    provider,
    ...options,
    credentials: () => ({ headers: { Authorization: `Bearer ${options.apiKey}` } }),
    parseError: (body) => ({ message: (body as { error?: string }).error }),
  });
  const key = (domain: string) => (domain.includes('.') ? normalizeDomainName(domain) : domain);
  const toDomain = (p: z.infer<typeof DomainPayload>): Domain => ({
    provider,
    id: p.id,
    name: p.name,
    unicodeName: toUnicodeDomainName(p.name),
    status: 'active',
    providerStatus: [],
    owner: null,
    createdAt: null,
    expiresAt: new Date(p.expires_at),
    updatedAt: null,
    autoRenew: p.auto_renew,
    whoisPrivacy: p.whois_privacy,
    transferLock: p.transfer_lock,
    nameservers: p.nameservers,
    dsRecords: null,
    raw: p,
  });
  const toRecord = (zone: string, p: z.infer<typeof RecordPayload>): DnsRecord => ({
    provider,
    id: p.id,
    domain: zone,
    name: p.name,
    fqdn: p.name === '@' ? zone : `${p.name}.${zone}`,
    type: p.type as DnsRecord['type'],
    content: p.content,
    ttl: p.ttl,
    priority: p.priority ?? null,
    createdAt: null,
    updatedAt: null,
    raw: p,
  });
  const call = (opts: CallOptions | undefined) => ({
    bucket: API_BUCKET,
    signal: opts?.signal,
    timeoutMs: opts?.timeoutMs,
    idempotencyKey: opts?.idempotencyKey,
  });
  const getDomain = async (domain: string, opts?: CallOptions) =>
    toDomain(
      (
        await http.request({
          operation: 'getDomain',
          method: 'GET',
          path: urlPath`/domains/${key(domain)}`,
          schema: DomainPayload,
          ...call(opts),
        })
      ).data,
    );
  const createRecord = async (domain: string, input: DnsRecordInput, opts?: CallOptions) => {
    // Checked before anything is sent; the zone is known locally when `domain` is a name.
    const named = domain.includes('.') ? normalizeDomainName(domain) : undefined;
    const record = validateRecordInput(input, { ...RULES, types: [...RULES.types], zone: named });
    const zone = named ?? (await getDomain(domain, opts)).name;
    const { data } = await http.request({
      operation: 'createRecord',
      method: 'POST',
      path: urlPath`/domains/${zone}/records`,
      body: { ttl: 3600, ...record },
      schema: RecordPayload,
      ...call(opts),
    });
    return toRecord(zone, data);
  };

  return defineRegistrar(provider, {
    listDomains: (opts?: ListOptions) =>
      paginate(
        async (page, signal) => {
          const { data } = await http.request({
            operation: 'listDomains',
            method: 'GET',
            path: '/domains',
            query: { page, per_page: opts?.pageSize ?? 100 },
            bucket: API_BUCKET,
            schema: z.object({ data: z.array(DomainPayload), total_pages: z.number() }),
            signal: opts?.signal ? AbortSignal.any([opts.signal, signal]) : signal,
          });
          return { items: data.data.map(toDomain), totalPages: data.total_pages };
        },
        { concurrency: opts?.concurrency, signal: opts?.signal },
      ),
    getDomain,
    updateDomain: async (domain, patch, opts) => {
      const body = {
        auto_renew: patch.autoRenew,
        whois_privacy: patch.whoisPrivacy,
        transfer_lock: patch.transferLock,
        nameservers: patch.nameservers,
      };
      const { data } = await http.request({
        operation: 'updateDomain',
        method: 'PATCH',
        path: urlPath`/domains/${key(domain)}`,
        body,
        schema: DomainPayload,
        ...call(opts),
      });
      return toDomain(data);
    },
    checkAvailability: async (name, opts) => {
      const ascii = normalizeDomainName(name);
      const { data } = await http.request({
        operation: 'checkAvailability',
        method: 'GET',
        path: urlPath`/check/${ascii}`,
        schema: z.object({ available: z.boolean(), premium: z.boolean(), price: z.string().nullable() }),
        ...call(opts),
      });
      return {
        provider,
        domain: ascii,
        available: data.available,
        status: data.premium ? 'premium' : data.available ? 'available' : 'registered',
        premium: data.premium,
        price: data.price ? money(data.price, 'USD') : null,
        reason: null,
        suggestions: [],
        providerStatus: [],
        raw: data,
      };
    },
    getPrice: async (name, opts) => {
      const ascii = normalizeDomainName(name);
      const operation = opts?.operation ?? 'register';
      const years = opts?.years ?? 1;
      const { data } = await http.request({
        operation: 'getPrice',
        method: 'GET',
        path: urlPath`/prices/${ascii}`,
        query: { operation },
        schema: z.object({ price: z.string(), currency: z.string(), premium: z.boolean() }),
        ...call(opts),
      });
      return {
        provider,
        domain: ascii,
        operation,
        years,
        price: money((Number(data.price) * years).toFixed(2), data.currency),
        premium: data.premium,
        available: null,
        renewalPrice: null,
      };
    },
    renewDomain: async (domain, input, opts) => {
      const { data } = await http.request({
        operation: 'renewDomain',
        method: 'POST',
        path: urlPath`/domains/${key(domain)}/renew`,
        body: { years: input.years },
        schema: z.object({ domain: z.string(), expires_at: z.string(), price: z.string() }),
        ...call(opts),
      });
      return {
        provider,
        domain: data.domain,
        status: 'completed',
        expiresAt: new Date(data.expires_at),
        cost: money(data.price, 'USD'),
        raw: data,
      };
    },
    listRecords: (domain, opts) =>
      paginate(async (_page, signal) => {
        const zone = (await getDomain(domain, { signal })).name;
        const { data } = await http.request({
          operation: 'listRecords',
          method: 'GET',
          path: urlPath`/domains/${zone}/records`,
          schema: z.object({ data: z.array(RecordPayload), total_pages: z.number() }),
          bucket: API_BUCKET,
          signal: opts?.signal ? AbortSignal.any([opts.signal, signal]) : signal,
        });
        return { items: data.data.map((r) => toRecord(zone, r)), totalPages: 1 };
      }),
    createRecord,
    createRecords: async (domain, inputs, opts) => {
      const created: DnsRecord[] = [];
      const errors: { input: DnsRecordInput; error: RegistrarError }[] = [];
      for (const input of inputs) {
        try {
          created.push(await createRecord(domain, input, opts));
        } catch (error) {
          if (!isRegistrarError(error)) throw error;
          errors.push({ input, error });
        }
      }
      return { created, errors };
    },
    updateRecord: async (domain, id, patch, opts) => {
      const zone = (await getDomain(domain, opts)).name;
      const body = validateRecordPatch(patch, { ...RULES, types: [...RULES.types], zone });
      const { data } = await http.request({
        operation: 'updateRecord',
        method: 'PATCH',
        path: urlPath`/domains/${zone}/records/${id}`,
        body,
        schema: RecordPayload,
        ...call(opts),
      });
      return toRecord(zone, data);
    },
    deleteRecord: async (domain, id, opts) => {
      const zone = (await getDomain(domain, opts)).name;
      await http.request({
        operation: 'deleteRecord',
        method: 'DELETE',
        path: urlPath`/domains/${zone}/records/${id}`,
        ...call(opts),
      });
    },
  });
}
