/**
 * Domains API routes (docs/providers/glauca.md#domains, #checks): list (plain array, redemption
 * domains included with `deleted: true`), retrieve, PUT/PATCH, DELETE, the four checks, renew and
 * restore actions. Every path ends with a slash, as DRF's router declares them.
 */
import { EmulatorHttpError, type EmulatorRequest, type EmulatorRoute } from '../emulator/emulator-types.js';
import {
  checkRegistration,
  checkRenew,
  checkRestore,
  checkTransfer,
  readPeriod,
  renewPrice,
  restorePrice,
} from './glauca-checks.js';
import { readDomainInput } from './glauca-domain-input.js';
import { forbidden, notFound, PERMISSION_DENIED } from './glauca-errors.js';
import { ID_PREFIX } from './glauca-ids.js';
import { isSupportedPeriod } from './glauca-money.js';
import { createOrder } from './glauca-order-engine.js';
import { origin } from './glauca-pagination.js';
import { orderUrl, renderDomain, renderOrder } from './glauca-serializers.js';
import { djangoServerError } from './glauca-source-bugs.js';
import { type GlaucaDomain, type GlaucaState, normaliseStatuses } from './glauca-state.js';
import { bodyObject, FieldErrors, parseBoolean, parseString, readField } from './glauca-validation.js';

export function findDomain(state: GlaucaState, rawId: string | undefined): GlaucaDomain {
  const domain = state.domains.get(state.lookupId(rawId, ID_PREFIX.domain));
  if (!domain) throw notFound();
  return domain;
}

const UPDATE_PROHIBITED = ['client_update_prohibited', 'server_update_prohibited'];
const DELETE_PROHIBITED = ['client_delete_prohibited', 'server_delete_prohibited'];
const RENEW_PROHIBITED = ['client_renew_prohibited', 'server_renew_prohibited'];

export function readOffSession(data: Record<string, unknown>, errors: FieldErrors): boolean {
  const value = readField(data, 'off_session', { parse: parseBoolean, default: true }, errors, false);
  return value ?? true;
}

