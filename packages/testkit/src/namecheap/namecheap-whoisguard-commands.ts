/**
 * The privacy commands (`namecheap.whoisguard.*`) the Registrar's `whoisPrivacy` needs: getList,
 * allot, enable, disable. They address a subscription by `WhoisguardID`, not by domain name. See
 * docs/providers/namecheap.md#privacy.
 */
import { type NamecheapCommand, page } from './namecheap-commands.js';
import { domainNameParam, ownedDomain } from './namecheap-domain-lookup.js';
import { missing, NamecheapError, NC } from './namecheap-errors.js';
import type { NamecheapParams } from './namecheap-params.js';
import type { NamecheapState, WhoisguardSubscription } from './namecheap-state.js';
import { element, usDate } from './namecheap-xml.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LIST_TYPES = new Set(['ALL', 'ALLOTED', 'FREE', 'DISCARD']);

function subscription(state: NamecheapState, params: NamecheapParams): WhoisguardSubscription {
  const id = params.int('WhoisguardID');
  if (id === undefined) throw missing('WhoisguardID');
  const found = Number.isNaN(id) ? undefined : state.whoisguards.get(id);
  if (!found) throw new NamecheapError(NC.WHOISGUARD_INVALID, 'WhoisGuard does not exist');
  return found;
}

function emailParam(params: NamecheapParams, required: boolean): string | undefined {
  const email = params.get('ForwardedToEmail');
  if (email === undefined && !required) return undefined;
  if (email === undefined || !EMAIL.test(email))
    throw new NamecheapError(NC.WHOISGUARD_EMAIL_INVALID, 'ForwardedToEmail is not valid');
  return email;
}

const getList: NamecheapCommand = {
  name: 'namecheap.whoisguard.getList',
  operation: 'listPrivacySubscriptions',
  run({ state, params }) {
    const listType = params.get('ListType')?.toUpperCase() ?? 'ALL';
    if (!LIST_TYPES.has(listType)) throw new NamecheapError(NC.LIST_TYPE_INVALID, 'ListType is invalid');
    const all = [...state.whoisguards.values()];
    const rows =
      listType === 'ALLOTED'
        ? all.filter((s) => s.domain !== null)
        : listType === 'FREE'
          ? all.filter((s) => s.domain === null)
          : listType === 'DISCARD'
            ? []
            : all;
    const paged = page(rows, params, { min: 2, max: 100, fallback: 20 });
    return {
      WhoisguardGetListResult: {
        Whoisguard: paged.rows.map((s) =>
          element({
            ID: s.id,
            DomainName: s.domain ?? '',
            Created: usDate(s.createdAt),
            Expires: s.expiresAt ? usDate(s.expiresAt) : '',
            Status: s.domain === null ? 'unused' : s.enabled ? 'ENABLED' : 'DISABLED',
          }),
        ),
      },
      Paging: paged.paging,
    };
  },
};

const allot: NamecheapCommand = {
  name: 'namecheap.whoisguard.allot',
  operation: 'allotPrivacy',
  run({ state, params }) {
    const found = subscription(state, params);
    const domain = ownedDomain(state, domainNameParam(params));
    if (found.domain !== null || domain.whoisguardId !== 0)
      throw new NamecheapError(NC.WHOISGUARD_INVALID, 'WhoisGuard is already attached');
    if (state.tldRule(domain.tld)?.noPrivacy)
      throw new NamecheapError(NC.TLD_INVALID, `WhoisGuard is not available for .${domain.tld}`);
    const email = emailParam(params, false) ?? domain.contacts.Registrant.EmailAddress;
    found.domain = domain.name;
    found.forwardedTo = email;
    found.enabled = params.bool('EnableWG', false);
    found.expiresAt = new Date(domain.expiresAt);
    domain.whoisguardId = found.id;
    return { WhoisguardAllotResult: element({ ID: found.id, DomainName: domain.name, IsSuccess: true }) };
  },
};

const enable: NamecheapCommand = {
  name: 'namecheap.whoisguard.enable',
  operation: 'enablePrivacy',
  run({ state, params }) {
    const found = subscription(state, params);
    const email = emailParam(params, true)!;
    if (found.domain === null)
      throw new NamecheapError(NC.WHOISGUARD_INVALID, 'WhoisGuard is not attached to a domain');
    if (found.enabled) throw new NamecheapError(NC.WHOISGUARD_INVALID, 'WhoisGuard is already enabled');
    found.enabled = true;
    found.forwardedTo = email;
    return { WhoisguardEnableResult: element({ DomainName: found.domain, IsSuccess: true }) };
  },
};

const disable: NamecheapCommand = {
  name: 'namecheap.whoisguard.disable',
  operation: 'disablePrivacy',
  run({ state, params }) {
    const found = subscription(state, params);
    if (found.domain === null)
      throw new NamecheapError(NC.WHOISGUARD_INVALID, 'WhoisGuard is not attached to a domain');
    if (!found.enabled) throw new NamecheapError(NC.WHOISGUARD_INVALID, 'WhoisGuard is already disabled');
    found.enabled = false;
    return { WhoisguardDisableResult: element({ DomainName: found.domain, IsSuccess: true }) };
  },
};

export const NAMECHEAP_WHOISGUARD_COMMANDS: readonly NamecheapCommand[] = [getList, allot, enable, disable];
