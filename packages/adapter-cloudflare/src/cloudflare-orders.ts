/**
 * Spending calls: registration (201 done, or 202 polled to a `Registration`) and transfer-in (202,
 * followed with `getTransfer`). Each is sent once: Cloudflare has no idempotency key, the domain
 * name is the key (a second registration while one runs is refused), and the transport never
 * retries a POST after a timeout or a 5xx. The price is read first (domain-check or
 * domain-transfer-check) and `maxPrice` refuses above it with nothing sent
 * (docs/providers/cloudflare.md#registrar, #workflows, #transfer-in).
 */
import {
  assertExtendedAttributes,
  assertWithinMaxPrice,
  type CallOptions,
  money,
  parseInput,
  RegisterInputSchema,
  type RegistrarMethods,
  type Registration,
  type Transfer,
  TransferInputSchema,
  ValidationError,
} from '@registrar-kit/core';
import { type CloudflareClient, PROVIDER, parseDomainName } from './cloudflare-client.js';
import { cloudflareContacts } from './cloudflare-contacts.js';
import { termPrice, toRegistration, toTransfer } from './cloudflare-domain-mappers.js';
import {
  checkOne,
  checkTransferOne,
  notRegistrable,
  tldRequirements,
  toBase64,
} from './cloudflare-domains.js';
import { pollWorkflow, readWorkflow, settled, WorkflowSchema } from './cloudflare-workflow.js';

const enc = encodeURIComponent;

/** Cloudflare-only order methods. */
export interface CloudflareOrderExtras {
  /** The state of a registration started by `registerDomain` (its id is the domain name). */
  getRegistration(domain: string, opts?: CallOptions): Promise<Registration>;
}

function refuse(operation: string, path: string, message: string, code?: string): ValidationError {
  return new ValidationError(`${PROVIDER} ${operation}: ${path}: ${message}`, {
    provider: PROVIDER,
    operation,
    ...(code ? { code } : {}),
    issues: [{ path, message }],
  });
}

