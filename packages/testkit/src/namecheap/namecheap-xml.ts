/**
 * Namecheap's answer envelope (docs/providers/namecheap.md#response-envelope), written with
 * fast-xml-parser's XMLBuilder:
 *
 *   <ApiResponse Status="OK|ERROR" xmlns="http://api.namecheap.com/xml.response">
 *     <Errors /> <Warnings /> <RequestedCommand>lower-cased command</RequestedCommand>
 *     <CommandResponse Type="canonical.camelCase"> … </CommandResponse>
 *     <Server /> <GMTTimeDifference /> <ExecutionTime />
 *   </ApiResponse>
 *
 * Live bodies use CRLF line ends and 2-space indentation; so does the emulator.
 */
import { XMLBuilder } from 'fast-xml-parser';

/** A node in XMLBuilder's object form: `@_Name` keys are attributes, `#text` the text, arrays repeat. */
export type XmlNode = Record<string, unknown>;

export const NAMECHEAP_XMLNS = 'http://api.namecheap.com/xml.response';

type AttributeValue = string | number | boolean;

/** An element with attributes (booleans written `true`/`false`) and optional children. */
export function element(attributes: Record<string, AttributeValue>, children: XmlNode = {}): XmlNode {
  const node: XmlNode = {};
  for (const [name, value] of Object.entries(attributes)) node[`@_${name}`] = String(value);
  return Object.assign(node, children);
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

export interface EnvelopeInput {
  ok: boolean;
  errors: { number: number; text: string }[];
  /** What the caller sent, lower-cased; '' on authentication errors. */
  requestedCommand: string;
  /** Canonical command name for `CommandResponse Type`; null = no CommandResponse at all. */
  commandType: string | null;
  /** Children of CommandResponse. */
  result?: XmlNode;
  server: string;
  gmtTimeDifference: string;
  executionTime: string;
}

export function envelope(input: EnvelopeInput): string {
  const body: XmlNode = {
    '@_Status': input.ok ? 'OK' : 'ERROR',
    '@_xmlns': NAMECHEAP_XMLNS,
    Errors:
      input.errors.length === 0
        ? ''
        : { Error: input.errors.map((e) => ({ '@_Number': String(e.number), '#text': e.text })) },
    Warnings: '',
    RequestedCommand: input.requestedCommand,
  };
  if (input.commandType !== null) body.CommandResponse = element({ Type: input.commandType }, input.result);
  body.Server = input.server;
  body.GMTTimeDifference = input.gmtTimeDifference;
  body.ExecutionTime = input.executionTime;
  const xml = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    ApiResponse: body,
  }) as string;
  return xml.trimEnd().replace(/\r?\n/g, '\r\n');
}

/** `MM/DD/YYYY` in UTC, Namecheap's date form. */
export function usDate(date: Date): string {
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(date.getUTCDate()).padStart(2, '0');
  return `${mm}/${dd}/${date.getUTCFullYear()}`;
}

/** `M/D/YYYY h:mm:ss AM` in UTC, the form of the renew doc sample. */
export function usDateTime(date: Date): string {
  const hours = date.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const mm = String(date.getUTCMinutes()).padStart(2, '0');
  const ss = String(date.getUTCSeconds()).padStart(2, '0');
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${h12}:${mm}:${ss} ${hours < 12 ? 'AM' : 'PM'}`;
}
