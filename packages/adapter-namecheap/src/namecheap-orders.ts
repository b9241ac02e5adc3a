/**
 * Availability, prices and orders: domains.check (≤ 50 names a call), users.getPricing,
 * domains.create / renew / reactivate / transfer.create (these charge the account balance), transfer
 * status, domains.getTldList (docs/providers/namecheap.md#orders-and-prices). Before anything is
 * charged the price is known (quote fetched) and `maxPrice` refuses above it with nothing sent; a
 * charging command is sent once (never retried after a timeout or a server error); once charged,
 * the call resolves from the answer alone (no follow-up read).
 */
import {
  type Availability,
  assertExtendedAttributes,
  assertWithinMaxPrice,
  type CallOptions,
  compareDecimal,
  invalidInput,
  isRegistrarError,
  type Money,
  NotFoundError,
  type PriceOperation,
  type PriceQuote,
  parseInput,
  RegisterInputSchema,
  type Registrar,
  type RegistrarError,
  type Registration,
  type RenewInput,
  RenewInputSchema,
  type RenewResult,
  ResponseFormatError,
  type TldPrice,
  type TldRequirements,
  type Transfer,
  TransferInputSchema,
} from '@registrar-kit/core';
import { z } from 'zod';
import { domainNameOf, type NamecheapClient, splitName } from './namecheap-client.js';
import { contactParams } from './namecheap-contacts.js';
import { resolveDomain } from './namecheap-domains.js';
import { PROVIDER } from './namecheap-errors.js';
import { availabilityFromRow, transferOf } from './namecheap-order-mappers.js';
import { PRICING_ACTION, premiumPrice, priceRow, termPrice, tldPrices } from './namecheap-pricing.js';
import {
  type CheckRow,
  CheckSchema,
  CreateSchema,
  GetPricingSchema,
  GetTldListSchema,
  ReactivateSchema,
  RenewSchema,
  TransferCreateSchema,
  TransferListSchema,
  TransferStatusSchema,
} from './namecheap-schemas.js';
import { NAMECHEAP_EXTENDED_ATTRIBUTES } from './namecheap-tld-attributes.js';
import { DEFAULT_CURRENCY, namecheapDate, positiveAmount } from './namecheap-values.js';

/** domains.check takes at most 50 names (error 2011169). */
export const CHECK_BATCH = 50;

export interface NamecheapRestoreInput {
  /** `YearsToAdd` (default 1; premium names: 1). */
  years?: number;
  premiumPrice?: Money;
  maxPrice?: Money;
}

export interface NamecheapRestoreResult {
  domain: string;
  status: 'completed' | 'pending';
  orderId: string | null;
  cost: Money | null;
  raw: unknown;
}

export interface AvailabilityBatch {
  /** One per name Namecheap answered, in the order given. */
  results: Availability[];
  /** Names refused locally (invalid) or whose batch failed, each with its error. */
  errors: { name: string; error: RegistrarError }[];
}

const RestoreInputSchema = RenewInputSchema.extend({ years: z.number().int().min(1).max(10).default(1) });

function ctx(operation: string) {
  return { provider: PROVIDER, operation };
}

/** Codes with characters beyond letters and digits go as `base64:<code>` (transfer.create docs). */
function eppCodeParam(code: string): string {
  return /^[A-Za-z0-9]+$/.test(code) ? code : `base64:${Buffer.from(code, 'utf8').toString('base64')}`;
}

