/**
 * Validation of a domain PUT/PATCH body (docs/providers/glauca.md#domains): contacts, `name_servers`
 * (each entry with all three keys), `sec_dns` (all three keys; exactly one of `ds_data` / `key_data`),
 * `block_transfer`, `regen_auth_code`. Read-only fields in the body are ignored, as DRF does.
 */
import type {
  GlaucaDsData,
  GlaucaKeyData,
  GlaucaNameServer,
  GlaucaSecDns,
  GlaucaState,
} from './glauca-state.js';
import {
  FieldErrors,
  isObject,
  type Json,
  MSG,
  parseBoolean,
  parseInteger,
  parseIp,
  parseString,
  readField,
} from './glauca-validation.js';

export interface DomainInput {
  registrant?: string;
  adminContact?: string | null;
  billingContact?: string | null;
  techContact?: string | null;
  nameServers?: GlaucaNameServer[];
  secDns?: GlaucaSecDns | null;
  blockTransfer?: boolean;
  regenAuthCode?: boolean;
}

type Errors = Record<string, unknown>;

function contactField(
  state: GlaucaState,
  value: unknown,
): { ok: true; value: string } | { ok: false; error: string } {
  if (typeof value !== 'string' || !state.contacts.has(value)) return { ok: false, error: MSG.pk(value) };
  return { ok: true, value };
}

function readNameServers(raw: unknown): { value?: GlaucaNameServer[]; error?: unknown } {
  if (!Array.isArray(raw)) return { error: [MSG.list(raw)] };
  const value: GlaucaNameServer[] = [];
  const itemErrors: Errors[] = [];
  let failed = false;
  for (const item of raw) {
    const errors: Errors = {};
    if (!isObject(item)) {
      itemErrors.push({ non_field_errors: [MSG.dict(item)] });
      failed = true;
      continue;
    }
    const entry: GlaucaNameServer = { host_object: null, host_name: null, addresses: null };
    for (const key of ['host_object', 'host_name'] as const) {
      if (!Object.hasOwn(item, key)) errors[key] = [MSG.required];
      else if (item[key] !== null) {
        const parsed = parseString(item[key], 255);
        if (parsed.ok) entry[key] = parsed.value.toLowerCase().replace(/\.$/, '');
        else errors[key] = [parsed.error];
      }
    }
    if (!Object.hasOwn(item, 'addresses')) errors.addresses = [MSG.required];
    else if (item.addresses !== null) {
      if (!Array.isArray(item.addresses)) errors.addresses = [MSG.list(item.addresses)];
      else {
        const addresses: string[] = [];
        const bad: Record<string, string[]> = {};
        item.addresses.forEach((address, i) => {
          const parsed = parseIp(address);
          if (parsed.ok) addresses.push(parsed.value);
          else bad[String(i)] = [parsed.error];
        });
        if (Object.keys(bad).length > 0) errors.addresses = bad;
        else entry.addresses = addresses;
      }
    }
    itemErrors.push(errors);
    if (Object.keys(errors).length > 0) failed = true;
    value.push(entry);
  }
  return failed ? { error: itemErrors } : { value };
}

const INT_FIELDS_KEY = ['flags', 'protocol', 'algorithm'] as const;

function readKeyData(item: unknown): { value?: GlaucaKeyData; error?: Errors } {
  if (!isObject(item)) return { error: { non_field_errors: [MSG.dict(item)] } };
  const errors: Errors = {};
  const out: Partial<GlaucaKeyData> = {};
  for (const key of INT_FIELDS_KEY) {
    if (!Object.hasOwn(item, key)) errors[key] = [MSG.required];
    else {
      const parsed = parseInteger(item[key], 0, 65535);
      if (parsed.ok) out[key] = parsed.value;
      else errors[key] = [parsed.error];
    }
  }
  if (!Object.hasOwn(item, 'public_key')) errors.public_key = [MSG.required];
  else {
    const parsed = parseString(item.public_key, 255);
    if (parsed.ok) out.public_key = parsed.value;
    else errors.public_key = [parsed.error];
  }
  return Object.keys(errors).length > 0 ? { error: errors } : { value: out as GlaucaKeyData };
}

function readDsData(item: unknown): { value?: GlaucaDsData; error?: Errors } {
  if (!isObject(item)) return { error: { non_field_errors: [MSG.dict(item)] } };
  const errors: Errors = {};
  const out: Partial<GlaucaDsData> = {};
  for (const key of ['key_tag', 'algorithm', 'digest_type'] as const) {
    if (!Object.hasOwn(item, key)) errors[key] = [MSG.required];
    else {
      const parsed = parseInteger(item[key], 0, 65535);
      if (parsed.ok) out[key] = parsed.value;
      else errors[key] = [parsed.error];
    }
  }
  if (!Object.hasOwn(item, 'digest')) errors.digest = [MSG.required];
  else {
    const parsed = parseString(item.digest, 255);
    if (parsed.ok) out.digest = parsed.value;
    else errors.digest = [parsed.error];
  }
  if (!Object.hasOwn(item, 'key_data')) errors.key_data = [MSG.required];
  else if (item.key_data === null) out.key_data = null;
  else {
    const key = readKeyData(item.key_data);
    if (key.error) errors.key_data = key.error;
    else out.key_data = key.value!;
  }
  return Object.keys(errors).length > 0 ? { error: errors } : { value: out as GlaucaDsData };
}

