/**
 * Checks and chargeable orders: checkAvailability and getPrice (check, check_transfer, check_renew,
 * check_restore), registerDomain (registration orders), transferDomain / getTransfer (transfer
 * orders), renewDomain and the Glauca-specific restoreDomain (domain actions) and getRegistration.
 */
import {
  type Availability,
  type CallOptions,
  type ContactIds,
  domainNameIssues,
  normalizeDomainName,
  PaymentRequiredError,
  PRICE_OPERATIONS,
  type PriceOperation,
  type PriceOptions,
  type PriceQuote,
  ProviderError,
  providerDomainNameOr,
  type RegisterInput,
  RegisterInputSchema,
  type Registration,
  type RenewInput,
  RenewInputSchema,
  type RenewResult,
  requestOptions,
  type Transfer,
  type TransferInput,
  TransferInputSchema,
  urlPath,
  ValidationError,
  type ValidationIssue,
} from '@registrar-kit/core';
import type { z } from 'zod';
import {
  gbp,
  mapAvailability,
  mapRegistration,
  mapTransfer,
  orderCost,
  orderDomain,
  registrationStatus,
} from './glauca-order-mappers.js';
import type { GlaucaContext } from './glauca-registrar.js';
import {
  type GlaucaCheckResult,
  GlaucaCheckResultSchema,
  type GlaucaDomainPayload,
  type GlaucaOrder,
  GlaucaOrderSchema,
} from './glauca-schemas.js';
import type { GlaucaRestoreResult } from './glauca-types.js';
import { isName } from './glauca-values.js';

const PROVIDER = 'glauca' as const;

