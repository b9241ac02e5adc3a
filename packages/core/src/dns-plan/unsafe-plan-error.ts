import { RegistrarError, type RegistrarErrorOptions } from '../errors/registrar-error.js';

export interface UnsafePlanDetails {
  /** How many records the plan deletes. */
  deletes: number;
  /** How many records the zone holds before the plan. */
  zoneSize: number;
  /** The largest share of the zone a plan may delete without `force`. */
  maxDeletesRatio: number;
}

/**
 * `applyPlan` refused a plan that deletes more of the zone than the safety threshold allows.
 * Nothing was changed. Look at the plan, then pass `force: true` to apply it anyway.
 */
export class UnsafePlanError extends RegistrarError {
  static override readonly errorName: string = 'UnsafePlanError';
  static override readonly defaultCode = 'unsafe_plan';
  readonly deletes: number;
  readonly zoneSize: number;
  readonly maxDeletesRatio: number;

  constructor(message: string, details: UnsafePlanDetails, options: RegistrarErrorOptions = {}) {
    super(message, { operation: 'applyPlan', ...options });
    this.deletes = details.deletes;
    this.zoneSize = details.zoneSize;
    this.maxDeletesRatio = details.maxDeletesRatio;
  }

  protected override extraJSON(): Record<string, unknown> {
    return { deletes: this.deletes, zoneSize: this.zoneSize, maxDeletesRatio: this.maxDeletesRatio };
  }
}