function readList<T>(
  raw: unknown,
  read: (item: unknown) => { value?: T; error?: Errors },
): { value?: T[]; error?: unknown } {
  if (!Array.isArray(raw)) return { error: [MSG.list(raw)] };
  const values: T[] = [];
  const errors: Errors[] = [];
  let failed = false;
  for (const item of raw) {
    const parsed = read(item);
    errors.push(parsed.error ?? {});
    if (parsed.error) failed = true;
    else values.push(parsed.value!);
  }
  return failed ? { error: errors } : { value: values };
}

/** DRF DurationField: `"D HH:MM:SS"` (output form) or an ISO-8601 `PnD` / `PTnS` duration. */
function readDuration(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  if (/^\d+ \d{2}:\d{2}:\d{2}$/.test(raw)) return raw;
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(raw);
  if (!iso || raw === 'P' || raw.endsWith('T')) return null;
  const total =
    Number(iso[1] ?? 0) * 86400 + Number(iso[2] ?? 0) * 3600 + Number(iso[3] ?? 0) * 60 + Number(iso[4] ?? 0);
  const days = Math.floor(total / 86400);
  const rest = total % 86400;
  const hh = String(Math.floor(rest / 3600)).padStart(2, '0');
  const mm = String(Math.floor((rest % 3600) / 60)).padStart(2, '0');
  const ss = String(rest % 60).padStart(2, '0');
  return `${days} ${hh}:${mm}:${ss}`;
}

function readSecDns(raw: unknown): { value?: GlaucaSecDns; error?: unknown } {
  if (!isObject(raw)) return { error: { non_field_errors: [MSG.dict(raw)] } };
  const errors: Errors = {};
  const out: GlaucaSecDns = { max_sig_life: null, ds_data: null, key_data: null };
  for (const key of ['max_sig_life', 'ds_data', 'key_data'] as const) {
    if (!Object.hasOwn(raw, key)) errors[key] = [MSG.required];
  }
  if (raw.max_sig_life !== undefined && raw.max_sig_life !== null) {
    const duration = readDuration(raw.max_sig_life);
    if (duration === null) {
      errors.max_sig_life = [
        'Duration has wrong format. Use one of these formats instead: [DD] [HH:[MM:]]ss[.uuuuuu].',
      ];
    } else out.max_sig_life = duration;
  }
  if (raw.ds_data !== undefined && raw.ds_data !== null) {
    const ds = readList(raw.ds_data, readDsData);
    if (ds.error) errors.ds_data = ds.error;
    else out.ds_data = ds.value!;
  }
  if (raw.key_data !== undefined && raw.key_data !== null) {
    const keys = readList(raw.key_data, readKeyData);
    if (keys.error) errors.key_data = keys.error;
    else out.key_data = keys.value!;
  }
  if (Object.keys(errors).length > 0) return { error: errors };
  const hasDs = (out.ds_data?.length ?? 0) > 0;
  const hasKeys = (out.key_data?.length ?? 0) > 0;
  if (hasDs && hasKeys) return { error: { non_field_errors: ["can't set both ds_data and key_data"] } };
  if (!hasDs && !hasKeys) return { error: { non_field_errors: ['must set one of ds_data or key_data'] } };
  return { value: out };
}

/** Parses a PUT (`partial` false: every writable field required) or PATCH body; 400 on errors. */
export function readDomainInput(state: GlaucaState, data: Json, partial: boolean): DomainInput {
  const errors = new FieldErrors();
  const input: DomainInput = {};
  const contact = { parse: (v: unknown) => contactField(state, v) };

  const registrant = readField(data, 'registrant', contact, errors, partial);
  if (typeof registrant === 'string') input.registrant = registrant;
  const admin = readField(data, 'admin_contact', { ...contact, nullable: true }, errors, partial);
  if (admin !== undefined) input.adminContact = admin;
  const billing = readField(data, 'billing_contact', { ...contact, nullable: true }, errors, partial);
  if (billing !== undefined) input.billingContact = billing;
  const tech = readField(data, 'tech_contact', { ...contact, nullable: true }, errors, partial);
  if (tech !== undefined) input.techContact = tech;

  if (!Object.hasOwn(data, 'name_servers')) {
    if (!partial) errors.add('name_servers', MSG.required);
  } else if (data.name_servers === null) errors.add('name_servers', MSG.notNull);
  else {
    const ns = readNameServers(data.name_servers);
    if (ns.error) errors.add('name_servers', ns.error);
    else input.nameServers = ns.value!;
  }

  if (!Object.hasOwn(data, 'sec_dns')) {
    if (!partial) errors.add('sec_dns', MSG.required);
  } else if (data.sec_dns === null) input.secDns = null;
  else {
    const sec = readSecDns(data.sec_dns);
    if (sec.error) errors.add('sec_dns', sec.error);
    else input.secDns = sec.value!;
  }

  const block = readField(data, 'block_transfer', { parse: parseBoolean }, errors, partial);
  if (typeof block === 'boolean') input.blockTransfer = block;
  const regen = readField(data, 'regen_auth_code', { parse: parseBoolean }, errors, true);
  if (typeof regen === 'boolean') input.regenAuthCode = regen;

  errors.throwIfAny();
  return input;
}