function invalid(operation: string, prefix: string, issues: ValidationIssue[]): ValidationError {
  return new ValidationError(
    `${prefix}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
    {
      provider: PROVIDER,
      operation,
      issues,
    },
  );
}

function zodIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function period(years: number): { unit: 'y'; value: number } {
  return { unit: 'y', value: years };
}

/** Contact ids of an order: the call's contacts over the factory's; the registrant is required. */
function orderContacts(
  given: Partial<Record<keyof ContactIds, unknown>> | undefined,
  defaults: ContactIds,
  issues: ValidationIssue[],
) {
  const contacts = { ...defaults, ...given };
  if (!contacts.registrant) {
    issues.push({
      path: 'contacts.registrant',
      message:
        'is required: pass contacts.registrant or set the factory option contacts.registrant (a Glauca contact id)',
    });
  }
  for (const [key, value] of Object.entries(contacts)) {
    if (value !== undefined && (typeof value !== 'string' || value.length === 0))
      issues.push({ path: `contacts.${key}`, message: 'must be a Glauca contact id' });
  }
  const id = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    registrant: id(contacts.registrant),
    admin_contact: id(contacts.admin),
    billing_contact: id(contacts.billing),
    tech_contact: id(contacts.tech),
  };
}

/**
 * The name of a domain renewed or restored in this call: the argument when it is a name, else
 * Glauca's echo when valid, else the argument (an id) as given; a paid call never fails on it.
 */
function paidDomainName(argument: string, order: GlaucaOrder): string {
  return isName(argument) ? normalizeDomainName(argument) : providerDomainNameOr(order.domain, argument);
}

function checkYears(years: unknown, operation: string, allowed?: number): number {
  if (typeof years !== 'number' || !Number.isInteger(years) || years < 1 || years > 10) {
    throw invalid(operation, 'Invalid years', [
      { path: 'years', message: 'must be an integer from 1 to 10' },
    ]);
  }
  if (allowed !== undefined && years !== allowed) {
    throw invalid(operation, 'Invalid years', [
      { path: 'years', message: `must be ${allowed}: Glauca prices this operation for one year only` },
    ]);
  }
  return years;
}

/** A name in the zone of `ascii` that no one registers, to read the zone's transfer price. */
export function priceProbeName(ascii: string): string {
  return `registrar-kit-price-probe-${Date.now().toString(36)}.${ascii.slice(ascii.indexOf('.') + 1)}`;
}

export function makeOrderMethods(
  ctx: GlaucaContext,
  fetchDomain: (
    domain: string,
    opts: CallOptions | undefined,
    operation: string,
  ) => Promise<GlaucaDomainPayload>,
) {
  const check = (
    operation: string,
    path: string,
    name: string,
    years: number,
    opts: CallOptions | undefined,
  ) =>
    ctx.domains({
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
  ): PriceQuote {
    if (result.price === null) {
      throw new ValidationError(
        `glauca getPrice: no ${operation} price for ${name}${result.reason ? `: ${result.reason}` : ''}`,
        {
          provider: PROVIDER,
          operation: 'getPrice',
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

  return {
    async checkAvailability(name: string, opts?: CallOptions): Promise<Availability> {
      const ascii = normalizeDomainName(name);
      return mapAvailability(await check('checkAvailability', '/api/domains/check/', ascii, 1, opts), ascii);
    },

    async getPrice(name: string, opts: PriceOptions = {}): Promise<PriceQuote> {
      const operation = opts.operation ?? 'register';
      if (!(PRICE_OPERATIONS as readonly string[]).includes(operation)) {
        throw invalid('getPrice', 'Invalid operation', [
          { path: 'operation', message: `must be one of ${PRICE_OPERATIONS.join(', ')}` },
        ]);
      }
      const years = checkYears(
        opts.years ?? 1,
        'getPrice',
        operation === 'transfer' || operation === 'restore' ? 1 : undefined,
      );
      const ascii = normalizeDomainName(name);
      switch (operation) {
        case 'register':
          return quote(
            await check('getPrice', '/api/domains/check/', ascii, years, opts),
            ascii,
            operation,
            years,
          );
        case 'transfer': {
          // `period` is required but ignored: a transfer adds one year [src].
          const result = await check('getPrice', '/api/domains/check_transfer/', ascii, 1, opts);
          if (result.price !== null || result.available || result.reason !== null)
            return quote(result, ascii, operation, years);
          // A registered name that may be eligible answers `available: false, reason: null` and no
          // price (the published server's check_transfer). The zone's transfer price is then the
          // one quoted for a name nobody holds in the same zone; eligibility stays unknown.
          const probe = await check(
            'getPrice',
            '/api/domains/check_transfer/',
            priceProbeName(ascii),
            1,
            opts,
          );
          return { ...quote(probe, ascii, operation, years), available: null };
        }
        case 'renew': {
          const id = await ctx.resolveDomainId(ascii, opts, 'getPrice');
          return quote(
            await check('getPrice', urlPath`/api/domains/${id}/check_renew/`, ascii, years, opts),
            ascii,
            operation,
            years,
          );
        }
        case 'restore': {
          const id = await ctx.resolveDomainId(ascii, opts, 'getPrice');
          const result = await ctx.domains({
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
      const parsed = RegisterInputSchema.safeParse(input);
      if (!parsed.success) throw invalid('registerDomain', 'Invalid registration', zodIssues(parsed.error));
      const data = parsed.data;
      const issues: ValidationIssue[] = [];
      for (const key of ['autoRenew', 'whoisPrivacy', 'nameservers'] as const) {
        if (data[key] !== undefined) {
          issues.push({
            path: key,
            message: `Glauca registration orders do not take ${key}${key === 'nameservers' ? ' (set them with updateDomain once the order completes)' : ''}`,
          });
        }
      }
      const checked = domainNameIssues(data.domain);
      const ascii = checked.ascii ?? '';
      issues.push(...checked.issues);
      const contacts = orderContacts(data.contacts, ctx.contacts, issues);
      if (issues.length > 0) throw invalid('registerDomain', 'Invalid registration', issues);
      const order = await ctx.domains({
        operation: 'registerDomain',
        method: 'POST',
        path: '/api/domain_registration_orders/',
        body: { domain: ascii, period: period(data.years), ...contacts, off_session: true },
        schema: GlaucaOrderSchema,
        bucket: 'orders',
        ...requestOptions(opts),
      });
      return mapRegistration(order, ascii);
    },

    async getRegistration(id: string, opts?: CallOptions): Promise<Registration> {
      const order = await ctx.domains({
        operation: 'getRegistration',
        method: 'GET',
        path: urlPath`/api/domain_registration_orders/${id}/`,
        schema: GlaucaOrderSchema,
        bucket: 'orders',
        ...requestOptions(opts),
      });
      return mapRegistration(order, orderDomain(order, 'getRegistration'));
    },

    async transferDomain(input: TransferInput, opts?: CallOptions): Promise<Transfer> {
      const parsed = TransferInputSchema.safeParse(input);
      if (!parsed.success) throw invalid('transferDomain', 'Invalid transfer', zodIssues(parsed.error));
      const data = parsed.data;
      const issues: ValidationIssue[] = [];
      if (data.years !== undefined && data.years !== 1)
        issues.push({ path: 'years', message: 'Glauca transfers add one year; only 1 is accepted' });
      if (data.extendRegistration === false)
        issues.push({ path: 'extendRegistration', message: 'Glauca transfers always add one year' });
      if (data.owner !== undefined)
        issues.push({ path: 'owner', message: 'Glauca has no owner for transfers (use contacts)' });
      const checked = domainNameIssues(data.domain);
      const ascii = checked.ascii ?? '';
      issues.push(...checked.issues);
      const contacts = orderContacts(data.contacts, ctx.contacts, issues);
      if (issues.length > 0) throw invalid('transferDomain', 'Invalid transfer', issues);
      const order = await ctx.domains({
        operation: 'transferDomain',
        method: 'POST',
        path: '/api/domain_transfer_orders/',
        body: { domain: ascii, auth_code: data.authCode, ...contacts, off_session: true },
        schema: GlaucaOrderSchema,
        bucket: 'orders',
        ...requestOptions(opts),
      });
      return mapTransfer(order, ascii);
    },

    async getTransfer(id: string, opts?: CallOptions): Promise<Transfer> {
      const order = await ctx.domains({
        operation: 'getTransfer',
        method: 'GET',
        path: urlPath`/api/domain_transfer_orders/${id}/`,
        schema: GlaucaOrderSchema,
        bucket: 'orders',
        ...requestOptions(opts),
      });
      return mapTransfer(order, orderDomain(order, 'getTransfer'));
    },

    async renewDomain(domain: string, input: RenewInput, opts?: CallOptions): Promise<RenewResult> {
      const parsed = RenewInputSchema.safeParse(input);
      if (!parsed.success) throw invalid('renewDomain', 'Invalid renewal', zodIssues(parsed.error));
      const id = await ctx.resolveDomainId(domain, opts, 'renewDomain');
      const order = await ctx.domains({
        operation: 'renewDomain',
        method: 'POST',
        path: urlPath`/api/domains/${id}/renew/`,
        body: { period: period(parsed.data.years), off_session: true },
        schema: GlaucaOrderSchema,
        bucket: 'orders',
        ...requestOptions(opts),
      });
      if (order.state === 'failed') {
        const reason = order.last_error ?? 'the renew order failed';
        const ErrorClass = /fund|payment|card|billing|balance/i.test(reason)
          ? PaymentRequiredError
          : ProviderError;
        throw new ErrorClass(`glauca renewDomain: ${reason}`, {
          provider: PROVIDER,
          operation: 'renewDomain',
          code: 'order_failed',
          cause: new Error(`order ${order.id}`),
        });
      }
      const completed = order.state === 'completed';
      // The order is paid: a failing read of the new expiry leaves it null, never an error that
      // would invite a second renewal (DESIGN.md, "Promises every adapter keeps").
      const expiresAt = completed
        ? await fetchDomain(id, opts, 'renewDomain').then(
            (payload) => (payload.expiry ? new Date(payload.expiry) : null),
            () => null,
          )
        : null;
      return {
        provider: PROVIDER,
        domain: paidDomainName(domain, order),
        status: completed ? 'completed' : 'pending',
        expiresAt,
        cost: orderCost(order),
        raw: order,
      };
    },

    async restoreDomain(domain: string, opts?: CallOptions): Promise<GlaucaRestoreResult> {
      const id = await ctx.resolveDomainId(domain, opts, 'restoreDomain');
      const order = await ctx.domains({
        operation: 'restoreDomain',
        method: 'POST',
        path: urlPath`/api/domains/${id}/restore/`,
        body: { off_session: true },
        schema: GlaucaOrderSchema,
        bucket: 'orders',
        ...requestOptions(opts),
      });
      return {
        provider: PROVIDER,
        id: order.id,
        domain: paidDomainName(domain, order),
        status: registrationStatus(order.state),
        cost: orderCost(order),
        raw: order,
      };
    },
  };
}
