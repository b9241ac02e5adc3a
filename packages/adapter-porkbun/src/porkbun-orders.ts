/**
 * Orders (docs/providers/porkbun.md#orders): register, renew and transfer with the exact `cost` in
 * cents taken from a fresh `/domain/checkDomain` quote, checked against `maxPrice` before anything
 * is sent; each spending request carries an `Idempotency-Key` (the caller's, else a new UUID) that
 * its retries reuse, and is never retried once it may have arrived. Porkbun registers and renews for
 * the registry-minimum term only, takes no contacts, nameservers or auto-renew with a registration
 * (they are applied right after it) and tracks transfers by domain name.
 */
import {
  assertWithinMaxPrice,
  type CallOptions,
  ConflictError,
  type ContactRole,
  inlineContacts,
  invalidInput,
  isRegistrarError,
  type Money,
  money,
  multiplyDecimal,
  normalizeDomainName,
  type ParsedContactInput,
  parseInput,
  type RegisterInput,
  RegisterInputSchema,
  type RegistrarError,
  type RegistrarMethods,
  type Registration,
  type RenewInput,
  RenewInputSchema,
  type RenewResult,
  ResponseFormatError,
  type Transfer,
  type TransferInput,
  TransferInputSchema,
  type TransferStatus,
  urlPath,
  ValidationError,
} from '@registrar-kit/core';
import { domainName, type PorkbunClient, PROVIDER } from './porkbun-client.js';
import { sendDomainContacts } from './porkbun-contacts.js';
import { sendAutoRenew, sendNameservers } from './porkbun-domains.js';
import { CURRENCY, flag, fromCents, porkbunDate, toCents } from './porkbun-mappers.js';
import {
  assertMinimumTerm,
  checkDomain,
  minimumYears,
  readRequirements,
  tldOf,
  yearlyPrice,
} from './porkbun-prices.js';
import { GetTransferSchema, OrderSchema, type PorkbunTransferItem } from './porkbun-schemas.js';

type OrderKind = 'register' | 'renew' | 'transfer';

/** Porkbun's transfer states → the model (docs/providers/porkbun.md#orders; no failed state is documented). */
const TRANSFER_STATUS: Record<string, TransferStatus> = {
  NEW: 'pending',
  INIT: 'pending',
  PENDINGDNS: 'pending',
  PENDINGAUTH: 'in_progress',
  PENDINGSUBMIT: 'in_progress',
  PENDINGTRANSFER: 'in_progress',
  DONE: 'completed',
  CANCELED: 'cancelled',
  CANCELLED: 'cancelled',
};

/** A step after a charged registration that failed: kept on `raw.followUpErrors`, never thrown. */
export interface PorkbunFollowUpError {
  step: 'contacts' | 'nameservers' | 'autoRenew';
  error: RegistrarError;
}

function refuse(operation: string, path: string, message: string, code = 'validation'): ValidationError {
  const error = invalidInput({ provider: PROVIDER, operation }, [{ path, message }]);
  return new ValidationError(error.message, { provider: PROVIDER, operation, code, issues: error.issues });
}

/** The price the order will be charged, in cents, from a fresh quote; refused above `maxPrice`. */
async function priceOrder(
  client: PorkbunClient,
  name: string,
  kind: OrderKind,
  operation: string,
  maxPrice: Money | undefined,
  opts: CallOptions | undefined,
): Promise<{ cents: number; years: number }> {
  const check = await checkDomain(client, name, operation, opts);
  if (flag(check.premium) === true)
    throw refuse(
      operation,
      'domain',
      `${name} is a premium name, which Porkbun's API cannot ${kind}`,
      'premium_not_supported',
    );
  if (kind === 'register' && flag(check.avail) !== true)
    throw new ConflictError(`${PROVIDER} ${operation}: ${name} is not available`, {
      provider: PROVIDER,
      operation,
      code: 'DOMAIN_NOT_AVAILABLE',
    });
  const years = minimumYears(check);
  const total = multiplyDecimal(yearlyPrice(check, kind, operation).amount, years);
  assertWithinMaxPrice(
    { amount: total, currency: CURRENCY },
    maxPrice,
    { provider: PROVIDER, operation },
    `${kind === 'register' ? 'registering' : kind === 'renew' ? 'renewing' : 'transferring'} ${name}`,
  );
  try {
    return { cents: toCents(total), years };
  } catch {
    throw new ResponseFormatError(
      `${PROVIDER} ${operation}: the quote ${total} USD is not a whole number of cents`,
      {
        provider: PROVIDER,
        operation,
        issues: [{ path: 'response.price', message: 'not a whole number of cents' }],
      },
    );
  }
}

