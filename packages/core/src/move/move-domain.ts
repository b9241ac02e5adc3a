/**
 * `moveDomain`: moves a domain from one registrar to another without its website going dark. DNS
 * first (the zone at the new DNS host, its records copied, optionally the delegation switched),
 * then the transfer (unlock, auth code, `transferDomain`). Every step reads the state it needs
 * before acting, so a re-run after a failure resumes without repeating what was done, and a dry
 * run makes reads only (DESIGN.md, "Moving a domain between providers").
 */

import { applyPlan } from '../dns-plan/apply-plan.js';
import { isEmptyPlan, planRecords, summarizePlan } from '../dns-plan/plan-records.js';
import { NotFoundError, ValidationError } from '../errors/error-classes.js';
import { isRegistrarError, type RegistrarError } from '../errors/registrar-error.js';
import { priceRefusal } from '../kit/money-guard.js';
import type { DnsRecord, DnsRecordInput } from '../model/dns-record.js';
import type { Domain } from '../model/domain.js';
import type { TransferInput } from '../model/inputs.js';
import { type Money, MoneySchema } from '../model/money.js';
import type { Zone } from '../model/zone.js';
import type { CallOptions, Registrar } from '../registrar.js';
import { toArray } from '../to-array.js';
import { normalizeDomainName } from '../validation/domain-name.js';
import { transferRefusal } from './move-preflight.js';
import type { MoveReport, MoveState, MoveStep, MoveStepName } from './move-report.js';

export interface MoveDomainOptions {
  /** The losing registrar (where the domain is now). */
  from: Registrar;
  /** The gaining registrar. */
  to: Registrar;
  domain: string;
  /** Where the DNS goes (default `to`); the zone is created there when missing. */
  dnsTo?: Registrar;
  /** Years added by the transfer, where the gaining registrar lets you choose. */
  years?: number;
  contacts?: TransferInput['contacts'];
  /** The auth code, when the losing registrar e-mailed it (resumes a move `waiting_for_auth_code`). */
  authCode?: string;
  /** Refuse when the gaining registrar's transfer price is above it (or in another currency). */
  maxPrice?: Money;
  /** Delegate the domain to the new DNS host's nameservers before the transfer. */
  switchNameservers?: boolean;
  /** Reads only: returns the plan and changes nothing. */
  dryRun?: boolean;
  signal?: AbortSignal;
  /** Called with each step as it completes. */
  onStep?: (step: MoveStep) => void;
  /** Refuse when the domain expires within this many days (default 14). */
  expiryWindowDays?: number;
  /** The clock (tests). */
  now?: () => Date;
}

const DEFAULT_EXPIRY_WINDOW_DAYS = 14;

/** A step's failure: ends the move with state `failed` (or `refused` when nothing was changed yet). */
class StepStop extends Error {
  constructor(
    readonly state: MoveState,
    readonly step: MoveStep,
  ) {
    super(step.detail);
  }
}

