/**
 * zod schemas of Namecheap's answers, as namecheap-xml.ts decodes them (names lower-cased, values
 * strings). Every command's result sits in `ApiResponse/CommandResponse`
 * (docs/providers/namecheap.md#response-envelope); where live answers and the documentation
 * disagree the schema accepts both (docs/providers/namecheap.md#commands).
 */
import { ProviderDomainNameSchema } from '@registrar-kit/core';
import { z } from 'zod';

/** An element that may be absent, empty (`<X />` decodes to ''), one object or several. */
export function list<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(item),
  );
}

/** An element that may be empty (`<LockDetails />`): '' becomes {}. */
export function node<T extends z.ZodRawShape>(shape: T) {
  return z.preprocess((value) => (value === '' ? {} : value), z.looseObject(shape));
}

/** Text of an element that may carry attributes (`<Tld Name="..">text</Tld>` keeps it in `#text`). */
const elementText = z.preprocess(
  (value) =>
    value && typeof value === 'object' ? (value as Record<string, unknown>)['#text'] : (value ?? ''),
  z.string().default(''),
);

/** `true`/`True`/`yes` and the rest (docs/providers/namecheap.md#value-formats). */
export const Flag = z.string().transform((value) => /^(true|yes)$/i.test(value.trim()));
const OptionalFlag = Flag.optional();
/** A decimal id (`0`/`-1` mean none). */
const NumericId = z.string().regex(/^-?\d+$/, 'expected a decimal id');
/** A money amount: a decimal string, sometimes empty. */
const Amount = z
  .string()
  .regex(/^(\d+(\.\d*)?)?$/, 'expected a decimal amount')
  .optional();

/** The `ApiResponse` envelope around one command's `CommandResponse` children. */
export function answer<T extends z.ZodRawShape>(commandResponse: T) {
  return z.object({
    apiresponse: z.object({
      status: z.string(),
      commandresponse: z.looseObject(commandResponse),
    }),
  });
}

/** The envelope's errors, read before any result (docs/providers/namecheap.md#errors). */
const ErrorItemSchema = z.union([
  z.string().transform((text) => ({ number: undefined as string | undefined, text })),
  z.looseObject({ number: z.string().optional(), '#text': z.string().optional() }).transform((e) => ({
    number: e.number,
    text: e['#text'] ?? '',
  })),
]);

/** The envelope's errors, read before any result (docs/providers/namecheap.md#errors). */
export const ErrorEnvelopeSchema = z.object({
  apiresponse: z.looseObject({
    status: z.string(),
    errors: node({ error: list(ErrorItemSchema) }).optional(),
  }),
});

const Paging = node({
  totalitems: z.string().regex(/^\d+$/).optional(),
  currentpage: z.string().regex(/^\d+$/).optional(),
  pagesize: z.string().regex(/^\d+$/).optional(),
});

// domains.getList (https://www.namecheap.com/support/api/methods/domains/get-list/)
export const DomainRowSchema = z.looseObject({
  id: NumericId,
  name: ProviderDomainNameSchema,
  created: z.string().optional(),
  expires: z.string().optional(),
  isexpired: OptionalFlag,
  islocked: OptionalFlag,
  autorenew: OptionalFlag,
  whoisguard: z.string().optional(),
  ispremium: OptionalFlag,
  isourdns: OptionalFlag,
});
export type DomainRow = z.output<typeof DomainRowSchema>;
export const GetListSchema = answer({
  domaingetlistresult: node({ domain: list(DomainRowSchema) }),
  paging: Paging.optional(),
});

