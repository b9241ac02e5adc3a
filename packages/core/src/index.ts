// Model

export {
  type ComparedQuote,
  type ComparePricesOptions,
  comparePrices,
  type PriceComparison,
  totalCost,
} from './compare-prices.js';
export { type DefineRegistrarOptions, defineRegistrar } from './define-registrar.js';
// DNS plans and zone files
export {
  type ApplyChange,
  type ApplyFailure,
  type ApplyPlanOptions,
  type ApplyReport,
  type AtomicPlanApplier,
  appliesPlansAtomically,
  applyPlan,
} from './dns-plan/apply-plan.js';
export {
  formatPlan,
  isEmptyPlan,
  type PlanRecordsOptions,
  type PlanSummary,
  planRecords,
  type RecordPlan,
  type RecordUpdate,
  summarizePlan,
} from './dns-plan/plan-records.js';
export { canonicalRecordContent, plainTxt } from './dns-plan/record-content.js';
export { type UnsafePlanDetails, UnsafePlanError } from './dns-plan/unsafe-plan-error.js';
export {
  type ParsedZoneFile,
  parseTtl,
  parseZoneFile,
  type ZoneFileParseOptions,
  type ZoneFileSkipped,
} from './dns-plan/zone-file-parse.js';
export {
  printZoneFile,
  printZoneFileChunks,
  quoteCharacterString,
  type ZoneFilePrintOptions,
} from './dns-plan/zone-file-print.js';
// Errors
export * from './errors/error-classes.js';
export { errorFromStatus, RETRYABLE_STATUSES, type StatusErrorOptions } from './errors/error-from-status.js';
export { plainCause } from './errors/plain-cause.js';
export { REDACTED, redactSecrets, redactValue } from './errors/redact.js';
export {
  type ErrorCode,
  isRegistrarError,
  RegistrarError,
  type RegistrarErrorOptions,
  type ValidationIssue,
} from './errors/registrar-error.js';
export {
  CONTACT_ROLES,
  type ContactDirectory,
  type ContactRole,
  inlineContacts,
  isSameContact,
  type ParsedContactInput,
  resolveContactIds,
} from './kit/contact-refs.js';
// Provider kit (what every adapter is written on)
export { createRecordsOneByOne, ONE_BY_ONE_CONCURRENCY } from './kit/create-records-one-by-one.js';
export {
  type CredentialSpec,
  findCredential,
  loadCredential,
  missingCredentialError,
} from './kit/credential.js';
export { nullIfBlank, toEppPhone } from './kit/epp-phone.js';
export { contextual, contextualAsync, contextualIterable, withContext } from './kit/error-context.js';
export { assertExtendedAttributes, extendedAttributeIssues } from './kit/extended-attributes.js';
export {
  type MapOptions,
  mapInCompletionOrder,
  mapLimit,
  mapSettled,
  type Settled,
} from './kit/map-concurrent.js';
export { assertWithinMaxPrice, priceRefusal } from './kit/money-guard.js';
export { NameIdCache } from './kit/name-id-cache.js';
export { type ErrorContext, invalidInput, parseInput, zodIssues } from './kit/parse-input.js';
export {
  type CredentialInfo,
  credentialVariables,
  defineProviderInfo,
  hasCredentialsInEnv,
  type ProviderInfo,
} from './kit/provider-info.js';
export { lazyRequire } from './lazy-require.js';
export * from './model/auth-code.js';
export * from './model/availability.js';
export * from './model/bulk-result.js';
export * from './model/contact.js';
export * from './model/dns-record.js';
export * from './model/domain.js';
export * from './model/ds-record.js';
export * from './model/inputs.js';
export * from './model/money.js';
export * from './model/orders.js';
export * from './model/price.js';
export * from './model/provider-id.js';
export * from './model/suggestion.js';
export * from './model/tld-requirements.js';
export * from './model/zone.js';
// Moving a domain between providers
export { type MoveDomainOptions, moveDomain } from './move/move-domain.js';
export { TRANSFER_LOCK_DAYS } from './move/move-preflight.js';
export {
  MOVE_STEPS,
  type MoveReport,
  type MoveState,
  type MoveStep,
  type MoveStepName,
  type MoveStepStatus,
} from './move/move-report.js';
export { type WaitForTransferOptions, waitForTransfer } from './move/wait-for-transfer.js';
// Helpers
export { assertListComplete, type Page, type PaginateOptions, paginate } from './pagination.js';
// Portfolio across registrars
export { DOMAIN_FLAGS, type DomainFlag, domainFlags } from './portfolio/domain-flags.js';
export {
  type Portfolio,
  type PortfolioEntry,
  type PortfolioOptions,
  portfolio,
} from './portfolio/portfolio.js';
// The Registrar interface
export * from './registrar.js';
export { toArray } from './to-array.js';
// Transport
export { abortableDelay } from './transport/abortable-delay.js';
export { assertSafeBaseURL } from './transport/base-url.js';
export {
  type BodyDecoder,
  CORE_VERSION,
  type Credentials,
  createTransport,
  type HttpMethod,
  type ProviderAnswer,
  ProviderBody,
  type ProviderErrorDetails,
  type RequestSpec,
  type Transport,
  type TransportOptions,
  type TransportResponse,
  type TransportUserOptions,
} from './transport/http-transport.js';
export {
  type AcquiredSlot,
  BucketLimiters,
  type BucketPermit,
  type BucketSpec,
  type RateLimitOption,
  type SharedRateLimit,
} from './transport/rate-limiter.js';
export { requestOptions } from './transport/request-options.js';
export {
  rateLimitLimit,
  rateLimitRemaining,
  rateLimitResetAt,
  retryAfterMs,
} from './transport/retry-after.js';
export { DEFAULT_RETRY, type RetryOptions, shouldRetry } from './transport/retry-policy.js';
export type { EventBase, EventListener, TransportEvent } from './transport/transport-events.js';
// Validation
export {
  domainNameIssues,
  looksLikeDomainName,
  normalizeDomainName,
  toUnicodeDomainName,
} from './validation/domain-name.js';
export { canonicalIPv4, canonicalIPv6 } from './validation/ip-address.js';
export { encodePathSegment, urlPath } from './validation/path-segment.js';
export {
  checkProviderDomainName,
  checkProviderId,
  ProviderDomainNameSchema,
  ProviderNumericIdSchema,
  ProviderStringIdSchema,
  type ProviderValueContext,
  ProviderZoneSchema,
  providerDomainNameOr,
  providerDomainNameProblem,
  providerIdProblem,
  providerZone,
  providerZoneProblem,
} from './validation/provider-values.js';
export { type RecordRules, validateRecordInput, validateRecordPatch } from './validation/record-input.js';
export {
  validateRecordInputBeforeZone,
  validateRecordPatchBeforeZone,
} from './validation/record-input-before-zone.js';
export {
  formatTxt,
  joinTxt,
  parseTxtStrings,
  quoteTxtString,
  splitTxt,
  unquoteTxt,
} from './validation/txt.js';
