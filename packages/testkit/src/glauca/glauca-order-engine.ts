/**
 * Order life cycle of the four chargeable Glauca actions (registration, transfer, renew, restore).
 *
 * Deterministic progression (the docs say processing is asynchronous and clients poll; the emulator
 * makes each poll one step): an order is created `started` (the 201 body), then every GET of the
 * order moves it one state further — registration/renew/restore: processing → completed; transfer:
 * processing → pending_approval → completed. The effect (domain created, expiry moved, domain
 * restored) happens when the order reaches `completed`. With `instantOrders` the order is already
 * `completed` in the 201 answer (a convenience: the real server never completes an order at creation).
 * With `orderDelayMs` an order keeps its state until that long after creation and then completes on
 * the next GET. Renew and restore orders are never complete at creation on the real server: they
 * answer `started` (the fixture's 13.3 example) and complete on a later poll.
 *
 * Transfers through a shared `TransferRegistry` complete by telling the registry, which releases
 * the name at the losing emulator.
 *
 * Money: the price is fixed and charged (ledger, GBP) when the order is created with
 * `off_session: true`. Checks the registry would refuse at once (name taken, transfer not eligible,
 * wrong auth code) make the order `failed` at creation with `last_error` and nothing charged. A
 * balance too small: `off_session: true` → `failed` ("Insufficient funds"), `off_session: false` →
 * `needs_payment` with a `redirect_uri` until `payOrder` is called.
 */
import { ID_PREFIX } from './glauca-ids.js';
import type { GlaucaPeriod } from './glauca-money.js';
import {
  GLAUCA_REGISTRAR_ID,
  type GlaucaDomain,
  type GlaucaOrder,
  type GlaucaState,
  HEXDNS_NAME_SERVERS,
  normaliseStatuses,
  type OrderKind,
  type OrderState,
} from './glauca-state.js';

const STEPS: Record<OrderKind, OrderState[]> = {
  registration: ['processing', 'completed'],
  transfer: ['processing', 'pending_approval', 'completed'],
  renew: ['processing', 'completed'],
  restore: ['processing', 'completed'],
};

const ORDER_PREFIX = {
  registration: ID_PREFIX.registrationOrder,
  transfer: ID_PREFIX.transferOrder,
  renew: ID_PREFIX.renewOrder,
  restore: ID_PREFIX.restoreOrder,
} as const;

const LEDGER_OPERATION = {
  registration: 'register',
  transfer: 'transfer',
  renew: 'renew',
  restore: 'restore',
} as const;

export interface NewOrder {
  kind: OrderKind;
  domain: string;
  domainId: string;
  pricePence: number;
  offSession: boolean;
  period?: GlaucaPeriod | null;
  authCode?: string | null;
  registrant?: string | null;
  adminContact?: string | null;
  billingContact?: string | null;
  techContact?: string | null;
  /** A reason the registry refuses at once: the order is created `failed`, nothing is charged. */
  refusal?: string | null;
}

export function createOrder(
  state: GlaucaState,
  input: NewOrder,
  requestSeq: number,
  origin: string,
): GlaucaOrder {
  const order: GlaucaOrder = {
    kind: input.kind,
    id: state.newId(ORDER_PREFIX[input.kind]),
    state: 'started',
    pendingSteps: [...STEPS[input.kind]],
    redirectUri: null,
    lastError: null,
    offSession: input.offSession,
    pricePence: input.pricePence,
    timestamp: state.now(),
    createdMs: Date.now(),
    domain: input.domain,
    domainId: input.domainId,
    period: input.period ?? null,
    authCode: input.authCode ?? null,
    registrant: input.registrant ?? null,
    adminContact: input.adminContact ?? null,
    billingContact: input.billingContact ?? null,
    techContact: input.techContact ?? null,
  };
  state.orders.set(order.id, order);

  if (input.refusal) {
    fail(order, input.refusal);
  } else if (!state.canAfford(order.pricePence)) {
    if (order.offSession) {
      fail(order, 'Insufficient funds');
    } else {
      order.state = 'needs_payment';
      order.pendingSteps = [];
      order.redirectUri = `${origin}/billing/order/${order.id}/`;
    }
  } else {
    state.charge(LEDGER_OPERATION[order.kind], order.domain, order.pricePence, requestSeq);
    if (state.instantOrders) while (order.pendingSteps.length > 0) advanceOrder(state, order);
  }
  return order;
}