export async function moveDomain(options: MoveDomainOptions): Promise<MoveReport> {
  const args = checkArguments(options);
  const { from, to, dnsTo, domain, dryRun } = args;
  const call: CallOptions = options.signal ? { signal: options.signal } : {};
  const report: MoveReport = {
    domain,
    steps: [],
    transfer: null,
    state: dryRun ? 'planned' : 'transfer_started',
  };
  const record = (name: MoveStepName, status: MoveStep['status'], detail: string, error?: RegistrarError) => {
    const step: MoveStep = { name, status, detail, ...(error ? { error } : {}) };
    report.steps.push(step);
    options.onStep?.(step);
    return step;
  };
  const stop = (state: MoveState, name: MoveStepName, detail: string, error?: RegistrarError): never => {
    throw new StepStop(state, record(name, 'failed', detail, error));
  };
  /** Runs a provider call; a typed failure stops the move with that step's error. */
  const attempt = async <T>(name: MoveStepName, state: MoveState, what: string, run: () => Promise<T>) => {
    try {
      return await run();
    } catch (error) {
      if (!isRegistrarError(error)) throw error;
      return stop(state, name, `${what}: ${error.message}`, error);
    }
  };

  try {
    // Resume: a transfer already under way (or done) at the gaining registrar is never started again.
    const atGaining = await findDomain(to, domain, call);
    if (atGaining && atGaining.status !== 'hosted') {
      record('preflight', 'skipped', `${domain} is already at ${to.provider} (${atGaining.status})`);
      record('transfer', 'done', `the transfer to ${to.provider} was started before (${atGaining.status})`);
      report.state = 'transfer_started';
      return report;
    }

    // 1. Preflight at the losing registrar: nothing changes if the registry would refuse.
    const current = await attempt('preflight', 'refused', `reading ${domain} at ${from.provider}`, () =>
      from.getDomain(domain, call),
    );
    const refusal = transferRefusal(current, { now: args.now(), expiryWindowDays: args.expiryWindowDays });
    if (refusal) stop('refused', 'preflight', refusal);
    record('preflight', 'done', `${domain} is ${current.status} at ${from.provider}, transferable`);

    // 2. The price at the gaining registrar, against maxPrice.
    await priceStep(options, to, domain, current, call, record, stop);

    // 3. The zone at the new DNS host, and 4. its records.
    const zone = dnsTo === from ? null : await zoneStep(dnsTo, domain, dryRun, call, record, attempt);
    const copied =
      dnsTo === from ? true : await recordsStep(from, dnsTo, domain, zone, dryRun, call, record, attempt);

    // 5. The delegation, when asked: only once the records are there.
    if (options.switchNameservers) {
      if (!copied)
        stop('failed', 'nameservers', 'the records were not copied: the delegation is left unchanged');
      await nameserverStep(from, current, zone, dryRun, call, record, stop, attempt);
    }

    // 6. Unlock at the losing registrar.
    await unlockStep(from, current, dryRun, call, record, attempt);

    // 7. The auth code.
    const authCode = await authCodeStep(options, from, domain, dryRun, call, record, stop, attempt);
    if (authCode === null) {
      report.state = dryRun ? 'planned' : 'waiting_for_auth_code';
      if (dryRun) record('transfer', 'skipped', `dry run: would start the transfer at ${to.provider}`);
      return report;
    }

    // 8. The transfer.
    if (dryRun) {
      record('transfer', 'skipped', `dry run: would start the transfer at ${to.provider}`);
      report.state = 'planned';
      return report;
    }
    const transfer = await attempt('transfer', 'failed', `starting the transfer at ${to.provider}`, () =>
      to.transferDomain(
        {
          domain,
          authCode,
          ...(options.years !== undefined ? { years: options.years } : {}),
          ...(options.contacts ? { contacts: options.contacts } : {}),
          // The price can change between the quote and the order: the adapter checks it again.
          ...(options.maxPrice ? { maxPrice: options.maxPrice } : {}),
        },
        call,
      ),
    );
    report.transfer = transfer;
    record('transfer', 'done', `transfer ${transfer.id} started at ${to.provider} (${transfer.status})`);
    report.state = 'transfer_started';
    return report;
  } catch (error) {
    if (!(error instanceof StepStop)) throw error;
    report.state = error.state;
    return report;
  }
}

type Record_ = (
  name: MoveStepName,
  status: MoveStep['status'],
  detail: string,
  error?: RegistrarError,
) => MoveStep;
type Stop = (state: MoveState, name: MoveStepName, detail: string, error?: RegistrarError) => never;
type Attempt = <T>(name: MoveStepName, state: MoveState, what: string, run: () => Promise<T>) => Promise<T>;

interface CheckedArguments {
  from: Registrar;
  to: Registrar;
  dnsTo: Registrar;
  domain: string;
  dryRun: boolean;
  expiryWindowDays: number;
  now: () => Date;
}

function checkArguments(options: MoveDomainOptions): CheckedArguments {
  const invalid = (path: string, message: string) =>
    new ValidationError(`moveDomain: ${path}: ${message}`, {
      operation: 'moveDomain',
      issues: [{ path, message }],
    });
  if (!options || typeof options !== 'object') throw invalid('', 'expected the move options');
  for (const key of ['from', 'to'] as const) {
    const registrar = options[key];
    if (!registrar || typeof registrar.getDomain !== 'function') throw invalid(key, 'expected a Registrar');
  }
  if (options.from === options.to) throw invalid('to', 'the gaining registrar is the losing one');
  if (!options.to.supports('transferDomain'))
    throw invalid('to', `${options.to.provider} cannot take transfers (transferDomain is not supported)`);
  if (options.dnsTo && typeof options.dnsTo.createRecord !== 'function')
    throw invalid('dnsTo', 'expected a Registrar');
  if (options.maxPrice !== undefined && !MoneySchema.safeParse(options.maxPrice).success)
    throw invalid('maxPrice', 'expected Money such as { amount: "20.00", currency: "USD" }');
  if (options.maxPrice?.amount.startsWith('-')) throw invalid('maxPrice', 'must not be negative');
  if (options.authCode !== undefined && (typeof options.authCode !== 'string' || options.authCode === ''))
    throw invalid('authCode', 'expected a non-empty string');
  const windowDays = options.expiryWindowDays ?? DEFAULT_EXPIRY_WINDOW_DAYS;
  if (!Number.isFinite(windowDays) || windowDays < 0)
    throw invalid('expiryWindowDays', 'expected a number of days ≥ 0');
  let domain: string;
  try {
    domain = normalizeDomainName(options.domain);
  } catch (error) {
    if (error instanceof ValidationError) throw invalid('domain', error.message);
    throw error;
  }
  return {
    from: options.from,
    to: options.to,
    dnsTo: options.dnsTo ?? options.to,
    domain,
    dryRun: options.dryRun === true,
    expiryWindowDays: windowDays,
    now: options.now ?? (() => new Date()),
  };
}

