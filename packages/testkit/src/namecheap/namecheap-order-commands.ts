/**
 * The commands that quote or spend money: domains.check (premium prices), domains.create,
 * domains.renew, domains.reactivate, domains.transfer.create/getStatus/getList, users.getPricing
 * and users.getBalances. Charges go to the ledger (none in the sandbox). Prices are per year.
 * See docs/providers/namecheap.md#orders-and-prices.
 */
import { compareDecimal } from '@registrar-kit/core';
import { formatPence, toPence } from '../glauca/glauca-money.js';
import { type NamecheapCommand, page } from './namecheap-commands.js';
import { readContacts, readExtendedAttributes } from './namecheap-contacts.js';
import { domainNameParam, ownedDomain } from './namecheap-domain-lookup.js';
import { missing, NamecheapError, NC } from './namecheap-errors.js';
import type { NamecheapParams } from './namecheap-params.js';
import { type NamecheapDomain, type NamecheapState, TRANSFER_STATUSES } from './namecheap-state.js';
import { TRANSFERABLE_TLDS } from './namecheap-tlds.js';
import { element, usDate, usDateTime, type XmlNode } from './namecheap-xml.js';

export const MAX_CHECK_NAMES = 50;
const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

/** Four-place money, as create/renew/check answers show it (`200.8700`). */
function money4(cents: number): string {
  return `${formatPence(cents)}00`;
}

