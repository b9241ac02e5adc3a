/**
 * Prices from users.getPricing (https://www.namecheap.com/support/api/methods/users/get-pricing/)
 * and premium prices from domains.check. Live answers name things in lower case (`domains`,
 * `register`, `com`) where the doc sample uses upper case: names are matched case-insensitively.
 * With `PricingType="MULTIPLE"` a row's price is per year of the term, and the additional cost
 * (the ICANN fee) per year too: a term costs years × (price + additional cost). The price is
 * `Price`, else `YourPrice`, else `RegularPrice` when empty or zero. Nothing is cached across calls.
 */
import { addDecimal, type Money, money, multiplyDecimal, type PriceOperation } from '@registrar-kit/core';
import type { CheckRow, PriceRow, Pricing } from './namecheap-schemas.js';
import { DEFAULT_CURRENCY, positiveAmount } from './namecheap-values.js';

/** getPricing's `ActionName` (and category name) for each model operation. */
export const PRICING_ACTION: Record<PriceOperation, string> = {
  register: 'REGISTER',
  renew: 'RENEW',
  transfer: 'TRANSFER',
  restore: 'REACTIVATE',
};

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The price row of one TLD, action and term. */
export function priceRow(
  pricing: Pricing,
  tld: string,
  operation: PriceOperation,
  years: number,
): PriceRow | null {
  for (const type of pricing.producttype)
    for (const category of type.productcategory) {
      if (!same(category.name, PRICING_ACTION[operation])) continue;
      for (const product of category.product) {
        if (!same(product.name.replace(/^\./, ''), tld)) continue;
        const row = product.price.find(
          (p) => Number(p.duration) === years && (!p.durationtype || same(p.durationtype, 'YEAR')),
        );
        if (row) return row;
      }
    }
  return null;
}

/** What a term costs at a row's per-year price and fee. */
export function termPrice(row: PriceRow, years: number): Money | null {
  const currency = row.currency?.trim() || DEFAULT_CURRENCY;
  const perYear =
    positiveAmount(row.price, currency) ??
    positiveAmount(row.yourprice, currency) ??
    positiveAmount(row.regularprice, currency);
  if (!perYear) return null;
  const fee = positiveAmount(row.youradditonalcost ?? row.additionalcost, currency)?.amount ?? '0.00';
  return money(multiplyDecimal(addDecimal(perYear.amount, fee), years), currency);
}

/** Every TLD of the answer, with the one-year price of each action. */
export function tldPrices(pricing: Pricing): Map<string, Partial<Record<PriceOperation, Money | null>>> {
  const tlds = new Map<string, Partial<Record<PriceOperation, Money | null>>>();
  const operations = Object.keys(PRICING_ACTION) as PriceOperation[];
  for (const type of pricing.producttype)
    for (const category of type.productcategory) {
      const operation = operations.find((op) => same(category.name, PRICING_ACTION[op]));
      if (!operation) continue;
      for (const product of category.product) {
        const tld = product.name.replace(/^\./, '').toLowerCase();
        const row = product.price.find((p) => Number(p.duration) === 1);
        const entry = tlds.get(tld) ?? {};
        entry[operation] = row ? termPrice(row, 1) : null;
        tlds.set(tld, entry);
      }
    }
  return tlds;
}

/** The premium price domains.check gives for an operation (one year), or null for a regular name. */
export function premiumPrice(row: CheckRow | undefined, operation: PriceOperation): Money | null {
  if (!row?.ispremiumname) return null;
  const amount = {
    register: row.premiumregistrationprice,
    renew: row.premiumrenewalprice,
    transfer: row.premiumtransferprice,
    restore: row.premiumrestoreprice,
  }[operation];
  return positiveAmount(amount, DEFAULT_CURRENCY);
}
