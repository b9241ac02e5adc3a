/**
 * A loopback emulator of the PocketDNS Partner API, written from PocketDNS's documentation
 * (seeds/pocketdns-domains-api.txt, seeds/pocketdns-dns-records-api.txt, api-notes/pocketdns.md).
 * Production and sandbox hosts are one server here; every path is under `/api/v1/`.
 */

import { startEmulatorServer } from '../emulator/emulator-server.js';
import type {
  CommonEmulatorOptions,
  EmulatorApp,
  EmulatorRequest,
  RateLimitBucket,
  RunningEmulator,
} from '../emulator/emulator-types.js';
import { resolveSeed, seedInfoOf } from '../emulator/seed-data.js';
import type { TransferRegistry } from '../emulator/transfer-registry.js';
import { pocketDnsDnsRoutes } from './pocketdns-dns-routes.js';
import { pocketDnsDomainRoutes } from './pocketdns-domain-routes.js';
import { pocketDnsErrorBody } from './pocketdns-errors.js';
import { pocketDnsHostile } from './pocketdns-hostile.js';
import { POCKETDNS_REGISTRAR_ID, PocketDnsState } from './pocketdns-state.js';
import { pocketDnsUserRoutes } from './pocketdns-user-routes.js';
import type { RecordForms } from './pocketdns-validation.js';

export const POCKETDNS_TEST_API_KEY = 'pocketdns-test-key';
export const POCKETDNS_DEFAULT_USER = 'user_123';
/** Auth codes with which a transfer ends `failed` (default). */
export const POCKETDNS_REJECTED_AUTH_CODES = ['invalid-auth-code'];

export interface PocketDnsEmulatorOptions extends CommonEmulatorOptions {
  /** The accepted Bearer key (default `pocketdns-test-key`). */
  apiKey?: string;
  /** The partner user who owns the seeded domains (default `user_123`). */
  userIdentifier?: string;
  /** Clock for timestamps written by requests (`renewed_at`, `created_at` …). Default: the wall clock. */
  now?: () => Date;
  /** Auth codes with which a transfer ends `failed` (default `['invalid-auth-code']`). */
  rejectedAuthCodes?: string[];
  /**
   * `on-read` (default): each `GET /domains/transfers/{id}` moves a transfer one step,
   * pending → in_progress → completed (or failed). `manual`: only `state.setTransferStatus`.
   */
  transferAdvance?: 'on-read' | 'manual';
  /**
   * `lenient` (default): SRV as four-part content or as `weight port target` + `priority`; a TXT
   * value written as quoted strings is checked string by string. `seed`: only what the seed page
   * shows — SRV as four-part content (`"10 60 5060 sip.example.com"`), TXT as one string of at most
   * 255 characters (quotes are part of the value). Content is stored and returned verbatim in both.
   */
  recordForms?: RecordForms;
  /**
   * A registry shared with other emulators (emulator/transfer-registry.ts): a transfer in of a name
   * another emulator holds ends `failed` when the registry refuses the auth code or a lock applies,
   * and `completed` moves the name (the losing emulator releases it). PocketDNS publishes no way to
   * read or set an auth code or a transfer lock, so a name it holds shows no auth code and cannot be
   * transferred away through the registry.
   */
  registry?: TransferRegistry;
}

const MINUTE = 60_000;

/** The documented buckets ("Rate Limits" of both seed pages), one per line of the docs. */
export const POCKETDNS_BUCKETS: Readonly<Record<string, RateLimitBucket>> = {
  domainRetrieval: { limit: 1000, intervalMs: MINUTE },
  domainUpdates: { limit: 60, intervalMs: MINUTE },
  domainTransfers: { limit: 10, intervalMs: MINUTE },
  availability: { limit: 500, intervalMs: MINUTE },
  recordRetrieval: { limit: 1000, intervalMs: MINUTE },
  recordCreation: { limit: 300, intervalMs: MINUTE },
  recordUpdates: { limit: 300, intervalMs: MINUTE },
  recordDeletion: { limit: 300, intervalMs: MINUTE },
  bulkOperations: { limit: 60, intervalMs: MINUTE },
};

export function createPocketDnsApp(options: PocketDnsEmulatorOptions = {}): EmulatorApp<PocketDnsState> {
  const apiKey = options.apiKey ?? POCKETDNS_TEST_API_KEY;
  const seed = resolveSeed(options.seed);
  const state = new PocketDnsState(seed, {
    userIdentifier: options.userIdentifier ?? POCKETDNS_DEFAULT_USER,
    now: options.now ?? (() => new Date()),
    rejectedAuthCodes: options.rejectedAuthCodes ?? POCKETDNS_REJECTED_AUTH_CODES,
    transferAdvance: options.transferAdvance ?? 'on-read',
    recordForms: options.recordForms ?? 'lenient',
    registry: options.registry,
  });
  options.registry?.attach(POCKETDNS_REGISTRAR_ID, {
    lookup: (name) => {
      const domain = state.domainByName(name);
      if (!domain) return undefined;
      return {
        authCode: null,
        clientTransferProhibited: false,
        createdAt: domain.purchasedAt,
        lastTransferredAt: null,
      };
    },
    release: (name) => state.removeDomain(name),
  });
  const seedInfo = seedInfoOf(seed, state.currency, { apiKey });
  return {
    name: 'pocketdns',
    state,
    routes: [...pocketDnsUserRoutes(state), ...pocketDnsDomainRoutes(state), ...pocketDnsDnsRoutes(state)],
    buckets: { ...POCKETDNS_BUCKETS },
    authenticate(req: EmulatorRequest) {
      // "Authorization: Bearer <API key>" on every request; missing or invalid → 401 unauthorized.
      const header = req.headers.authorization;
      const match = typeof header === 'string' ? /^Bearer (.+)$/.exec(header) : null;
      if (match?.[1] === apiKey) return null;
      return { status: 401, body: pocketDnsErrorBody(401, 'Invalid or missing API key') };
    },
    errorBody: (status, message) => pocketDnsErrorBody(status, message),
    ledger: state.ledger,
    seedInfo,
    hostile: pocketDnsHostile,
  };
}

/** Starts the PocketDNS emulator on 127.0.0.1 (a free port unless `port` is given). */
export function startPocketDnsEmulator(
  options: PocketDnsEmulatorOptions = {},
): Promise<RunningEmulator<PocketDnsState>> {
  return startEmulatorServer(createPocketDnsApp(options), options);
}
