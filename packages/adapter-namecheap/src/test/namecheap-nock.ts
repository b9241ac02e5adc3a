/** nock helpers: answer the next Namecheap commands with sample files and record the forms sent. */
import { readFileSync } from 'node:fs';
import nock from 'nock';
import { createNamecheap, type NamecheapRegistrar } from '../namecheap-registrar.js';

export const BASE = 'https://api.namecheap.com';
export const CREDENTIALS = {
  apiUser: 'ncuser',
  apiKey: '0123456789abcdef0123456789abcdef',
  userName: 'ncuser',
  clientIp: '198.51.100.20',
};
/** The global parameters every form carries (the key among them). */
export const GLOBALS = {
  ApiUser: 'ncuser',
  ApiKey: CREDENTIALS.apiKey,
  UserName: 'ncuser',
  ClientIp: '198.51.100.20',
};

/** A sample answer from shared/specs/namecheap (official samples and sandbox captures). */
export function sample(file: string): string {
  return readFileSync(new URL(`../../../../../shared/specs/namecheap/${file}`, import.meta.url), 'utf8');
}

/** An `ApiResponse` envelope around one command's result XML. */
export function envelope(command: string, result: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<ApiResponse Status="OK" xmlns="http://api.namecheap.com/xml.response">
  <Errors /><Warnings />
  <RequestedCommand>${command.toLowerCase()}</RequestedCommand>
  <CommandResponse Type="${command}">${result}</CommandResponse>
  <Server>PHX01APIEXT03</Server><GMTTimeDifference>--4:00</GMTTimeDifference><ExecutionTime>0.1</ExecutionTime>
</ApiResponse>`;
}

export interface Recorder {
  /** Form bodies sent, in order. */
  forms: Record<string, string>[];
  /** Answers the next request with `body` (HTTP `status`, default 200). */
  answer(body: string, status?: number): Recorder;
}

export function recorder(): Recorder {
  const forms: Record<string, string>[] = [];
  const scope = nock(BASE);
  const self: Recorder = {
    forms,
    answer(body, status = 200) {
      scope
        .post('/xml.response', (sentBody) => {
          forms.push(
            typeof sentBody === 'string'
              ? Object.fromEntries(new URLSearchParams(sentBody))
              : (sentBody as Record<string, string>),
          );
          return true;
        })
        .reply(status, body, { 'Content-Type': 'text/xml; charset=utf-8' });
      return self;
    },
  };
  return self;
}

export function adapter(): NamecheapRegistrar {
  return createNamecheap({
    ...CREDENTIALS,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
    rateLimit: false,
  });
}
