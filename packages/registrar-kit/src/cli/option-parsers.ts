/**
 * What the command definitions need to read their flags: value parsers (a refused value is a usage
 * error, exit 2) and the choices of the flags that take one. Nothing here loads core or an adapter,
 * so `registrar-kit --help` answers without them (bench/RESULTS.md, "Cold start"); the choices are
 * checked against core's lists in option-parsers.test.ts.
 */
import type { PriceOperation, RecordType } from '@registrar-kit/core';
import { InvalidArgumentError } from 'commander';

/** core's RECORD_TYPES. */
export const RECORD_TYPE_CHOICES: readonly RecordType[] = [
  'A',
  'AAAA',
  'CNAME',
  'MX',
  'TXT',
  'SRV',
  'NS',
  'CAA',
  'ALIAS',
];

/** core's PRICE_OPERATIONS. */
export const PRICE_OPERATION_CHOICES: readonly PriceOperation[] = [
  'register',
  'renew',
  'transfer',
  'restore',
];

/** `--provider p` of the commands that work on one provider (default: REGISTRAR_PROVIDER). */
export interface ProviderOption {
  provider?: string;
}

export type ZoneFormat = 'bind' | 'json';
export const ZONE_FORMATS: readonly ZoneFormat[] = ['bind', 'json'];

/** `--ttl 300`, `--priority 10`: a whole number, 0 or more. */
export function nonNegativeInt(label: string): (value: string) => number {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected a whole number (${label})`);
    return Number(value);
  };
}

/** `compare --years 2`: 1 to 10. */
export function parseYears(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > 10) {
    throw new InvalidArgumentError('expected a whole number of years from 1 to 10');
  }
  return Number(value);
}

/** `portfolio --within 60`: days, 0 to 3650. */
export function parseWithin(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) > 3650)
    throw new InvalidArgumentError('expected a whole number of days from 0 to 3650');
  return Number(value);
}
