import type { SeedInfo } from '@registrar-kit/testkit/emulators';

export type EmulatorKind = 'dnsimple' | 'pocketdns' | 'glauca' | 'domainr';

export type HostMessage =
  | { type: 'start'; kind: EmulatorKind; options: Record<string, unknown>; hostedDomain?: string }
  | { type: 'stats'; reset?: boolean }
  | { type: 'close' };

export type HostReply =
  | { type: 'ready'; url: string; seedInfo: SeedInfo; hostedDomainId?: number }
  | { type: 'stats'; requests: number; rateLimited: number; cpuMs: number };
