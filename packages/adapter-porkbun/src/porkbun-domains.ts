/**
 * Domains (docs/providers/porkbun.md#domains): `listAll` pages of 1000 by offset, `get` for one
 * domain plus `getNs` for its nameservers, auto-renew and nameservers as the only settings the API
 * changes (WHOIS privacy is set at registration only, the transfer lock is read-only), and the zone
 * Porkbun hosts for every domain in the account.
 */
import {
  type CallOptions,
  type Domain,
  type DomainPatch,
  DomainPatchSchema,
  invalidInput,
  type ListOptions,
  NotFoundError,
  PermissionError,
  ProviderError,
  paginate,
  parseInput,
  type RegistrarMethods,
  urlPath,
  type Zone,
} from '@registrar-kit/core';
import { domainName, type PorkbunClient, PROVIDER } from './porkbun-client.js';
import { toDomain, toNameservers } from './porkbun-mappers.js';
import {
  AutoRenewSchema,
  BasicSuccessSchema,
  GetDomainSchema,
  ListAllSchema,
  NameserversSchema,
} from './porkbun-schemas.js';

/** Domains per `/domain/listAll` page (fixed by Porkbun). */
export const PORKBUN_PAGE_SIZE = 1000;
/** Porkbun's own nameservers, which serve the `/dns/*` records (docs/providers/porkbun.md#domains). */
export const PORKBUN_NAMESERVERS = [
  'curitiba.ns.porkbun.com',
  'fortaleza.ns.porkbun.com',
  'maceio.ns.porkbun.com',
  'salvador.ns.porkbun.com',
];

export async function readNameservers(
  client: PorkbunClient,
  name: string,
  operation: string,
  opts?: CallOptions,
): Promise<string[]> {
  const data = await client.send(
    {
      operation,
      method: 'POST',
      path: urlPath`/domain/getNs/${name}`,
      schema: NameserversSchema,
      readOnly: true,
    },
    opts,
  );
  return toNameservers(data.ns) ?? [];
}

/** Replaces the domain's nameservers (`/domain/updateNs` takes the whole set). */
export async function sendNameservers(
  client: PorkbunClient,
  name: string,
  nameservers: string[],
  operation: string,
  opts?: CallOptions,
): Promise<void> {
  await client.send(
    {
      operation,
      method: 'POST',
      path: urlPath`/domain/updateNs/${name}`,
      body: { ns: nameservers },
      schema: BasicSuccessSchema,
    },
    opts,
  );
}

/** Turns auto-renew on or off; a per-domain refusal inside the `SUCCESS` answer is thrown. */
export async function sendAutoRenew(
  client: PorkbunClient,
  name: string,
  on: boolean,
  operation: string,
  opts?: CallOptions,
): Promise<void> {
  const data = await client.send(
    {
      operation,
      method: 'POST',
      path: urlPath`/domain/updateAutoRenew/${name}`,
      body: { status: on ? 'on' : 'off' },
      schema: AutoRenewSchema,
    },
    opts,
  );
  // A top-level SUCCESS does not mean each domain succeeded (docs/providers/porkbun.md#domains).
  const result = data.results && !Array.isArray(data.results) ? data.results[name] : undefined;
  if (result && result.status !== 'SUCCESS')
    throw autoRenewFailure(name, result.message ?? result.status, operation);
}

export function domainMethods(client: PorkbunClient): Partial<RegistrarMethods> {
  function listDomains(opts: ListOptions = {}): AsyncIterable<Domain> {
    return paginate(
      async (page, signal) => {
        const data = await client.send(
          {
            operation: 'listDomains',
            method: 'POST',
            path: '/domain/listAll',
            body: { start: (page - 1) * PORKBUN_PAGE_SIZE, sortName: 'domain', sortDirection: 'asc' },
            schema: ListAllSchema,
            readOnly: true,
          },
          { ...opts, signal },
        );
        const items = (data.domains ?? []).map((item) => toDomain(item, null));
        // A full page means another may follow; paginate refuses a page that repeats an earlier one.
        return { items, hasMore: items.length >= PORKBUN_PAGE_SIZE };
      },
      { signal: opts.signal, provider: PROVIDER, operation: 'listDomains' },
    );
  }

  async function getDomain(domain: string, opts?: CallOptions): Promise<Domain> {
    const name = domainName(domain, 'getDomain');
    const data = await client.send(
      { operation: 'getDomain', method: 'GET', path: urlPath`/domain/get/${name}`, schema: GetDomainSchema },
      opts,
    );
    // The item has no nameservers; getNs needs the domain opted in to API access.
    const nameservers = await readNameservers(client, name, 'getDomain', opts).catch((error: unknown) => {
      if (error instanceof PermissionError) return null;
      throw error;
    });
    return toDomain(data.domain, nameservers);
  }

  async function updateDomain(domain: string, patch: DomainPatch, opts?: CallOptions): Promise<Domain> {
    const name = domainName(domain, 'updateDomain');
    const context = { provider: PROVIDER, operation: 'updateDomain' };
    const parsed = parseInput(DomainPatchSchema, patch, context, 'patch');
    const refused = [
      ...(parsed.whoisPrivacy !== undefined
        ? [
            {
              path: 'whoisPrivacy',
              message: 'Porkbun sets WHOIS privacy at registration only; change it at porkbun.com',
            },
          ]
        : []),
      ...(parsed.transferLock !== undefined
        ? [
            {
              path: 'transferLock',
              message: "Porkbun's API cannot change the transfer lock; change it at porkbun.com",
            },
          ]
        : []),
      ...(parsed.nameservers?.length === 0
        ? [{ path: 'nameservers', message: 'must name at least one nameserver' }]
        : []),
    ];
    if (refused.length > 0) throw invalidInput(context, refused, 'patch');
    const nameservers = parsed.nameservers?.map((host) => domainName(host, 'updateDomain'));
    if (parsed.autoRenew !== undefined)
      await sendAutoRenew(client, name, parsed.autoRenew, 'updateDomain', opts);
    if (nameservers) await sendNameservers(client, name, nameservers, 'updateDomain', opts);
    return getDomain(name, opts);
  }

  /** The zone Porkbun hosts for a domain in the account: delegate to Porkbun's nameservers to use it. */
  async function getZone(domain: string, opts?: CallOptions): Promise<Zone> {
    const name = domainName(domain, 'getZone');
    await client.send(
      { operation: 'getZone', method: 'GET', path: urlPath`/domain/get/${name}`, schema: GetDomainSchema },
      opts,
    );
    return { provider: PROVIDER, id: name, name, nameservers: [...PORKBUN_NAMESERVERS] };
  }

  return { listDomains, getDomain, updateDomain, getZone };
}

/** A per-domain refusal inside a `SUCCESS` answer of `/domain/updateAutoRenew`, as a typed error. */
function autoRenewFailure(name: string, message: string, operation: string): Error {
  const text = `${PROVIDER} ${operation}: ${name}: ${message}`;
  const options = { provider: PROVIDER, operation };
  if (/not opted in/i.test(message))
    return new PermissionError(text, { ...options, code: 'API_ACCESS_DISABLED' });
  if (/not in your account/i.test(message))
    return new NotFoundError(text, { ...options, code: 'INVALID_DOMAIN' });
  return new ProviderError(text, { ...options, code: 'auto_renew_refused' });
}
