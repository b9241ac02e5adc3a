/**
 * Registrar endpoints under `/v2/{account}/registrar/domains/{domain}`: check, prices, register,
 * renew, transfer (and cancel), restore, transfer-out authorization, transfer lock, auto-renewal,
 * WHOIS privacy and delegation.
 *
 * Choices where the docs are silent:
 * - Register/renew/transfer/restore answer 201 with the fixture's initial state (`new`, or
 *   `transferring` for a transfer); the operation completes on a later GET (`registered`,
 *   `renewed`, `transferred`, `restored`): by default the first, else as the `completion` option
 *   says; a GET before that shows `registering`/`renewing`/`transferring`/`restoring`. The domain
 *   itself changes at once for register, renew and restore; a transfer adds the domain as `hosted`
 *   (the Domain `state` enum has no transferring state: hosted, registered, expired) and makes it
 *   `registered` when it completes. A domain the account already hosts can be transferred in.
 * - Charges (ledger, USD) are taken when the POST is accepted; a cancelled transfer is not refunded.
 * - A name is transferable only when it is registered elsewhere (seed `registeredNames`, or held by
 *   another emulator of the shared `registry`). Refusals are synchronous 400s in the shape of
 *   `transferDomain/error-missing-authcode.http` (`errors.base`): a wrong auth code, a transfer lock
 *   at the losing registrar, a registry lock, the 60-day lock after registration or transfer.
 * - Premium names (seed `premiumNames`) cost their premium price to register, renew and transfer
 *   (`getDomainPrices/success.http` shows one price for all three); `premium_price` must confirm it.
 * - TLDs with extended attributes (.us, .ca, .eu) refuse a register or transfer without a required
 *   attribute (dnsimple-tld-attributes.ts).
 * - `authorize_transfer_out` issues a new auth code, "e-mails" it (`state.emailedAuthCodes`) and
 *   unlocks the domain; the API answer is 204 without the code.
 * - Renewal is refused (the fixture's 400 "may not be renewed at this time") for hosted domains and
 *   when the new expiry would be more than 10 years from now.
 */
