/**
 * Checks and chargeable orders (docs/providers/glauca.md#checks, #orders): checkAvailability and
 * getPrice (check, check_transfer, check_renew, check_restore), registerDomain (registration orders),
 * transferDomain / getTransfer (transfer orders), renewDomain / getRenewal and restoreDomain /
 * getRestore (domain actions whose orders finish later) and getRegistration. Every spending call
 * with `maxPrice` reads Glauca's quote first and sends nothing above it.
 */
import {
  type Availability,
  assertWithinMaxPrice,
  type CallOptions,
  type ContactDirectory,
  type ContactIds,
  domainNameIssues,
  invalidInput,
  type Money,
  normalizeDomainName,
  type ParsedContactRefs,
  PaymentRequiredError,
  PRICE_OPERATIONS,
  type PriceOperation,
  type PriceOptions,
  type PriceQuote,
  ProviderError,
  parseInput,
  providerDomainNameOr,
  providerIdProblem,
  type RegisterInput,
  RegisterInputSchema,
  type Registration,
  type RenewInput,
  RenewInputSchema,
  requestOptions,
  resolveContactIds,
  type Transfer,
  type TransferInput,
  TransferInputSchema,
  urlPath,
  ValidationError,
  type ValidationIssue,
} from '@registrar-kit/core';
import type { GlaucaClient } from './glauca-client.js';
import { asciiName } from './glauca-errors.js';
import {
  gbp,
  mapAvailability,
  mapRegistration,
  mapTransfer,
  orderCost,
  orderDomain,
} from './glauca-order-mappers.js';
import {
  type GlaucaCheckResult,
  GlaucaCheckResultSchema,
  type GlaucaOrder,
  GlaucaOrderSchema,
} from './glauca-schemas.js';
import type { GlaucaRenewResult, GlaucaRestoreResult } from './glauca-types.js';
import { isName, PROVIDER } from './glauca-values.js';

const context = (operation: string) => ({ provider: PROVIDER, operation });

function period(years: number): { unit: 'y'; value: number } {
  return { unit: 'y', value: years };
}

/**
 * The name of a domain renewed or restored in this call: the argument when it is a name, else
 * Glauca's echo when valid, else the argument (an id) as given; a paid call never fails on it.
 */
function paidDomainName(argument: string, order: GlaucaOrder): string {
  return isName(argument) ? normalizeDomainName(argument) : providerDomainNameOr(order.domain, argument);
}

function checkYears(years: unknown, operation: string, allowed?: number): number {
  if (typeof years !== 'number' || !Number.isInteger(years) || years < 1 || years > 10)
    throw invalidInput(
      context(operation),
      [{ path: 'years', message: 'must be an integer from 1 to 10' }],
      'years',
    );
  if (allowed !== undefined && years !== allowed)
    throw invalidInput(
      context(operation),
      [{ path: 'years', message: `must be ${allowed}: Glauca prices this operation for one year only` }],
      'years',
    );
  return years;
}

/** A name in the zone of `ascii` that no one registers, to read the zone's transfer price. */
export function priceProbeName(ascii: string): string {
  return `registrar-kit-price-probe-${Date.now().toString(36)}.${ascii.slice(ascii.indexOf('.') + 1)}`;
}

/** Local checks every order shares: the name, what Glauca orders cannot take. */
function orderIssues(
  data: { domain: string; extendedAttributes?: Record<string, string> | undefined },
  issues: ValidationIssue[],
): string {
  const checked = domainNameIssues(data.domain);
  issues.push(...checked.issues);
  if (data.extendedAttributes !== undefined && Object.keys(data.extendedAttributes).length > 0)
    issues.push({
      path: 'extendedAttributes',
      message: 'Glauca orders take no extended attributes (Glauca publishes no per-TLD fields)',
    });
  return checked.ascii ?? '';
}

/** The registrant must come from the call or the factory. */
function registrantIssue(
  refs: ParsedContactRefs | undefined,
  defaults: ContactIds,
  issues: ValidationIssue[],
) {
  if (refs?.registrant === undefined && !defaults.registrant)
    issues.push({
      path: 'contacts.registrant',
      message:
        'is required: pass contacts.registrant (a Glauca contact id or a ContactInput) or set the factory option contacts.registrant',
    });
}

