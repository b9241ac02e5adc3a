/**
 * The money routes: `/domain/create`, `/domain/renew`, `/domain/transfer` (exact `cost` in cents,
 * `dryRun` previews, attempt and success limits, the ledger), the transfer read-outs and the
 * account balance. docs/providers/porkbun.md#orders.
 */
import type { EmulatorRequest, EmulatorRoute, LedgerEntry } from '../emulator/emulator-types.js';
import { accountDomain, defineRoutes, ok, type PorkbunContext } from './porkbun-context.js';
import { PorkbunError } from './porkbun-errors.js';
import type { OrderKind } from './porkbun-limits.js';
import { centsDisplay, centsToDecimal } from './porkbun-money.js';
import {
  bodyOf,
  isDryRun,
  optionalFlag,
  optionalString,
  pathDomain,
  requiredInteger,
  requiredString,
} from './porkbun-request.js';
import {
  MIN_DURATION_YEARS,
  orderCents,
  type Quote,
  quoteOf,
  validPathName,
} from './porkbun-routes-catalog.js';
import { porkbunDate, transferJson } from './porkbun-shapes.js';
import type { PorkbunTransferStatus } from './porkbun-state.js';

const DAY_MS = 86_400_000;
const OPERATION_WORD: Record<OrderKind, 'registration' | 'renewal' | 'transfer'> = {
  create: 'registration',
  renew: 'renewal',
  transfer: 'transfer',
};
const LEDGER_OPERATION: Record<OrderKind, LedgerEntry['operation']> = {
  create: 'register',
  renew: 'renew',
  transfer: 'transfer',
};
const ACTIVE_TRANSFER = (status: PorkbunTransferStatus) => status !== 'DONE' && status !== 'CANCELED';
/** Each `getTransfer` read moves a transfer one step (with `transferAdvance: 'on-read'`). */
const NEXT_STATUS: Partial<Record<PorkbunTransferStatus, PorkbunTransferStatus>> = {
  NEW: 'PENDINGAUTH',
  INIT: 'PENDINGAUTH',
  PENDINGAUTH: 'PENDINGTRANSFER',
  PENDINGSUBMIT: 'PENDINGTRANSFER',
  PENDINGTRANSFER: 'DONE',
};

