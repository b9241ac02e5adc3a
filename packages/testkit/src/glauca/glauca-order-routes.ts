/**
 * Order resources (docs/providers/glauca.md#orders):
 * `/api/domain_registration_orders/` and `/api/domain_transfer_orders/` (list, retrieve, create,
 * PUT/PATCH), `/api/domain_renew_orders/` and `/api/domain_restore_orders/` (list, retrieve,
 * PUT/PATCH; created through `/api/domains/{id}/renew|restore/`). Lists are paginated; there is no
 * DELETE. Each GET of one order advances it one state (see glauca-order-engine.ts).
 */
import { EmulatorHttpError, type EmulatorRequest, type EmulatorRoute } from '../emulator/emulator-types.js';
import type { TransferRefusal } from '../emulator/transfer-registry.js';
import {
  asciiName,
  isTaken,
  REASON,
  readPeriod,
  registrationPrice,
  transferRefusal,
  zoneOf,
} from './glauca-checks.js';
import { readOffSession } from './glauca-domain-routes.js';
import { detail, notFound } from './glauca-errors.js';
import { ID_PREFIX } from './glauca-ids.js';
import { isSupportedPeriod, priceForPeriod } from './glauca-money.js';
import { advanceOrder, createOrder, hasOpenOrderFor } from './glauca-order-engine.js';
import { origin, paginate } from './glauca-pagination.js';
import { ORDER_COLLECTION, orderUrl, renderOrder } from './glauca-serializers.js';
import { djangoServerError } from './glauca-source-bugs.js';
import { GLAUCA_REGISTRAR_ID, type GlaucaOrder, type GlaucaState, type OrderKind } from './glauca-state.js';

/**
 * `last_error` of a transfer order the registry refuses (the order is created `failed`, nothing
 * charged): the registry's EPP result texts (RFC 5730 §3 result codes 2202, 2304, 2303).
 */
const REGISTRY_REFUSAL_TEXT: Record<TransferRefusal, string> = {
  not_registered: 'Object does not exist',
  same_registrar: 'Domain not eligible for transfer',
  invalid_auth_code: 'Invalid authorization code',
  client_transfer_prohibited: 'Object status prohibits operation',
  server_transfer_prohibited: 'Object status prohibits operation',
  pending_transfer: 'Object status prohibits operation',
  transfer_lock_period: 'Object status prohibits operation',
};

import { bodyObject, FieldErrors, MSG, parseString, readField } from './glauca-validation.js';

const PREFIX = {
  registration: ID_PREFIX.registrationOrder,
  transfer: ID_PREFIX.transferOrder,
  renew: ID_PREFIX.renewOrder,
  restore: ID_PREFIX.restoreOrder,
} as const;

/** Operation names: the Registrar method a route plays, else its own name. */
const GET_OPERATION: Record<OrderKind, string> = {
  registration: 'getRegistration',
  transfer: 'getTransfer',
  renew: 'getRenewOrder',
  restore: 'getRestoreOrder',
};

function findOrder(state: GlaucaState, kind: OrderKind, rawId: string | undefined): GlaucaOrder {
  const order = state.orders.get(state.lookupId(rawId, PREFIX[kind]));
  if (!order || order.kind !== kind) throw notFound();
  return order;
}

function render(state: GlaucaState, req: EmulatorRequest, order: GlaucaOrder) {
  return renderOrder(req, order, state.domains.has(order.domainId), state.sourceBugs.has('order-domain-obj'));
}

interface CommonOrderInput {
  domain: string;
  offSession: boolean;
  registrant: string;
  adminContact: string | null;
  billingContact: string | null;
  techContact: string | null;
}

/** Fields shared by registration and transfer orders; contacts are declared without defaults. */
function readCommon(state: GlaucaState, data: Record<string, unknown>, errors: FieldErrors) {
  const contact = {
    parse: (v: unknown) =>
      typeof v === 'string' && state.contacts.has(v)
        ? ({ ok: true, value: v } as const)
        : ({ ok: false, error: MSG.pk(v) } as const),
  };
  const domain = readField(data, 'domain', { parse: (v) => parseString(v, 255) }, errors, false);
  const registrant = readField(data, 'registrant', contact, errors, false);
  const adminContact = readField(data, 'admin_contact', { ...contact, nullable: true }, errors, false);
  const billingContact = readField(data, 'billing_contact', { ...contact, nullable: true }, errors, false);
  const techContact = readField(data, 'tech_contact', { ...contact, nullable: true }, errors, false);
  const offSession = readOffSession(data, errors);
  return {
    domain,
    registrant,
    adminContact,
    billingContact,
    techContact,
    offSession,
  } as Partial<CommonOrderInput>;
}

function supportedName(state: GlaucaState, submitted: string): { ascii: string; zone: string } {
  const ascii = asciiName(submitted);
  const zone = ascii === null ? null : zoneOf(state, ascii);
  // The published source fails during price lookup (500/403): the `order-price-lookup-500` source
  // bug; by default answered with the `unsupported` exception's documented body.
  if (ascii === null || zone === null) {
    if (state.sourceBugs.has('order-price-lookup-500')) throw djangoServerError();
    throw new EmulatorHttpError(400, detail('Unsupported by the registry'));
  }
  return { ascii, zone };
}

