/**
 * The DNS-hosting side of a domain (https://developer.dnsimple.com/v2/zones/): `getZone` reads the
 * zone and its apex NS records (system records: the name servers to delegate to); `createZone` adds
 * the domain to the account (`POST /v2/{account}/domains`), which is how DNSimple creates a zone:
 * there is no zone create endpoint (docs/providers/dnsimple.md#zones).
 */
import { type CallOptions, paginate, toArray, urlPath, type Zone } from '@registrar-kit/core';
import { type DnsimpleClient, parseDomainName } from './dnsimple-client.js';
import { mapZone } from './dnsimple-mappers.js';
import {
  DomainPayloadSchema,
  envelope,
  pageOf,
  ZonePayloadSchema,
  ZoneRecordSchema,
} from './dnsimple-schemas.js';

export function zoneMethods(client: DnsimpleClient) {
  /** The apex NS records' targets, lower-case without the trailing dot; null when the zone has none. */
  async function apexNameServers(
    accountId: string,
    zone: string,
    operation: string,
    opts?: CallOptions,
  ): Promise<string[] | null> {
    const records = await toArray(
      paginate(
        async (page, signal) => {
          const { data } = await client.send(
            {
              operation,
              method: 'GET',
              path: urlPath`/v2/${accountId}/zones/${zone}/records`,
              query: { page, per_page: 100, type: 'NS' },
              schema: pageOf(ZoneRecordSchema),
            },
            { ...opts, signal },
          );
          return { items: data.data, totalPages: data.pagination.total_pages };
        },
        { signal: opts?.signal, provider: 'dnsimple', operation },
      ),
    );
    const hosts = records
      .filter((record) => record.name === '' && record.type.toUpperCase() === 'NS')
      .map((record) => record.content.trim().toLowerCase().replace(/\.$/, ''));
    return hosts.length > 0 ? [...new Set(hosts)] : null;
  }

  async function readZone(name: string, operation: string, opts?: CallOptions): Promise<Zone> {
    const accountId = await client.account(operation, opts);
    const { data } = await client.send(
      {
        operation,
        method: 'GET',
        path: urlPath`/v2/${accountId}/zones/${name}`,
        schema: envelope(ZonePayloadSchema),
      },
      opts,
    );
    return mapZone(data.data, await apexNameServers(accountId, name, operation, opts));
  }

  async function getZone(domain: string, opts?: CallOptions): Promise<Zone> {
    const name = await client.domainName(domain, 'getZone', opts);
    return readZone(name, 'getZone', opts);
  }

  /** Adds the domain for DNS hosting (state `hosted`); on Solo and Teams plans this bills DNS service. */
  async function createZone(domain: string, opts?: CallOptions): Promise<Zone> {
    const name = parseDomainName(domain, 'createZone');
    const accountId = await client.account('createZone', opts);
    const { data } = await client.send(
      {
        operation: 'createZone',
        method: 'POST',
        path: urlPath`/v2/${accountId}/domains`,
        body: { name },
        schema: envelope(DomainPayloadSchema),
      },
      opts,
    );
    client.remember(data.data);
    return readZone(name, 'createZone', opts);
  }

  return { methods: { getZone, createZone } };
}