export function orderMethods(client: NamecheapClient) {
  async function check(names: string[], operation: string, opts?: CallOptions): Promise<CheckRow[]> {
    const answer = await client.command(
      operation,
      'namecheap.domains.check',
      { DomainList: names.join(',') },
      CheckSchema,
      opts,
    );
    return answer.domaincheckresult;
  }

  async function checkOne(
    name: string,
    operation: string,
    opts?: CallOptions,
  ): Promise<CheckRow | undefined> {
    const rows = await check([name], operation, opts);
    return rows.find((row) => row.domain.trim().toLowerCase() === name) ?? rows[0];
  }

  async function pricing(operation: string, params: Record<string, string | undefined>, opts?: CallOptions) {
    const answer = await client.command(
      operation,
      'namecheap.users.getPricing',
      { ProductType: 'DOMAIN', ...params },
      GetPricingSchema,
      opts,
    );
    return answer.usergetpricingresult;
  }

  /** The quote of one operation: premium prices from domains.check, else getPricing for the TLD. */
  async function quote(
    name: string,
    operation: PriceOperation,
    years: number,
    caller: string,
    opts?: CallOptions,
  ): Promise<{ quote: PriceQuote; row: CheckRow | undefined }> {
    const { tld } = splitName(name, caller);
    const row = await checkOne(name, caller, opts);
    const table = await pricing(caller, { ProductName: tld.toUpperCase() }, opts);
    const premium = premiumPrice(row, operation);
    const fee =
      operation === 'register' ? (positiveAmount(row?.icannfee, DEFAULT_CURRENCY)?.amount ?? '0') : '0';
    let price: Money | null;
    if (premium)
      price = termPrice({ duration: String(years), price: premium.amount, additionalcost: fee }, years);
    else {
      const found = priceRow(table, tld, operation, years);
      price = found ? termPrice(found, years) : null;
    }
    if (!price)
      throw new NotFoundError(
        `${PROVIDER} ${caller}: Namecheap publishes no ${PRICING_ACTION[operation]} price for .${tld} for ${years} year(s)`,
        { ...ctx(caller), code: 'no_price' },
      );
    const premiumRenewal = row?.ispremiumname ? premiumPrice(row, 'renew') : null;
    const renewalRow = priceRow(table, tld, 'renew', 1);
    const result: PriceQuote = {
      provider: PROVIDER,
      domain: name,
      operation,
      years,
      price,
      premium: Boolean(premium),
      available: operation === 'register' && row ? availabilityFromRow(row, name).available : null,
      renewalPrice: premiumRenewal ?? (renewalRow ? termPrice(renewalRow, 1) : null),
    };
    return { quote: result, row };
  }

  /**
   * Before an order: the price it will charge, refused above `maxPrice` (nothing sent), and the
   * premium parameters it needs.
   */
  async function guard(
    name: string,
    operation: PriceOperation,
    years: number,
    input: { maxPrice?: Money; premiumPrice?: Money },
    caller: string,
    opts?: CallOptions,
  ) {
    const { quote: q, row } = await quote(name, operation, years, caller, opts);
    assertWithinMaxPrice(q.price, input.maxPrice, ctx(caller), `the ${operation} of ${name}`);
    return premiumFor(row, operation, input.premiumPrice, caller);
  }

  /** Premium orders send the one-year premium price domains.check gave (PremiumPrice must equal it). */
  function premiumFor(
    row: CheckRow | undefined,
    operation: PriceOperation,
    given: Money | undefined,
    caller: string,
  ) {
    const premium = premiumPrice(row, operation);
    if (!premium) return {};
    if (given && (given.currency !== premium.currency || compareDecimal(given.amount, premium.amount) !== 0))
      throw invalidInput(ctx(caller), [
        {
          path: 'premiumPrice',
          message: `Namecheap's premium ${operation} price is ${premium.amount} ${premium.currency}, not ${given.amount} ${given.currency}`,
        },
      ]);
    return { IsPremiumDomain: 'true', PremiumPrice: premium.amount };
  }

  async function requirements(tld: string, operation: string, opts?: CallOptions): Promise<TldRequirements> {
    const answer = await client.command(
      operation,
      'namecheap.domains.getTldList',
      {},
      GetTldListSchema,
      opts,
    );
    const row = answer.tlds.tld.find((t) => t.name.replace(/^\./, '').toLowerCase() === tld);
    if (!row)
      throw new NotFoundError(`${PROVIDER} ${operation}: Namecheap does not sell .${tld}`, {
        ...ctx(operation),
        code: 'tld_not_supported',
      });
    return {
      provider: PROVIDER,
      tld,
      minYears: Number(row.minregisteryears ?? 1),
      maxYears: Number(row.maxregisteryears ?? 10),
      whoisPrivacy: row.isdisablewgallot === undefined ? null : !row.isdisablewgallot,
      autoRenewOnly: null,
      extendedAttributes: [...(NAMECHEAP_EXTENDED_ATTRIBUTES[tld] ?? [])],
      raw: row,
    };
  }

  async function availabilityMany(names: string[], opts?: CallOptions): Promise<AvailabilityBatch> {
    const operation = 'checkAvailabilityMany';
    if (!Array.isArray(names))
      throw invalidInput(
        { provider: PROVIDER, operation },
        [{ path: 'names', message: 'must be an array of domain names' }],
        'names',
      );
    const batch: AvailabilityBatch = { results: [], errors: [] };
    const valid: string[] = [];
    for (const name of names) {
      try {
        valid.push(domainNameOf(name, operation, 'names'));
      } catch (error) {
        if (!isRegistrarError(error)) throw error;
        batch.errors.push({ name, error });
      }
    }
    for (let i = 0; i < valid.length; i += CHECK_BATCH) {
      const chunk = valid.slice(i, i + CHECK_BATCH);
      try {
        const rows = await check(chunk, operation, opts);
        for (const name of chunk) {
          const row = rows.find((r) => r.domain.trim().toLowerCase() === name);
          if (row) batch.results.push(availabilityFromRow(row, name));
          else
            batch.errors.push({
              name,
              error: new NotFoundError(`${PROVIDER} ${operation}: no answer for ${name}`, ctx(operation)),
            });
        }
      } catch (error) {
        if (!isRegistrarError(error)) throw error;
        for (const name of chunk) batch.errors.push({ name, error });
      }
    }
    return batch;
  }

  async function restoreDomain(
    domain: string,
    input: NamecheapRestoreInput = {},
    opts?: CallOptions,
  ): Promise<NamecheapRestoreResult> {
    const operation = 'restoreDomain';
    const parsed = parseInput(RestoreInputSchema, input, ctx(operation));
    const name = await resolveDomain(client, domain, operation, opts);
    const premium = await guard(name, 'restore', parsed.years, parsed, operation, opts);
    const answer = await client.command(
      operation,
      'namecheap.domains.reactivate',
      {
        DomainName: name,
        YearsToAdd: parsed.years,
        ...premium,
      },
      ReactivateSchema,
      opts,
      { once: true },
    );
    const result = answer.domainreactivateresult;
    return {
      domain: name,
      status: result.issuccess ? 'completed' : 'pending',
      orderId: result.orderid ?? null,
      cost: positiveAmount(result.chargedamount, DEFAULT_CURRENCY),
      raw: result,
    };
  }

  const methods: Partial<Registrar> = {
    async checkAvailability(name: string, opts?: CallOptions): Promise<Availability> {
      const operation = 'checkAvailability';
      const ascii = domainNameOf(name, operation, 'name');
      const row = await checkOne(ascii, operation, opts);
      if (!row)
        throw new NotFoundError(
          `${PROVIDER} ${operation}: Namecheap answered nothing for ${ascii}`,
          ctx(operation),
        );
      return availabilityFromRow(row, ascii);
    },

    async getPrice(name, opts = {}): Promise<PriceQuote> {
      const operation = 'getPrice';
      const ascii = domainNameOf(name, operation, 'name');
      const years = opts.years ?? 1;
      if (!Number.isInteger(years) || years < 1 || years > 10)
        throw invalidInput(ctx(operation), [
          { path: 'years', message: 'must be a whole number from 1 to 10' },
        ]);
      return (await quote(ascii, opts.operation ?? 'register', years, operation, opts)).quote;
    },

    async listTldPrices(opts?: CallOptions): Promise<TldPrice[]> {
      const table = await pricing('listTldPrices', {}, opts);
      return [...tldPrices(table)].map(([tld, prices]) => ({
        provider: PROVIDER,
        tld,
        register: prices.register ?? null,
        renew: prices.renew ?? null,
        transfer: prices.transfer ?? null,
        restore: prices.restore ?? null,
      }));
    },

    async getTldRequirements(tld: string, opts?: CallOptions): Promise<TldRequirements> {
      const operation = 'getTldRequirements';
      const name = domainNameOf(String(tld).replace(/^\./, ''), operation, 'tld');
      return requirements(name, operation, opts);
    },

    async registerDomain(input, opts?: CallOptions): Promise<Registration> {
      const operation = 'registerDomain';
      const parsed = parseInput(RegisterInputSchema, input, ctx(operation));
      const name = domainNameOf(parsed.domain, operation);
      const { tld } = splitName(name, operation);
      if (parsed.autoRenew !== undefined)
        throw invalidInput(ctx(operation), [
          { path: 'autoRenew', message: 'Namecheap has no API command to set auto-renew' },
        ]);
      const contacts = contactParams(parsed.contacts, operation);
      const nameservers = parsed.nameservers?.map((ns, i) => domainNameOf(ns, operation, `nameservers.${i}`));
      const attributes = NAMECHEAP_EXTENDED_ATTRIBUTES[tld];
      if (attributes)
        assertExtendedAttributes(
          { tld, extendedAttributes: [...attributes] },
          parsed.extendedAttributes,
          ctx(operation),
        );
      const premium = await guard(name, 'register', parsed.years, parsed, operation, opts);
      const privacy = parsed.whoisPrivacy === true ? 'yes' : 'no';
      const answer = await client.command(
        operation,
        'namecheap.domains.create',
        {
          DomainName: name,
          Years: parsed.years,
          ...contacts,
          ...(nameservers && nameservers.length > 0 ? { Nameservers: nameservers.join(',') } : {}),
          AddFreeWhoisguard: privacy,
          WGEnabled: privacy,
          ...premium,
          ...parsed.extendedAttributes,
        },
        CreateSchema,
        opts,
        { once: true },
      );
      const result = answer.domaincreateresult;
      return {
        provider: PROVIDER,
        id: result.orderid || result.domainid || name,
        domain: name,
        status: !result.registered ? 'failed' : result.nonrealtimedomain ? 'pending' : 'completed',
        cost: positiveAmount(result.chargedamount, DEFAULT_CURRENCY),
        raw: result,
      };
    },

    async renewDomain(domain: string, input: RenewInput, opts?: CallOptions): Promise<RenewResult> {
      const operation = 'renewDomain';
      const parsed = parseInput(RenewInputSchema, input, ctx(operation));
      const name = await resolveDomain(client, domain, operation, opts);
      const premium = await guard(name, 'renew', parsed.years, parsed, operation, opts);
      // An expired domain is refused with 2020166 (ConflictError): restoreDomain reactivates it.
      const answer = await client.command(
        operation,
        'namecheap.domains.renew',
        {
          DomainName: name,
          Years: parsed.years,
          ...premium,
        },
        RenewSchema,
        opts,
        { once: true },
      );
      const result = answer.domainrenewresult;
      return {
        provider: PROVIDER,
        domain: name,
        status: result.renew ? 'completed' : 'pending',
        expiresAt: namecheapDate(result.domaindetails?.expireddate),
        cost: positiveAmount(result.chargedamount, DEFAULT_CURRENCY),
        raw: result,
      };
    },

    async transferDomain(input, opts?: CallOptions): Promise<Transfer> {
      const operation = 'transferDomain';
      const parsed = parseInput(TransferInputSchema, input, ctx(operation));
      const name = domainNameOf(parsed.domain, operation);
      splitName(name, operation);
      const issues = [];
      if (parsed.years !== undefined && parsed.years !== 1)
        issues.push({ path: 'years', message: 'a Namecheap transfer adds exactly 1 year' });
      if (parsed.contacts !== undefined)
        issues.push({
          path: 'contacts',
          message: 'a Namecheap transfer takes no contacts (set them after it completes)',
        });
      if (parsed.extendedAttributes !== undefined)
        issues.push({
          path: 'extendedAttributes',
          message: 'a Namecheap transfer takes no extended attributes',
        });
      if (issues.length > 0) throw invalidInput(ctx(operation), issues);
      const premium = await guard(name, 'transfer', 1, parsed, operation, opts);
      const answer = await client.command(
        operation,
        'namecheap.domains.transfer.create',
        {
          DomainName: name,
          Years: 1,
          EPPCode: eppCodeParam(parsed.authCode),
          AddFreeWhoisguard: 'no',
          WGenable: 'no',
          ...premium,
        },
        TransferCreateSchema,
        opts,
        { once: true },
      );
      const result = answer.domaintransfercreateresult;
      return transferOf(
        result.transferid,
        name,
        result.statusid,
        undefined,
        positiveAmount(result.chargedamount, DEFAULT_CURRENCY),
        result,
      );
    },

    async getTransfer(id: string, opts?: CallOptions): Promise<Transfer> {
      const operation = 'getTransfer';
      if (typeof id !== 'string' || !/^\d+$/.test(id))
        throw invalidInput(ctx(operation), [
          { path: 'id', message: 'must be a Namecheap TransferID (digits)' },
        ]);
      const status = await client.command(
        operation,
        'namecheap.domains.transfer.getStatus',
        { TransferID: id },
        TransferStatusSchema,
        opts,
      );
      const result = status.domaintransfergetstatusresult;
      // getStatus does not name the domain: the transfer list does.
      let domain: string | undefined;
      for (let page = 1; domain === undefined; page++) {
        const list = await client.command(
          operation,
          'namecheap.domains.transfer.getList',
          { ListType: 'ALL', Page: page, PageSize: 100 },
          TransferListSchema,
          opts,
        );
        const rows = list.transfergetlistresult.transfer;
        const row = rows.find((r) => (r.id ?? r.transferid) === id);
        if (row) domain = domainNameOf(row.domainname, operation, 'domainname');
        else if (rows.length < 100) break;
      }
      if (domain === undefined)
        throw new ResponseFormatError(
          `${PROVIDER} ${operation}: transfer ${id} has a status but is not in the account's transfer list`,
          ctx(operation),
        );
      return transferOf(id, domain, result.statusid, result.status, null, result);
    },
  };

  return { methods, extras: { checkAvailabilityMany: availabilityMany, restoreDomain }, quote };
}
