/**
 * Registrar orders: registration, renewal, transfer in (and its follow-ups), restore and the
 * transfer-out authorization. Each spends money or starts a registry process: never retried once it
 * may have reached DNSimple.
 */
import {
  type CallOptions,
  domainNameIssues,
  type Money,
  MoneyInputSchema,
  ProviderError,
  type RegisterInput,
  RegisterInputSchema,
  type Registration,
  type RenewInput,
  RenewInputSchema,
  type RenewResult,
  type Transfer,
  type TransferInput,
  TransferInputSchema,
  urlPath,
  type ValidationIssue,
} from '@registrar-kit/core';
import { type DnsimpleClient, parseDomainName } from './dnsimple-client.js';
import { fail, MAX_RENEW_YEARS, zodIssues } from './dnsimple-domains.js';
import {
  CURRENCY,
  type DnsimpleRestoreResult,
  FAILED_RENEWAL_STATES,
  mapRegistration,
  mapRenewal,
  mapRestore,
  mapTransfer,
  PROVIDER,
  parseDate,
  parseTransferId,
} from './dnsimple-mappers.js';
import {
  DomainPayloadSchema,
  envelope,
  RegistrationSchema,
  RenewalSchema,
  RestoreSchema,
  TransferPayloadSchema,
} from './dnsimple-schemas.js';
export interface DnsimpleRestoreInput {
  /** Confirms the price of a premium domain (USD). */
  premiumPrice?: Money;
}

function registrantId(
  client: DnsimpleClient,
  contacts: { registrant?: string } | undefined,
  issues: ValidationIssue[],
): number | null {
  const value = contacts?.registrant ?? client.options.registrantId;
  if (value === undefined || value === '') {
    issues.push({
      path: 'contacts.registrant',
      message: 'is required: a DNSimple contact id (or the `registrantId` option)',
    });
    return null;
  }
  if (!/^\d+$/.test(String(value))) {
    issues.push({ path: 'contacts.registrant', message: 'must be a numeric DNSimple contact id' });
    return null;
  }
  return Number(value);
}

function otherContacts(contacts: Record<string, unknown> | undefined, issues: ValidationIssue[]): void {
  for (const role of ['admin', 'tech', 'billing']) {
    if (contacts?.[role] !== undefined)
      issues.push({ path: `contacts.${role}`, message: 'DNSimple takes only a registrant contact' });
  }
}

function premiumPrice(
  price: Money | undefined,
  issues: ValidationIssue[],
  path = 'premiumPrice',
): string | undefined {
  if (price === undefined) return undefined;
  const parsed = MoneyInputSchema.safeParse(price);
  if (!parsed.success) {
    for (const issue of zodIssues(parsed.error))
      issues.push({ path: issue.path ? `${path}.${issue.path}` : path, message: issue.message });
    return undefined;
  }
  if (price.currency !== CURRENCY)
    issues.push({ path: `${path}.currency`, message: 'DNSimple prices are in USD' });
  return price.amount;
}

