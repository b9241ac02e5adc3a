/**
 * Registrar endpoints under `/v2/{account}/registrar/domains/{domain}`: check, prices, register,
 * renew, transfer (and cancel), restore, transfer-out authorization, transfer lock, auto-renewal,
 * WHOIS privacy and delegation.
 *
 * Choices where the docs are silent:
 * - Register/renew/transfer/restore answer 201 with the fixture's initial state (`new`, or
 *   `transferring` for a transfer); the operation completes on its first GET (`registered`,
 *   `renewed`, `transferred`, `restored`). The domain itself changes at once for register, renew
 *   and restore; a transfer adds the domain as `hosted` and makes it `registered` when it completes.
 * - Charges (ledger, USD) are taken when the POST is accepted; a cancelled transfer is not refunded.
 * - A name is transferable only when it is registered elsewhere (seed `registeredNames`).
 * - Renewal is refused (the fixture's 400 "may not be renewed at this time") for hosted domains and
 *   when the new expiry would be more than 10 years from now.
 */
import type { EmulatorRequest, EmulatorRoute } from '../emulator/emulator-types.js';
import { isValidDomainName } from '../emulator/seed-data.js';
import {
  bodyObject,
  charge,
  type DnsimpleContext,
  fail,
  money,
  noContent,
  ok,
  requireAccount,
  requireDomain,
  requireGoodStanding,
  validationFailed,
} from './dnsimple-context.js';
import { tldInfo } from './dnsimple-routes-tlds.js';
import type {
  DnsimpleDomain,
  DnsimpleRegistration,
  DnsimpleRenewal,
  DnsimpleRestore,
  DnsimpleTransfer,
  DomainOperation,
} from './dnsimple-shapes.js';
import { isoDate, isoTimestamp } from './dnsimple-shapes.js';
import { asciiName } from './dnsimple-state.js';

const BASE = '/v2/:account/registrar/domains/:domain';
const MAX_YEARS_AHEAD = 10;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;

