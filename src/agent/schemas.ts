/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses them) shared by the agent's routes. Each route
 * declares its body, query and responses with these; the OpenAPI document is generated from the
 * routes (openapi.ts), and the tests check every response against them.
 */

/** A JSON Schema object (kept loose: data, not a type system). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** An amount: exact integer centimes (`sesam-billing/core` Money). */
export const MONEY_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['centimes'],
  properties: { centimes: { type: 'integer' } },
};

/** One library Issue (`sesam-billing/core`): code, path, French message and fix, public ref. */
export const ISSUE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['code', 'family', 'severity', 'path', 'message'],
  properties: {
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
    family: { enum: ['FORMAT', 'LENGTH', 'CHECKSUM', 'COMPONENT', 'TOTAL_MISMATCH', 'RULE', 'MISSING', 'RANGE', 'UNKNOWN_CODE'] },
    severity: { enum: ['error', 'warning'] },
    path: { type: 'array', items: { type: ['string', 'integer'] } },
    message: { type: 'string' },
    expected: { type: 'string' },
    received: { type: 'string' },
    source: { type: 'object', properties: { record: { type: 'integer' }, column: { type: 'integer' }, offset: { type: 'integer' } } },
    ref: { type: 'string' },
    fix: { type: 'string' },
  },
};

/** Warnings (issues of severity `warning`) that came with a success. */
export const WARNINGS_SCHEMA: JsonSchema = { type: 'array', items: ISSUE_SCHEMA };

/** The body of every error answer: the issues. */
export const ISSUES_RESPONSE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['issues'],
  properties: { issues: { type: 'array', minItems: 1, items: ISSUE_SCHEMA } },
};

/** A library object passed through as JSON (its TypeScript type is documented in the API reference). */
export const object = (description: string): JsonSchema => ({ type: 'object', description });

/** A page of a listing. */
export const PAGING_QUERY: Readonly<Record<string, JsonSchema>> = {
  limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  offset: { type: 'integer', minimum: 0, default: 0 },
};

/** Error answers common to the routes behind the token (and 413 for those with a body). */
export function errorResponses(withBody: boolean): Readonly<Record<string, JsonSchema>> {
  const r: Record<string, JsonSchema> = {
    401: { description: 'Jeton absent ou invalide (AGENT_UNAUTHORIZED)', ...ISSUES_RESPONSE_SCHEMA },
    403: { description: 'Origine ou hôte non autorisé (AGENT_ORIGIN_FORBIDDEN, AGENT_HOST_FORBIDDEN)', ...ISSUES_RESPONSE_SCHEMA },
    422: { description: 'Données de l’appelant refusées : les issues de la bibliothèque', ...ISSUES_RESPONSE_SCHEMA },
    429: { description: 'Trop de requêtes (AGENT_RATE_LIMITED)', ...ISSUES_RESPONSE_SCHEMA },
  };
  if (withBody) r['413'] = { description: 'Corps trop volumineux (AGENT_BODY_TOO_LARGE)', ...ISSUES_RESPONSE_SCHEMA };
  return r;
}
