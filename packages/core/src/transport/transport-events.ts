/** What the transport reports through `onEvent`. Never holds headers, query strings or bodies. */
export type TransportEvent =
  | ({ type: 'request' } & EventBase)
  | ({ type: 'response'; status: number; durationMs: number } & EventBase)
  | ({ type: 'retry'; delayMs: number; reason: string } & EventBase)
  | ({ type: 'rate-limit'; waitMs: number; reason: 'retry-after' | 'remaining-quota' | 'bucket' } & EventBase)
  | ({ type: 'error'; errorName: string; code: string; status?: number; durationMs: number } & EventBase);

export interface EventBase {
  provider: string;
  operation: string;
  method: string;
  /** URL path, without the query string. */
  path: string;
  attempt: number;
}

export type EventListener = (event: TransportEvent) => void;
