/**
 * Domain routes: `/domain/listAll` (offset pages of 1000, filters, sort), `/domain/get/{domain}`,
 * `/domain/updateAutoRenew`, nameservers (`getNs`/`updateNs`) and the per-domain contacts
 * (`getContacts`/`updateContacts`). docs/providers/porkbun.md#domains.
 */
import type { EmulatorRequest, EmulatorRoute } from '../emulator/emulator-types.js';
import { isValidDomainName } from '../emulator/seed-data.js';
import { accountDomain, defineRoutes, dryRunOk, ok, type PorkbunContext } from './porkbun-context.js';
import { PorkbunError } from './porkbun-errors.js';
import { bodyOf, isDryRun, type JsonBody, pathDomain, readParam } from './porkbun-request.js';
import { domainItem } from './porkbun-shapes.js';
import {
  CONTACT_FIELDS,
  CONTACT_ROLES,
  type ContactRole,
  type PorkbunContact,
  type PorkbunDomain,
} from './porkbun-state.js';

const DAY_MS = 86_400_000;
export const MAX_NAMESERVERS = 13;
const CONTACT_REQUIRED: (keyof PorkbunContact)[] = [
  'firstName',
  'address1',
  'city',
  'postalCode',
  'country',
  'phone',
  'phoneCountryCode',
  'email',
];

const SORT_KEYS: Record<string, (d: PorkbunDomain) => string | number> = {
  domain: (d) => d.name,
  tld: (d) => d.tld,
  create_date: (d) => d.createdAt.getTime(),
  expire_date: (d) => d.expiresAt.getTime(),
};

function yesNo(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === 'yes') return true;
  if (value === 'no') return false;
  throw new PorkbunError('INVALID_INPUT', `${name} must be yes or no.`);
}

function nonNegativeInt(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
    throw new PorkbunError('INVALID_INPUT', `${name} must be a non-negative integer.`);
  return n;
}

/** `tlds` as a JSON array, or (GET) a comma-separated list. */
function tldList(value: unknown): Set<string> | null {
  if (value === undefined || value === null || value === '') return null;
  const list = Array.isArray(value) ? value : String(value).split(',');
  return new Set(list.map((t) => String(t).trim().toLowerCase().replace(/^\./, '')));
}

function listAll(ctx: PorkbunContext, req: EmulatorRequest) {
  const param = (name: string) => readParam(req, name) ?? readParam(req, `${name}[]`);
  const start = nonNegativeInt(param('start'), 'start') ?? 0;
  const includeLabels = yesNo(param('includeLabels'), 'includeLabels') === true;
  const exact = param('domain');
  const contains = param('nameContains');
  const tlds = tldList(param('tlds'));
  const within = nonNegativeInt(param('expiringWithinDays'), 'expiringWithinDays');
  const autoRenew = yesNo(param('autoRenew'), 'autoRenew');
  const apiAccess = yesNo(param('apiAccess'), 'apiAccess');
  const sortName = String(param('sortName') ?? 'expire_date');
  const direction = String(param('sortDirection') ?? 'asc');
  const key = SORT_KEYS[sortName];
  if (!key)
    throw new PorkbunError('INVALID_INPUT', 'sortName must be domain, tld, create_date or expire_date.');
  if (direction !== 'asc' && direction !== 'desc')
    throw new PorkbunError('INVALID_INPUT', 'sortDirection must be asc or desc.');
  const now = ctx.state.now().getTime();
  const domains = [...ctx.state.domains.values()].filter(
    (d) =>
      (typeof exact !== 'string' || exact === '' || d.name === exact.toLowerCase()) &&
      (typeof contains !== 'string' || d.name.includes(contains.toLowerCase())) &&
      (tlds === null || tlds.has(d.tld)) &&
      (within === undefined || d.expiresAt.getTime() - now <= within * DAY_MS) &&
      (autoRenew === undefined || d.autoRenew === autoRenew) &&
      (apiAccess === undefined || d.apiAccess === apiAccess),
  );
  const sign = direction === 'asc' ? 1 : -1;
  domains.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x !== y) return (x < y ? -1 : 1) * sign;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  const page = domains.slice(start, start + ctx.settings.pageSize);
  return ok({
    count: page.length,
    domains: page.map((d) => domainItem(d, ctx.settings.shapes, includeLabels)),
  });
}

function updateAutoRenew(ctx: PorkbunContext, req: EmulatorRequest) {
  const body = bodyOf(req);
  const status = body.status;
  if (status === undefined) throw new PorkbunError('MISSING_PARAMETER', 'Missing parameter: status.');
  if (status !== 'on' && status !== 'off')
    throw new PorkbunError('INVALID_INPUT', 'status must be on or off.');
  const names = new Set<string>();
  const fromPath = pathDomain(req);
  if (fromPath !== '') names.add(fromPath);
  if (Array.isArray(body.domains)) for (const d of body.domains) names.add(String(d).toLowerCase());
  if (names.size === 0) throw new PorkbunError('MISSING_PARAMETER', 'Missing parameter: domain or domains.');
  const results: Record<string, { status: string; message: string }> = {};
  for (const name of names) {
    const domain = ctx.state.domains.get(name);
    if (!domain) results[name] = { status: 'ERROR', message: 'Domain is not in your account.' };
    else if (!domain.apiAccess)
      results[name] = { status: 'ERROR', message: 'Domain is not opted in to API access.' };
    else {
      domain.autoRenew = status === 'on';
      results[name] = {
        status: 'SUCCESS',
        message: `Auto-renew ${status === 'on' ? 'enabled' : 'disabled'}.`,
      };
    }
  }
  return ok({ results });
}

