/**
 * The Domain Management API (PocketDNS's "Domain Management API" page, https://docs.pocketdns.com/;
 * docs/providers/pocketdns.md#domains, #prices, #orders): user domains, domain details and
 * settings, renewal, transfers, TLD list and availability.
 */
import type { EmulatorRoute } from '../emulator/emulator-types.js';
import { pocketDnsError } from './pocketdns-errors.js';
import { asciiDomainName, domainById, objectBody } from './pocketdns-request.js';
import { domainDetail, domainSummary, iso, transferStarted, transferStatus } from './pocketdns-shapes.js';
import type { PocketDnsState } from './pocketdns-state.js';

export const MAX_RENEW_YEARS = 10;

function addYears(date: Date, years: number): Date {
  const next = new Date(date.getTime());
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

/**
 * Suggestions for a name, shaped like the docs' example (`example.com` → `example.net`,
 * `example.org`, `myexample.com`): the same label in two other TLDs, then `my`/`get` prefixes, then
 * the other TLDs; only available names, at most three.
 */
function suggestionsFor(state: PocketDnsState, name: string, tld: string): string[] {
  const label = name.slice(0, -(tld.length + 1));
  const otherTlds = Object.keys(state.seed.tldPrices).filter((t) => t !== tld);
  const prefixed = label.startsWith('xn--') ? [] : [`my${label}.${tld}`, `get${label}.${tld}`];
  const candidates = [
    ...otherTlds.slice(0, 2).map((t) => `${label}.${t}`),
    ...prefixed,
    ...otherTlds.slice(2).map((t) => `${label}.${t}`),
  ];
  return candidates.filter((c) => c !== name && state.availabilityOf(c) === 'available').slice(0, 3);
}

export function pocketDnsDomainRoutes(state: PocketDnsState): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/users/:userIdentifier/domains',
      bucket: 'domainRetrieval',
      operation: 'listDomains',
      handler: (req) => {
        // The docs do not say what an unknown user gets; a user is created by POST /api/v1/users
        // (or owns seeded domains), any other identifier answers 404. No pagination is documented:
        // the whole list is returned with its `total`.
        const user = state.users.get(req.params.userIdentifier ?? '');
        if (!user) throw pocketDnsError(404, 'User not found');
        const domains = state.domainsOf(user.userIdentifier).map(domainSummary);
        return { status: 200, body: { domains, total: domains.length } };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/domains/tlds',
      bucket: 'domainRetrieval',
      operation: 'listTldPrices',
      handler: () => ({
        status: 200,
        body: {
          tlds: Object.entries(state.seed.tldPrices).map(([tld, price]) => ({
            tld,
            registration_price: price.register,
            renewal_price: price.renew,
            transfer_price: price.transfer,
            currency: state.currency,
            available: true,
          })),
        },
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/domains/availability/:domainName',
      bucket: 'availability',
      operation: 'checkAvailability',
      handler: (req) => {
        const name = asciiDomainName(req.params.domainName ?? '');
        // 422 "Invalid domain name or settings" for a malformed name and (our choice) for a TLD
        // PocketDNS does not sell; `domain_name` is echoed in ASCII lower-case form.
        if (name === null)
          throw pocketDnsError(422, 'Invalid domain name', { domain_name: req.params.domainName });
        const tld = state.seed.tldOf(name);
        if (tld === null) throw pocketDnsError(422, 'TLD is not supported', { domain_name: name });
        const availability = state.availabilityOf(name);
        const suggestions = suggestionsFor(state, name, tld);
        if (availability === 'registered') {
          return {
            status: 200,
            body: {
              domain_name: name,
              available: false,
              price: null,
              currency: null,
              premium: false,
              suggestions,
            },
          };
        }
        return {
          status: 200,
          body: {
            domain_name: name,
            available: true,
            price: state.priceOf(name, 'register'),
            currency: state.currency,
            premium: availability === 'premium',
            suggestions,
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/domains/transfer',
      bucket: 'domainTransfers',
      operation: 'transferDomain',
      handler: (req) => {
        const body = objectBody(req);
        const details: Record<string, string> = {};
        for (const field of ['domain_name', 'user_identifier', 'auth_code'] as const) {
          const value = body[field];
          if (value === undefined || value === null) details[field] = `${field} is required`;
          else if (typeof value !== 'string' || value === '')
            details[field] = `${field} must be a non-empty string`;
        }
        if (body.extend_registration !== undefined && typeof body.extend_registration !== 'boolean') {
          details.extend_registration = 'extend_registration must be a boolean';
        }
        const first = Object.values(details)[0];
        if (first !== undefined) throw pocketDnsError(400, first, details);
        const name = asciiDomainName(body.domain_name as string);
        if (name === null)
          throw pocketDnsError(422, 'Invalid domain name', { domain_name: body.domain_name });
        const availability = state.availabilityOf(name);
        if (availability === 'unsupported-tld')
          throw pocketDnsError(422, 'TLD is not supported', { domain_name: name });
        const userIdentifier = body.user_identifier as string;
        if (!state.users.has(userIdentifier)) throw pocketDnsError(404, 'User not found');
        if (state.domainByName(name))
          throw pocketDnsError(409, 'Domain already exists', { domain_name: name });
        if (state.activeTransferOf(name))
          throw pocketDnsError(409, 'Transfer already in progress', { domain_name: name });
        // A name nobody has registered cannot be transferred (our choice; the docs are silent).
        if (availability !== 'registered') {
          throw pocketDnsError(422, 'Domain is not registered and cannot be transferred', {
            domain_name: name,
          });
        }
        // The cost (the TLD's transfer price) is charged when the transfer starts, since the
        // initiation answer quotes it; `extend_registration` (default false) adds a year at completion.
        const transfer = state.startTransfer(
          {
            domainName: name,
            userIdentifier,
            authCode: body.auth_code as string,
            extendRegistration: body.extend_registration === true,
          },
          req.seq ?? 0,
        );
        // Status code not documented: 201, as a transfer resource with an id is created.
        return { status: 201, body: transferStarted(transfer) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/domains/transfers/:transferId',
      // Transfer status reads are "domain retrieval" (our choice: 10/min for polling would be odd).
      bucket: 'domainRetrieval',
      operation: 'getTransfer',
      handler: (req) => {
        const transfer = state.transfers.get(req.params.transferId ?? '');
        if (!transfer) throw pocketDnsError(404, 'Transfer not found');
        if (state.transferAdvance === 'on-read') state.advanceTransfer(transfer);
        return { status: 200, body: transferStatus(transfer) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/domains/:domainId',
      bucket: 'domainRetrieval',
      operation: 'getDomain',
      handler: (req) => ({ status: 200, body: domainDetail(state, domainById(state, req.params.domainId)) }),
    },
    {
      method: 'PUT',
      path: '/api/v1/domains/:domainId',
      bucket: 'domainUpdates',
      operation: 'updateDomain',
      handler: (req) => {
        const domain = domainById(state, req.params.domainId);
        const body = objectBody(req);
        const details: Record<string, string> = {};
        for (const field of ['auto_renew', 'whois_privacy'] as const) {
          if (body[field] !== undefined && typeof body[field] !== 'boolean')
            details[field] = `${field} must be a boolean`;
        }
        const first = Object.values(details)[0];
        if (first !== undefined) throw pocketDnsError(400, first, details);
        if (typeof body.auto_renew === 'boolean') domain.autoRenew = body.auto_renew;
        if (typeof body.whois_privacy === 'boolean') domain.whoisPrivacy = body.whois_privacy;
        domain.updatedAt = state.now();
        return {
          status: 200,
          body: {
            id: domain.id,
            name: domain.name,
            auto_renew: domain.autoRenew,
            whois_privacy: domain.whoisPrivacy,
            updated_at: iso(domain.updatedAt),
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/domains/:domainId/renew',
      // Renewal is a "domain update" (the docs list no renewal bucket).
      bucket: 'domainUpdates',
      operation: 'renewDomain',
      handler: (req) => {
        const domain = domainById(state, req.params.domainId);
        const body = objectBody(req);
        const years = body.years;
        if (years === undefined || years === null)
          throw pocketDnsError(400, 'years is required', { years: 'years is required' });
        if (typeof years !== 'number' || !Number.isInteger(years) || years < 1 || years > MAX_RENEW_YEARS) {
          const message = `years must be an integer between 1 and ${MAX_RENEW_YEARS}`;
          throw pocketDnsError(400, message, { years: message });
        }
        // Our choices where the docs are silent: a suspended or pending domain cannot be renewed,
        // and (as at every registry) a registration cannot run more than 10 years ahead.
        if (domain.status === 'suspended' || domain.status === 'pending') {
          throw pocketDnsError(422, `Domain cannot be renewed while ${domain.status}`);
        }
        if (addYears(domain.expiresAt, years) > addYears(state.now(), MAX_RENEW_YEARS)) {
          throw pocketDnsError(422, `Registration cannot be extended beyond ${MAX_RENEW_YEARS} years`, {
            years: String(years),
          });
        }
        const { cost, renewedAt } = state.renew(domain, years, req.seq ?? 0);
        // Status code not documented: 200 (nothing is created).
        return {
          status: 200,
          body: {
            id: domain.id,
            name: domain.name,
            expires_at: iso(domain.expiresAt),
            renewal_cost: cost,
            currency: state.currency,
            renewed_at: iso(renewedAt),
          },
        };
      },
    },
  ];
}
