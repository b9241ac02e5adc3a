/**
 * Namecheap answers XML (docs/providers/namecheap.md#response-envelope). The body is parsed with
 * fast-xml-parser (a maintained, dependency-free parser) into plain objects that the zod schemas
 * read: namespaces dropped, and element and attribute names lower-cased, because live answers and
 * the documentation disagree on case (`<host>` vs `<Host>`, `Domainname` vs `DomainName`, `ReadOnly`
 * vs `Readonly`). Values stay strings; an attribute and a child element never share a name in
 * Namecheap's answers. A repeated element becomes an array, a single one an object: schemas accept
 * both (`list()` in namecheap-schemas.ts).
 */
import type { BodyDecoder } from '@registrar-kit/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  transformTagName: (name) => name.toLowerCase(),
  transformAttributeName: (name) => name.toLowerCase(),
});

export const namecheapXml: BodyDecoder = {
  format: 'XML',
  decode(text: string): unknown {
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new Error(`invalid XML at line ${valid.err.line}: ${valid.err.msg}`);
    return parser.parse(text);
  },
};