export function orderMethods(client: DnsimpleClient) {
  const registrarPath = async (domain: string, operation: string, opts?: CallOptions) => {
    const accountId = await client.account(operation, opts);
    const name = await client.domainName(domain, operation, opts);
    return { accountId, name, base: urlPath`/v2/${accountId}/registrar/domains/${name}` };
  };

  async function registerDomain(input: RegisterInput, opts?: CallOptions): Promise<Registration> {
    const parsed = RegisterInputSchema.safeParse(input);
    if (!parsed.success) fail('registerDomain', zodIssues(parsed.error), 'registration');
    const value = parsed.data;
    const issues: ValidationIssue[] = [];
    const checked = domainNameIssues(value.domain);
    const name = checked.ascii ?? '';
    issues.push(...checked.issues);
    if (value.years !== 1)
      issues.push({
        path: 'years',
        message: "DNSimple registers for the TLD's minimum period: years must be 1 (renew to extend)",
      });
    if (value.nameservers !== undefined) {
      issues.push({
        path: 'nameservers',
        message: 'DNSimple takes no name servers at registration: set them with updateDomain once registered',
      });
    }
    otherContacts(value.contacts, issues);
    const registrant = registrantId(client, value.contacts, issues);
    const premium = premiumPrice(value.premiumPrice, issues);
    if (issues.length > 0) fail('registerDomain', issues, 'registration');
    const accountId = await client.account('registerDomain', opts);
    const { data } = await client.send(
      {
        operation: 'registerDomain',
        method: 'POST',
        path: urlPath`/v2/${accountId}/registrar/domains/${name}/registrations`,
        body: {
          registrant_id: registrant,
          ...(value.autoRenew !== undefined ? { auto_renew: value.autoRenew } : {}),
          ...(value.whoisPrivacy !== undefined ? { whois_privacy: value.whoisPrivacy } : {}),
          ...(premium !== undefined ? { premium_price: premium } : {}),
        },
        schema: envelope(RegistrationSchema),
      },
      opts,
    );
    return mapRegistration(data.data, name);
  }

  async function renewDomain(domain: string, input: RenewInput, opts?: CallOptions): Promise<RenewResult> {
    const parsed = RenewInputSchema.safeParse(input);
    if (!parsed.success) fail('renewDomain', zodIssues(parsed.error), 'renewal');
    if (parsed.data.years > MAX_RENEW_YEARS)
      fail('renewDomain', [{ path: 'years', message: `must be from 1 to ${MAX_RENEW_YEARS}` }], 'renewal');
    const { accountId, name, base } = await registrarPath(domain, 'renewDomain', opts);
    const { data } = await client.send(
      {
        operation: 'renewDomain',
        method: 'POST',
        path: `${base}/renewals`,
        body: { period: parsed.data.years },
        schema: envelope(RenewalSchema),
      },
      opts,
    );
    const renewal = data.data;
    if (FAILED_RENEWAL_STATES.has(renewal.state)) {
      throw new ProviderError(
        `dnsimple renewDomain: the renewal of ${name} ended in state "${renewal.state}"`,
        {
          provider: PROVIDER,
          operation: 'renewDomain',
          code: 'renewal_failed',
        },
      );
    }
    let expiresAt: Date | null = null;
    if (renewal.state === 'renewed') {
      const fresh = await client
        .send(
          {
            operation: 'renewDomain',
            method: 'GET',
            path: urlPath`/v2/${accountId}/domains/${name}`,
            schema: envelope(DomainPayloadSchema),
          },
          opts,
        )
        .then((r) => parseDate(r.data.data.expires_at) ?? parseDate(r.data.data.expires_on))
        .catch(() => null);
      expiresAt = fresh;
    }
    return mapRenewal(renewal, name, expiresAt);
  }

  async function transferDomain(input: TransferInput, opts?: CallOptions): Promise<Transfer> {
    const parsed = TransferInputSchema.safeParse(input);
    if (!parsed.success) fail('transferDomain', zodIssues(parsed.error), 'transfer');
    const value = parsed.data;
    const issues: ValidationIssue[] = [];
    const checked = domainNameIssues(value.domain);
    const name = checked.ascii ?? '';
    issues.push(...checked.issues);
    if (value.years !== undefined && value.years !== 1)
      issues.push({
        path: 'years',
        message: 'a DNSimple transfer adds the registry period itself: years must be 1 or omitted',
      });
    if (value.extendRegistration === false)
      issues.push({
        path: 'extendRegistration',
        message: 'DNSimple transfers always extend the registration',
      });
    if (value.owner !== undefined)
      issues.push({ path: 'owner', message: 'DNSimple has no owner field (the account owns the domain)' });
    otherContacts(value.contacts, issues);
    const registrant = registrantId(client, value.contacts, issues);
    if (issues.length > 0) fail('transferDomain', issues, 'transfer');
    const accountId = await client.account('transferDomain', opts);
    const { data } = await client.send(
      {
        operation: 'transferDomain',
        method: 'POST',
        path: urlPath`/v2/${accountId}/registrar/domains/${name}/transfers`,
        body: { registrant_id: registrant, auth_code: value.authCode },
        schema: envelope(TransferPayloadSchema),
      },
      opts,
    );
    return mapTransfer(data.data, name);
  }

  async function transferRequest(
    id: string,
    method: 'GET' | 'DELETE',
    operation: string,
    opts?: CallOptions,
  ): Promise<Transfer> {
    const ref = parseTransferId(id);
    const name = parseDomainName(ref.domain, operation);
    const accountId = await client.account(operation, opts);
    const { data } = await client.send(
      {
        operation,
        method,
        path: urlPath`/v2/${accountId}/registrar/domains/${name}/transfers/${ref.id}`,
        schema: envelope(TransferPayloadSchema),
      },
      opts,
    );
    return mapTransfer(data.data, name);
  }

  const getTransfer = (id: string, opts?: CallOptions): Promise<Transfer> =>
    transferRequest(id, 'GET', 'getTransfer', opts);

  /** Cancels a transfer in (202 with the transfer as it was; `getTransfer` then shows it cancelled). */
  const cancelTransfer = (id: string, opts?: CallOptions): Promise<Transfer> =>
    transferRequest(id, 'DELETE', 'cancelTransfer', opts);

  /** A registration's current state (poll until `completed` or `failed`). */
  async function getRegistration(domain: string, id: string, opts?: CallOptions): Promise<Registration> {
    const name = parseDomainName(domain, 'getRegistration');
    const accountId = await client.account('getRegistration', opts);
    const { data } = await client.send(
      {
        operation: 'getRegistration',
        method: 'GET',
        path: urlPath`/v2/${accountId}/registrar/domains/${name}/registrations/${id}`,
        schema: envelope(RegistrationSchema),
      },
      opts,
    );
    return mapRegistration(data.data, name);
  }

  /** Restores an expired domain in redemption (spends money; never retried after it may have reached DNSimple). */
  async function restoreDomain(
    domain: string,
    input: DnsimpleRestoreInput = {},
    opts?: CallOptions,
  ): Promise<DnsimpleRestoreResult> {
    const issues: ValidationIssue[] = [];
    // JavaScript callers can pass anything: only an object (or nothing) is an input.
    const given =
      input === undefined || (typeof input === 'object' && input !== null && !Array.isArray(input));
    if (!given) issues.push({ path: 'input', message: 'must be an object such as { premiumPrice }' });
    const premium = given ? premiumPrice(input.premiumPrice, issues) : undefined;
    if (issues.length > 0) fail('restoreDomain', issues, 'restore');
    const { name, base } = await registrarPath(domain, 'restoreDomain', opts);
    const { data } = await client.send(
      {
        operation: 'restoreDomain',
        method: 'POST',
        path: `${base}/restores`,
        body: premium !== undefined ? { premium_price: premium } : {},
        schema: envelope(RestoreSchema),
      },
      opts,
    );
    return mapRestore(data.data, name);
  }

  /** A renewal's current state. */
  async function getRenewal(domain: string, id: string, opts?: CallOptions): Promise<RenewResult> {
    const { name, base } = await registrarPath(domain, 'getRenewal', opts);
    const { data } = await client.send(
      {
        operation: 'getRenewal',
        method: 'GET',
        path: base + urlPath`/renewals/${id}`,
        schema: envelope(RenewalSchema),
      },
      opts,
    );
    if (FAILED_RENEWAL_STATES.has(data.data.state)) {
      throw new ProviderError(
        `dnsimple getRenewal: the renewal of ${name} ended in state "${data.data.state}"`,
        {
          provider: PROVIDER,
          operation: 'getRenewal',
          code: 'renewal_failed',
        },
      );
    }
    return mapRenewal(data.data, name, null);
  }

  /** Unlocks the domain and has DNSimple email the auth code to the admin contact (the API never returns it). */
  async function authorizeTransferOut(domain: string, opts?: CallOptions): Promise<void> {
    const { base } = await registrarPath(domain, 'authorizeTransferOut', opts);
    await client.send(
      { operation: 'authorizeTransferOut', method: 'POST', path: `${base}/authorize_transfer_out` },
      opts,
    );
  }

  /** A restore's current state. */
  async function getRestore(domain: string, id: string, opts?: CallOptions): Promise<DnsimpleRestoreResult> {
    const { name, base } = await registrarPath(domain, 'getRestore', opts);
    const { data } = await client.send(
      {
        operation: 'getRestore',
        method: 'GET',
        path: base + urlPath`/restores/${id}`,
        schema: envelope(RestoreSchema),
      },
      opts,
    );
    return mapRestore(data.data, name);
  }
  return {
    methods: { registerDomain, renewDomain, transferDomain, getTransfer },
    extras: { cancelTransfer, getRegistration, getRenewal, restoreDomain, getRestore, authorizeTransferOut },
  };
}
