/**
 * What `moveDomain` reports: every step with its outcome, the transfer when one was started, and
 * the state the move is in (DESIGN.md, "Moving a domain between providers").
 */
import type { RegistrarError } from '../errors/registrar-error.js';
import type { Transfer } from '../model/orders.js';

export const MOVE_STEPS = [
  'preflight',
  'price',
  'zone',
  'records',
  'nameservers',
  'unlock',
  'auth_code',
  'transfer',
] as const;
export type MoveStepName = (typeof MOVE_STEPS)[number];

export type MoveStepStatus = 'done' | 'skipped' | 'waiting' | 'failed';

export interface MoveStep {
  name: MoveStepName;
  status: MoveStepStatus;
  /** What was found or done, in a sentence. */
  detail: string;
  error?: RegistrarError;
}

export type MoveState = 'planned' | 'transfer_started' | 'waiting_for_auth_code' | 'refused' | 'failed';

export interface MoveReport {
  domain: string;
  steps: MoveStep[];
  transfer: Transfer | null;
  state: MoveState;
}