/** The charged amount: the answer's `cost` (cents) when it is one, else what was sent. */
function chargedCost(answer: unknown, sent: number): Money {
  const cents = typeof answer === 'number' && Number.isSafeInteger(answer) && answer >= 0 ? answer : sent;
  return money(fromCents(cents), CURRENCY);
}

function orderId(answer: unknown, fallback: string): string {
  return (typeof answer === 'number' && Number.isSafeInteger(answer)) ||
    (typeof answer === 'string' && /^\d{1,20}$/.test(answer))
    ? String(answer)
    : fallback;
}

/** Porkbun's create and transfer bodies take no registry fields: any given is refused, never dropped. */
function assertNoExtendedAttributes(attributes: Record<string, string> | undefined, operation: string): void {
  const names = Object.keys(attributes ?? {});
  if (names.length === 0) return;
  throw invalidInput(
    { provider: PROVIDER, operation },
    names.map((name) => ({
      path: `extendedAttributes.${name}`,
      message: "Porkbun's API takes no registry fields (TLDs that need them are registered on porkbun.com)",
    })),
  );
}

export function transferFromItem(item: PorkbunTransferItem): Transfer {
  const name = normalizeDomainName(item.domain);
  const status = TRANSFER_STATUS[item.status.toUpperCase()] ?? 'in_progress';
  return {
    provider: PROVIDER,
    id: name,
    domain: name,
    status,
    domainId: status === 'completed' ? name : null,
    startedAt: porkbunDate(item.transferDate),
    completedAt: null,
    estimatedCompletion: null,
    cost: null,
    raw: item,
  };
}

/**
 * Sends a create/renew/transfer: once (never retried after it may have arrived), with an
 * `Idempotency-Key` its retries before that reuse, in the orders bucket.
 */
function sendOrder(
  client: PorkbunClient,
  path: string,
  body: Record<string, unknown>,
  operation: string,
  opts?: CallOptions,
) {
  return client.send(
    { operation, method: 'POST', path, body, schema: OrderSchema, bucket: 'orders', spending: true },
    opts,
  );
}