import type { EmulatorRequest, EmulatorRoute } from '../emulator/emulator-types.js';
import { isValidDomainName } from '../emulator/seed-data.js';
import type { TransferRefusal } from '../emulator/transfer-registry.js';
import {
  bodyObject,
  charge,
  DNSIMPLE_REGISTRAR_ID,
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
import { extendedAttributeErrors } from './dnsimple-tld-attributes.js';

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

/** The `errors.base` text of each transfer refusal (the emulator's wording; DNSimple publishes none). */
const TRANSFER_REFUSAL_TEXT: Record<TransferRefusal, (name: string) => string> = {
  not_registered: (name) => `The domain ${name} is not registered and cannot be transferred`,
  same_registrar: (name) => `The domain ${name} is already registered with DNSimple`,
  invalid_auth_code: (name) => `The authorization code for the domain ${name} is not valid`,
  client_transfer_prohibited: (name) => `The domain ${name} is locked at the current registrar`,
  server_transfer_prohibited: (name) => `The domain ${name} is locked by the registry`,
  pending_transfer: (name) => `A transfer of the domain ${name} is already pending`,
  transfer_lock_period: (name) =>
    `The domain ${name} was registered or transferred less than 60 days ago and cannot be transferred yet`,
};

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

  /** An operation's one-year price: the premium price for a premium name, else the TLD's. */
  const priceFor = (name: string, operation: 'register' | 'renew' | 'transfer' | 'restore'): string | null =>
    operation !== 'restore' && Object.hasOwn(seed.premiumNames, name)
      ? seed.premiumNames[name]!
      : seed.priceOf(name, operation);

  /** Names an availability check and a registration see as taken (here, elsewhere, or at another emulator). */
  const taken = (name: string): boolean => ctx.state.isTaken(name) || ctx.registry?.sponsorOf(name) != null;

  /** `extended_attributes` must satisfy the TLD (registerDomain/error-extended-attributes.http). */
  const checkExtendedAttributes = (tld: string, body: Record<string, unknown>): void => {
    const errors = extendedAttributeErrors(tld, body.extended_attributes);
    if (errors) fail(400, 'Invalid extended attributes', errors);
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

  /** One GET of an operation: `from[0]` → `from[1]` (in progress) → `to` once due (`completion` option). */
  const complete = <T extends { state: string; updated_at: string }>(
    op: DomainOperation<T>,
    from: [T['state'], T['state']],
    to: T['state'],
    after?: () => void,
  ): void => {
    op.polls += 1;
    if (!from.includes(op.data.state)) return;
    if (ctx.state.isDue(op.polls, op.createdMs ?? 0)) {
      op.data.state = to;
      op.data.updated_at = isoTimestamp(new Date());
      after?.();
    } else if (op.data.state !== from[1]) {
      op.data.state = from[1];
      op.data.updated_at = isoTimestamp(new Date());
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
        const isTaken = taken(name);
        // The fixture has no `trustee` although the spec requires it; the fixture wins.
        return ok({ domain: name, available: !isTaken, premium: !isTaken && availability === 'premium' });
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
          registration_price: money(priceFor(name, 'register') ?? prices.register),
          renewal_price: money(priceFor(name, 'renew') ?? prices.renew),
          transfer_price: money(priceFor(name, 'transfer') ?? prices.transfer),
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
        if (taken(name)) fail(400, `The domain ${name} is not available for registration`);
        const registrant = registrantId(body);
        checkExtendedAttributes(tld, body);
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
        charge(ctx, req, 'register', name, times(priceFor(name, 'register')!, period));
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
        ctx.state.registrations.set(id, { domain: name, data, polls: 0, createdMs: now.getTime() });
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
        const price = priceFor(domain.name, 'renew');
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
        ctx.state.renewals.set(id, { domain: domain.name, data, polls: 0, createdMs: now.getTime() });
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
        const { name, tld } = registrableName(req);
        const body = bodyObject(req);
        // A domain this account hosts (added for DNS first) can be transferred in; anywhere else it
        // is transferDomain/error-indnsimple.http.
        const existing = ctx.state.findDomainAnywhere(name);
        if (existing && (existing.account_id !== accountId || existing.state !== 'hosted'))
          fail(400, `The domain ${name} is already in DNSimple and cannot be added`);
        if (
          [...ctx.state.transfers.values()].some(
            (t) => t.domain === name && ['new', 'transferring'].includes(t.data.state),
          )
        )
          validationFailed({ base: [TRANSFER_REFUSAL_TEXT.pending_transfer(name)] });
        const sponsored = ctx.registry?.sponsorOf(name);
        const elsewhere = seed.isRegistered(name) && !seed.isOwned(name);
        if (!sponsored && !elsewhere) fail(400, TRANSFER_REFUSAL_TEXT.not_registered(name));
        const registrant = registrantId(body);
        if (typeof body.auth_code !== 'string' || body.auth_code.trim() === '') {
          // transferDomain/error-missing-authcode.http
          validationFailed({ base: ['You must provide an authorization code for the domain'] });
        }
        checkExtendedAttributes(tld, body);
        checkPremiumPrice(name, body);
        const refusal: TransferRefusal | null = sponsored
          ? ctx.registry!.checkTransfer(name, DNSIMPLE_REGISTRAR_ID, body.auth_code)
          : ctx.state.transferAuthCodes[name] !== undefined &&
              ctx.state.transferAuthCodes[name] !== body.auth_code
            ? 'invalid_auth_code'
            : null;
        if (refusal) validationFailed({ base: [TRANSFER_REFUSAL_TEXT[refusal](name)] });
        const now = new Date();
        const domain =
          existing ??
          ctx.state.addDomain(accountId, name, {
            state: 'hosted',
            registrantId: null,
            expiresAt: null,
            createdAt: now,
          });
        domain.registrant_id = registrant;
        domain.auto_renew = bool(body.auto_renew);
        domain.private_whois = bool(body.whois_privacy);
        ctx.state.touch(domain, now);
        charge(ctx, req, 'transfer', name, priceFor(name, 'transfer')!);
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
        ctx.state.transfers.set(id, { domain: name, data, polls: 0, createdMs: now.getTime() });
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
            // The registry moves the name first (the losing emulator releases it).
            ctx.registry?.completeTransfer(op.domain, DNSIMPLE_REGISTRAR_ID);
            const now = new Date();
            domain.state = 'registered';
            domain.expires_at = isoTimestamp(addYears(now, 1));
            domain.transferLock = true;
            domain.lastTransferredAt = isoTimestamp(ctx.registry?.now() ?? now);
            ctx.state.touch(domain, now);
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
        ctx.state.restores.set(id, { domain: domain.name, data, polls: 0, createdMs: now.getTime() });
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
        // Unlocks the domain and e-mails a new auth code to the registrant; never returned (204, no body).
        domain.transferLock = false;
        domain.authCode = ctx.state.newAuthCode();
        ctx.state.emailedAuthCodes.set(domain.name, domain.authCode);
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