function nameserverList(body: JsonBody): string[] {
  const ns = body.ns;
  if (ns === undefined) throw new PorkbunError('MISSING_PARAMETER', 'Missing parameter: ns.');
  if (!Array.isArray(ns) || ns.length === 0 || ns.length > MAX_NAMESERVERS)
    throw new PorkbunError('INVALID_INPUT', `ns must be a list of 1 to ${MAX_NAMESERVERS} host names.`);
  const hosts = ns.map((h) => String(h).toLowerCase().replace(/\.$/, ''));
  const bad = hosts.find((h) => !isValidDomainName(h));
  if (bad !== undefined) throw new PorkbunError('INVALID_INPUT', `Invalid nameserver: ${bad}.`);
  return [...new Set(hosts)];
}

function contactUpdates(body: JsonBody): Partial<Record<ContactRole, PorkbunContact>> {
  const single = body.contact;
  const several = body.contacts;
  const input: Record<string, unknown> =
    typeof several === 'object' && several !== null
      ? (several as Record<string, unknown>)
      : typeof single === 'object' && single !== null
        ? Object.fromEntries(CONTACT_ROLES.map((r) => [r, single]))
        : {};
  if (Object.keys(input).length === 0)
    throw new PorkbunError('MISSING_PARAMETER', 'Missing parameter: contacts or contact.');
  const out: Partial<Record<ContactRole, PorkbunContact>> = {};
  for (const [role, value] of Object.entries(input)) {
    if (!(CONTACT_ROLES as readonly string[]).includes(role))
      throw new PorkbunError('INVALID_INPUT', `Unknown contact role: ${role}.`);
    if (typeof value !== 'object' || value === null)
      throw new PorkbunError('INVALID_INPUT', `${role} must be an object.`);
    const fields = value as Record<string, unknown>;
    const missing = CONTACT_REQUIRED.filter((f) => typeof fields[f] !== 'string' || fields[f] === '');
    if (missing.length > 0)
      throw new PorkbunError(
        'MISSING_PARAMETER',
        `Missing contact fields for ${role}: ${missing.join(', ')}.`,
      );
    const contact = {} as PorkbunContact;
    for (const f of CONTACT_FIELDS) contact[f] = typeof fields[f] === 'string' ? (fields[f] as string) : '';
    out[role as ContactRole] = contact;
  }
  return out;
}

export function domainRoutes(ctx: PorkbunContext): EmulatorRoute[] {
  return defineRoutes(ctx, [
    {
      methods: 'both',
      paths: ['/domain/listAll'],
      operation: 'listDomains',
      handler: (req) => listAll(ctx, req),
    },
    {
      methods: 'GET',
      paths: ['/domain/get/:domain'],
      operation: 'getDomain',
      handler: (req) => {
        const domain = ctx.state.domains.get(pathDomain(req));
        if (!domain) throw new PorkbunError('DOMAIN_NOT_FOUND');
        return ok({ domain: domainItem(domain, ctx.settings.shapes, req.query.includeLabels === 'yes') });
      },
    },
    {
      methods: 'POST',
      paths: ['/domain/updateAutoRenew/:domain', '/domain/updateAutoRenew', '/domain/updateAutoRenew/'],
      operation: 'updateDomain',
      handler: (req) => updateAutoRenew(ctx, req),
    },
    {
      methods: 'both',
      paths: ['/domain/getNs/:domain'],
      operation: 'getNameservers',
      // Read back as an unordered set: sorted, not in the order they were sent.
      handler: (req) => ok({ ns: [...accountDomain(ctx, req).nameservers].sort() }),
    },
    {
      methods: 'POST',
      paths: ['/domain/updateNs/:domain'],
      operation: 'updateDomain',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        const body = bodyOf(req);
        const ns = nameserverList(body);
        if (isDryRun(body)) return dryRunOk();
        domain.nameservers = ns;
        return ok();
      },
    },
    {
      methods: 'both',
      paths: ['/domain/getContacts/:domain'],
      operation: 'getContacts',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        return ok({ contacts: Object.fromEntries(CONTACT_ROLES.map((r) => [r, { ...domain.contacts[r] }])) });
      },
    },
    {
      methods: 'POST',
      paths: ['/domain/updateContacts/:domain'],
      operation: 'updateContacts',
      handler: (req) => {
        const domain = accountDomain(ctx, req);
        const body = bodyOf(req);
        const updates = contactUpdates(body);
        if (isDryRun(body)) return dryRunOk();
        const before = JSON.stringify(domain.contacts.registrant);
        Object.assign(domain.contacts, updates);
        const registrantChanged = JSON.stringify(domain.contacts.registrant) !== before;
        return ok({ message: 'Contacts updated.', registrantChanged });
      },
    },
  ]);
}
