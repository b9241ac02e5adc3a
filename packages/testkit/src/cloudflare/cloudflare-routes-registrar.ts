/**
 * The 2026 Registrar API and its sandbox (docs/providers/cloudflare.md#registrar): domain-search,
 * domain-check, registrations (201/202 workflow, status polling, cursor-paginated list, auto-renew
 * PATCH) and extensions. The same routes serve `/registrar/…` and `/registrar-sandbox/…`; the
 * sandbox sells .com and .net only, charges nothing, has no express mode, and its purchases are
 * unique across every sandbox user.
 */
import { createHash } from 'node:crypto';
import type { EmulatorRequest, EmulatorRoute } from '../emulator/emulator-types.js';
import { type CloudflareContext, charge, requireAccount } from './cloudflare-context.js';
import { bodyObject, CF, fail, ok } from './cloudflare-errors.js';
import { cursorPaginate, sortBy } from './cloudflare-pagination.js';
import {
  asciiDomain,
  type CheckedDomain,
  checkDomain,
  extensionRefusal,
  isDomainName,
  isTaken,
  registrationCost,
  searchDomains,
  supportedExtensions,
} from './cloudflare-registrar-catalog.js';
import {
  checkContacts,
  domainNameOf,
  invalid,
  optionalBoolean,
  privacyModeOf,
  yearsOf,
} from './cloudflare-registrar-input.js';
import { type CloudflareRegistration, secondTimestamp } from './cloudflare-shapes.js';
import type { RegistrarSpace } from './cloudflare-state.js';
import { pollWorkflow, scriptFor, type Workflow, type WorkflowKind } from './cloudflare-workflow.js';

const REGISTRATION_PAGES = { defaultPerPage: 20, minPerPage: 1, maxPerPage: 50 };
const STATUS_PATHS: Record<WorkflowKind, string> = {
  registration: 'registration-status',
  update: 'update-status',
  transfer: 'transfer-in-status',
};

export function workflowKey(
  space: RegistrarSpace,
  accountId: string,
  kind: WorkflowKind,
  domain: string,
): string {
  return `${space}|${accountId}|${kind}|${domain}`;
}

export function workflowLinks(space: RegistrarSpace, accountId: string, kind: WorkflowKind, domain: string) {
  const resource = `/accounts/${accountId}/${space}/registrations/${domain}`;
  return { self: `${resource}/${STATUS_PATHS[kind]}`, resource };
}

export function wantsAsync(req: EmulatorRequest): boolean {
  return /\brespond-async\b/i.test(String(req.headers.prefer ?? ''));
}