// domains.getInfo (https://www.namecheap.com/support/api/methods/domains/get-info/)
export const DomainInfoSchema = z.looseObject({
  status: z.string().optional(),
  id: NumericId,
  domainname: ProviderDomainNameSchema,
  ownername: z.string().optional(),
  ispremium: OptionalFlag,
  domaindetails: node({ createddate: z.string().optional(), expireddate: z.string().optional() }).optional(),
  whoisguard: node({
    enabled: z.string().optional(),
    id: z.string().optional(),
    emaildetails: node({ forwardedto: z.string().optional() }).optional(),
  }).optional(),
  dnsdetails: node({
    isusingourdns: OptionalFlag,
    emailtype: z.string().optional(),
    nameserver: list(z.string()),
  }).optional(),
});
export type DomainInfo = z.output<typeof DomainInfoSchema>;
export const GetInfoSchema = answer({ domaingetinforesult: DomainInfoSchema });

// domains.getRegistrarLock / setRegistrarLock
export const GetRegistrarLockSchema = answer({
  domaingetregistrarlockresult: z.looseObject({ registrarlockstatus: Flag }),
});
export const SetRegistrarLockSchema = answer({
  domainsetregistrarlockresult: z.looseObject({ issuccess: Flag }),
});

// domains.dns.getList / setCustom / setDefault
export const DnsGetListSchema = answer({
  domaindnsgetlistresult: node({ isusingourdns: OptionalFlag, nameserver: list(z.string()) }),
});
export const DnsSetCustomSchema = answer({ domaindnssetcustomresult: z.looseObject({ updated: Flag }) });
export const DnsSetDefaultSchema = answer({ domaindnssetdefaultresult: z.looseObject({ updated: Flag }) });

// domains.dns.getHosts / setHosts (https://www.namecheap.com/support/api/methods/domains-dns/get-hosts/)
export const HostRowSchema = z.looseObject({
  hostid: NumericId,
  name: z.string(),
  type: z.string().min(1),
  address: z.string(),
  mxpref: z.string().regex(/^\d+$/).optional(),
  ttl: z.string().regex(/^\d+$/).optional(),
});
export type HostRow = z.output<typeof HostRowSchema>;
export const GetHostsSchema = answer({
  domaindnsgethostsresult: node({ emailtype: z.string().optional(), host: list(HostRowSchema) }),
});
export const SetHostsSchema = answer({ domaindnssethostsresult: z.looseObject({ issuccess: Flag }) });

// domains.check (https://www.namecheap.com/support/api/methods/domains/check/)
export const CheckRowSchema = z.looseObject({
  domain: z.string(),
  available: z.string(),
  errorno: z.string().optional(),
  description: z.string().optional(),
  ispremiumname: OptionalFlag,
  premiumregistrationprice: Amount,
  premiumrenewalprice: Amount,
  premiumrestoreprice: Amount,
  premiumtransferprice: Amount,
  icannfee: Amount,
  eapfee: Amount,
});
export type CheckRow = z.output<typeof CheckRowSchema>;
export const CheckSchema = answer({ domaincheckresult: list(CheckRowSchema) });

// users.getPricing (https://www.namecheap.com/support/api/methods/users/get-pricing/)
export const PriceRowSchema = z.looseObject({
  duration: z.string().regex(/^\d+$/),
  durationtype: z.string().optional(),
  price: Amount,
  yourprice: Amount,
  regularprice: Amount,
  additionalcost: Amount,
  /** Misspelt in the live API. */
  youradditonalcost: Amount,
  currency: z.string().optional(),
});
export type PriceRow = z.output<typeof PriceRowSchema>;
const ProductSchema = z.looseObject({ name: z.string(), price: list(PriceRowSchema) });
const CategorySchema = z.looseObject({ name: z.string(), product: list(ProductSchema) });
export const GetPricingSchema = answer({
  usergetpricingresult: node({
    producttype: list(z.looseObject({ name: z.string(), productcategory: list(CategorySchema) })),
  }),
});
export type Pricing = z.output<
  typeof GetPricingSchema
>['apiresponse']['commandresponse']['usergetpricingresult'];

