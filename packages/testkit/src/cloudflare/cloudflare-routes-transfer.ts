/**
 * Transfer-in (production only, docs/providers/cloudflare.md#transfer-in): eligibility and price
 * for up to 10 domains (a map keyed by domain; upstream failures reported in `errors[]` while
 * `success` stays true, 503 when every domain failed), the 202 transfer workflow and its status.
 * A transfer needs the domain's zone in the account with DNSSEC off, and a base64 auth code (.uk
 * needs none); it is charged when it succeeds.
 */
import type { EmulatorRoute } from '../emulator/emulator-types.js';
import { EmulatorHttpError } from '../emulator/emulator-types.js';
import { CLOUDFLARE_CURRENCY, type CloudflareContext, charge, requireAccount } from './cloudflare-context.js';
import { bodyObject, CF, type CloudflareMessage, fail, failureBody, ok } from './cloudflare-errors.js';
import { asciiDomain, extensionRefusal, isDomainName } from './cloudflare-registrar-catalog.js';
import {
  domainNameOf,
  invalid,
  isBase64,
  optionalBoolean,
  privacyModeOf,
} from './cloudflare-registrar-input.js';
import {
  addYears,
  refuseRunningWorkflow,
  startWorkflow,
  wantsAsync,
  workflowKey,
  workflowStatusRoute,
} from './cloudflare-routes-registrar.js';
import { type CloudflareRegistration, secondTimestamp } from './cloudflare-shapes.js';
import { scriptFor } from './cloudflare-workflow.js';

const SPACE = 'registrar' as const;

function needsAuthCode(domain: string): boolean {
  return !domain.endsWith('.uk');
}