function addYears(date: Date, years: number): Date {
  const next = new Date(date.getTime());
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

function times(price: string, years: number): string {
  return (Number(price) * years).toFixed(2);
}

export function registrarRoutes(ctx: DnsimpleContext): EmulatorRoute[] {
  const seed = ctx.state.seed;

  /** The `{domain}` name of a registrar path: 400 when invalid or in an unsupported TLD. */
  const registrableName = (req: EmulatorRequest): { name: string; tld: string } => {
    const raw = req.params.domain ?? '';
    const name = asciiName(raw);
    if (!isValidDomainName(name)) fail(400, `\`${raw}\` is not a valid domain name`);
    const tld = seed.tldOf(name);
    if (tld === null) {
      // Wording of getDomainPrices/failure.http.
      fail(400, `TLD .${name.split('.').pop()!.toUpperCase()} is not supported`);
    }
    return { name, tld };
  };

  const registrantId = (body: Record<string, unknown>): number => {
    const raw = body.registrant_id;
    const id =
      typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : null;
    if (id === null) validationFailed({ registrant_id: ["can't be blank"] });
    // The notfound-contact fixture's wording.
    if (!ctx.state.contactIds.has(id)) fail(404, `Contact \`${id}\` not found`);
    return id;
  };

  /** `premium_price` (a string) must confirm the premium price of a premium name. */
  const checkPremiumPrice = (name: string, body: Record<string, unknown>): void => {
    const premium = seed.premiumNames[name];
    if (premium === undefined) return;
    const given = body.premium_price;
    if (given === undefined || given === null || given === '') {
      validationFailed({ premium_price: ['is required for premium domains'] });
    }
    if (Number(given) !== Number(premium))
      validationFailed({ premium_price: ['does not match the premium price'] });
  };

  const bool = (value: unknown): boolean => value === true;

  /** Registrar settings need a domain registered through DNSimple. */
  const requireRegistered = (domain: DnsimpleDomain): void => {
    if (domain.state === 'hosted') fail(400, `The domain ${domain.name} is not registered with DNSimple`);
  };

  const requireOperation = <T extends { domain_id: number }>(
    map: Map<number, DomainOperation<T>>,
    req: EmulatorRequest,
    param: string,
    label: string,
  ): DomainOperation<T> => {
    const accountId = requireAccount(ctx, req);
    const ref = req.params[param] ?? '';
    const op = /^\d+$/.test(ref) ? map.get(Number(ref)) : undefined;
    const domain = op ? ctx.state.findDomainAnywhere(op.domain) : undefined;
    if (
      !op ||
      op.domain !== asciiName(req.params.domain ?? '') ||
      (domain && domain.account_id !== accountId)
    ) {
      fail(404, `${label} \`${ref}\` not found`);
    }
    return op;
  };

  const complete = <T extends { state: string; updated_at: string }>(
    op: DomainOperation<T>,
    from: string[],
    to: T['state'],
    after?: () => void,
  ): void => {
    op.polls += 1;
    if (from.includes(op.data.state)) {
      op.data.state = to;
      op.data.updated_at = isoTimestamp(new Date());
      after?.();
    }
  };

  return [
    {
      method: 'GET',
      path: `${BASE}/check`,
      operation: 'checkAvailability',
      bucket: 'hourly',
      handler: (req) => {
        requireAccount(ctx, req);
        const raw = req.params.domain ?? '';
        const name = asciiName(raw);
        const availability = seed.availability(name);
        if (availability === 'invalid') fail(400, `\`${raw}\` is not a valid domain name`);
        if (availability === 'unsupported-tld')
          fail(400, `TLD .${name.split('.').pop()!.toUpperCase()} is not supported`);
        const taken = ctx.state.isTaken(name);
        // The fixture has no `trustee` although the spec requires it; the fixture wins.
        return ok({ domain: name, available: !taken, premium: !taken && availability === 'premium' });
      },
    },
    {
      method: 'GET',
      path: `${BASE}/prices`,
      operation: 'getPrice',
      bucket: 'hourly',
      handler: (req) => {
        requireAccount(ctx, req);
        const { name, tld } = registrableName(req);
        const prices = seed.tldPrices[tld]!;
        return ok({
          domain: name,
          premium: Object.hasOwn(seed.premiumNames, name),
          registration_price: money(seed.priceOf(name, 'register') ?? prices.register),
          renewal_price: money(seed.priceOf(name, 'renew') ?? prices.renew),
          transfer_price: money(seed.priceOf(name, 'transfer') ?? prices.transfer),
          restore_price: money(prices.restore ?? '0'),
          // No seeded TLD offers the trustee service; the fixture always has a number here.
          trustee_price: 0,
        });
      },
    },
    {
      method: 'POST',
      path: `${BASE}/registrations`,
      operation: 'registerDomain',
      bucket: 'hourly',
      handler: (req) => {
        const accountId = requireAccount(ctx, req);
        requireGoodStanding(ctx);
        const { name, tld } = registrableName(req);
        const body = bodyObject(req);
        if (ctx.state.isTaken(name)) fail(400, `The domain ${name} is not available for registration`);
        const registrant = registrantId(body);
        checkPremiumPrice(name, body);
        const now = new Date();
        const period = tldInfo(tld).minimum_registration;
        const domain = ctx.state.addDomain(accountId, name, {
          state: 'registered',
          registrantId: registrant,
          expiresAt: addYears(now, period),
          createdAt: now,
          autoRenew: bool(body.auto_renew),
          privateWhois: bool(body.whois_privacy),
        });
        charge(ctx, req, 'register', name, times(seed.priceOf(name, 'register')!, period));
        const id = ctx.state.operationId();
        const data: DnsimpleRegistration = {
          id,
          domain_id: domain.id,
          registrant_id: registrant,
          period,
          state: 'new',
          auto_renew: bool(body.auto_renew),
          whois_privacy: bool(body.whois_privacy),
          trustee: bool(body.trustee),
          created_at: isoTimestamp(now),
          updated_at: isoTimestamp(now),
        };
        ctx.state.registrations.set(id, { domain: name, data, polls: 0 });
        return ok({ ...data }, 201);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/registrations/:registration`,
      operation: 'getRegistration',
      bucket: 'hourly',
      handler: (req) => {
        const op = requireOperation(ctx.state.registrations, req, 'registration', 'Registration');
        complete(op, ['new', 'registering'], 'registered');
        return ok(op.data);
      },
    },
    {
      method: 'POST',
      path: `${BASE}/renewals`,
      operation: 'renewDomain',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        requireGoodStanding(ctx);
        const body = bodyObject(req);
        let period = 1;
        if (body.period !== undefined && body.period !== null) {
          if (
            typeof body.period !== 'number' ||
            !Number.isInteger(body.period) ||
            body.period < 1 ||
            body.period > 9
          ) {
            validationFailed({ period: ['must be an integer between 1 and 9'] });
          }
          period = body.period;
        }
        const price = seed.priceOf(domain.name, 'renew');
        const now = new Date();
        const current = domain.expires_at === null ? null : new Date(domain.expires_at);
        const next = current === null ? null : addYears(current, period);
        if (
          domain.state !== 'registered' ||
          price === null ||
          next === null ||
          next.getTime() > addYears(now, MAX_YEARS_AHEAD).getTime()
        ) {
          // renewDomain/error-tooearly.http: note the empty `errors` map.
          fail(400, `${domain.name} may not be renewed at this time`, {});
        }
        checkPremiumPrice(domain.name, body);
        domain.expires_at = isoTimestamp(next);
        ctx.state.touch(domain, now);
        charge(ctx, req, 'renew', domain.name, times(price, period));
        const id = ctx.state.operationId();
        const data: DnsimpleRenewal = {
          id,
          domain_id: domain.id,
          period,
          state: 'new',
          created_at: isoTimestamp(now),
          updated_at: isoTimestamp(now),
        };
        ctx.state.renewals.set(id, { domain: domain.name, data, polls: 0 });
        return ok({ ...data }, 201);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/renewals/:renewal`,
      operation: 'getRenewal',
      bucket: 'hourly',
      handler: (req) => {
        const op = requireOperation(ctx.state.renewals, req, 'renewal', 'Renewal');
        complete(op, ['new', 'renewing'], 'renewed');
        // Docs and spec say 200 (the fixture's status line says 201).
        return ok(op.data);
      },
    },
    {
      method: 'POST',
      path: `${BASE}/transfers`,
      operation: 'transferDomain',
      bucket: 'hourly',
      handler: (req) => {
        const accountId = requireAccount(ctx, req);
        requireGoodStanding(ctx);
        const { name } = registrableName(req);
        const body = bodyObject(req);
        // transferDomain/error-indnsimple.http
        if (ctx.state.findDomainAnywhere(name))
          fail(400, `The domain ${name} is already in DNSimple and cannot be added`);
        if (!seed.isRegistered(name))
          fail(400, `The domain ${name} is not registered and cannot be transferred`);
        const registrant = registrantId(body);
        if (typeof body.auth_code !== 'string' || body.auth_code.trim() === '') {
          // transferDomain/error-missing-authcode.http
          validationFailed({ base: ['You must provide an authorization code for the domain'] });
        }
        checkPremiumPrice(name, body);
        const now = new Date();
        const domain = ctx.state.addDomain(accountId, name, {
          state: 'hosted',
          registrantId: registrant,
          expiresAt: null,
          createdAt: now,
          autoRenew: bool(body.auto_renew),
          privateWhois: bool(body.whois_privacy),
        });
        charge(ctx, req, 'transfer', name, seed.priceOf(name, 'transfer')!);
        const id = ctx.state.operationId();
        const data: DnsimpleTransfer = {
          id,
          domain_id: domain.id,
          registrant_id: registrant,
          state: 'transferring',
          auto_renew: bool(body.auto_renew),
          whois_privacy: bool(body.whois_privacy),
          trustee: bool(body.trustee),
          status_description: null,
          created_at: isoTimestamp(now),
          updated_at: isoTimestamp(now),
        };
        ctx.state.transfers.set(id, { domain: name, data, polls: 0 });
        // The transferDomain fixture has no `status_description` (getDomainTransfer's has).
        const { status_description: _omit, ...created } = data;
        return ok(created, 201);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/transfers/:transfer`,
      operation: 'getTransfer',
      bucket: 'hourly',
      handler: (req) => {
        const op = requireOperation(ctx.state.transfers, req, 'transfer', 'Transfer');
        complete(op, ['new', 'transferring'], 'transferred', () => {
          const domain = ctx.state.findDomainAnywhere(op.domain);
          if (domain) {
            domain.state = 'registered';
            domain.expires_at = isoTimestamp(addYears(new Date(), 1));
            domain.transferLock = true;
            ctx.state.touch(domain);
          }
        });
        return ok(op.data);
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/transfers/:transfer`,
      operation: 'cancelTransfer',
      bucket: 'hourly',
      handler: (req) => {
        const op = requireOperation(ctx.state.transfers, req, 'transfer', 'Transfer');
        if (op.data.state !== 'new' && op.data.state !== 'transferring') {
          fail(400, `The transfer ${op.data.id} cannot be cancelled`);
        }
        // cancelDomainTransfer/success.http: 202 with the transfer as it was; a later GET shows it cancelled.
        const before = { ...op.data };
        op.data.state = 'cancelled';
        op.data.status_description = 'Canceled by customer';
        op.data.updated_at = isoTimestamp(new Date());
        return ok(before, 202);
      },
    },
    {
      method: 'POST',
      path: `${BASE}/restores`,
      operation: 'restoreDomain',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        requireGoodStanding(ctx);
        const body = bodyObject(req);
        const price = seed.priceOf(domain.name, 'restore');
        if (domain.state !== 'expired' || price === null)
          fail(400, `The domain ${domain.name} cannot be restored`);
        checkPremiumPrice(domain.name, body);
        const now = new Date();
        domain.state = 'registered';
        domain.expires_at = isoTimestamp(addYears(now, 1));
        ctx.state.touch(domain, now);
        charge(ctx, req, 'restore', domain.name, price);
        const id = ctx.state.operationId();
        const data: DnsimpleRestore = {
          id,
          domain_id: domain.id,
          state: 'new',
          created_at: isoTimestamp(now),
          updated_at: isoTimestamp(now),
        };
        ctx.state.restores.set(id, { domain: domain.name, data, polls: 0 });
        return ok({ ...data }, 201);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/restores/:restore`,
      operation: 'getRestore',
      bucket: 'hourly',
      handler: (req) => {
        const op = requireOperation(ctx.state.restores, req, 'restore', 'Restore');
        complete(op, ['new', 'restoring'], 'restored');
        return ok(op.data);
      },
    },
    {
      method: 'POST',
      path: `${BASE}/authorize_transfer_out`,
      operation: 'authorizeTransferOut',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        requireRegistered(domain);
        // Unlocks the domain; the auth code is emailed, never returned (204, no body).
        domain.transferLock = false;
        ctx.state.touch(domain);
        return noContent;
      },
    },
    {
      method: 'GET',
      path: `${BASE}/transfer_lock`,
      operation: 'getTransferLock',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        requireRegistered(domain);
        return ok({ enabled: domain.transferLock });
      },
    },
    {
      method: 'POST',
      path: `${BASE}/transfer_lock`,
      operation: 'enableTransferLock',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        requireRegistered(domain);
        domain.transferLock = true;
        ctx.state.touch(domain);
        return ok({ enabled: true }, 201);
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/transfer_lock`,
      operation: 'disableTransferLock',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        requireRegistered(domain);
        domain.transferLock = false;
        ctx.state.touch(domain);
        return ok({ enabled: false });
      },
    },
    {
      method: 'PUT',
      path: `${BASE}/auto_renewal`,
      operation: 'enableAutoRenewal',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        requireRegistered(domain);
        domain.auto_renew = true;
        ctx.state.touch(domain);
        return noContent;
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/auto_renewal`,
      operation: 'disableAutoRenewal',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        requireRegistered(domain);
        domain.auto_renew = false;
        ctx.state.touch(domain);
        return noContent;
      },
    },
    {
      method: 'PUT',
      path: `${BASE}/whois_privacy`,
      operation: 'enableWhoisPrivacy',
      bucket: 'hourly',
      // Current behaviour: 200 with `enabled: true` (the 201 "created" answer is for legacy domains).
      handler: (req) => ok(setWhoisPrivacy(ctx, req, true)),
    },
    {
      method: 'DELETE',
      path: `${BASE}/whois_privacy`,
      operation: 'disableWhoisPrivacy',
      bucket: 'hourly',
      handler: (req) => ok(setWhoisPrivacy(ctx, req, false)),
    },
    {
      method: 'GET',
      path: `${BASE}/delegation`,
      operation: 'getDelegation',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        // Hosted-only domains answer an empty list (success-empty.http; when it happens is undocumented).
        return ok(domain.state === 'hosted' ? [] : [...domain.nameServers]);
      },
    },
    {
      method: 'PUT',
      path: `${BASE}/delegation`,
      operation: 'changeDelegation',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        requireRegistered(domain);
        // The body is a bare JSON array of host names.
        const body = req.body;
        if (!Array.isArray(body) || !body.every((ns) => typeof ns === 'string' && HOSTNAME.test(ns))) {
          validationFailed({ name_servers: ['must be an array of valid host names'] });
        }
        const tld = tldInfo(ctx.state.seed.tldOf(domain.name) ?? '');
        const min = Number(tld.name_server_min);
        const max = Number(tld.name_server_max);
        const names = [...new Set((body as string[]).map((ns) => ns.toLowerCase().replace(/\.$/, '')))];
        if (names.length < min || names.length > max) {
          validationFailed({ name_servers: [`must contain between ${min} and ${max} name servers`] });
        }
        domain.nameServers = names;
        ctx.state.touch(domain);
        return ok([...names]);
      },
    },
  ];
}

function setWhoisPrivacy(ctx: DnsimpleContext, req: EmulatorRequest, enabled: boolean) {
  const { domain } = requireDomain(ctx, req);
  if (domain.state === 'hosted') fail(400, `The domain ${domain.name} is not registered with DNSimple`);
  const tld = ctx.state.seed.tldOf(domain.name);
  if (tld === null || !tldInfo(tld).whois_privacy)
    fail(400, `WHOIS privacy is not available for ${domain.name}`);
  const now = isoTimestamp(new Date());
  domain.whoisPrivacy ??= {
    id: ctx.state.whoisPrivacyId(),
    domain_id: domain.id,
    expires_on: null,
    enabled: false,
    created_at: now,
    updated_at: now,
  };
  domain.whoisPrivacy.enabled = enabled;
  domain.whoisPrivacy.expires_on = domain.expires_at === null ? null : isoDate(new Date(domain.expires_at));
  domain.whoisPrivacy.updated_at = now;
  domain.private_whois = enabled;
  ctx.state.touch(domain);
  return { ...domain.whoisPrivacy };
}