interface Order {
  kind: OrderKind;
  domain: string;
  quote: Quote;
  /** The price the cost must match (decimal USD per year). */
  price: string;
  /** Checks that refuse the order before any money moves (availability, eligibility). */
  preconditions: () => void;
  /** Checks after the funds check that refuse without charging (a refunded failure). */
  beforeCharge?: () => void;
  /** Applies the order; returns the operation's own response fields. */
  fulfil: (orderId: number) => Record<string, unknown>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function placeOrder(ctx: PorkbunContext, req: EmulatorRequest, order: Order) {
  const { state } = ctx;
  const body = bodyOf(req);
  const dryRun = isDryRun(body);
  // A dry run uses no rate-limit budget.
  const attempt = dryRun ? null : ctx.limits.attempts[order.kind].take();
  const cost = requiredInteger(body, 'cost');
  order.preconditions();
  if (!state.verified) throw new PorkbunError('VERIFICATION_REQUIRED');
  const expected = orderCents(order.price);
  if (cost !== expected) {
    throw new PorkbunError(
      'COST_MISMATCH',
      `The cost supplied (${cost}) does not match the current price (${expected}). Re-check the price and try again.`,
    );
  }
  const sufficientFunds = state.balanceCents >= cost;
  const limit = state.monthlySpendLimitCents;
  const withinLimit = limit === null || state.monthlySpendCents + cost <= limit;
  const word = OPERATION_WORD[order.kind];
  if (dryRun) {
    const wouldSucceed = sufficientFunds && withinLimit;
    return ok({
      dryRun: true,
      wouldSucceed,
      operation: word,
      domain: order.domain,
      tld: order.quote.tld,
      ...(order.kind === 'create' ? { available: 'available' } : {}),
      premium: false,
      duration: MIN_DURATION_YEARS,
      cost,
      costDisplay: centsDisplay(cost),
      balance: state.balanceCents,
      sufficientFunds,
      ...(limit === null
        ? {}
        : {
            monthlySpendLimit: limit,
            monthlySpendSoFar: state.monthlySpendCents,
            withinMonthlySpendLimit: withinLimit,
          }),
      message: wouldSucceed
        ? `Dry run: this ${word} would succeed and cost ${centsDisplay(cost)}. No charge was made.`
        : `Dry run: this ${word} would fail: ${sufficientFunds ? 'the monthly API spend limit would be exceeded' : 'insufficient funds'}.`,
    });
  }
  if (!sufficientFunds) throw new PorkbunError('INSUFFICIENT_FUNDS');
  if (!withinLimit) throw new PorkbunError('SPEND_LIMIT_EXCEEDED');
  ctx.limits.successes[order.kind].assertRoom();
  order.beforeCharge?.();
  if (ctx.settings.processingDelayMs > 0) await sleep(ctx.settings.processingDelayMs);
  state.charge(LEDGER_OPERATION[order.kind], order.domain, cost, centsToDecimal(cost), req.seq ?? 0);
  const success = ctx.limits.successes[order.kind].take();
  return ok({
    ...order.fulfil(state.newOrderId()),
    limits: { attempts: attempt?.limits, success: success.limits },
    balance: state.balanceCents,
    ttlRemaining: success.ttlRemaining,
  });
}

function requireQuote(ctx: PorkbunContext, name: string): Quote {
  const quote = quoteOf(ctx, name);
  if (!quote) throw new PorkbunError('INVALID_TLD');
  return quote;
}

export function orderRoutes(ctx: PorkbunContext): EmulatorRoute[] {
  const { state, settings } = ctx;
  return defineRoutes(ctx, [
    {
      methods: 'POST',
      paths: ['/domain/create/:domain'],
      operation: 'registerDomain',
      handler: (req) => {
        const name = validPathName(req);
        const body = bodyOf(req);
        const quote = requireQuote(ctx, name);
        return placeOrder(ctx, req, {
          kind: 'create',
          domain: name,
          quote,
          price: quote.registration,
          preconditions: () => {
            const agree = optionalString(body, 'agreeToTerms');
            if (agree === undefined)
              throw new PorkbunError('MISSING_PARAMETER', 'Missing parameter: agreeToTerms.');
            if (agree !== 'yes' && agree !== '1')
              throw new PorkbunError(
                'INVALID_INPUT',
                'You must agree to the terms: send agreeToTerms "yes".',
              );
            optionalFlag(body, 'whoisPrivacy');
            if (state.seed.isRegistered(name) || state.domains.has(name))
              throw new PorkbunError('DOMAIN_NOT_AVAILABLE');
            if (quote.premium)
              throw new PorkbunError(
                'DOMAIN_NOT_AVAILABLE',
                'Premium domains cannot be registered through the API.',
              );
            if (!state.hasPriorRegistration) throw new PorkbunError('NO_PRIOR_REGISTRATION');
          },
          fulfil: (orderId) => {
            const whoisPrivacy = optionalFlag(body, 'whoisPrivacy');
            state.addDomain(name, MIN_DURATION_YEARS, whoisPrivacy === undefined ? {} : { whoisPrivacy });
            state.hasPriorRegistration = true;
            return { domain: name, cost: orderCents(quote.registration), orderId };
          },
        });
      },
    },
    {
      methods: 'POST',
      paths: ['/domain/renew/:domain'],
      operation: 'renewDomain',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        const quote = requireQuote(ctx, domain.name);
        return placeOrder(ctx, req, {
          kind: 'renew',
          domain: domain.name,
          quote,
          price: quote.renewal,
          preconditions: () => {
            const cooldown = settings.renewCooldownDays * DAY_MS;
            const now = state.now().getTime();
            const recent = [domain.createdAt, domain.lastRenewedAt].some(
              (d) => d !== null && now - d.getTime() < cooldown,
            );
            if (recent) throw new PorkbunError('RENEWAL_TOO_SOON');
          },
          fulfil: (orderId) => {
            domain.expiresAt.setUTCFullYear(domain.expiresAt.getUTCFullYear() + MIN_DURATION_YEARS);
            domain.lastRenewedAt = state.now();
            return {
              domain: domain.name,
              expirationDate: porkbunDate(domain.expiresAt),
              cost: orderCents(quote.renewal),
              orderId,
            };
          },
        });
      },
    },
    {
      methods: 'POST',
      paths: ['/domain/transfer/:domain'],
      operation: 'transferDomain',
      handler: (req) => {
        const name = validPathName(req);
        const body = bodyOf(req);
        const quote = requireQuote(ctx, name);
        return placeOrder(ctx, req, {
          kind: 'transfer',
          domain: name,
          quote,
          price: quote.transfer,
          preconditions: () => {
            requiredString(body, 'authCode');
            if (quote.tld === 'uk' || quote.tld.endsWith('.uk'))
              throw new PorkbunError(
                'UNSUPPORTED_TLD',
                'Transfers of .uk domains are not supported through the API.',
              );
            if (state.domains.has(name))
              throw new PorkbunError('INVALID_DOMAIN', 'This domain is already in your account.');
            if (state.transfers.some((t) => t.domain === name && ACTIVE_TRANSFER(t.status)))
              throw new PorkbunError(
                'TRANSFER_INIT_FAILED',
                'A transfer of this domain is already in progress.',
              );
            if (!state.seed.isRegistered(name))
              throw new PorkbunError(
                'TRANSFER_INIT_FAILED',
                'Unable to initiate transfer: the domain is not registered.',
              );
          },
          beforeCharge: () => {
            if (settings.rejectedAuthCodes.includes(requiredString(body, 'authCode')))
              throw new PorkbunError('TRANSFER_INIT_FAILED');
          },
          fulfil: (orderId) => {
            const transferId = state.newTransferId();
            const held = optionalFlag(body, 'holdForDnsSetup') === true;
            state.transfers.push({
              transferId,
              orderId,
              domain: name,
              status: held ? 'PENDINGDNS' : 'PENDINGAUTH',
              startedAt: state.now(),
            });
            return {
              domain: name,
              orderId,
              transferId,
              message:
                'Transfer initiated. The domain transfer process has begun and typically takes 5-7 days to complete.',
            };
          },
        });
      },
    },
    {
      methods: 'GET',
      paths: ['/domain/getTransfer/:domain'],
      operation: 'getTransfer',
      handler: (req) => {
        const transfer = state.latestTransfer(pathDomain(req));
        if (!transfer) throw new PorkbunError('TRANSFER_NOT_FOUND');
        const next = NEXT_STATUS[transfer.status];
        if (settings.transferAdvance === 'on-read' && next) state.setTransferStatus(transfer.domain, next);
        return ok({ transfer: transferJson(transfer, settings.shapes) });
      },
    },
    {
      methods: 'GET',
      paths: ['/domain/listTransfers'],
      operation: 'listTransfers',
      handler: () =>
        ok({
          transfers: state.transfers
            .filter((t) => ACTIVE_TRANSFER(t.status))
            .map((t) => transferJson(t, settings.shapes)),
        }),
    },
    {
      methods: 'GET',
      paths: ['/account/balance'],
      operation: 'getBalance',
      handler: () => ok({ balance: state.balanceCents, display: centsDisplay(state.balanceCents) }),
    },
    {
      methods: 'GET',
      paths: ['/account/apiSettings'],
      operation: 'getApiSettings',
      handler: () =>
        ok({
          settings: {
            monthlySpendLimit: state.monthlySpendLimitCents,
            lowBalanceAlert: null,
            autoTopup: false,
            topupThreshold: null,
            topupAmount: null,
          },
          monthlySpend: state.monthlySpendCents,
        }),
    },
  ]);
}
