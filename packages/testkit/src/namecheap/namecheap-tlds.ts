/**
 * What `domains.getTldList` says about each TLD the emulator sells (year ranges, API support,
 * privacy), and the extra ccTLDs it sells by default so that the extended-attribute rules can be
 * exercised. See docs/providers/namecheap.md#tlds.
 */
import type { TldPrice } from '../emulator/seed-data.js';

export interface TldRule {
  tld: string;
  type?: 'GTLD' | 'CCTLD';
  description?: string;
  minYears?: number;
  maxYears?: number;
  /** `IsDisableWGAllot`: no privacy subscription can be attached. */
  noPrivacy?: boolean;
}

/** The TLDs `domains.transfer.create` accepts (the doc's list of API-transferable TLDs). */
export const TRANSFERABLE_TLDS: ReadonlySet<string> = new Set(
  'biz ca cc co com com.es com.pe es in info me mobi net net.pe nom.es org org.es org.pe pe tv us'.split(' '),
);

export const NAMECHEAP_TLD_RULES: Readonly<Record<string, TldRule>> = {
  com: { tld: 'com', description: 'Most recognized top level domain' },
  net: { tld: 'net', description: 'Network' },
  org: { tld: 'org', description: 'Organization' },
  io: { tld: 'io', type: 'CCTLD', description: 'British Indian Ocean Territory' },
  dev: { tld: 'dev', description: 'Developers' },
  'co.uk': { tld: 'co.uk', type: 'CCTLD', description: 'UK based domain', noPrivacy: true },
  us: { tld: 'us', type: 'CCTLD', description: 'United States', noPrivacy: true },
  ca: { tld: 'ca', type: 'CCTLD', description: 'Canada', noPrivacy: true },
};

/** Added to the seeded TLD prices unless the seed sets its own list. */
export const NAMECHEAP_EXTRA_TLD_PRICES: Readonly<Record<string, TldPrice>> = {
  us: { register: '8.98', renew: '8.98', transfer: '8.98', restore: '80.00' },
  ca: { register: '11.98', renew: '11.98', transfer: '11.98', restore: '80.00' },
};

export function tldType(rule: TldRule): 'GTLD' | 'CCTLD' {
  return rule.type ?? (rule.tld.length === 2 || rule.tld.includes('.') ? 'CCTLD' : 'GTLD');
}
