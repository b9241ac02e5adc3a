import type { EmulatedProviderId, SeedInfo } from '@registrar-kit/testkit/emulators';

/** A provider with an emulator in the testkit's map. */
export type EmulatorKind = EmulatedProviderId;

export type HostMessage =
  | { type: 'start'; kind: EmulatorKind; options: Record<string, unknown>; hostedDomain?: string }
  | { type: 'stats'; reset?: boolean }
  | { type: 'close' };

export type HostReply =
  | { type: 'ready'; url: string; seedInfo: SeedInfo; hostedDomainId?: number }
  | { type: 'stats'; requests: number; rateLimited: number; cpuMs: number };