function addYears(date: Date, years: number): Date {
  const next = new Date(date.getTime());
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

function yearsParam(params: NamecheapParams, name: string, fallback: number | undefined, max = 10): number {
  const years = params.int(name) ?? fallback;
  if (years === undefined) throw missing(name);
  if (!(years >= 1 && years <= max)) throw new NamecheapError(NC.YEARS_INVALID, `${name} is invalid`);
  return years;
}

/** The premium prices of a name: registration, renewal, restore, transfer (cents). */
function premiumPrices(
  state: NamecheapState,
  name: string,
): { register: number; renew: number; restore: number } {
  const price = toPence(state.premium.get(name)!);
  const tld = state.tldOf(name)!;
  return { register: price, renew: price, restore: state.yearPriceCents(tld, 'reactivate') };
}

/**
 * The premium checks of create/renew/reactivate: a premium name needs `IsPremiumDomain=true` and
 * `PremiumPrice` equal to the quoted price (2515623, 2515610); a regular name must not claim to be
 * premium.
 */
function checkPremium(params: NamecheapParams, premium: boolean, expectedCents: number | null): void {
  const claimed = params.bool('IsPremiumDomain', false);
  if (premium !== claimed)
    throw new NamecheapError(
      NC.PREMIUM_FLAG_MISMATCH,
      premium ? 'Domain is premium; send IsPremiumDomain and PremiumPrice' : 'Domain name is not premium',
    );
  if (!premium || expectedCents === null) return;
  const sent = params.get('PremiumPrice');
  if (
    sent === undefined ||
    !/^\d+(\.\d+)?$/.test(sent) ||
    compareDecimal(sent, formatPence(expectedCents)) !== 0
  )
    throw new NamecheapError(NC.PREMIUM_PRICE_MISMATCH, 'Prices do not match');
}

function chargeOrFail(
  state: NamecheapState,
  operation: 'register' | 'renew' | 'transfer' | 'restore',
  name: string,
  cents: number,
): void {
  if (!state.charge(operation, name, cents))
    throw new NamecheapError(NC.ORDER_FAILED, 'Order creation failed: the account balance is too low');
}

function checkRow(state: NamecheapState, name: string): XmlNode {
  const availability = state.seed.availability(name);
  const zero = {
    IsPremiumName: false,
    PremiumRegistrationPrice: '0',
    PremiumRenewalPrice: '0',
    PremiumRestorePrice: '0',
    PremiumTransferPrice: '0',
    IcannFee: '0',
    EapFee: '0',
  };
  if (availability === 'invalid' || availability === 'unsupported-tld') {
    // Per-name failure rows as in the doc's older sample (`Available="error"`).
    const [number, text] =
      availability === 'invalid'
        ? [NC.DOMAIN_INVALID, 'Domain name is invalid']
        : [NC.TLD_NOT_SUPPORTED, 'TLD is not supported'];
    return element({ Domain: name, Available: 'error', ErrorNo: number, Description: text, ...zero });
  }
  if (availability === 'premium') {
    const prices = premiumPrices(state, name);
    const fee = state.feeCents(state.tldOf(name)!);
    return element({
      Domain: name,
      Available: true,
      ErrorNo: 0,
      Description: '',
      IsPremiumName: true,
      PremiumRegistrationPrice: money4(prices.register),
      PremiumRenewalPrice: money4(prices.renew),
      PremiumRestorePrice: money4(prices.restore),
      PremiumTransferPrice: money4(prices.register),
      IcannFee: money4(fee),
      EapFee: '0.0000',
    });
  }
  const available = availability === 'available' && !state.domains.has(name);
  return element({ Domain: name, Available: available, ErrorNo: 0, Description: '', ...zero });
}

const check: NamecheapCommand = {
  name: 'namecheap.domains.check',
  operation: 'checkAvailability',
  run({ state, params }) {
    const list = params.get('DomainList');
    if (list === undefined) throw missing('DomainList');
    const names = list
      .split(',')
      .map((n) => n.trim().toLowerCase())
      .filter((n) => n !== '');
    if (names.length > MAX_CHECK_NAMES)
      throw new NamecheapError(
        NC.TOO_MANY_CHECK_NAMES,
        'Only 50 domains are allowed in a single check command',
      );
    return { DomainCheckResult: names.map((name) => checkRow(state, name)) };
  },
};

function registerable(state: NamecheapState, name: string): { tld: string; premium: boolean } {
  const availability = state.seed.availability(name);
  const tld = state.tldOf(name);
  if (availability === 'unsupported-tld' || tld === null)
    throw new NamecheapError(NC.TLD_NOT_SUPPORTED, 'TLD is not supported in API');
  if (availability === 'registered' || state.domains.has(name))
    throw new NamecheapError(NC.DOMAIN_NOT_AVAILABLE, `Domain not available: ${name}`);
  return { tld, premium: availability === 'premium' };
}

function nameserversParam(params: NamecheapParams): string[] | undefined {
  const list = params.get('Nameservers');
  if (list === undefined) return undefined;
  const nameservers = list
    .split(',')
    .map((ns) => ns.trim().toLowerCase().replace(/\.$/, ''))
    .filter((ns) => ns !== '');
  if (!nameservers.every((ns) => /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/.test(ns)))
    throw new NamecheapError(NC.NAMESERVERS_INVALID, 'Nameservers are not valid');
  return nameservers;
}

const create: NamecheapCommand = {
  name: 'namecheap.domains.create',
  operation: 'registerDomain',
  run({ state, params }) {
    const name = domainNameParam(params);
    const years = yearsParam(
      params,
      'Years',
      undefined,
      state.tldRule(state.tldOf(name) ?? '')?.maxYears ?? 10,
    );
    const contacts = readContacts(params);
    const { tld, premium } = registerable(state, name);
    const attributes = readExtendedAttributes(tld, params, true) ?? {};
    const nameservers = nameserversParam(params);
    const addWhoisguard = params.bool('AddFreeWhoisguard', false);
    const enableWhoisguard = params.bool('WGEnabled', false);
    if (enableWhoisguard && !addWhoisguard)
      throw new NamecheapError(
        NC.PRIVACY_NEEDS_WHOISGUARD,
        'Cannot enable WhoisGuard when AddFreeWhoisguard is NO',
      );
    if (addWhoisguard && state.tldRule(tld)?.noPrivacy)
      throw new NamecheapError(NC.TLD_INVALID, `WhoisGuard is not available for .${tld}`);
    const perYear = premium ? premiumPrices(state, name).register : state.yearPriceCents(tld, 'register');
    checkPremium(params, premium, premium ? perYear : null);
    const cents = years * (perYear + state.feeCents(tld));
    chargeOrFail(state, 'register', name, cents);
    const now = state.now();
    const domain = state.addDomain(name, {
      createdAt: now,
      expiresAt: addYears(now, years),
      contacts,
      premium,
      attributes,
      nameservers,
    });
    domain.hosts = state.parkingHosts(name);
    if (addWhoisguard) state.attachWhoisguard(domain, enableWhoisguard, contacts.Registrant.EmailAddress);
    const { orderId, transactionId } = state.nextOrder();
    return {
      DomainCreateResult: element({
        Domain: name,
        Registered: true,
        ChargedAmount: money4(cents),
        DomainID: domain.id,
        OrderID: orderId,
        TransactionID: transactionId,
        WhoisguardEnable: enableWhoisguard,
        NonRealTimeDomain: false,
      }),
    };
  },
};

function renewalCents(state: NamecheapState, domain: NamecheapDomain, years: number): number {
  if (domain.premium) return years * premiumPrices(state, domain.name).renew;
  return years * (state.yearPriceCents(domain.tld, 'renew') + state.feeCents(domain.tld));
}

const renew: NamecheapCommand = {
  name: 'namecheap.domains.renew',
  operation: 'renewDomain',
  run({ state, params }) {
    const domain = ownedDomain(state, domainNameParam(params));
    const years = yearsParam(params, 'Years', undefined);
    if (state.isExpired(domain))
      throw new NamecheapError(NC.DOMAIN_EXPIRED, 'Domain has expired. Please reactivate your domain.');
    if (domain.premium && years !== 1)
      throw new NamecheapError(NC.YEARS_INVALID, 'Premium domain can be renewed for 1 year only');
    const cents = renewalCents(state, domain, years);
    checkPremium(params, domain.premium, domain.premium ? cents : null);
    chargeOrFail(state, 'renew', domain.name, cents);
    domain.expiresAt = addYears(domain.expiresAt, years);
    if (domain.whoisguardId !== 0) {
      const subscription = state.whoisguardOf(domain);
      if (subscription) subscription.expiresAt = new Date(domain.expiresAt);
    }
    const { orderId, transactionId } = state.nextOrder();
    return {
      DomainRenewResult: element(
        {
          DomainName: domain.name,
          DomainID: domain.id,
          Renew: true,
          OrderID: orderId,
          TransactionID: transactionId,
          ChargedAmount: money4(cents),
        },
        { DomainDetails: { ExpiredDate: usDateTime(domain.expiresAt), NumYears: '0' } },
      ),
    };
  },
};

const reactivate: NamecheapCommand = {
  name: 'namecheap.domains.reactivate',
  operation: 'restoreDomain',
  run({ state, params }) {
    const domain = ownedDomain(state, domainNameParam(params));
    const years = yearsParam(params, 'YearsToAdd', 1);
    if (!state.isExpired(domain))
      throw new NamecheapError(
        NC.DOMAIN_EXPIRED,
        'Domain does not meet the expiration date for reactivation',
      );
    if (domain.premium && years !== 1)
      throw new NamecheapError(NC.YEARS_INVALID, 'Premium domain can be reactivated for 1 year only');
    const cents = domain.premium
      ? premiumPrices(state, domain.name).restore
      : years * state.yearPriceCents(domain.tld, 'reactivate');
    checkPremium(params, domain.premium, domain.premium ? cents : null);
    chargeOrFail(state, 'restore', domain.name, cents);
    const from = Math.max(domain.expiresAt.getTime(), state.now().getTime());
    domain.expiresAt = new Date(from + years * YEAR_MS);
    const { orderId, transactionId } = state.nextOrder();
    return {
      DomainReactivateResult: element({
        Domain: domain.name,
        IsSuccess: true,
        ChargedAmount: money4(cents),
        OrderID: orderId,
        TransactionID: transactionId,
      }),
    };
  },
};

const transferCreate: NamecheapCommand = {
  name: 'namecheap.domains.transfer.create',
  operation: 'transferDomain',
  run({ state, params }) {
    const name = domainNameParam(params);
    const years = params.int('Years');
    if (years === undefined) throw missing('Years');
    if (years !== 1) throw new NamecheapError(NC.YEARS_INVALID, 'Years must be 1 for a transfer');
    const code = params.get('EPPCode');
    if (code === undefined) throw missing('EPPCode');
    const tld = state.tldOf(name);
    if (tld === null || !TRANSFERABLE_TLDS.has(tld))
      throw new NamecheapError(NC.TLD_NOT_SUPPORTED, 'TLD is not supported in API');
    const decoded = code.startsWith('base64:') ? Buffer.from(code.slice(7), 'base64').toString('utf8') : code;
    const outcome = state.domains.has(name)
      ? 21
      : state.options.rejectedAuthCodes.includes(decoded)
        ? 32
        : state.seed.isRegistered(name)
          ? 5
          : 20;
    const cents = state.yearPriceCents(tld, 'transfer') + state.feeCents(tld);
    chargeOrFail(state, 'transfer', name, cents);
    const transfer = state.newTransfer(name, formatPence(cents), outcome);
    return {
      DomainTransferCreateResult: element({
        Domainname: name,
        Transfer: true,
        TransferID: transfer.id,
        StatusID: transfer.statusId,
        OrderID: transfer.orderId,
        TransactionID: transfer.transactionId,
        ChargedAmount: transfer.chargedAmount,
        StatusCode: 2,
      }),
    };
  },
};

const transferGetStatus: NamecheapCommand = {
  name: 'namecheap.domains.transfer.getStatus',
  operation: 'getTransfer',
  run({ state, params }) {
    const id = params.int('TransferID');
    if (id === undefined) throw missing('TransferID');
    const transfer = Number.isNaN(id) ? undefined : state.transfers.get(id);
    if (!transfer) throw new NamecheapError(NC.TRANSFER_STATUS_UNAVAILABLE, 'TransferStatus not available');
    if (state.options.transferAdvance === 'on-read') state.advanceTransfer(transfer);
    return {
      DomainTransferGetStatusResult: element({
        TransferID: transfer.id,
        Status: transfer.status,
        StatusID: transfer.statusId,
      }),
    };
  },
};

const TRANSFER_LIST_TYPES = new Set(['ALL', 'INPROGRESS', 'CANCELLED', 'COMPLETED']);

const transferGetList: NamecheapCommand = {
  name: 'namecheap.domains.transfer.getList',
  operation: 'listTransfers',
  run({ state, params }) {
    const listType = params.get('ListType')?.toUpperCase() ?? 'ALL';
    if (!TRANSFER_LIST_TYPES.has(listType))
      throw new NamecheapError(NC.LIST_TYPE_INVALID, 'ListType is invalid');
    const term = params.get('SearchTerm')?.toLowerCase();
    const transfers = [...state.transfers.values()]
      .filter((t) => listType === 'ALL' || t.category === listType)
      .filter((t) => term === undefined || t.domain.includes(term))
      .sort((a, b) => a.domain.localeCompare(b.domain));
    const { rows, paging } = page(transfers, params, { min: 10, max: 100, fallback: 10 });
    return {
      TransferGetListResult: {
        Transfer: rows.map((t) =>
          element({
            ID: t.id,
            Domainname: t.domain,
            User: state.options.userName,
            TransferDate: usDate(t.createdAt),
            OrderID: t.orderId,
            StatusID: t.statusId,
            Status: t.category,
            StatusDate: usDate(t.statusDate),
            StatusDescription: TRANSFER_STATUSES[t.statusId]?.text ?? t.status,
          }),
        ),
      },
      Paging: paging,
    };
  },
};

const PRICING_ACTIONS = ['register', 'renew', 'reactivate', 'transfer'] as const;

function priceRow(
  state: NamecheapState,
  tld: string,
  action: (typeof PRICING_ACTIONS)[number],
  years: number,
): XmlNode {
  const price = formatPence(state.yearPriceCents(tld, action));
  const fee = action === 'reactivate' ? '0.00' : formatPence(state.feeCents(tld));
  return element({
    Duration: years,
    DurationType: 'YEAR',
    Price: price,
    PricingType: 'MULTIPLE',
    AdditionalCost: fee,
    RegularPrice: price,
    RegularPriceType: 'MULTIPLE',
    RegularAdditionalCost: fee,
    RegularAdditionalCostType: 'MULTIPLE',
    YourPrice: price,
    YourPriceType: 'MULTIPLE',
    // Misspelt as in the live API.
    YourAdditonalCost: fee,
    YourAdditonalCostType: 'MULTIPLE',
    PromotionPrice: '0.0',
    Currency: state.currency,
  });
}

const getPricing: NamecheapCommand = {
  name: 'namecheap.users.getPricing',
  operation: 'getPrice',
  run({ state, params }) {
    const productType = params.get('ProductType');
    if (productType === undefined) throw missing('ProductType');
    if (productType.toUpperCase() !== 'DOMAIN')
      throw new NamecheapError(NC.PRODUCT_TYPE_INVALID, 'ProductType is invalid');
    const action = params.get('ActionName')?.toLowerCase();
    const product = params.get('ProductName')?.toLowerCase().replace(/^\./, '');
    const actions = PRICING_ACTIONS.filter((a) => action === undefined || a === action);
    const tlds = Object.keys(state.seed.tldPrices)
      .sort()
      .filter((tld) => product === undefined || tld === product);
    const categories = actions.map((a) =>
      element(
        { Name: a },
        {
          Product: tlds.map((tld) => {
            const rule = state.tldRule(tld);
            const max = a === 'transfer' ? 1 : (rule?.maxYears ?? 10);
            const durations = Array.from(
              { length: max - (rule?.minYears ?? 1) + 1 },
              (_, i) => i + (rule?.minYears ?? 1),
            );
            return element(
              { Name: tld },
              { Price: durations.map((years) => priceRow(state, tld, a, years)) },
            );
          }),
        },
      ),
    );
    return {
      UserGetPricingResult: { ProductType: element({ Name: 'domains' }, { ProductCategory: categories }) },
    };
  },
};

const getBalances: NamecheapCommand = {
  name: 'namecheap.users.getBalances',
  operation: 'getBalances',
  run({ state }) {
    const balance = state.balance();
    return {
      UserGetBalancesResult: element({
        Currency: state.currency,
        AvailableBalance: balance,
        AccountBalance: balance,
        EarnedAmount: '0.00',
        WithdrawableAmount: '0.00',
        FundsRequiredForAutoRenew: '0.00',
      }),
    };
  },
};

export const NAMECHEAP_ORDER_COMMANDS: readonly NamecheapCommand[] = [
  check,
  create,
  renew,
  reactivate,
  transferCreate,
  transferGetStatus,
  transferGetList,
  getPricing,
  getBalances,
];