/** Add whole years to an RFC 3339 time. */
export function addYears(date: Date, years: number): Date {
  const out = new Date(date.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/**
 * Starts a workflow and answers its first status: `completed` → `doneStatus` (201 for a
 * registration, 200 for an update), else 202 (`Preference-Applied` when the client asked for it).
 */
export function startWorkflow(
  ctx: CloudflareContext,
  req: EmulatorRequest,
  workflow: Omit<Workflow, 'index' | 'settled' | 'created_at' | 'updated_at' | 'links'> & {
    space: RegistrarSpace;
    accountId: string;
  },
  doneStatus: number,
) {
  const now = secondTimestamp(new Date());
  const { space, accountId, ...rest } = workflow;
  const flow: Workflow = {
    ...rest,
    ...(ctx.state.workflowsCompleteAtOnce ? { steps: [{ state: 'succeeded' }] } : {}),
    links: workflowLinks(space, accountId, workflow.kind, workflow.domain),
    index: 0,
    settled: false,
    created_at: now,
    updated_at: now,
  };
  ctx.state.workflows.set(workflowKey(space, accountId, workflow.kind, workflow.domain), flow);
  const status = pollWorkflow(flow, now);
  const headers: Record<string, string> = wantsAsync(req) ? { 'Preference-Applied': 'respond-async' } : {};
  return ok(status, { status: status.completed ? doneStatus : 202, headers });
}

const WORKFLOW_EXISTS = 'A workflow already exists for this resource. Use GET status to check its progress.';

/**
 * 409 while a workflow of the same kind runs for the domain; also after it succeeded unless the
 * kind may repeat (an update may, a registration or transfer may not: the domain is ours then).
 */
export function refuseRunningWorkflow(ctx: CloudflareContext, key: string, mayRepeat: boolean): void {
  const existing = ctx.state.workflows.get(key);
  if (!existing) return;
  const last = existing.steps[existing.index]!.state;
  if (existing.settled && last === 'failed') return;
  if (!(existing.settled && last === 'succeeded' && mayRepeat)) fail(409, CF.generic, WORKFLOW_EXISTS);
}

function extensionView(name: string) {
  return {
    metadata: { name, tld: name.split('.').pop()! },
    registration_schema: {
      type: 'object',
      required: ['domain_name'],
      properties: {
        domain_name: { type: 'string' },
        years: { type: 'integer', minimum: 1, maximum: 10 },
        auto_renew: { type: 'boolean' },
        privacy_mode: { type: 'string', enum: ['off', 'redaction'] },
        contacts: { type: 'object' },
      },
    },
  };
}

function etagOf(value: unknown): string {
  return `"${createHash('sha1').update(JSON.stringify(value)).digest('hex')}"`;
}

/** `GET …/registrations/{domain}/<kind>-status`: one poll of the domain's workflow of that kind. */
export function workflowStatusRoute(
  ctx: CloudflareContext,
  space: RegistrarSpace,
  kind: WorkflowKind,
  operation: string,
): EmulatorRoute {
  return {
    method: 'GET',
    path: `/accounts/:account_id/${space}/registrations/:domain_name/${STATUS_PATHS[kind]}`,
    operation,
    bucket: 'client',
    handler: (req) => {
      const accountId = requireAccount(ctx, req);
      const domain = domainNameOf(req.params.domain_name);
      const workflow = ctx.state.workflows.get(workflowKey(space, accountId, kind, domain));
      if (!workflow) fail(404, CF.generic, `No workflow found for ${domain}`);
      return ok(pollWorkflow(workflow, secondTimestamp(new Date())));
    },
  };
}

const REGISTRATION_SORTS: Record<string, (r: CloudflareRegistration) => string> = {
  registry_created_at: (r) => r.created_at,
  registry_expires_at: (r) => r.expires_at ?? '',
  name: (r) => r.domain_name,
};

export function registrarRoutes(ctx: CloudflareContext): EmulatorRoute[] {
  const { state } = ctx;
  const routes: EmulatorRoute[] = [];
  for (const space of ['registrar', 'registrar-sandbox'] as const) {
    const base = `/accounts/:account_id/${space}`;
    const pathDomain = (req: EmulatorRequest) => domainNameOf(req.params.domain_name);
    const requireRegistration = (req: EmulatorRequest, accountId: string) => {
      const domain = pathDomain(req);
      const registration = state.findRegistration(space, accountId, domain);
      if (!registration) fail(404, CF.generic, 'Domain not found');
      return registration;
    };

    routes.push(
      {
        method: 'GET',
        path: `${base}/domain-search`,
        operation: 'suggestDomains',
        bucket: 'client',
        handler: (req) => {
          requireAccount(ctx, req);
          const q = req.query.q;
          if (q === undefined || q.trim() === '')
            fail(400, CF.missingRequiredParameter, 'Missing required parameter: q');
          if (q.length > 100)
            fail(400, CF.parameterTooLong, 'Parameter q exceeds maximum length of 100 characters');
          const extensions = (req.queryAll?.extensions ?? [])
            .flatMap((e) => e.split(','))
            .map((e) => e.trim().toLowerCase().replace(/^\./, ''))
            .filter((e) => e !== '');
          const asked = Number(req.query.limit ?? 20);
          const limit = Number.isInteger(asked) ? Math.min(50, Math.max(1, asked)) : 20;
          return ok({ domains: searchDomains(state, space, q, extensions, limit) });
        },
      },
      {
        method: 'POST',
        path: `${base}/domain-check`,
        operation: 'checkAvailability',
        bucket: 'client',
        handler: (req) => {
          requireAccount(ctx, req);
          const domains = bodyObject(req.body).domains;
          if (!Array.isArray(domains) || domains.length === 0) {
            fail(400, CF.noDomains, 'domains array must contain at least one domain');
          }
          if (domains.length > 20)
            fail(400, CF.tooManyDomains, 'domains array exceeds maximum of 20 domains');
          // Malformed names are silently left out of the answer.
          const names = [...new Set(domains.map(asciiDomain))].filter(isDomainName);
          const checked: CheckedDomain[] = names.map((name) => checkDomain(state, space, name));
          const supported = checked.filter(
            (c) => c.reason !== 'extension_not_supported' && c.reason !== 'extension_not_supported_via_api',
          );
          if (supported.length === 0) {
            fail(
              400,
              CF.noValidDomains,
              'None of the provided domains are valid or have supported extensions',
            );
          }
          return ok({ domains: checked });
        },
      },
      {
        method: 'GET',
        path: `${base}/registrations`,
        operation: 'listDomains',
        bucket: 'client',
        handler: (req) => {
          const accountId = requireAccount(ctx, req);
          const key = REGISTRATION_SORTS[req.query.sort_by ?? 'registry_created_at'];
          if (!key) invalid('sort_by must be one of registry_created_at, registry_expires_at, name');
          const sorted = sortBy(state.registrationsOf(space, accountId), key, req.query.direction);
          const page = cursorPaginate(sorted, req.query, REGISTRATION_PAGES);
          return ok(page.items, { result_info: page.result_info });
        },
      },
      {
        method: 'POST',
        path: `${base}/registrations`,
        operation: 'registerDomain',
        bucket: 'client',
        handler: (req) => {
          const accountId = requireAccount(ctx, req);
          const body = bodyObject(req.body);
          const domain = domainNameOf(body.domain_name, '/domain_name');
          if (extensionRefusal(state.seed, space, domain)) {
            invalid('Registration is not supported for this extension', '/domain_name');
          }
          const years = yearsOf(body.years);
          const autoRenew = optionalBoolean(body.auto_renew, '/auto_renew', false);
          const privacyMode = privacyModeOf(body.privacy_mode);
          const hasRegistrant = checkContacts(body.contacts);
          if (!hasRegistrant && (space === 'registrar-sandbox' || !state.defaultRegistrantContact)) {
            invalid(
              'No registrant contact provided and no default address book entry found for this account.',
            );
          }
          refuseRunningWorkflow(ctx, workflowKey(space, accountId, 'registration', domain), false);
          if (isTaken(state, space, domain))
            invalid('Domain is not available for registration', '/domain_name');
          if (state.seed.availability(domain) === 'premium') {
            invalid('Premium domains cannot be registered through the API', '/domain_name');
          }
          if (state.registrationsOf(space, accountId).length >= state.domainLimit) {
            invalid(`Domain limit reached: you cannot register more than ${state.domainLimit} domains.`);
          }
          const createdAt = new Date();
          const registration: CloudflareRegistration = {
            domain_name: domain,
            status: 'registration_pending',
            created_at: secondTimestamp(createdAt),
            expires_at: null,
            auto_renew: autoRenew,
            locked: true,
            privacy_mode: privacyMode,
          };
          state.putRegistration(space, accountId, registration);
          return startWorkflow(
            ctx,
            req,
            {
              kind: 'registration',
              domain,
              space,
              accountId,
              steps: scriptFor('registration', domain, wantsAsync(req)),
              onSucceeded: () => {
                registration.status = 'active';
                registration.expires_at = secondTimestamp(addYears(createdAt, years));
                // Billable once succeeded; the sandbox charges nothing.
                if (space === 'registrar') {
                  charge(ctx, req, 'register', domain, registrationCost(state.seed, domain, years));
                }
                return { ...registration };
              },
              onFailed: () => state.removeRegistration(space, accountId, domain),
            },
            201,
          );
        },
      },
      {
        method: 'GET',
        path: `${base}/registrations/:domain_name`,
        operation: 'getDomain',
        bucket: 'client',
        handler: (req) => ok(requireRegistration(req, requireAccount(ctx, req))),
      },
      {
        method: 'PATCH',
        path: `${base}/registrations/:domain_name`,
        operation: 'updateDomain',
        bucket: 'client',
        handler: (req) => {
          const accountId = requireAccount(ctx, req);
          const registration = requireRegistration(req, accountId);
          const body = bodyObject(req.body);
          for (const key of Object.keys(body)) {
            if (key !== 'auto_renew') invalid('Only auto_renew can be updated', `/${key}`);
          }
          const autoRenew = optionalBoolean(body.auto_renew, '/auto_renew', registration.auto_renew);
          const domain = registration.domain_name;
          refuseRunningWorkflow(ctx, workflowKey(space, accountId, 'update', domain), true);
          return startWorkflow(
            ctx,
            req,
            {
              kind: 'update',
              domain,
              space,
              accountId,
              steps: wantsAsync(req)
                ? [{ state: 'in_progress' }, { state: 'succeeded' }]
                : [{ state: 'succeeded' }],
              onSucceeded: () => {
                registration.auto_renew = autoRenew;
                return { ...registration };
              },
              onFailed: () => {},
            },
            200,
          );
        },
      },
      workflowStatusRoute(ctx, space, 'registration', 'getRegistration'),
      workflowStatusRoute(ctx, space, 'update', 'getUpdateStatus'),
      {
        method: 'GET',
        path: `${base}/extensions`,
        operation: 'listExtensions',
        bucket: 'client',
        handler: (req) => {
          requireAccount(ctx, req);
          let names = supportedExtensions(state.seed, space);
          if (req.query.name !== undefined) names = names.filter((n) => n === req.query.name!.toLowerCase());
          if (req.query.direction === 'desc') names = [...names].reverse();
          const page = cursorPaginate(names.map(extensionView), req.query, REGISTRATION_PAGES);
          const etag = etagOf(page);
          if (req.headers['if-none-match'] === etag) return { status: 304, headers: { ETag: etag } };
          return ok(page.items, { result_info: page.result_info, headers: { ETag: etag } });
        },
      },
      {
        method: 'GET',
        path: `${base}/extensions/:extension`,
        operation: 'getTldRequirements',
        bucket: 'client',
        handler: (req) => {
          requireAccount(ctx, req);
          const name = (req.params.extension ?? '').toLowerCase().replace(/^\./, '');
          if (!supportedExtensions(state.seed, space).includes(name))
            fail(404, CF.generic, 'Extension not found');
          const view = extensionView(name);
          const etag = etagOf(view);
          if (req.headers['if-none-match'] === etag) return { status: 304, headers: { ETag: etag } };
          return ok(view, { headers: { ETag: etag } });
        },
      },
    );
  }
  return routes;
}