export function transferRoutes(ctx: CloudflareContext): EmulatorRoute[] {
  const { state } = ctx;
  const base = '/accounts/:account_id/registrar';

  /** Why a domain cannot be transferred in now (empty when it can). */
  const reasons = (accountId: string, domain: string, authCode: unknown): string[] => {
    const out: string[] = [];
    const refusal = extensionRefusal(state.seed, SPACE, domain);
    if (refusal) return [refusal === 'extension_not_supported_via_api' ? refusal : 'extension_not_supported'];
    if (state.seed.availability(domain) === 'premium') out.push('domain_premium');
    if (state.findRegistration(SPACE, accountId, domain)) return ['domain_on_cloudflare'];
    if (!state.seed.isRegistered(domain) && !state.registeredInSpace(SPACE, domain))
      return ['domain_not_exists'];
    if (domain.startsWith('locked-')) out.push('domain_locked');
    const zone = state.zoneByName(domain, accountId);
    if (!zone) out.push('zone_not_found');
    else {
      if (zone.status !== 'active' && zone.status !== 'pending') out.push('zone_status_invalid');
      const dnssec = state.dnssec.get(zone.id)!.status;
      if (dnssec !== 'disabled') out.push('dnssec_enabled');
    }
    if (typeof authCode === 'string') {
      if (!isBase64(authCode)) out.push('invalid_auth_code_format');
      else {
        const expected = ctx.authCodes[domain];
        if (expected !== undefined && Buffer.from(authCode, 'base64').toString('utf8') !== expected) {
          out.push('invalid_auth_code');
        }
      }
    }
    return out;
  };

  const pricing = (domain: string) => ({
    currency: CLOUDFLARE_CURRENCY,
    renewal_cost: state.seed.priceOf(domain, 'renew')!,
    transfer_cost: state.seed.priceOf(domain, 'transfer')!,
  });

  return [
    {
      method: 'POST',
      path: `${base}/domain-transfer-check`,
      operation: 'checkTransfer',
      bucket: 'client',
      handler: (req) => {
        const accountId = requireAccount(ctx, req);
        const domains = bodyObject(req.body).domains;
        if (!Array.isArray(domains) || domains.length === 0) {
          invalid('object at root is missing required properties: domains', '/domains');
        }
        if (domains.length > 10) invalid('array at `/domains` is too long (maximum: 10)', '/domains');
        const seen = new Set<string>();
        const result: Record<string, unknown> = {};
        const errors: CloudflareMessage[] = [];
        domains.forEach((item, i) => {
          const entry = bodyObject(item);
          const domain = asciiDomain(entry.domain_name);
          if (seen.has(domain)) invalid('Duplicate domain name', `/domains/${i}/domain_name`);
          seen.add(domain);
          if (!isDomainName(domain)) invalid('Invalid domain name', `/domains/${i}/domain_name`);
          // Names starting `upstream-error-` stand for a registry that does not answer.
          if (domain.startsWith('upstream-error-')) {
            errors.push({
              code: CF.generic,
              message: `Internal API failure for domain ${domain}`,
              source: { pointer: `/domains/${i}` },
            });
            return;
          }
          const why = reasons(accountId, domain, entry.auth_code);
          const eligibility: Record<string, unknown> = {
            name: domain,
            transferable: why.length === 0,
            reasons: why.map((code) => ({ code })),
          };
          if (!extensionRefusal(state.seed, SPACE, domain)) eligibility.pricing = pricing(domain);
          result[domain] = eligibility;
        });
        if (Object.keys(result).length === 0) throw new EmulatorHttpError(503, failureBody(errors));
        return ok({ domains: result }, { errors });
      },
    },
    {
      method: 'POST',
      path: `${base}/registrations/:domain_name/transfer-in`,
      operation: 'transferDomain',
      bucket: 'client',
      handler: (req) => {
        const accountId = requireAccount(ctx, req);
        const domain = domainNameOf(req.params.domain_name);
        const body = bodyObject(req.body);
        if (extensionRefusal(state.seed, SPACE, domain)) invalid('TLD Not supported by the API');
        if (body.auth_code === undefined && needsAuthCode(domain)) {
          invalid('object at root is missing required properties: auth_code');
        }
        if (
          body.auth_code !== undefined &&
          (typeof body.auth_code !== 'string' || !isBase64(body.auth_code))
        ) {
          invalid('Auth code must be a base64 encoded string', '/auth_code');
        }
        const autoRenew = optionalBoolean(body.auto_renew, '/auto_renew', false);
        const privacyMode = privacyModeOf(body.privacy_mode);
        refuseRunningWorkflow(ctx, workflowKey(SPACE, accountId, 'transfer', domain), false);
        const why = reasons(accountId, domain, body.auth_code);
        if (why.includes('domain_not_exists')) fail(404, CF.generic, 'Domain not found');
        if (why.length > 0) invalid(`Domain is not transferable: ${why.join(', ')}`);
        const registration: CloudflareRegistration = {
          domain_name: domain,
          status: 'transfer_pending',
          created_at: secondTimestamp(new Date()),
          expires_at: null,
          auto_renew: autoRenew,
          locked: true,
          privacy_mode: privacyMode,
        };
        state.putRegistration(SPACE, accountId, registration);
        const response = startWorkflow(
          ctx,
          req,
          {
            kind: 'transfer',
            domain,
            space: SPACE,
            accountId,
            steps: scriptFor('transfer', domain, wantsAsync(req)),
            onSucceeded: () => {
              registration.status = 'active';
              // A transfer adds a year to the registration.
              registration.expires_at = secondTimestamp(addYears(new Date(), 1));
              charge(ctx, req, 'transfer', domain, state.seed.priceOf(domain, 'transfer')!);
              return { ...registration };
            },
            onFailed: () => state.removeRegistration(SPACE, accountId, domain),
          },
          202,
        );
        // A transfer takes days: the API always answers 202.
        return { ...response, status: 202 };
      },
    },
    workflowStatusRoute(ctx, SPACE, 'transfer', 'getTransfer'),
  ];
}