// domains.getTldList (https://www.namecheap.com/support/api/methods/domains/get-tld-list/)
export const TldRowSchema = z.looseObject({
  name: z.string(),
  '#text': z.string().optional(),
  minregisteryears: z.string().regex(/^\d+$/).optional(),
  maxregisteryears: z.string().regex(/^\d+$/).optional(),
  isapiregisterable: OptionalFlag,
  isdisablewgallot: OptionalFlag,
});
export const GetTldListSchema = answer({ tlds: node({ tld: list(TldRowSchema) }) });

// domains.create / renew / reactivate (charges)
export const CreateSchema = answer({
  domaincreateresult: z.looseObject({
    domain: z.string(),
    registered: Flag,
    chargedamount: Amount,
    domainid: z.string().optional(),
    orderid: z.string().optional(),
    transactionid: z.string().optional(),
    nonrealtimedomain: OptionalFlag,
  }),
});
export const RenewSchema = answer({
  domainrenewresult: z.looseObject({
    domainname: z.string(),
    renew: Flag,
    chargedamount: Amount,
    orderid: z.string().optional(),
    domaindetails: node({ expireddate: z.string().optional() }).optional(),
  }),
});
export const ReactivateSchema = answer({
  domainreactivateresult: z.looseObject({
    domain: z.string(),
    issuccess: Flag,
    chargedamount: Amount,
    orderid: z.string().optional(),
  }),
});

// domains.transfer.* (https://www.namecheap.com/support/api/methods/domains-transfer/create/)
export const TransferCreateSchema = answer({
  domaintransfercreateresult: z.looseObject({
    /** `Domainname` in the docs, `DomainName` in fixtures: one name once lower-cased. */
    domainname: z.string(),
    transferid: NumericId,
    statusid: z.string().optional(),
    chargedamount: Amount,
  }),
});
export const TransferStatusSchema = answer({
  domaintransfergetstatusresult: z.looseObject({
    transferid: NumericId,
    status: z.string().default(''),
    statusid: z.string().optional(),
  }),
});
export const TransferRowSchema = z.looseObject({
  id: z.string().optional(),
  transferid: z.string().optional(),
  domainname: z.string(),
  status: z.string().optional(),
  statusid: z.string().optional(),
  statusdescription: z.string().optional(),
  transferdate: z.string().optional(),
});
export type TransferRow = z.output<typeof TransferRowSchema>;
export const TransferListSchema = answer({
  transfergetlistresult: node({ transfer: list(TransferRowSchema) }),
  paging: Paging.optional(),
});

// domains.getContacts / setContacts (https://www.namecheap.com/support/api/methods/domains/get-contacts/)
const contactText = elementText;
export const ContactXmlSchema = z.looseObject({
  organizationname: contactText.optional(),
  firstname: contactText,
  lastname: contactText,
  address1: contactText,
  address2: contactText.optional(),
  city: contactText,
  stateprovince: contactText.optional(),
  postalcode: contactText,
  country: contactText,
  phone: contactText,
  emailaddress: contactText,
});
export type ContactXml = z.output<typeof ContactXmlSchema>;
export const GetContactsSchema = answer({
  domaincontactsresult: z.looseObject({
    domain: z.string(),
    registrant: ContactXmlSchema,
    tech: ContactXmlSchema,
    admin: ContactXmlSchema,
    auxbilling: ContactXmlSchema,
  }),
});
export const SetContactsSchema = answer({ domainsetcontactresult: z.looseObject({ issuccess: Flag }) });

// whoisguard.* (https://www.namecheap.com/support/api/methods/whoisguard/enable/)
export const WhoisguardListSchema = answer({
  whoisguardgetlistresult: node({
    whoisguard: list(z.looseObject({ id: NumericId, status: z.string().optional() })),
  }),
});
export const WhoisguardAllotSchema = answer({ whoisguardallotresult: z.looseObject({ issuccess: Flag }) });
export const WhoisguardEnableSchema = answer({ whoisguardenableresult: z.looseObject({ issuccess: Flag }) });
export const WhoisguardDisableSchema = answer({
  whoisguarddisableresult: z.looseObject({ issuccess: Flag }),
});
