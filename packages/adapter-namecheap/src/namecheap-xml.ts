/**
 * Namecheap answers XML (docs/providers/namecheap.md#response-envelope). The body is parsed with
 * fast-xml-parser (a maintained, dependency-free parser) into plain objects that the zod schemas
 * read: namespaces dropped, and element and attribute names lower-cased, because live answers and
 * the documentation disagree on case (`<host>` vs `<Host>`, `Domainname` vs `DomainName`, `ReadOnly`
 * vs `Readonly`). Values stay strings; an attribute and a child element never share a name in
 * Namecheap's answers. A repeated element becomes an array, a single one an object: schemas accept
 * both (`list()` in namecheap-schemas.ts).
 */
import { type BodyDecoder, lazyRequire } from '@registrar-kit/core';
import type * as FastXmlParser from 'fast-xml-parser';

/** Loaded by the first answer, not when the adapter is imported (bench/RESULTS.md, "Cold start"). */
const fastXmlParser = lazyRequire<typeof FastXmlParser>('fast-xml-parser', import.meta.url);

let parser: FastXmlParser.XMLParser | undefined;
const parserOptions: FastXmlParser.X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  transformTagName: (name) => name.toLowerCase(),
  transformAttributeName: (name) => name.toLowerCase(),
};

export const namecheapXml: BodyDecoder = {
  format: 'XML',
  decode(text: string): unknown {
    const { XMLParser, XMLValidator } = fastXmlParser();
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new Error(`invalid XML at line ${valid.err.line}: ${valid.err.msg}`);
    parser ??= new XMLParser(parserOptions);
    return parser.parse(text) as unknown;
  },
};