export function orderMethods(client: CloudflareClient): {
  methods: Partial<RegistrarMethods>;
  extras: CloudflareOrderExtras;
} {
  const sandbox = client.registrarSpace === 'registrar-sandbox';

  /** Registry extras (`.us` nexus, `.ca` legal type) checked against the extension's schema first. */
  async function contactExtensions(
    domain: string,
    attributes: Record<string, string> | undefined,
    operation: string,
    opts?: CallOptions,
  ) {
    if (!attributes || Object.keys(attributes).length === 0) return undefined;
    const requirements = await tldRequirements(
      client,
      domain.slice(domain.indexOf('.') + 1),
      operation,
      opts,
    );
    assertExtendedAttributes(requirements, attributes, { provider: PROVIDER, operation });
    return attributes;
  }

  const registerDomain = async (
    input: Parameters<RegistrarMethods['registerDomain']>[0],
    opts?: CallOptions,
  ) => {
    const operation = 'registerDomain';
    const context = { provider: PROVIDER, operation };
    const parsed = parseInput(RegisterInputSchema, input, context);
    const domain = parseDomainName(parsed.domain, operation);
    if (parsed.nameservers !== undefined) {
      throw refuse(
        operation,
        'nameservers',
        "domains at Cloudflare Registrar use their Cloudflare zone's nameservers",
      );
    }
    if (parsed.premiumPrice !== undefined) {
      throw refuse(
        operation,
        'premiumPrice',
        'the Cloudflare API does not sell premium names',
        'premium_not_supported',
      );
    }
    const contacts = cloudflareContacts(parsed.contacts, context);
    if (sandbox && !contacts?.registrant) {
      throw refuse(
        operation,
        'contacts.registrant',
        'the Cloudflare sandbox needs the registrant contact (no default contact)',
      );
    }
    const extensions = await contactExtensions(domain, parsed.extendedAttributes, operation, opts);
    const checked = await checkOne(client, domain, operation, opts);
    const cost = checked.registrable && checked.pricing ? termPrice(checked.pricing, parsed.years) : null;
    if (!cost) throw notRegistrable(domain, checked, operation);
    assertWithinMaxPrice(cost, parsed.maxPrice, context, `registering ${domain} for ${parsed.years} year(s)`);
    const path = await client.registrarPath(operation, '/registrations', opts);
    const { data } = await client.send(
      {
        operation,
        method: 'POST',
        path,
        body: {
          domain_name: domain,
          years: parsed.years,
          ...(parsed.autoRenew !== undefined ? { auto_renew: parsed.autoRenew } : {}),
          ...(parsed.whoisPrivacy !== undefined
            ? { privacy_mode: parsed.whoisPrivacy ? 'redaction' : 'off' }
            : {}),
          ...(contacts ? { contacts } : {}),
          ...(extensions ? { contact_extensions: extensions } : {}),
        },
        schema: WorkflowSchema,
      },
      opts,
    );
    const status = settled(data.result)
      ? data.result
      : await pollWorkflow(client, domain, 'registration-status', data.result, operation, opts);
    // The sandbox charges nothing.
    return toRegistration(domain, status, sandbox ? money('0', cost.currency) : cost);
  };

  const getRegistration = async (domain: string, opts?: CallOptions) => {
    const name = parseDomainName(domain, 'getRegistration');
    return toRegistration(
      name,
      await readWorkflow(client, name, 'registration-status', 'getRegistration', opts),
      null,
    );
  };

  const transferDomain = async (
    input: Parameters<RegistrarMethods['transferDomain']>[0],
    opts?: CallOptions,
  ) => {
    const operation = 'transferDomain';
    const context = { provider: PROVIDER, operation };
    const parsed = parseInput(TransferInputSchema, input, context);
    const domain = parseDomainName(parsed.domain, operation);
    if (parsed.premiumPrice !== undefined) {
      throw refuse(
        operation,
        'premiumPrice',
        'Cloudflare does not transfer premium names',
        'premium_not_supported',
      );
    }
    if (parsed.years !== undefined && parsed.years !== 1) {
      throw refuse(operation, 'years', 'a transfer to Cloudflare adds one year');
    }
    const contacts = cloudflareContacts(parsed.contacts, context);
    const extensions = await contactExtensions(domain, parsed.extendedAttributes, operation, opts);
    const eligibility = await checkTransferOne(client, domain, parsed.authCode, operation, opts);
    if (!eligibility.transferable) {
      const reasons = eligibility.reasons.map((r) => r.code);
      throw new ValidationError(
        `${PROVIDER} ${operation}: ${domain} cannot be transferred now: ${reasons.join(', ')}`,
        {
          ...context,
          code: 'not_transferable',
          issues: reasons.map((reason) => ({ path: 'domain', message: reason })),
        },
      );
    }
    const pricing = eligibility.pricing;
    const cost = pricing?.transfer_cost ? money(pricing.transfer_cost, pricing.currency) : null;
    if (parsed.maxPrice && !cost) {
      throw refuse(
        operation,
        'maxPrice',
        'Cloudflare gave no transfer price to check it against',
        'price_unknown',
      );
    }
    if (cost) assertWithinMaxPrice(cost, parsed.maxPrice, context, `transferring ${domain}`);
    const path = await client.registrarPath(operation, `/registrations/${enc(domain)}/transfer-in`, opts);
    const { data } = await client.send(
      {
        operation,
        method: 'POST',
        path,
        body: {
          auth_code: toBase64(parsed.authCode),
          ...(contacts ? { contacts } : {}),
          ...(extensions ? { contact_extensions: extensions } : {}),
        },
        schema: WorkflowSchema,
      },
      opts,
    );
    return toTransfer(domain, data.result, cost);
  };

  const getTransfer = async (id: string, opts?: CallOptions): Promise<Transfer> => {
    const domain = parseDomainName(id, 'getTransfer');
    return toTransfer(
      domain,
      await readWorkflow(client, domain, 'transfer-in-status', 'getTransfer', opts),
      null,
    );
  };

  return {
    methods: { registerDomain, ...(sandbox ? {} : { transferDomain, getTransfer }) },
    extras: { getRegistration },
  };
}
