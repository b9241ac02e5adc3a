/**
 * A shared stand-in for the domain registry (the party behind EPP that both registrars talk to), so
 * that a domain can move between two emulators: the losing emulator holds the domain, its auth code
 * and its transfer lock; the gaining emulator asks the registry whether a transfer request with a
 * given code is acceptable, and tells it when the transfer completes, which releases the domain at
 * the losing emulator.
 *
 * The refusals follow the registry rules of ICANN's Transfer Policy
 * (https://www.icann.org/resources/pages/transfer-policy-2016-06-01-en): a wrong auth code, a
 * `clientTransferProhibited` (registrar lock) or `serverTransferProhibited` (registry lock) status,
 * a transfer already pending, and the 60-day lock after a registration or a transfer. The number of
 * days and the clock are options, so a test can move "now" instead of waiting.
 *
 * Pass the same `TransferRegistry` as the `registry` option of two emulators (DNSimple, Glauca and
 * PocketDNS accept it; PocketDNS only as the gaining side, since it publishes no auth code). Without
 * a registry every emulator behaves as before: names registered elsewhere come from the seed.
 */

/** What the sponsoring (losing) registrar knows about a name it holds. */
export interface RegistryDomainView {
  /** The current auth code (EPP authInfo), or null when none was ever issued. */
  authCode: string | null;
  /** Registrar lock (`clientTransferProhibited`). */
  clientTransferProhibited: boolean;
  /** Registry lock as the sponsor shows it (`serverTransferProhibited`); the registry's own set counts too. */
  serverTransferProhibited?: boolean;
  /** Another transfer of the name is pending. */
  pendingTransfer?: boolean;
  createdAt: Date | null;
  lastTransferredAt: Date | null;
}

/** An emulator attached to the registry as a registrar. */
export interface RegistrySponsor {
  /** The name's state when this registrar sponsors it, else undefined. */
  lookup(name: string): RegistryDomainView | undefined;
  /** The name has been transferred away: the registrar drops it (or keeps it as DNS hosting only). */
  release(name: string): void;
}

export type TransferRefusal =
  | 'not_registered'
  | 'same_registrar'
  | 'invalid_auth_code'
  | 'client_transfer_prohibited'
  | 'server_transfer_prohibited'
  | 'pending_transfer'
  | 'transfer_lock_period';

export interface TransferRegistryOptions {
  /** Days after a registration or a transfer during which the name cannot be transferred (default 60). */
  transferLockDays?: number;
  /** The registry's clock (default: the wall clock). */
  now?: () => Date;
  /** Names under registry lock (`serverTransferProhibited` set by the registry). */
  registryLocked?: string[];
}

export interface RegistryTransferEvent {
  name: string;
  from: string;
  to: string;
  at: Date;
}

const DAY_MS = 86_400_000;

export class TransferRegistry {
  readonly transferLockDays: number;
  /** Completed transfers, oldest first. */
  readonly transfers: RegistryTransferEvent[] = [];
  private readonly sponsors = new Map<string, RegistrySponsor>();
  private readonly registryLocks: Set<string>;
  private clock: () => Date;

  constructor(options: TransferRegistryOptions = {}) {
    this.transferLockDays = options.transferLockDays ?? 60;
    this.clock = options.now ?? (() => new Date());
    this.registryLocks = new Set((options.registryLocked ?? []).map((n) => n.toLowerCase()));
  }

  now(): Date {
    return this.clock();
  }

  /** Replaces the registry's clock (e.g. `() => new Date('2027-01-01')`). */
  setNow(now: () => Date): void {
    this.clock = now;
  }

  /** Attaches an emulator as registrar `id` (`'dnsimple'`, `'glauca'`, …). */
  attach(id: string, sponsor: RegistrySponsor): void {
    this.sponsors.set(id, sponsor);
  }

  /** Sets or clears the registry lock of a name. */
  setRegistryLock(name: string, locked: boolean): void {
    if (locked) this.registryLocks.add(name.toLowerCase());
    else this.registryLocks.delete(name.toLowerCase());
  }

  isRegistryLocked(name: string): boolean {
    return this.registryLocks.has(name.toLowerCase());
  }

  /** The registrar sponsoring a name and what it knows, or null when no attached registrar holds it. */
  sponsorOf(name: string): { id: string; view: RegistryDomainView } | null {
    const lower = name.toLowerCase();
    for (const [id, sponsor] of this.sponsors) {
      const view = sponsor.lookup(lower);
      if (view) return { id, view };
    }
    return null;
  }

  /** Why a transfer request of `name` to registrar `gaining` with `authCode` is refused, or null when acceptable. */
  checkTransfer(name: string, gaining: string, authCode: string | null | undefined): TransferRefusal | null {
    const sponsor = this.sponsorOf(name);
    if (!sponsor) return 'not_registered';
    if (sponsor.id === gaining) return 'same_registrar';
    const { view } = sponsor;
    if (view.pendingTransfer) return 'pending_transfer';
    if (this.isRegistryLocked(name) || view.serverTransferProhibited) return 'server_transfer_prohibited';
    if (view.clientTransferProhibited) return 'client_transfer_prohibited';
    const since = [view.createdAt, view.lastTransferredAt]
      .filter((d): d is Date => d !== null)
      .reduce<number | null>(
        (latest, d) => (latest === null || d.getTime() > latest ? d.getTime() : latest),
        null,
      );
    if (since !== null && this.now().getTime() - since < this.transferLockDays * DAY_MS) {
      return 'transfer_lock_period';
    }
    if (view.authCode === null || authCode === undefined || authCode === null || authCode !== view.authCode) {
      return 'invalid_auth_code';
    }
    return null;
  }

  /** Records a completed transfer: the losing registrar releases the name. */
  completeTransfer(name: string, gaining: string): void {
    const sponsor = this.sponsorOf(name);
    if (!sponsor || sponsor.id === gaining) return;
    this.sponsors.get(sponsor.id)?.release(name.toLowerCase());
    this.transfers.push({ name: name.toLowerCase(), from: sponsor.id, to: gaining, at: this.now() });
  }
}