/** The failure of a renew or restore order (`failed`, with Glauca's `last_error`). */
function orderFailure(order: GlaucaOrder, operation: string): Error {
  const reason = order.last_error ?? 'the order failed';
  const ErrorClass = /fund|payment|card|billing|balance/i.test(reason) ? PaymentRequiredError : ProviderError;
  return new ErrorClass(`glauca ${operation}: ${reason}`, {
    provider: PROVIDER,
    operation,
    code: 'order_failed',
    cause: new Error(`order ${order.id}`),
  });
}

export function orderMethods(client: GlaucaClient, contacts: ContactDirectory) {
  const check = (
    operation: string,
    path: string,
    name: string,
    years: number,
    opts: CallOptions | undefined,
  ) =>
    client.domains({
      operation,
      method: 'POST',
      path,
      body: { domain: name, period: period(years) },
      schema: GlaucaCheckResultSchema,
      bucket: 'domains',
      // A check only reads: safe to retry.
      idempotent: true,
      ...requestOptions(opts),
    });

  function quote(
    result: GlaucaCheckResult,
    name: string,
    operation: PriceOperation,
    years: number,
    caller = 'getPrice',
  ): PriceQuote {
    if (result.price === null) {
      throw new ValidationError(
        `glauca ${caller}: no ${operation} price for ${name}${result.reason ? `: ${result.reason}` : ''}`,
        {
          provider: PROVIDER,
          operation: caller,
          code: 'no_price',
          issues: [{ path: 'domain', message: result.reason ?? `no ${operation} price` }],
        },
      );
    }
    return {
      provider: PROVIDER,
      domain: name,
      operation,
      years,
      price: gbp(result.price),
      premium: false,
      available: result.available,
      // Glauca's check answers one price for the asked operation and period only.
      renewalPrice: null,
    };
  }

  /**
   * The transfer quote (docs/providers/glauca.md#check-transfer): check_transfer prices only names
   * nobody holds; a registered name that may be eligible answers `available: false, reason: null`
   * and no price. Its price is then the zone's transfer price, read for a name nobody holds in the
   * same zone; eligibility stays unknown (`available: null`).
   */
  async function transferQuote(ascii: string, opts: CallOptions | undefined, caller: string) {
    // `period` is required but ignored: a transfer adds one year.
    const result = await check(caller, '/api/domains/check_transfer/', ascii, 1, opts);
    if (result.price !== null || result.available || result.reason !== null)
      return quote(result, ascii, 'transfer', 1, caller);
    const probe = await check(caller, '/api/domains/check_transfer/', priceProbeName(ascii), 1, opts);
    return { ...quote(probe, ascii, 'transfer', 1, caller), available: null };
  }

  async function renewQuote(
    ascii: string,
    id: string,
    years: number,
    opts: CallOptions | undefined,
    caller: string,
  ) {
    return quote(
      await check(caller, urlPath`/api/domains/${id}/check_renew/`, ascii, years, opts),
      ascii,
      'renew',
      years,
      caller,
    );
  }

  /** The money guard: the quote is read only when the caller set a limit. */
  async function guard(maxPrice: Money | undefined, operation: string, price: () => Promise<PriceQuote>) {
    if (!maxPrice) return;
    assertWithinMaxPrice((await price()).price, maxPrice, context(operation));
  }

  /** The contact ids of an order: the call's (ids, or ContactInputs found or created) over the factory's. */
  async function orderContacts(refs: ParsedContactRefs | undefined, opts: CallOptions | undefined) {
    const ids = { ...client.contacts, ...(await resolveContactIds(refs, contacts, opts)) };
    return {
      registrant: ids.registrant ?? null,
      admin_contact: ids.admin ?? null,
      billing_contact: ids.billing ?? null,
      tech_contact: ids.tech ?? null,
    };
  }

  async function renewResult(
    order: GlaucaOrder,
    domain: string,
    domainId: string | null,
    operation: string,
    opts: CallOptions | undefined,
  ): Promise<GlaucaRenewResult> {
    if (order.state === 'failed') throw orderFailure(order, operation);
    const completed = order.state === 'completed';
    // The order is paid: a failing read of the new expiry leaves it null, never an error that
    // would invite a second renewal (DESIGN.md, "Promises every adapter keeps").
    const expiresAt =
      completed && domainId
        ? await client.fetchDomain(domainId, opts, operation).then(
            (payload) => (payload.expiry ? new Date(payload.expiry) : null),
            () => null,
          )
        : null;
    return {
      provider: PROVIDER,
      orderId: order.id,
      domain,
      status: completed ? 'completed' : 'pending',
      expiresAt,
      cost: orderCost(order),
      raw: order,
    };
  }

  const getOrder = (collection: string, id: string, operation: string, opts: CallOptions | undefined) =>
    client.domains({
      operation,
      method: 'GET',
      path: urlPath`/api/${collection}/${id}/`,
      schema: GlaucaOrderSchema,
      bucket: 'orders',
      ...requestOptions(opts),
    });

  return {
    async checkAvailability(name: string, opts?: CallOptions): Promise<Availability> {
      const ascii = asciiName(name, 'checkAvailability');
      return mapAvailability(await check('checkAvailability', '/api/domains/check/', ascii, 1, opts), ascii);
    },

    async getPrice(name: string, opts: PriceOptions = {}): Promise<PriceQuote> {
      const operation = opts.operation ?? 'register';
      if (!(PRICE_OPERATIONS as readonly string[]).includes(operation))
        throw invalidInput(
          context('getPrice'),
          [{ path: 'operation', message: `must be one of ${PRICE_OPERATIONS.join(', ')}` }],
          'operation',
        );
      const years = checkYears(
        opts.years ?? 1,
        'getPrice',
        operation === 'transfer' || operation === 'restore' ? 1 : undefined,
      );
      const ascii = asciiName(name, 'getPrice');
      switch (operation) {
        case 'register':
          return quote(
            await check('getPrice', '/api/domains/check/', ascii, years, opts),
            ascii,
            operation,
            years,
          );
        case 'transfer':
          return transferQuote(ascii, opts, 'getPrice');
        case 'renew':
          return renewQuote(
            ascii,
            await client.resolveDomainId(ascii, opts, 'getPrice'),
            years,
            opts,
            'getPrice',
          );
        case 'restore': {
          const id = await client.resolveDomainId(ascii, opts, 'getPrice');
          const result = await client.domains({
            operation: 'getPrice',
            method: 'GET',
            path: urlPath`/api/domains/${id}/check_restore/`,
            schema: GlaucaCheckResultSchema,
            bucket: 'domains',
            ...requestOptions(opts),
          });
          return quote(result, ascii, operation, years);
        }
      }
    },

    async registerDomain(input: RegisterInput, opts?: CallOptions): Promise<Registration> {
      const data = parseInput(RegisterInputSchema, input, context('registerDomain'), 'registration');
      const issues: ValidationIssue[] = [];
      for (const key of ['autoRenew', 'whoisPrivacy', 'nameservers'] as const) {
        if (data[key] !== undefined) {
          issues.push({
            path: key,
            message: `Glauca registration orders do not take ${key}${key === 'nameservers' ? ' (set them with updateDomain once the order completes)' : ''}`,
          });
        }
      }
      const ascii = orderIssues(data, issues);
      registrantIssue(data.contacts, client.contacts, issues);
      if (issues.length > 0) throw invalidInput(context('registerDomain'), issues, 'registration');
      await guard(data.maxPrice, 'registerDomain', async () =>
        quote(
          await check('registerDomain', '/api/domains/check/', ascii, data.years, opts),
          ascii,
          'register',
          data.years,
          'registerDomain',
        ),
      );
      const contactIds = await orderContacts(data.contacts, opts);
      const order = await client.domains({
        operation: 'registerDomain',
        method: 'POST',
        path: '/api/domain_registration_orders/',
        body: { domain: ascii, period: period(data.years), ...contactIds, off_session: true },
        schema: GlaucaOrderSchema,
        bucket: 'orders',
        ...requestOptions(opts),
      });
      return mapRegistration(order, ascii);
    },

    async getRegistration(id: string, opts?: CallOptions): Promise<Registration> {
      const order = await getOrder('domain_registration_orders', id, 'getRegistration', opts);
      return mapRegistration(order, orderDomain(order, 'getRegistration'));
    },

    async transferDomain(input: TransferInput, opts?: CallOptions): Promise<Transfer> {
      const data = parseInput(TransferInputSchema, input, context('transferDomain'), 'transfer');
      const issues: ValidationIssue[] = [];
      if (data.years !== undefined && data.years !== 1)
        issues.push({ path: 'years', message: 'Glauca transfers add one year; only 1 is accepted' });
      if (data.extendRegistration === false)
        issues.push({ path: 'extendRegistration', message: 'Glauca transfers always add one year' });
      if (data.owner !== undefined)
        issues.push({ path: 'owner', message: 'Glauca has no owner for transfers (use contacts)' });
      const ascii = orderIssues(data, issues);
      registrantIssue(data.contacts, client.contacts, issues);
      if (issues.length > 0) throw invalidInput(context('transferDomain'), issues, 'transfer');
      await guard(data.maxPrice, 'transferDomain', () => transferQuote(ascii, opts, 'transferDomain'));
      const contactIds = await orderContacts(data.contacts, opts);
      const order = await client.domains({
        operation: 'transferDomain',
        method: 'POST',
        path: '/api/domain_transfer_orders/',
        body: { domain: ascii, auth_code: data.authCode, ...contactIds, off_session: true },
        schema: GlaucaOrderSchema,
        bucket: 'orders',
        ...requestOptions(opts),
      });
      return mapTransfer(order, ascii);
    },

    async getTransfer(id: string, opts?: CallOptions): Promise<Transfer> {
      const order = await getOrder('domain_transfer_orders', id, 'getTransfer', opts);
      return mapTransfer(order, orderDomain(order, 'getTransfer'));
    },

    /**
     * A renew order: `pending` at creation on the real server (docs/providers/glauca.md#orders);
     * poll it with `getRenewal(result.orderId)`.
     */
    async renewDomain(domain: string, input: RenewInput, opts?: CallOptions): Promise<GlaucaRenewResult> {
      const data = parseInput(RenewInputSchema, input, context('renewDomain'), 'renewal');
      const id = await client.resolveDomainId(domain, opts, 'renewDomain');
      await guard(data.maxPrice, 'renewDomain', async () => {
        const name = isName(domain)
          ? normalizeDomainName(domain)
          : (await client.fetchDomain(id, opts, 'renewDomain')).domain;
        return renewQuote(name, id, data.years, opts, 'renewDomain');
      });
      const order = await client.domains({
        operation: 'renewDomain',
        method: 'POST',
        path: urlPath`/api/domains/${id}/renew/`,
        body: { period: period(data.years), off_session: true },
        schema: GlaucaOrderSchema,
        bucket: 'orders',
        ...requestOptions(opts),
      });
      return renewResult(order, paidDomainName(domain, order), id, 'renewDomain', opts);
    },

    /** Reads a renew order (`domains_domainreneworder_…`): pending until Glauca completes it. */
    async getRenewal(orderId: string, opts?: CallOptions): Promise<GlaucaRenewResult> {
      const order = await getOrder('domain_renew_orders', orderId, 'getRenewal', opts);
      // Renew orders link their domain in `domain_obj` (docs/providers/glauca.md#orders).
      const domainId =
        order.domain_obj && providerIdProblem(order.domain_obj) === null ? order.domain_obj : null;
      return renewResult(order, orderDomain(order, 'getRenewal'), domainId, 'getRenewal', opts);
    },

    async restoreDomain(domain: string, opts?: CallOptions): Promise<GlaucaRestoreResult> {
      const id = await client.resolveDomainId(domain, opts, 'restoreDomain');
      const order = await client.domains({
        operation: 'restoreDomain',
        method: 'POST',
        path: urlPath`/api/domains/${id}/restore/`,
        body: { off_session: true },
        schema: GlaucaOrderSchema,
        bucket: 'orders',
        ...requestOptions(opts),
      });
      // A restore order reads like a registration order (same states and fields).
      return mapRegistration(order, paidDomainName(domain, order));
    },

    /** Reads a restore order (`domains_domainrestoreorder_…`): pending until Glauca completes it. */
    async getRestore(orderId: string, opts?: CallOptions): Promise<GlaucaRestoreResult> {
      const order = await getOrder('domain_restore_orders', orderId, 'getRestore', opts);
      return mapRegistration(order, orderDomain(order, 'getRestore'));
    },
  };
}
