/**
 * Domain methods: listDomains, getDomain, updateDomain (PATCH: `block_transfer`, `name_servers`),
 * get/setDsRecords (`sec_dns`), getAuthCode (returned: Glauca stores it) and the Glauca-specific
 * regenerateAuthCode (docs/providers/glauca.md#domains).
 */
import {
  type AuthCode,
  type CallOptions,
  type Domain,
  type DomainPatch,
  type DsRecord,
  domainNameIssues,
  invalidInput,
  type ListOptions,
  ResponseFormatError,
  requestOptions,
  urlPath,
  type ValidationIssue,
} from '@registrar-kit/core';
import type { GlaucaClient } from './glauca-client.js';
import { mapDomain, nameServersBody, secDnsFromDsRecords } from './glauca-domain-mappers.js';
import { type GlaucaDomainPayload, GlaucaDomainPayloadSchema } from './glauca-schemas.js';
import { PROVIDER } from './glauca-values.js';

const UPDATE = { provider: PROVIDER, operation: 'updateDomain' };

const PATCH_KEYS = new Set(['autoRenew', 'whoisPrivacy', 'transferLock', 'nameservers']);

/** Checks a DomainPatch and builds the PATCH body. Throws one ValidationError naming every bad field. */
export function domainPatchBody(patch: DomainPatch): Record<string, unknown> {
  const issues: ValidationIssue[] = [];
  if (!patch || typeof patch !== 'object' || Array.isArray(patch))
    throw invalidInput(UPDATE, [{ path: '', message: 'must be an object' }], 'domain patch');
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
  if (issues.length > 0) throw invalidInput(UPDATE, issues, 'domain patch');
  return body;
}

export function domainMethods(client: GlaucaClient) {
  const { fetchDomain } = client;

  async function patchDomain(
    domain: string,
    body: Record<string, unknown>,
    opts: CallOptions | undefined,
    operation: string,
  ): Promise<GlaucaDomainPayload> {
    const id = await client.resolveDomainId(domain, opts, operation);
    return client.domains({
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
    listDomains(opts?: ListOptions): AsyncIterable<Domain> {
      return {
        async *[Symbol.asyncIterator]() {
          const list = await client.listDomainPayloads(opts, 'listDomains');
          const now = client.now();
          for (const payload of list) yield mapDomain(payload, now);
        },
      };
    },

    async getDomain(domain: string, opts?: CallOptions): Promise<Domain> {
      return mapDomain(await fetchDomain(domain, opts, 'getDomain'), client.now());
    },

    async updateDomain(domain: string, patch: DomainPatch, opts?: CallOptions): Promise<Domain> {
      const body = domainPatchBody(patch);
      return mapDomain(await patchDomain(domain, body, opts, 'updateDomain'), client.now());
    },

    async getDsRecords(domain: string, opts?: CallOptions): Promise<DsRecord[]> {
      return mapDomain(await fetchDomain(domain, opts, 'getDsRecords'), client.now()).dsRecords ?? [];
    },

    async setDsRecords(domain: string, records: DsRecord[], opts?: CallOptions): Promise<DsRecord[]> {
      const secDns = secDnsFromDsRecords(records);
      const payload = await patchDomain(domain, { sec_dns: secDns }, opts, 'setDsRecords');
      return mapDomain(payload, client.now()).dsRecords ?? [];
    },

    /** Glauca returns the code it stores (`auth_info`); null when it holds none. */
    async getAuthCode(domain: string, opts?: CallOptions): Promise<AuthCode> {
      const payload = await fetchDomain(domain, opts, 'getAuthCode');
      return {
        provider: PROVIDER,
        domain: payload.domain.toLowerCase(),
        authCode: payload.auth_info ?? null,
        delivery: 'returned',
      };
    },

    async regenerateAuthCode(domain: string, opts?: CallOptions): Promise<string> {
      const payload = await patchDomain(domain, { regen_auth_code: true }, opts, 'regenerateAuthCode');
      if (!payload.auth_info) {
        throw new ResponseFormatError('glauca regenerateAuthCode: the response carries no auth_info', {
          provider: PROVIDER,
          operation: 'regenerateAuthCode',
          issues: [{ path: 'auth_info', message: 'expected the new auth code' }],
        });
      }
      return payload.auth_info;
    },
  };
}
