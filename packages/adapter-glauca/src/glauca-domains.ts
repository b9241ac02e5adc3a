/**
 * Domain methods: listDomains, getDomain, updateDomain (PATCH: `block_transfer`, `name_servers`),
 * get/setDsRecords (`sec_dns`), and the Glauca-specific getAuthCode / regenerateAuthCode.
 */
import {
  type AuthCode,
  type CallOptions,
  type Domain,
  type DomainPatch,
  type DsRecord,
  domainNameIssues,
  type ListOptions,
  NotFoundError,
  ResponseFormatError,
  requestOptions,
  urlPath,
  ValidationError,
  type ValidationIssue,
} from '@registrar-kit/core';
import { mapDomain, nameServersBody, secDnsFromDsRecords } from './glauca-domain-mappers.js';
import type { GlaucaContext } from './glauca-registrar.js';
import {
  GlaucaDomainListSchema,
  type GlaucaDomainPayload,
  GlaucaDomainPayloadSchema,
} from './glauca-schemas.js';

const PATCH_KEYS = new Set(['autoRenew', 'whoisPrivacy', 'transferLock', 'nameservers']);

/** Checks a DomainPatch and builds the PATCH body. Throws one ValidationError naming every bad field. */
export function domainPatchBody(patch: DomainPatch): Record<string, unknown> {
  const issues: ValidationIssue[] = [];
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new ValidationError('Invalid domain patch: expected an object', {
      provider: 'glauca',
      operation: 'updateDomain',
      issues: [{ path: '', message: 'must be an object' }],
    });
  }
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) {
    if (!PATCH_KEYS.has(key))
      issues.push({ path: key, message: 'is not a domain setting (allowed: transferLock, nameservers)' });
  }
  for (const key of ['autoRenew', 'whoisPrivacy'] as const) {
    if (patch[key] !== undefined)
      issues.push({ path: key, message: `Glauca cannot change ${key} (the API has no such setting)` });
  }
  if (patch.transferLock !== undefined) {
    if (typeof patch.transferLock !== 'boolean')
      issues.push({ path: 'transferLock', message: 'must be a boolean' });
    else body.block_transfer = patch.transferLock;
  }
  if (patch.nameservers !== undefined) {
    if (!Array.isArray(patch.nameservers))
      issues.push({ path: 'nameservers', message: 'must be an array of host names' });
    else {
      const hosts: string[] = [];
      patch.nameservers.forEach((host, index) => {
        const { ascii, issues: hostIssues } = domainNameIssues(host, `nameservers.${index}`);
        if (ascii === null) issues.push(...hostIssues);
        else hosts.push(ascii);
      });
      if (new Set(hosts).size !== hosts.length)
        issues.push({ path: 'nameservers', message: 'must not repeat a host' });
      body.name_servers = nameServersBody(hosts);
    }
  }
  if (issues.length === 0 && Object.keys(body).length === 0)
    issues.push({ path: '', message: 'the patch changes nothing' });
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid domain patch: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
      {
        provider: 'glauca',
        operation: 'updateDomain',
        issues,
      },
    );
  }
  return body;
}

export function makeDomainMethods(
  ctx: GlaucaContext,
  rememberDomains: (list: GlaucaDomainPayload[]) => void,
) {
  /** GET one domain by name or id; on a 404 a cached name → id mapping is forgotten (the next call resolves again). */
  async function fetchDomain(
    domain: string,
    opts: CallOptions | undefined,
    operation: string,
  ): Promise<GlaucaDomainPayload> {
    const id = await ctx.resolveDomainId(domain, opts, operation);
    try {
      return await ctx.domains({
        operation,
        method: 'GET',
        path: urlPath`/api/domains/${id}/`,
        schema: GlaucaDomainPayloadSchema,
        bucket: 'domains',
        ...requestOptions(opts),
      });
    } catch (error) {
      if (error instanceof NotFoundError) ctx.forgetDomainId(id);
      throw error;
    }
  }

  async function patchDomain(
    domain: string,
    body: Record<string, unknown>,
    opts: CallOptions | undefined,
    operation: string,
  ): Promise<GlaucaDomainPayload> {
    const id = await ctx.resolveDomainId(domain, opts, operation);
    return ctx.domains({
      operation,
      method: 'PATCH',
      path: urlPath`/api/domains/${id}/`,
      body,
      schema: GlaucaDomainPayloadSchema,
      bucket: 'domains',
      ...requestOptions(opts),
    });
  }

  return {
    fetchDomain,

    listDomains(opts?: ListOptions): AsyncIterable<Domain> {
      return {
        async *[Symbol.asyncIterator]() {
          // Not paginated: one plain array, redemption domains included with `deleted: true` [src].
          const list = await ctx.domains({
            operation: 'listDomains',
            method: 'GET',
            path: '/api/domains/',
            schema: GlaucaDomainListSchema,
            bucket: 'domains',
            ...requestOptions(opts),
          });
          rememberDomains(list);
          const now = ctx.now();
          for (const payload of list) yield mapDomain(payload, now);
        },
      };
    },

    async getDomain(domain: string, opts?: CallOptions): Promise<Domain> {
      return mapDomain(await fetchDomain(domain, opts, 'getDomain'), ctx.now());
    },

    async updateDomain(domain: string, patch: DomainPatch, opts?: CallOptions): Promise<Domain> {
      const body = domainPatchBody(patch);
      return mapDomain(await patchDomain(domain, body, opts, 'updateDomain'), ctx.now());
    },

    async getDsRecords(domain: string, opts?: CallOptions): Promise<DsRecord[]> {
      return mapDomain(await fetchDomain(domain, opts, 'getDsRecords'), ctx.now()).dsRecords ?? [];
    },

    async setDsRecords(domain: string, records: DsRecord[], opts?: CallOptions): Promise<DsRecord[]> {
      const secDns = secDnsFromDsRecords(records);
      const payload = await patchDomain(domain, { sec_dns: secDns }, opts, 'setDsRecords');
      return mapDomain(payload, ctx.now()).dsRecords ?? [];
    },

    /** Glauca returns the code it stores (`auth_info`); null when it holds none. */
    async getAuthCode(domain: string, opts?: CallOptions): Promise<AuthCode> {
      const payload = await fetchDomain(domain, opts, 'getAuthCode');
      return {
        provider: 'glauca',
        domain: payload.domain.toLowerCase(),
        authCode: payload.auth_info ?? null,
        delivery: 'returned',
      };
    },

    async regenerateAuthCode(domain: string, opts?: CallOptions): Promise<string> {
      const payload = await patchDomain(domain, { regen_auth_code: true }, opts, 'regenerateAuthCode');
      if (!payload.auth_info) {
        throw new ResponseFormatError('glauca regenerateAuthCode: the response carries no auth_info', {
          provider: 'glauca',
          operation: 'regenerateAuthCode',
          issues: [{ path: 'auth_info', message: 'expected the new auth code' }],
        });
      }
      return payload.auth_info;
    },
  };
}
