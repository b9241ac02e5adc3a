/**
 * Registrar orders: registration, renewal, transfer in (and its follow-ups), restore and the
 * transfer-out authorization. Each spends money or starts a registry process: never retried once it
 * may have reached DNSimple.
 */
import {
  type AuthCode,
  assertExtendedAttributes,
  assertWithinMaxPrice,
  type CallOptions,
  type ContactDirectory,
  domainNameIssues,
  invalidInput,
  type Money,
  MoneyInputSchema,
  multiplyDecimal,
  type ParsedContactRefs,
  ProviderError,
  parseInput,
  type RegisterInput,
  RegisterInputSchema,
  type Registration,
  type RenewInput,
  RenewInputSchema,
  type RenewResult,
  resolveContactIds,
  type Transfer,
  type TransferInput,
  TransferInputSchema,
  urlPath,
  type ValidationIssue,
  zodIssues,
} from '@registrar-kit/core';
import { context, type DnsimpleClient, parseDomainName } from './dnsimple-client.js';
import { MAX_RENEW_YEARS } from './dnsimple-domains.js';
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
  priceOf,
} from './dnsimple-mappers.js';
import {
  type DnsimpleRenewal,
  DomainPayloadSchema,
  envelope,
  PricesSchema,
  RegistrationSchema,
  RenewalSchema,
  RestoreSchema,
  TransferPayloadSchema,
} from './dnsimple-schemas.js';
import { readExtendedAttributes } from './dnsimple-tlds.js';

export interface DnsimpleRestoreInput {
  /** Confirms the price of a premium domain (USD). */
  premiumPrice?: Money;
}

const ROLES_BESIDES_REGISTRANT = ['admin', 'tech', 'billing'] as const;

/**
 * The registrant reference: `contacts.registrant`, else the `registrantId` option. DNSimple takes
 * one contact, the registrant (https://developer.dnsimple.com/v2/registrar/#registerDomain): another
 * role may repeat it (the same id or the same contact), anything else is refused.
 */
function registrantRef(
  client: DnsimpleClient,
  contacts: ParsedContactRefs | undefined,
  issues: ValidationIssue[],
): ParsedContactRefs['registrant'] | null {
  const given = contacts?.registrant;
  const option = client.options.registrantId;
  const ref = given ?? (option === undefined || option === '' ? undefined : String(option));
  for (const role of ROLES_BESIDES_REGISTRANT) {
    const other = contacts?.[role];
    if (other !== undefined && JSON.stringify(other) !== JSON.stringify(ref))
      issues.push({
        path: `contacts.${role}`,
        message: 'DNSimple takes one contact, the registrant: omit this role or give the registrant again',
      });
  }
  if (ref === undefined) {
    issues.push({
      path: 'contacts.registrant',
      message: 'is required: a DNSimple contact id or a ContactInput (or the `registrantId` option)',
    });
    return null;
  }
  if (typeof ref === 'string' && !/^\d+$/.test(ref)) {
    issues.push({ path: 'contacts.registrant', message: 'must be a numeric DNSimple contact id' });
    return null;
  }
  return ref;
}

/** A money input in DNSimple's currency: the decimal string DNSimple takes, or undefined. */
function usdAmount(price: Money | undefined, path: string, issues: ValidationIssue[]): string | undefined {
  if (price === undefined) return undefined;
  if (price.currency !== CURRENCY)
    issues.push({ path: `${path}.currency`, message: `DNSimple prices are in ${CURRENCY}` });
  return price.amount;
}

/** What a spending order sends besides its own fields, once the local checks and the quote passed. */
interface OrderTerms {
  registrantId: number;
  premiumPrice: string | undefined;
  extendedAttributes: Record<string, string> | undefined;
}

