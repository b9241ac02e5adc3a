/**
 * What a TLD requires (https://developer.dnsimple.com/v2/tlds/): `GET /v2/tlds/{tld}` (terms, WHOIS
 * privacy, renewals) and `GET /v2/tlds/{tld}/extended_attributes` (registry fields such as the .us
 * nexus). Registrations and transfers check their `extendedAttributes` against it before sending.
 */
import {
  type CallOptions,
  type ExtendedAttribute,
  normalizeDomainName,
  type TldRequirements,
  urlPath,
} from '@registrar-kit/core';
import { z } from 'zod';
import { checked, type DnsimpleClient } from './dnsimple-client.js';
import { ExtendedAttributeSchema, envelope, TldSchema } from './dnsimple-schemas.js';
import { mapExtendedAttributes, mapTldRequirements } from './dnsimple-tld-mappers.js';

const ExtendedAttributesSchema = envelope(z.array(ExtendedAttributeSchema));
const TldEnvelopeSchema = envelope(TldSchema);

/** A TLD argument (`com`, `.co.uk`, `BÜCHER`…) → its ASCII form without the leading dot. */
export function parseTld(tld: string, operation: string): string {
  return checked(operation, 'TLD', () =>
    normalizeDomainName(`x.${typeof tld === 'string' ? tld.replace(/^\./, '') : tld}`).slice(2),
  );
}

/** The extended attributes of `tld` (already parsed): `GET /v2/tlds/{tld}/extended_attributes`. */
export async function readExtendedAttributes(
  client: DnsimpleClient,
  tld: string,
  operation: string,
  opts?: CallOptions,
): Promise<ExtendedAttribute[]> {
  const { data } = await client.send(
    {
      operation,
      method: 'GET',
      path: urlPath`/v2/tlds/${tld}/extended_attributes`,
      schema: ExtendedAttributesSchema,
    },
    opts,
  );
  return mapExtendedAttributes(data.data);
}

async function readTldRequirements(
  client: DnsimpleClient,
  tld: string,
  opts?: CallOptions,
): Promise<TldRequirements> {
  const operation = 'getTldRequirements';
  // The TLD paths carry no account: only the token is needed.
  client.token(operation);
  const [info, attributes] = await Promise.all([
    client.send(
      { operation, method: 'GET', path: urlPath`/v2/tlds/${tld}`, schema: TldEnvelopeSchema },
      opts,
    ),
    readExtendedAttributes(client, tld, operation, opts),
  ]);
  return { ...mapTldRequirements(info.data.data, []), extendedAttributes: attributes };
}

export function tldMethods(client: DnsimpleClient) {
  const getTldRequirements = async (tld: string, opts?: CallOptions): Promise<TldRequirements> =>
    readTldRequirements(client, parseTld(tld, 'getTldRequirements'), opts);
  return { methods: { getTldRequirements } };
}
