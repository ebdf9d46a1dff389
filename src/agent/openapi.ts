/**
 * The agent's OpenAPI 3.1 document, generated from the schemas its routes were registered with
 * (fastify `onRoute`): one source for validation, documentation and the response tests.
 *
 * @see OpenAPI Specification 3.1.0 (OpenAPI Initiative), https://spec.openapis.org/oas/v3.1.0
 */
import type { Issue } from '../core/issues/index';
import { SesamError } from '../core/issues/index';
import { field, guardArray, guardObject, guardString } from '../core/guard/index';
import type { JsonSchema } from './schemas';

/** What a route contributes to the document (the fastify route's `schema`). */
export interface RouteSchema {
  readonly summary?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly operationId?: string;
  /** `[]` for the routes open without the token. */
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly body?: JsonSchema;
  readonly querystring?: JsonSchema;
  readonly params?: JsonSchema;
  readonly response?: Readonly<Record<string, JsonSchema>>;
}

/** One collected route. */
export interface CollectedRoute {
  readonly method: string;
  readonly url: string;
  readonly schema: RouteSchema;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function parametersOf(schema: JsonSchema | undefined, where: 'query' | 'path'): Json[] {
  if (schema === null || typeof schema !== 'object') return [];
  const props = isObject(schema['properties']) ? schema['properties'] : {};
  const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as unknown[]) : []);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = isObject(s) ? s : {};
    return { name, in: where, required: where === 'path' || required.has(name), ...(typeof description === 'string' ? { description } : {}), schema: rest };
  });
}

function responsesOf(response: Readonly<Record<string, JsonSchema>> | undefined): Json {
  const out: Json = {};
  for (const [status, s] of Object.entries(isObject(response) ? response : {})) {
    const { description, content, ...schema } = isObject(s) ? s : {};
    const text = typeof description === 'string' ? description : status.startsWith('2') ? 'Succès' : 'Erreur';
    if (isObject(content)) out[status] = { description: text, content };
    else out[status] = { description: text, content: { 'application/json': { schema } } };
  }
  return out;
}

/**
 * Builds the OpenAPI 3.1 document of the collected routes.
 *
 * @param routes - Routes with their schemas (HEAD routes and routes without schema are left out).
 * @param info - Title and version.
 * @returns The document (plain JSON).
 * @throws SesamError `ASSERTION` for malformed routes or info (programmer input).
 */
export function buildOpenApiDocument(routes: readonly CollectedRoute[], info: { readonly title: string; readonly version: string }): Json {
  const issues: Issue[] = [];
  const list = guardArray(routes, ['routes'], issues, { max: 10_000 });
  list?.forEach((r, i) => {
    const o = guardObject(r, ['routes', i], issues);
    if (o === undefined) return;
    guardString(field(o, 'method'), ['routes', i, 'method'], issues, { pattern: /^[A-Z]+$/, max: 10 });
    guardString(field(o, 'url'), ['routes', i, 'url'], issues, { pattern: /^\//, max: 2000 });
    guardObject(field(o, 'schema'), ['routes', i, 'schema'], issues);
  });
  const inf = guardObject(info, ['info'], issues);
  if (inf !== undefined) for (const k of ['title', 'version']) guardString(field(inf, k), ['info', k], issues, { min: 1, max: 200 });
  if (issues.length > 0) throw new SesamError('ASSERTION', 'buildOpenApiDocument: malformed routes or info', { issues });
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    if (r.method === 'HEAD') continue;
    const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const s = r.schema;
    const op: Json = {
      ...(s.operationId === undefined ? {} : { operationId: s.operationId }),
      ...(s.summary === undefined ? {} : { summary: s.summary }),
      ...(s.description === undefined ? {} : { description: s.description }),
      ...(s.tags === undefined ? {} : { tags: s.tags }),
      ...(s.security === undefined ? {} : { security: s.security }),
    };
    const parameters = [...parametersOf(s.params, 'path'), ...parametersOf(s.querystring, 'query')];
    if (parameters.length > 0) op['parameters'] = parameters;
    if (s.body !== undefined) op['requestBody'] = { required: true, content: { 'application/json': { schema: s.body } } };
    op['responses'] = responsesOf(s.response);
    paths[path] = { ...(paths[path] ?? {}), [r.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      description:
        'Agent local sesam-billing : API HTTP sur la boucle locale pour les logiciels de gestion de cabinet web (lecteurs et cartes, tarification, FSE/DRE, lots, envoi, retours, suivi). Jeton Bearer par installation ; origines autorisées sur liste.',
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'Agent local (adresse et port par défaut)' }],
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'Jeton de l’installation (fichier agent-token du dossier de données).' } } },
    security: [{ bearerAuth: [] }],
    paths,
  };
}