export function domainRoutes(state: GlaucaState): EmulatorRoute[] {
  const update = (req: EmulatorRequest, partial: boolean) => {
    const domain = findDomain(state, req.params.id);
    // 403 before validation: DRF checks object permissions first.
    if (domain.deleted || domain.statuses.some((s) => UPDATE_PROHIBITED.includes(s))) throw forbidden();
    const input = readDomainInput(state, bodyObject(req.body), partial);
    // The published source reads a missing attribute here and would 500 (since 2024-02-29): the
    // `domain-update-500` source bug; by default answered as documented (applied, domain returned).
    if (state.sourceBugs.has('domain-update-500')) throw djangoServerError();
    if (input.registrant !== undefined) domain.registrant = input.registrant;
    if (input.adminContact !== undefined) domain.adminContact = input.adminContact;
    if (input.billingContact !== undefined) domain.billingContact = input.billingContact;
    if (input.techContact !== undefined) domain.techContact = input.techContact;
    if (input.nameServers !== undefined) domain.nameServers = input.nameServers;
    if (input.secDns !== undefined) domain.secDns = input.secDns;
    if (input.blockTransfer !== undefined) {
      const others = domain.statuses.filter((s) => s !== 'client_transfer_prohibited');
      domain.statuses = input.blockTransfer ? [...others, 'client_transfer_prohibited'] : others;
    }
    if (input.regenAuthCode) domain.authInfo = state.newAuthCode();
    normaliseStatuses(domain);
    domain.lastUpdated = state.now();
    return { status: 200, body: renderDomain(req, domain) };
  };

  return [
    {
      method: 'GET',
      path: '/api/domains/',
      operation: 'listDomains',
      // Not paginated: a plain array of every domain; `limit`/`offset` are ignored, as in Glauca's
      // published server source (https://github.com/AS207960/domains; docs/providers/glauca.md#pagination).
      handler: (req) => ({ status: 200, body: [...state.domains.values()].map((d) => renderDomain(req, d)) }),
    },
    {
      method: 'GET',
      path: '/api/domains/:id/',
      operation: 'getDomain',
      handler: (req) => ({ status: 200, body: renderDomain(req, findDomain(state, req.params.id)) }),
    },
    {
      method: 'PATCH',
      path: '/api/domains/:id/',
      operation: 'updateDomain',
      handler: (req) => update(req, true),
    },
    {
      method: 'PUT',
      path: '/api/domains/:id/',
      operation: 'updateDomain',
      handler: (req) => update(req, false),
    },
    {
      method: 'DELETE',
      path: '/api/domains/:id/',
      operation: 'deleteDomain',
      handler: (req) => {
        const domain = findDomain(state, req.params.id);
        if (domain.deleted || domain.statuses.some((s) => DELETE_PROHIBITED.includes(s))) {
          throw forbidden('Object status prohibits deletion');
        }
        // 202 + the domain when it can be restored (now in redemption), 204 when it is gone, as in
        // Glauca's published server source (https://github.com/AS207960/domains;
        // docs/providers/glauca.md#domains).
        if (restorePrice(state, domain) !== null) {
          domain.deleted = true;
          domain.statuses = ['pending_delete'];
          domain.rgpState = ['redemption_grace_period'];
          domain.lastUpdated = state.now();
          return { status: 202, body: renderDomain(req, domain) };
        }
        state.domains.delete(domain.id);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: '/api/domains/check/',
      operation: 'checkAvailability',
      // The docs say no scope is needed, but the view in Glauca's published server source
      // (https://github.com/AS207960/domains) still requires a token: not public
      // (docs/providers/glauca.md#checks).
      handler: (req) => {
        const data = bodyObject(req.body);
        const errors = new FieldErrors();
        const name = readField(data, 'domain', { parse: (v) => parseString(v, 255) }, errors, false);
        const period = readPeriod(data, errors);
        errors.throwIfAny();
        if (state.sourceBugs.has('check-period-500') && !isSupportedPeriod(period!))
          throw djangoServerError();
        return { status: 200, body: checkRegistration(state, name!, period!) };
      },
    },
    {
      method: 'POST',
      path: '/api/domains/check_transfer/',
      operation: 'getPrice',
      handler: (req) => {
        const data = bodyObject(req.body);
        const errors = new FieldErrors();
        const name = readField(data, 'domain', { parse: (v) => parseString(v, 255) }, errors, false);
        // `period` is required but ignored (a transfer adds one year), as in Glauca's published
        // server source (https://github.com/AS207960/domains; docs/providers/glauca.md#check-transfer).
        readPeriod(data, errors);
        errors.throwIfAny();
        return { status: 200, body: checkTransfer(state, name!) };
      },
    },
    {
      method: 'POST',
      path: '/api/domains/:id/check_renew/',
      operation: 'getPrice',
      handler: (req) => {
        const domain = findDomain(state, req.params.id);
        const errors = new FieldErrors();
        // `domain` in the body is ignored, as in Glauca's published server source
        // (https://github.com/AS207960/domains; docs/providers/glauca.md#checks).
        const period = readPeriod(bodyObject(req.body), errors);
        errors.throwIfAny();
        // The pricing method it calls does not exist whenever renewal is supported and the domain
        // is not deleted (docs/providers/glauca.md#server-failures).
        if (state.sourceBugs.has('check-renew-500') && !domain.deleted) throw djangoServerError();
        return { status: 200, body: checkRenew(state, domain, period!) };
      },
    },
    {
      method: 'GET',
      path: '/api/domains/:id/check_restore/',
      operation: 'getPrice',
      handler: (req) => ({ status: 200, body: checkRestore(state, findDomain(state, req.params.id)) }),
    },
    {
      method: 'POST',
      path: '/api/domains/:id/renew/',
      operation: 'renewDomain',
      handler: (req) => {
        const domain = findDomain(state, req.params.id);
        if (domain.deleted || domain.statuses.some((s) => RENEW_PROHIBITED.includes(s))) {
          throw forbidden(PERMISSION_DENIED);
        }
        const data = bodyObject(req.body);
        const errors = new FieldErrors();
        const period = readPeriod(data, errors);
        const offSession = readOffSession(data, errors);
        errors.throwIfAny();
        const price = renewPrice(state, domain, period!);
        // The source fails during price lookup (500/403) for an unsupported period; the emulator
        // answers a field error with the documented reason text.
        if (price === null || !isSupportedPeriod(period!)) {
          throw new EmulatorHttpError(400, { period: ['Invalid period for domain'] });
        }
        const order = createOrder(
          state,
          {
            kind: 'renew',
            domain: domain.domain,
            domainId: domain.id,
            pricePence: price,
            offSession,
            period,
          },
          req.seq ?? 0,
          origin(req),
        );
        return {
          status: 201,
          headers: { location: orderUrl(req, order) },
          body: renderOrder(req, order, true),
        };
      },
    },
    {
      method: 'POST',
      path: '/api/domains/:id/restore/',
      operation: 'restoreDomain',
      handler: (req) => {
        const domain = findDomain(state, req.params.id);
        // 403 unless the domain is deleted (in redemption), as in Glauca's published server source
        // (https://github.com/AS207960/domains; docs/providers/glauca.md#orders).
        if (!domain.deleted) throw forbidden(PERMISSION_DENIED);
        const price = restorePrice(state, domain);
        if (price === null) throw new EmulatorHttpError(400, { detail: 'Unsupported by the registry' });
        const errors = new FieldErrors();
        const offSession = readOffSession(bodyObject(req.body), errors);
        errors.throwIfAny();
        const order = createOrder(
          state,
          { kind: 'restore', domain: domain.domain, domainId: domain.id, pricePence: price, offSession },
          req.seq ?? 0,
          origin(req),
        );
        return {
          status: 201,
          headers: { location: orderUrl(req, order) },
          body: renderOrder(req, order, true),
        };
      },
    },
  ];
}