function fail(order: GlaucaOrder, reason: string): void {
  order.state = 'failed';
  order.lastError = reason;
  order.pendingSteps = [];
}

/** Moves an order one state on (no-op for terminal or waiting orders) and applies its effect on completion. */
export function advanceOrder(state: GlaucaState, order: GlaucaOrder): void {
  if (state.orderDelayMs !== null) {
    if (order.pendingSteps.length === 0 || Date.now() - order.createdMs < state.orderDelayMs) return;
    order.pendingSteps = ['completed'];
  }
  const next = order.pendingSteps.shift();
  if (next === undefined) return;
  order.state = next;
  if (next === 'completed') complete(state, order);
}

/** Completes the payment of a `needs_payment` order (what the user does at `redirect_uri`). */
export function payOrder(state: GlaucaState, order: GlaucaOrder, requestSeq = 0): void {
  if (order.state !== 'needs_payment')
    throw new Error(`order ${order.id} is ${order.state}, not needs_payment`);
  state.charge(LEDGER_OPERATION[order.kind], order.domain, order.pricePence, requestSeq);
  order.state = 'processing';
  order.redirectUri = null;
  order.pendingSteps = STEPS[order.kind].slice(1);
}

function addPeriod(date: Date, period: GlaucaPeriod): Date {
  const out = new Date(date.getTime());
  out.setUTCMonth(out.getUTCMonth() + (period.unit === 'y' ? period.value * 12 : period.value));
  return out;
}

function complete(state: GlaucaState, order: GlaucaOrder): void {
  const now = state.now();
  switch (order.kind) {
    case 'registration':
    case 'transfer': {
      const transfer = order.kind === 'transfer';
      if (transfer) state.registry?.completeTransfer(order.domain, GLAUCA_REGISTRAR_ID);
      const domain: GlaucaDomain = {
        id: order.domainId,
        domain: order.domain,
        statuses: ['ok'],
        deleted: false,
        registrant: order.registrant ?? state.defaultContactId,
        adminContact: order.adminContact,
        billingContact: order.billingContact,
        techContact: order.techContact,
        nameServers: HEXDNS_NAME_SERVERS.map((host) => ({
          host_object: host,
          host_name: null,
          addresses: null,
        })),
        rgpState: [transfer ? 'transfer_grace_period' : 'add_grace_period'],
        authInfo: state.newAuthCode(),
        secDns: null,
        // The registry's creation date of a transferred-in domain predates the transfer; a fixed
        // date keeps the emulator deterministic.
        created: transfer ? new Date('2020-01-01T00:00:00Z') : now,
        expiry: addPeriod(now, order.period ?? { unit: 'y', value: 1 }),
        lastUpdated: now,
        lastTransferred: transfer ? now : null,
      };
      state.domains.set(domain.id, domain);
      if (transfer) state.othersRegistered.delete(order.domain);
      return;
    }
    case 'renew': {
      const domain = state.domains.get(order.domainId);
      if (!domain) return;
      domain.expiry = addPeriod(domain.expiry, order.period ?? { unit: 'y', value: 1 });
      domain.rgpState = ['renew_grace_period'];
      domain.lastUpdated = now;
      return;
    }
    case 'restore': {
      const domain = state.domains.get(order.domainId);
      if (!domain) return;
      domain.deleted = false;
      domain.rgpState = [];
      domain.statuses = domain.statuses.filter((s) => s !== 'pending_delete');
      normaliseStatuses(domain);
      domain.lastUpdated = now;
      return;
    }
  }
}

/** True while an unfinished registration or transfer order exists for the name. */
export function hasOpenOrderFor(state: GlaucaState, name: string): boolean {
  for (const order of state.orders.values()) {
    if ((order.kind === 'registration' || order.kind === 'transfer') && order.domain === name) {
      if (order.state !== 'completed' && order.state !== 'failed') return true;
    }
  }
  return false;
}
