/** Domains (account scope): list, get, create (add for hosting), delete. */
import type { EmulatorRoute } from '../emulator/emulator-types.js';
import { isValidDomainName } from '../emulator/seed-data.js';
import {
  bodyObject,
  compareValues,
  type DnsimpleContext,
  fail,
  noContent,
  ok,
  paginated,
  requireAccount,
  requireDomain,
  requireGoodStanding,
  sortItems,
  validationFailed,
} from './dnsimple-context.js';
import type { DnsimpleDomain } from './dnsimple-shapes.js';
import { renderDomain } from './dnsimple-shapes.js';
import { asciiName } from './dnsimple-state.js';

const DOMAIN_SORTS = {
  id: (a: DnsimpleDomain, b: DnsimpleDomain) => a.id - b.id,
  name: (a: DnsimpleDomain, b: DnsimpleDomain) => compareValues(a.name, b.name),
  expiration: (a: DnsimpleDomain, b: DnsimpleDomain) => compareValues(a.expires_at, b.expires_at),
};

export function domainRoutes(ctx: DnsimpleContext): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      path: '/v2/:account/domains',
      operation: 'listDomains',
      bucket: 'hourly',
      handler: (req) => {
        const accountId = requireAccount(ctx, req);
        let domains = ctx.state.domainsOf(accountId);
        const nameLike = req.query.name_like;
        if (nameLike !== undefined && nameLike !== '') {
          const needle = nameLike.toLowerCase();
          domains = domains.filter((d) => d.name.includes(needle) || d.unicode_name.includes(needle));
        }
        const registrantId = req.query.registrant_id;
        if (registrantId !== undefined && registrantId !== '') {
          domains = domains.filter((d) => String(d.registrant_id) === registrantId);
        }
        // Default sort: ascending name (domains API doc).
        const sorted = sortItems(domains, req.query.sort, DOMAIN_SORTS, 'name:asc');
        // The listDomains fixture has no `trustee` field.
        return paginated(sorted, req.query, (d) => renderDomain(d, false));
      },
    },
    {
      method: 'POST',
      path: '/v2/:account/domains',
      operation: 'createDomain',
      bucket: 'hourly',
      handler: (req) => {
        const accountId = requireAccount(ctx, req);
        requireGoodStanding(ctx);
        const { name } = bodyObject(req);
        if (typeof name !== 'string' || name.trim() === '') validationFailed({ name: ["can't be blank"] });
        const ascii = asciiName(name);
        if (!isValidDomainName(ascii)) validationFailed({ name: ['is an invalid domain'] });
        // Wording of transferDomain/error-indnsimple.http.
        if (ctx.state.findDomainAnywhere(ascii))
          fail(400, `The domain ${ascii} is already in DNSimple and cannot be added`);
        const domain = ctx.state.addDomain(accountId, ascii, {
          state: 'hosted',
          registrantId: null,
          expiresAt: null,
          createdAt: new Date(),
        });
        // The createDomain fixture has no `trustee` field.
        return ok(renderDomain(domain, false), 201);
      },
    },
    {
      method: 'GET',
      path: '/v2/:account/domains/:domain',
      operation: 'getDomain',
      bucket: 'hourly',
      handler: (req) => ok(renderDomain(requireDomain(ctx, req).domain, true)),
    },
    {
      method: 'DELETE',
      path: '/v2/:account/domains/:domain',
      operation: 'deleteDomain',
      bucket: 'hourly',
      handler: (req) => {
        const { domain } = requireDomain(ctx, req);
        // Docs: permanent, no registry deletion and no refund. The docs' 400 case is not described; never sent.
        ctx.state.removeDomain(domain);
        return noContent;
      },
    },
  ];
}
