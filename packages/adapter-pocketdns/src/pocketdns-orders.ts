/**
 * The spending calls and their follow-up (docs/providers/pocketdns.md#orders): renewDomain,
 * transferDomain, getTransfer. Each is sent once (the transport never retries a spending request
 * after a timeout or a 5xx); with `maxPrice` the price is fetched first and a higher one (or one in
 * another currency) is refused with nothing sent. Registration happens in PocketDNS's embedded
 * shop, so there is no `registerDomain`.
 */
import {
  assertWithinMaxPrice,
  type CallOptions,
  type ErrorContext,
  inlineContacts,
  invalidInput,
  type Money,
  money,
  parseInput,
  type RenewInput,
  RenewInputSchema,
  type RenewResult,
  type Transfer,
  type TransferInput,
  TransferInputSchema,
  urlPath,
  type ValidationIssue,
} from '@registrar-kit/core';
import type { PocketDnsClient } from './pocketdns-client.js';
import { toRenewResult, toTransfer } from './pocketdns-mappers.js';
import type { PocketDnsPrices } from './pocketdns-prices.js';
import { PROVIDER } from './pocketdns-provider-info.js';
import { RenewSchema, TransferSchema, TransferStartSchema } from './pocketdns-schemas.js';

const NO_PREMIUM_PRICE = 'PocketDNS takes no premium price confirmation: use maxPrice to cap what is charged';

/** Refuses, before anything is sent, the inputs PocketDNS has no field for. */
function unsupportedFields(input: {
  premiumPrice?: unknown;
  extendedAttributes?: unknown;
}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (input.premiumPrice !== undefined) issues.push({ path: 'premiumPrice', message: NO_PREMIUM_PRICE });
  if (input.extendedAttributes !== undefined)
    issues.push({
      path: 'extendedAttributes',
      message: 'PocketDNS publishes no TLD requirements and takes no extended attributes',
    });
  return issues;
}

export function orderMethods(client: PocketDnsClient, prices: PocketDnsPrices) {
  /**
   * What renewing costs: the domain's own renewal price from its details (`pricing`), else the TLD
   * list's, times the years.
   */
  async function renewalPrice(
    id: string,
    name: string,
    years: number,
    context: ErrorContext,
    opts: CallOptions,
  ): Promise<Money> {
    const detail = await client.fetchDetail(id, context.operation, opts);
    const own = detail.pricing;
    if (own?.renewal_price !== null && own?.renewal_price !== undefined && own.currency)
      return prices.times(money(own.renewal_price, own.currency), years);
    const tld = await prices.tldOf(name || detail.name, context.operation, opts);
    if (!tld.renew)
      throw invalidInput(
        context,
        [
          {
            path: 'maxPrice',
            message: `PocketDNS quotes no renewal price for .${tld.tld}, so maxPrice cannot be checked`,
          },
        ],
        'renewal',
      );
    return prices.times(tld.renew, years);
  }

  return {
    async renewDomain(domain: string, input: RenewInput, opts: CallOptions = {}): Promise<RenewResult> {
      const operation = 'renewDomain';
      const context = { provider: PROVIDER, operation };
      const ref = client.parseDomain(domain, operation);
      const renewal = parseInput(RenewInputSchema, input, context, 'renewal');
      const refused = unsupportedFields(renewal);
      if (refused.length > 0) throw invalidInput(context, refused, 'renewal');
      const { years, maxPrice } = renewal;
      return client.withDomain(ref, operation, opts, false, async ({ id, name }) => {
        if (maxPrice) {
          const price = await renewalPrice(id, name, years, context, opts);
          assertWithinMaxPrice(price, maxPrice, context, `renewing for ${years} year(s)`);
        }
        const { data } = await client.send(
          {
            operation,
            method: 'POST',
            path: urlPath`/api/v1/domains/${id}/renew`,
            body: { years },
            schema: RenewSchema,
            bucket: 'domainUpdates',
          },
          opts,
        );
        return toRenewResult(data, name || client.knownZone(ref) || '', domain);
      });
    },

    async transferDomain(input: TransferInput, opts: CallOptions = {}): Promise<Transfer> {
      const operation = 'transferDomain';
      const context = { provider: PROVIDER, operation };
      const transfer = parseInput(TransferInputSchema, input, context, 'transfer');
      const name = client.parseName(transfer.domain, operation);
      // PocketDNS has no contact objects (ids are refused, naming the provider) and its transfer
      // call takes no contact details: the domain goes to the owner (user_identifier).
      const contacts = inlineContacts(transfer.contacts, context);
      const issues = unsupportedFields(transfer);
      for (const role of Object.keys(contacts))
        issues.push({
          path: `contacts.${role}`,
          message:
            'PocketDNS transfers take no contact details: the domain goes to its owner (user_identifier), whose details PocketDNS keeps',
        });
      if (transfer.years !== undefined && transfer.years !== 1)
        issues.push({
          path: 'years',
          message: 'PocketDNS can extend a transfer by 1 year only (years: 1 or extendRegistration: true)',
        });
      if (transfer.years === 1 && transfer.extendRegistration === false)
        issues.push({
          path: 'years',
          message: 'years: 1 asks for a 1-year extension, but extendRegistration is false',
        });
      if (issues.length > 0) throw invalidInput(context, issues, 'transfer');
      const owner = client.requireOwner(
        operation,
        opts,
        transfer.owner,
        'the user who will own the transferred domain',
      );
      if (transfer.maxPrice) {
        const quote = await prices.quote(name, 'transfer', 1, operation, opts);
        assertWithinMaxPrice(quote.price, transfer.maxPrice, context, `transferring ${name}`);
      }
      const extend = transfer.extendRegistration ?? (transfer.years === 1 ? true : undefined);
      const { data } = await client.send(
        {
          operation,
          method: 'POST',
          path: '/api/v1/domains/transfer',
          body: {
            domain_name: name,
            user_identifier: owner,
            auth_code: transfer.authCode,
            ...(extend !== undefined ? { extend_registration: extend } : {}),
          },
          schema: TransferStartSchema,
          bucket: 'domainTransfers',
        },
        opts,
      );
      return toTransfer(data, name);
    },

    async getTransfer(id: string, opts: CallOptions = {}): Promise<Transfer> {
      const operation = 'getTransfer';
      client.checkId(id, operation);
      const { data } = await client.send(
        {
          operation,
          method: 'GET',
          path: urlPath`/api/v1/domains/transfers/${id}`,
          schema: TransferSchema,
          bucket: 'domainRetrieval',
        },
        opts,
      );
      if (data.status === 'completed' && data.domain_id) client.remember(data.domain_name, data.domain_id);
      return toTransfer(data);
    },
  };
}