export function orderMethods(client: DnsimpleClient, contacts: ContactDirectory) {
  const registrarPath = async (domain: string, operation: string, opts?: CallOptions) => {
    const accountId = await client.account(operation, opts);
    const name = await client.domainName(domain, operation, opts);
    return { accountId, name, base: urlPath`/v2/${accountId}/registrar/domains/${name}` };
  };

  /** The prices of `name`: `GET …/registrar/domains/{name}/prices` (https://developer.dnsimple.com/v2/registrar/#getDomainPrices). */
  async function prices(accountId: string, name: string, operation: string, opts?: CallOptions) {
    const { data } = await client.send(
      {
        operation,
        method: 'GET',
        path: urlPath`/v2/${accountId}/registrar/domains/${name}/prices`,
        schema: envelope(PricesSchema),
      },
      opts,
    );
    return data.data;
  }

  /**
   * The money guard (DESIGN.md, Contract v2): with `maxPrice`, the fresh quote must be within it
   * (else price_above_limit, nothing sent). A premium quote within `maxPrice` is the confirmation
   * DNSimple asks for: its price goes out as `premium_price` unless the caller gave one.
   */
  async function guardPrice(
    accountId: string,
    name: string,
    operation: string,
    kind: 'register' | 'renew' | 'transfer',
    years: number,
    limits: { maxPrice?: Money; premiumPrice?: string },
    opts?: CallOptions,
  ): Promise<string | undefined> {
    if (limits.maxPrice === undefined) return limits.premiumPrice;
    const quote = await prices(accountId, name, operation, opts);
    const unit = priceOf(quote, kind, operation);
    const total = { amount: multiplyDecimal(unit.amount, years), currency: unit.currency };
    assertWithinMaxPrice(total, limits.maxPrice, context(operation), `the ${kind} of ${name}`);
    return limits.premiumPrice ?? (quote.premium ? unit.amount : undefined);
  }

  /** Extended attributes checked against the TLD's (https://developer.dnsimple.com/v2/tlds/#getTldExtendedAttributes). */
  async function checkExtendedAttributes(
    name: string,
    given: Record<string, string> | undefined,
    operation: string,
    opts?: CallOptions,
  ): Promise<void> {
    const tld = name.slice(name.indexOf('.') + 1);
    const attributes = await readExtendedAttributes(client, tld, operation, opts);
    assertExtendedAttributes({ tld, extendedAttributes: attributes }, given, context(operation));
  }

  /**
   * What registrations and transfers do before they charge, in this order: the local checks (one
   * ValidationError with every issue), the TLD's extended attributes, the money guard, and last the
   * registrant contact (created only once nothing else refuses the order).
   */
  async function prepareOrder(
    name: string,
    value: {
      contacts?: ParsedContactRefs;
      premiumPrice?: Money;
      maxPrice?: Money;
      extendedAttributes?: Record<string, string>;
    },
    issues: ValidationIssue[],
    kind: 'register' | 'transfer',
    operation: string,
    what: string,
    opts?: CallOptions,
  ): Promise<{ accountId: string; terms: OrderTerms }> {
    const registrant = registrantRef(client, value.contacts, issues);
    const premium = usdAmount(value.premiumPrice, 'premiumPrice', issues);
    if (issues.length > 0 || !registrant) throw invalidInput(context(operation), issues, what);
    const accountId = await client.account(operation, opts);
    await checkExtendedAttributes(name, value.extendedAttributes, operation, opts);
    const premiumPrice = await guardPrice(
      accountId,
      name,
      operation,
      kind,
      1,
      { maxPrice: value.maxPrice, premiumPrice: premium },
      opts,
    );
    const ids = await resolveContactIds({ registrant }, contacts, opts);
    return {
      accountId,
      terms: {
        registrantId: Number(ids.registrant),
        premiumPrice,
        extendedAttributes: value.extendedAttributes,
      },
    };
  }

  async function registerDomain(input: RegisterInput, opts?: CallOptions): Promise<Registration> {
    const ctx = context('registerDomain');
    const value = parseInput(RegisterInputSchema, input, ctx, 'registration');
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
    const { accountId, terms } = await prepareOrder(
      name,
      value,
      issues,
      'register',
      'registerDomain',
      'registration',
      opts,
    );
    const { data } = await client.send(
      {
        operation: 'registerDomain',
        method: 'POST',
        path: urlPath`/v2/${accountId}/registrar/domains/${name}/registrations`,
        body: {
          registrant_id: terms.registrantId,
          ...(value.autoRenew !== undefined ? { auto_renew: value.autoRenew } : {}),
          ...(value.whoisPrivacy !== undefined ? { whois_privacy: value.whoisPrivacy } : {}),
          ...orderExtras(terms),
        },
        schema: envelope(RegistrationSchema),
      },
      opts,
    );
    return mapRegistration(data.data, name);
  }

  /**
   * The domain's expiry once a renewal is `renewed` (re-read: the renewal carries none); null when
   * the renewal is not done yet or the read fails (the charge is made: never an error).
   */
  async function expiryAfter(
    renewal: DnsimpleRenewal,
    accountId: string,
    name: string,
    operation: string,
    opts?: CallOptions,
  ): Promise<Date | null> {
    if (renewal.state !== 'renewed') return null;
    return client
      .send(
        {
          operation,
          method: 'GET',
          path: urlPath`/v2/${accountId}/domains/${name}`,
          schema: envelope(DomainPayloadSchema),
        },
        opts,
      )
      .then((r) => parseDate(r.data.data.expires_at) ?? parseDate(r.data.data.expires_on))
      .catch(() => null);
  }

  function refuseFailedRenewal(renewal: DnsimpleRenewal, name: string, operation: string): void {
    if (!FAILED_RENEWAL_STATES.has(renewal.state)) return;
    throw new ProviderError(
      `dnsimple ${operation}: the renewal of ${name} ended in state "${renewal.state}"`,
      {
        ...context(operation),
        code: 'renewal_failed',
      },
    );
  }

  async function renewDomain(domain: string, input: RenewInput, opts?: CallOptions): Promise<RenewResult> {
    const ctx = context('renewDomain');
    const value = parseInput(RenewInputSchema, input, ctx, 'renewal');
    const issues: ValidationIssue[] = [];
    if (value.years > MAX_RENEW_YEARS)
      issues.push({ path: 'years', message: `must be from 1 to ${MAX_RENEW_YEARS}` });
    const premium = usdAmount(value.premiumPrice, 'premiumPrice', issues);
    if (issues.length > 0) throw invalidInput(ctx, issues, 'renewal');
    const { accountId, name, base } = await registrarPath(domain, 'renewDomain', opts);
    const premiumPrice = await guardPrice(
      accountId,
      name,
      'renewDomain',
      'renew',
      value.years,
      { maxPrice: value.maxPrice, premiumPrice: premium },
      opts,
    );
    const { data } = await client.send(
      {
        operation: 'renewDomain',
        method: 'POST',
        path: `${base}/renewals`,
        body: { period: value.years, ...(premiumPrice !== undefined ? { premium_price: premiumPrice } : {}) },
        schema: envelope(RenewalSchema),
      },
      opts,
    );
    refuseFailedRenewal(data.data, name, 'renewDomain');
    return mapRenewal(data.data, name, await expiryAfter(data.data, accountId, name, 'renewDomain', opts));
  }

  async function transferDomain(input: TransferInput, opts?: CallOptions): Promise<Transfer> {
    const ctx = context('transferDomain');
    const value = parseInput(TransferInputSchema, input, ctx, 'transfer');
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
    const { accountId, terms } = await prepareOrder(
      name,
      value,
      issues,
      'transfer',
      'transferDomain',
      'transfer',
      opts,
    );
    const { data } = await client.send(
      {
        operation: 'transferDomain',
        method: 'POST',
        path: urlPath`/v2/${accountId}/registrar/domains/${name}/transfers`,
        body: { registrant_id: terms.registrantId, auth_code: value.authCode, ...orderExtras(terms) },
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
    const ref = parseTransferId(id, operation);
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
    const parsed = given ? MoneyInputSchema.optional().safeParse(input?.premiumPrice) : undefined;
    if (parsed && !parsed.success)
      for (const issue of zodIssues(parsed.error))
        issues.push({
          path: issue.path ? `premiumPrice.${issue.path}` : 'premiumPrice',
          message: issue.message,
        });
    const premium = parsed?.success ? usdAmount(parsed.data, 'premiumPrice', issues) : undefined;
    if (issues.length > 0) throw invalidInput(context('restoreDomain'), issues, 'restore');
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

  /** A renewal's current state; once `renewed`, with the domain's new expiry, as `renewDomain` gives it. */
  async function getRenewal(domain: string, id: string, opts?: CallOptions): Promise<RenewResult> {
    const { accountId, name, base } = await registrarPath(domain, 'getRenewal', opts);
    const { data } = await client.send(
      {
        operation: 'getRenewal',
        method: 'GET',
        path: base + urlPath`/renewals/${id}`,
        schema: envelope(RenewalSchema),
      },
      opts,
    );
    refuseFailedRenewal(data.data, name, 'getRenewal');
    return mapRenewal(data.data, name, await expiryAfter(data.data, accountId, name, 'getRenewal', opts));
  }

  /**
   * Unlocks the domain and has DNSimple e-mail the auth code to its registrant; the API never
   * returns it (https://developer.dnsimple.com/v2/registrar/#authorizeDomainTransferOut).
   */
  async function authorizeTransferOut(domain: string, opts?: CallOptions): Promise<void> {
    await getAuthCodeAs(domain, 'authorizeTransferOut', opts);
  }

  async function getAuthCodeAs(domain: string, operation: string, opts?: CallOptions): Promise<AuthCode> {
    const { name, base } = await registrarPath(domain, operation, opts);
    await client.send({ operation, method: 'POST', path: `${base}/authorize_transfer_out` }, opts);
    return { provider: PROVIDER, domain: name, authCode: null, delivery: 'emailed' };
  }

  /** `getAuthCode`: DNSimple e-mails the code (`delivery: 'emailed'`, `authCode: null`). */
  const getAuthCode = (domain: string, opts?: CallOptions): Promise<AuthCode> =>
    getAuthCodeAs(domain, 'getAuthCode', opts);

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
    methods: { registerDomain, renewDomain, transferDomain, getTransfer, getAuthCode },
    extras: { cancelTransfer, getRegistration, getRenewal, restoreDomain, getRestore, authorizeTransferOut },
  };
}

/** The optional fields of a register or transfer body. */
function orderExtras(terms: OrderTerms): Record<string, unknown> {
  return {
    ...(terms.premiumPrice !== undefined ? { premium_price: terms.premiumPrice } : {}),
    ...(terms.extendedAttributes !== undefined && Object.keys(terms.extendedAttributes).length > 0
      ? { extended_attributes: terms.extendedAttributes }
      : {}),
  };
}