export function orderMethods(client: PorkbunClient): Partial<RegistrarMethods> {
  /** Contacts, nameservers and auto-renew, applied after the charge; failures are reported, not thrown. */
  async function afterRegistration(
    name: string,
    steps: {
      contacts: Partial<Record<ContactRole, ParsedContactInput>>;
      nameservers?: string[];
      autoRenew?: boolean;
    },
    opts?: CallOptions,
  ): Promise<PorkbunFollowUpError[]> {
    const failures: PorkbunFollowUpError[] = [];
    const run = async (step: PorkbunFollowUpError['step'], path: string, action: () => Promise<unknown>) => {
      try {
        await action();
      } catch (error) {
        if (!isRegistrarError(error)) throw error;
        failures.push({ step, error });
        try {
          client.options.onEvent?.({
            type: 'error',
            provider: PROVIDER,
            operation: 'registerDomain',
            method: 'POST',
            path,
            attempt: 1,
            errorName: error.name,
            code: error.code,
            ...(error.status !== undefined ? { status: error.status } : {}),
            durationMs: 0,
          });
        } catch {
          // A listener's failure never breaks a charged call.
        }
      }
    };
    if (Object.keys(steps.contacts).length > 0)
      await run('contacts', urlPath`/domain/updateContacts/${name}`, () =>
        sendDomainContacts(client, name, steps.contacts, 'registerDomain', opts),
      );
    if (steps.nameservers)
      await run('nameservers', urlPath`/domain/updateNs/${name}`, () =>
        sendNameservers(client, name, steps.nameservers!, 'registerDomain', opts),
      );
    if (steps.autoRenew !== undefined)
      await run('autoRenew', urlPath`/domain/updateAutoRenew/${name}`, () =>
        sendAutoRenew(client, name, steps.autoRenew!, 'registerDomain', opts),
      );
    return failures;
  }

  async function registerDomain(input: RegisterInput, opts?: CallOptions): Promise<Registration> {
    const operation = 'registerDomain';
    const context = { provider: PROVIDER, operation };
    const parsed = parseInput(RegisterInputSchema, input, context);
    const name = domainName(parsed.domain, 'registerDomain');
    const contacts = inlineContacts(parsed.contacts, context);
    assertNoExtendedAttributes(parsed.extendedAttributes, operation);
    if (parsed.premiumPrice)
      throw refuse(
        operation,
        'premiumPrice',
        "Porkbun's API cannot register premium names",
        'premium_not_supported',
      );
    const nameservers = parsed.nameservers?.map((host) => domainName(host, 'registerDomain'));
    const tld = tldOf(name);
    const requirements = await readRequirements(client, tld, operation, opts);
    if (flag(requirements.apiRegisterable) === false)
      throw refuse(
        operation,
        'domain',
        `.${tld} cannot be registered through Porkbun's API${requirements.notApiRegisterableReason ? `: ${requirements.notApiRegisterableReason}` : ''}`,
        'tld_not_api_registerable',
      );
    assertMinimumTerm(parsed.years, Number(requirements.registrationDurationYears), tld, operation);
    if (parsed.whoisPrivacy === true && flag(requirements.whoisPrivacySupported) === false)
      throw refuse(operation, 'whoisPrivacy', `Porkbun offers no WHOIS privacy for .${tld}`);
    const { cents } = await priceOrder(client, name, 'register', operation, parsed.maxPrice, opts);
    const data = await sendOrder(
      client,
      urlPath`/domain/create/${name}`,
      {
        cost: cents,
        agreeToTerms: 'yes',
        ...(parsed.whoisPrivacy !== undefined ? { whoisPrivacy: parsed.whoisPrivacy } : {}),
      },
      operation,
      opts,
    );
    // Charged: from here on the call resolves (DESIGN.md, "Promises every adapter keeps").
    const followUpErrors = await afterRegistration(
      name,
      {
        contacts,
        ...(nameservers ? { nameservers } : {}),
        ...(parsed.autoRenew !== undefined ? { autoRenew: parsed.autoRenew } : {}),
      },
      opts,
    );
    return {
      provider: PROVIDER,
      id: orderId(data.orderId, name),
      domain: name,
      status: 'completed',
      cost: chargedCost(data.cost, cents),
      raw: followUpErrors.length > 0 ? { ...data, followUpErrors } : data,
    };
  }

  async function renewDomain(domain: string, input: RenewInput, opts?: CallOptions): Promise<RenewResult> {
    const operation = 'renewDomain';
    const context = { provider: PROVIDER, operation };
    const parsed = parseInput(RenewInputSchema, input, context);
    const name = domainName(domain, 'renewDomain');
    if (parsed.premiumPrice)
      throw refuse(
        operation,
        'premiumPrice',
        "Porkbun's API does not renew premium names",
        'premium_not_supported',
      );
    const tld = tldOf(name);
    const requirements = await readRequirements(client, tld, operation, opts);
    assertMinimumTerm(parsed.years, Number(requirements.registrationDurationYears), tld, operation);
    const { cents } = await priceOrder(client, name, 'renew', operation, parsed.maxPrice, opts);
    const data = await sendOrder(client, urlPath`/domain/renew/${name}`, { cost: cents }, operation, opts);
    return {
      provider: PROVIDER,
      domain: name,
      status: 'completed',
      expiresAt: typeof data.expirationDate === 'string' ? porkbunDate(data.expirationDate) : null,
      cost: chargedCost(data.cost, cents),
      raw: data,
    };
  }

  async function transferDomain(input: TransferInput, opts?: CallOptions): Promise<Transfer> {
    const operation = 'transferDomain';
    const context = { provider: PROVIDER, operation };
    const parsed = parseInput(TransferInputSchema, input, context);
    const name = domainName(parsed.domain, 'transferDomain');
    inlineContacts(parsed.contacts, context);
    if (parsed.contacts && Object.keys(parsed.contacts).length > 0)
      throw refuse(
        operation,
        'contacts',
        'Porkbun takes no contacts with a transfer: set them with updateDomainContacts once it completes',
      );
    assertNoExtendedAttributes(parsed.extendedAttributes, operation);
    if (parsed.premiumPrice)
      throw refuse(
        operation,
        'premiumPrice',
        "Porkbun's API does not transfer premium names",
        'premium_not_supported',
      );
    const { cents, years } = await priceOrder(client, name, 'transfer', operation, parsed.maxPrice, opts);
    if (parsed.years !== undefined) assertMinimumTerm(parsed.years, years, tldOf(name), operation);
    const data = await sendOrder(
      client,
      urlPath`/domain/transfer/${name}`,
      { authCode: parsed.authCode, cost: cents },
      operation,
      opts,
    );
    return {
      provider: PROVIDER,
      // Porkbun looks transfers up by domain, never by its transferId (DESIGN.md, Contract v2).
      id: name,
      domain: name,
      status: 'pending',
      domainId: null,
      startedAt: null,
      completedAt: null,
      estimatedCompletion: null,
      cost: chargedCost(data.cost, cents),
      raw: data,
    };
  }

  async function getTransfer(id: string, opts?: CallOptions): Promise<Transfer> {
    const name = domainName(id, 'getTransfer');
    const data = await client.send(
      {
        operation: 'getTransfer',
        method: 'GET',
        path: urlPath`/domain/getTransfer/${name}`,
        schema: GetTransferSchema,
      },
      opts,
    );
    return transferFromItem(data.transfer);
  }

  return { registerDomain, renewDomain, transferDomain, getTransfer };
}
