/**
 * Django REST Framework style input validation: field errors are collected into a map of
 * `{ field: ["message"] }` (nested serializers nest, list items give a list of per-item maps) and
 * answered as 400. The messages are DRF's standard ones.
 */
import { isIP } from 'node:net';
import { EmulatorHttpError } from '../emulator/emulator-types.js';

export const MSG = {
  required: 'This field is required.',
  notNull: 'This field may not be null.',
  blank: 'This field may not be blank.',
  integer: 'A valid integer is required.',
  string: 'Not a valid string.',
  boolean: 'Must be a valid boolean.',
  ip: 'Enter a valid IPv4 or IPv6 address.',
  min: (n: number) => `Ensure this value is greater than or equal to ${n}.`,
  max: (n: number) => `Ensure this value is less than or equal to ${n}.`,
  maxLength: (n: number) => `Ensure this field has no more than ${n} characters.`,
  choice: (v: unknown) => `"${String(v)}" is not a valid choice.`,
  pk: (v: unknown) => `Invalid pk "${String(v)}" - object does not exist.`,
  list: (v: unknown) => `Expected a list of items but got type "${typeName(v)}".`,
  dict: (v: unknown) => `Invalid data. Expected a dictionary, but got ${typeName(v)}.`,
};

function typeName(v: unknown): string {
  if (v === null) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'dict';
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The request body as a dict: absent → `{}`; not an object → 400 non_field_errors. */
export function bodyObject(body: unknown): Json {
  if (body === undefined) return {};
  if (!isObject(body)) throw new EmulatorHttpError(400, { non_field_errors: [MSG.dict(body)] });
  return body;
}

/** Collects field errors; `throwIfAny` answers 400 with the map. */
export class FieldErrors {
  readonly errors: Record<string, unknown> = {};

  add(field: string, message: string | unknown): void {
    this.errors[field] = typeof message === 'string' ? [message] : message;
  }

  get empty(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  throwIfAny(): void {
    if (!this.empty) throw new EmulatorHttpError(400, this.errors);
  }
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: string): Result<T> => ({ ok: false, error });

/** DRF IntegerField: integers or integer strings; bounds inclusive. */
export function parseInteger(value: unknown, min?: number, max?: number): Result<number> {
  let n: number;
  if (typeof value === 'number' && Number.isInteger(value)) n = value;
  else if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) n = Number(value.trim());
  else return fail(MSG.integer);
  if (min !== undefined && n < min) return fail(MSG.min(min));
  if (max !== undefined && n > max) return fail(MSG.max(max));
  return ok(n);
}

/** DRF CharField: strings (numbers are coerced); blank refused unless allowed. */
export function parseString(value: unknown, maxLength?: number, allowBlank = false): Result<string> {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number') s = String(value);
  else return fail(MSG.string);
  s = s.trim();
  if (!allowBlank && s === '') return fail(MSG.blank);
  if (maxLength !== undefined && s.length > maxLength) return fail(MSG.maxLength(maxLength));
  return ok(s);
}

/** DRF BooleanField. */
export function parseBoolean(value: unknown): Result<boolean> {
  if (value === true || value === 'true' || value === 'True' || value === 1 || value === '1') return ok(true);
  if (value === false || value === 'false' || value === 'False' || value === 0 || value === '0')
    return ok(false);
  return fail(MSG.boolean);
}

export function parseIp(value: unknown): Result<string> {
  if (typeof value !== 'string' || isIP(value.trim()) === 0) return fail(MSG.ip);
  return ok(value.trim());
}

export interface FieldSpec<T> {
  parse: (value: unknown) => Result<T>;
  /** Default used on create when the field is absent; undefined = required. */
  default?: T;
  nullable?: boolean;
}

/**
 * Reads one field of `data` into `out` with DRF semantics. `partial` (PATCH) skips absent fields;
 * otherwise an absent field takes its default or is "required".
 */
export function readField<T>(
  data: Json,
  name: string,
  spec: FieldSpec<T>,
  errors: FieldErrors,
  partial: boolean,
): T | null | undefined {
  if (!Object.hasOwn(data, name)) {
    if (partial) return undefined;
    if (spec.default !== undefined) return spec.default;
    errors.add(name, MSG.required);
    return undefined;
  }
  const value = data[name];
  if (value === null) {
    if (spec.nullable) return null;
    errors.add(name, MSG.notNull);
    return undefined;
  }
  const result = spec.parse(value);
  if (!result.ok) {
    errors.add(name, result.error);
    return undefined;
  }
  return result.value;
}

export { fail, ok, type Result };