/** The domain at a registrar, or null when it is not there (or the registrar cannot say). */
async function findDomain(registrar: Registrar, domain: string, call: CallOptions): Promise<Domain | null> {
  if (!registrar.supports('getDomain')) return null;
  try {
    return await registrar.getDomain(domain, call);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

async function priceStep(
  options: MoveDomainOptions,
  to: Registrar,
  domain: string,
  current: Domain,
  call: CallOptions,
  record: Record_,
  stop: Stop,
): Promise<void> {
  if (!to.supports('getPrice')) {
    record('price', 'skipped', `${to.provider} quotes no prices; transferDomain checks maxPrice itself`);
    return;
  }
  try {
    const quote = await to.getPrice(domain, {
      operation: 'transfer',
      ...(options.years !== undefined ? { years: options.years } : {}),
      ...call,
    });
    const refusal = priceRefusal(quote.price, options.maxPrice, 'the transfer');
    if (refusal) stop('refused', 'price', refusal);
    record(
      'price',
      'done',
      `the transfer costs ${quote.price.amount} ${quote.price.currency} at ${to.provider}`,
    );
  } catch (error) {
    if (!isRegistrarError(error)) throw error;
    // Some registrars quote a transfer only for a name that is unlocked (Glauca's check_transfer):
    // the unlock comes later, and transferDomain applies maxPrice before anything is charged.
    if (options.maxPrice && current.transferLock === true) {
      record(
        'price',
        'skipped',
        `no transfer price from ${to.provider} while the domain is locked at ${current.provider} (${error.message}); transferDomain checks maxPrice once it is unlocked, before anything is charged`,
      );
      return;
    }
    if (options.maxPrice)
      stop(
        'refused',
        'price',
        `no transfer price from ${to.provider} to check maxPrice against: ${error.message}`,
        error,
      );
    record('price', 'skipped', `no transfer price from ${to.provider}: ${error.message}`);
  }
}

async function zoneStep(
  dnsTo: Registrar,
  domain: string,
  dryRun: boolean,
  call: CallOptions,
  record: Record_,
  attempt: Attempt,
): Promise<Zone | null> {
  let zone: Zone | null = null;
  if (dnsTo.supports('getZone')) {
    try {
      zone = await dnsTo.getZone(domain, call);
    } catch (error) {
      if (!(error instanceof NotFoundError)) {
        if (!isRegistrarError(error)) throw error;
        return attempt('zone', 'failed', `reading the zone at ${dnsTo.provider}`, () =>
          Promise.reject(error),
        );
      }
    }
  }
  if (zone) {
    record('zone', 'done', `the zone exists at ${dnsTo.provider}`);
    return zone;
  }
  if (!dnsTo.supports('createZone')) {
    record('zone', 'skipped', `${dnsTo.provider} manages zones itself`);
    return null;
  }
  if (dryRun) {
    record('zone', 'skipped', `dry run: would create the zone at ${dnsTo.provider}`);
    return null;
  }
  const created = await attempt('zone', 'failed', `creating the zone at ${dnsTo.provider}`, () =>
    dnsTo.createZone(domain, call),
  );
  record('zone', 'done', `created the zone at ${dnsTo.provider}`);
  return created;
}

/** Copies the records; true when the new DNS host serves (or, in a dry run, would serve) the same records. */
async function recordsStep(
  from: Registrar,
  dnsTo: Registrar,
  domain: string,
  zone: Zone | null,
  dryRun: boolean,
  call: CallOptions,
  record: Record_,
  attempt: Attempt,
): Promise<boolean> {
  if (!from.supports('listRecords')) {
    record('records', 'skipped', `${from.provider} has no records API: copy the records yourself`);
    return false;
  }
  const source = await attempt('records', 'failed', `listing the records at ${from.provider}`, () =>
    toArray(from.listRecords(domain, call)),
  );
  const desired = source.filter((r) => !(r.type === 'NS' && r.name === '@')).map(toInput);
  const current: DnsRecord[] =
    zone === null && dryRun
      ? []
      : await attempt('records', 'failed', `listing the records at ${dnsTo.provider}`, () =>
          toArray(dnsTo.listRecords(domain, call)),
        );
  const plan = planRecords(current, desired, { zone: domain });
  const { creates, updates } = summarizePlan(plan);
  if (isEmptyPlan(plan)) {
    record('records', 'done', `the ${desired.length} records are already at ${dnsTo.provider}`);
    return true;
  }
  if (dryRun) {
    record(
      'records',
      'skipped',
      `dry run: would create ${creates} and update ${updates} records at ${dnsTo.provider}`,
    );
    return true;
  }
  const applied = await attempt('records', 'failed', `copying the records to ${dnsTo.provider}`, () =>
    applyPlan(dnsTo, domain, plan, call.signal ? { signal: call.signal } : {}),
  );
  const failure = applied.failures[0];
  if (failure) {
    return attempt('records', 'failed', `copying the records to ${dnsTo.provider}`, () =>
      Promise.reject(failure.error),
    );
  }
  record('records', 'done', `copied ${creates} new and ${updates} changed records to ${dnsTo.provider}`);
  return true;
}

function toInput(record: DnsRecord): DnsRecordInput {
  return {
    type: record.type,
    name: record.name,
    content: record.content,
    ttl: record.ttl,
    ...(record.priority !== null ? { priority: record.priority } : {}),
  };
}

async function nameserverStep(
  from: Registrar,
  current: Domain,
  zone: Zone | null,
  dryRun: boolean,
  call: CallOptions,
  record: Record_,
  stop: Stop,
  attempt: Attempt,
): Promise<void> {
  const wanted = zone?.nameservers ?? null;
  if (!wanted || wanted.length === 0) {
    if (dryRun)
      return void record('nameservers', 'skipped', 'dry run: would delegate to the new zone’s nameservers');
    stop('failed', 'nameservers', 'the new DNS host gives no nameservers to delegate to');
  }
  const target = [...(wanted as string[])].map((ns) => ns.toLowerCase()).sort();
  const now = (current.nameservers ?? []).map((ns) => ns.toLowerCase()).sort();
  if (now.join(' ') === target.join(' ')) {
    record('nameservers', 'done', `already delegated to ${target.join(', ')}`);
    return;
  }
  if (dryRun) {
    record('nameservers', 'skipped', `dry run: would delegate to ${target.join(', ')}`);
    return;
  }
  await attempt('nameservers', 'failed', `changing the nameservers at ${from.provider}`, () =>
    from.updateDomain(current.name, { nameservers: target }, call),
  );
  record('nameservers', 'done', `delegated to ${target.join(', ')}`);
}

async function unlockStep(
  from: Registrar,
  current: Domain,
  dryRun: boolean,
  call: CallOptions,
  record: Record_,
  attempt: Attempt,
): Promise<void> {
  if (current.transferLock === false) {
    record('unlock', 'done', 'the transfer lock is off');
    return;
  }
  if (current.transferLock === null) {
    record('unlock', 'skipped', `${from.provider} does not report a transfer lock`);
    return;
  }
  if (dryRun) {
    record('unlock', 'skipped', `dry run: would turn the transfer lock off at ${from.provider}`);
    return;
  }
  await attempt('unlock', 'failed', `turning the transfer lock off at ${from.provider}`, () =>
    from.updateDomain(current.name, { transferLock: false }, call),
  );
  record('unlock', 'done', `turned the transfer lock off at ${from.provider}`);
}

/** The auth code, or null when the move must wait for it (e-mailed) or this is a dry run. */
async function authCodeStep(
  options: MoveDomainOptions,
  from: Registrar,
  domain: string,
  dryRun: boolean,
  call: CallOptions,
  record: Record_,
  stop: Stop,
  attempt: Attempt,
): Promise<string | null> {
  if (options.authCode) {
    record('auth_code', 'done', 'the auth code was given');
    return options.authCode;
  }
  if (!from.supports('getAuthCode')) {
    stop('failed', 'auth_code', `${from.provider} gives no auth code through its API: pass authCode`);
  }
  if (dryRun) {
    // Asking for the code can e-mail the registrant or unlock the domain: not a read.
    record('auth_code', 'skipped', `dry run: would ask ${from.provider} for the auth code`);
    return null;
  }
  const code = await attempt('auth_code', 'failed', `asking ${from.provider} for the auth code`, () =>
    from.getAuthCode(domain, call),
  );
  if (code.delivery === 'emailed') {
    record(
      'auth_code',
      'waiting',
      `${from.provider} e-mailed the auth code to the registrant: run again with authCode`,
    );
    return null;
  }
  if (!code.authCode)
    stop(
      'failed',
      'auth_code',
      `${from.provider} holds no auth code for ${domain}: set one there, or pass authCode`,
    );
  record('auth_code', 'done', `${from.provider} returned the auth code`);
  return code.authCode as string;
}