function orderRoutesOf(state: GlaucaState, kind: OrderKind): EmulatorRoute[] {
  const collection = `/api/${ORDER_COLLECTION[kind]}/`;
  const update = (req: EmulatorRequest) => {
    const order = findOrder(state, kind, req.params.id);
    // Only a `pending` order may be moved (to started or failed); API-created orders never are, as
    // in Glauca's published server source (https://github.com/AS207960/domains;
    // docs/providers/glauca.md#orders).
    if (order.state !== 'pending') throw new EmulatorHttpError(400, { state: ['invalid state transition'] });
    const data = bodyObject(req.body);
    if (data.state !== 'started' && data.state !== 'failed') {
      throw new EmulatorHttpError(400, { state: ['invalid state transition'] });
    }
    order.state = data.state;
    return { status: 200, body: render(state, req, order) };
  };
  const routes: EmulatorRoute[] = [
    {
      method: 'GET',
      path: collection,
      operation: `list${kind[0]!.toUpperCase()}${kind.slice(1)}Orders`,
      handler: (req) => ({
        status: 200,
        body: paginate(
          req,
          [...state.orders.values()].filter((o) => o.kind === kind),
          (o) => render(state, req, o),
        ),
      }),
    },
    {
      method: 'GET',
      path: `${collection}:id/`,
      operation: GET_OPERATION[kind],
      handler: (req) => {
        const order = findOrder(state, kind, req.params.id);
        advanceOrder(state, order);
        return { status: 200, body: render(state, req, order) };
      },
    },
    { method: 'PATCH', path: `${collection}:id/`, operation: 'updateOrder', handler: update },
    { method: 'PUT', path: `${collection}:id/`, operation: 'updateOrder', handler: update },
  ];
  if (kind === 'renew' || kind === 'restore') {
    routes.push({
      method: 'POST',
      path: collection,
      operation: 'createOrder',
      handler: () => {
        throw new EmulatorHttpError(405, detail('Method "POST" not allowed.'), {
          allow: 'GET, HEAD, OPTIONS',
        });
      },
    });
  }
  return routes;
}

export function orderRoutes(state: GlaucaState): EmulatorRoute[] {
  const created = (req: EmulatorRequest, order: GlaucaOrder) => ({
    status: 201,
    headers: { location: orderUrl(req, order) },
    body: render(state, req, order),
  });

  return [
    ...orderRoutesOf(state, 'registration'),
    ...orderRoutesOf(state, 'transfer'),
    ...orderRoutesOf(state, 'renew'),
    ...orderRoutesOf(state, 'restore'),
    {
      method: 'POST',
      path: '/api/domain_registration_orders/',
      operation: 'registerDomain',
      handler: (req) => {
        const data = bodyObject(req.body);
        const errors = new FieldErrors();
        const common = readCommon(state, data, errors);
        const period = readPeriod(data, errors);
        errors.throwIfAny();
        const { ascii, zone } = supportedName(state, common.domain!);
        if (!isSupportedPeriod(period!)) {
          if (state.sourceBugs.has('order-price-lookup-500')) throw djangoServerError();
          throw new EmulatorHttpError(400, { period: [REASON.invalidPeriod] });
        }
        const refusal =
          isTaken(state, ascii) || hasOpenOrderFor(state, ascii)
            ? 'Domain no longer available to purchase.'
            : null;
        const order = createOrder(
          state,
          {
            kind: 'registration',
            domain: ascii,
            domainId: state.newId(ID_PREFIX.domain),
            pricePence: registrationPrice(state, ascii, zone, period!),
            offSession: common.offSession!,
            period,
            registrant: common.registrant!,
            adminContact: common.adminContact ?? null,
            billingContact: common.billingContact ?? null,
            techContact: common.techContact ?? null,
            refusal,
          },
          req.seq ?? 0,
          origin(req),
        );
        return created(req, order);
      },
    },
    {
      method: 'POST',
      path: '/api/domain_transfer_orders/',
      operation: 'transferDomain',
      handler: (req) => {
        const data = bodyObject(req.body);
        const errors = new FieldErrors();
        const common = readCommon(state, data, errors);
        const authCode = readField(data, 'auth_code', { parse: (v) => parseString(v, 255) }, errors, false);
        errors.throwIfAny();
        const { ascii, zone } = supportedName(state, common.domain!);
        const expected = state.transferAuthCodes[ascii];
        let refusal =
          transferRefusal(state, ascii) ?? (hasOpenOrderFor(state, ascii) ? REASON.notEligible : null);
        const sponsor = state.registry?.sponsorOf(ascii);
        if (!refusal && sponsor && sponsor.id !== GLAUCA_REGISTRAR_ID) {
          const registryRefusal = state.registry!.checkTransfer(ascii, GLAUCA_REGISTRAR_ID, authCode);
          if (registryRefusal) refusal = REGISTRY_REFUSAL_TEXT[registryRefusal];
        } else if (!refusal && expected !== undefined && expected !== authCode) {
          refusal = 'Invalid authorization code';
        }
        const order = createOrder(
          state,
          {
            kind: 'transfer',
            domain: ascii,
            domainId: state.newId(ID_PREFIX.domain),
            pricePence: priceForPeriod(state.seed.tldPrices[zone]!.transfer, { unit: 'y', value: 1 }),
            offSession: common.offSession!,
            authCode: authCode!,
            registrant: common.registrant!,
            adminContact: common.adminContact ?? null,
            billingContact: common.billingContact ?? null,
            techContact: common.techContact ?? null,
            refusal,
          },
          req.seq ?? 0,
          origin(req),
        );
        return created(req, order);
      },
    },
  ];
}
