import { ApiClient } from './api-client';

/** One documented operation, with the parts of its OpenAPI entry the generated tests read. */
export interface Operation {
  method: string;
  path: string;
  /** `METHOD /path` as the OpenAPI document spells it, the key of the policy tables. */
  key: string;
  entry: OpenApiOperation;
}

export interface OpenApiOperation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: SchemaObject }[];
  requestBody?: { content: Record<string, { schema?: SchemaObject }> };
}

export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  additionalProperties?: boolean | SchemaObject;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * The operations the running API documents at /docs-json. The drift test keeps that document equal to the committed
 * one and `route-policy.spec` keeps the committed one equal to Nest's router, so this is every route there is:
 * tests generated from it cover a new route without being asked.
 */
export async function documentedOperations(client: ApiClient): Promise<{ operations: Operation[]; document: OpenApiDocument }> {
  const document = (await client.get('/docs-json')).body as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, entry] of Object.entries(methods)) {
      if (HTTP_METHODS.includes(method)) operations.push({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}`, entry });
    }
  }
  return { operations, document };
}

/** Fills an OpenAPI path template: `{name}` from `ids`, `{id}` by the resource the path names, anything else `ids.other`. */
export function fillPath(path: string, ids: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    if (name === 'id') return path.startsWith('/api/productions/') ? ids.productionId : path.startsWith('/api/cases/') ? ids.caseId : ids.other;
    if (name === 'kind') return ids.kind ?? 'denial';
    return ids[name] ?? ids.other;
  });
}

/** The operation's JSON body schema, with `$ref`s resolved, or undefined when it takes none (or only multipart). */
export function jsonBodySchema(operation: Operation, document: OpenApiDocument): SchemaObject | undefined {
  const schema = operation.entry.requestBody?.content['application/json']?.schema;
  return schema ? resolveSchema(schema, document) : undefined;
}

export function resolveSchema(schema: SchemaObject, document: OpenApiDocument): SchemaObject {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return document.components?.schemas?.[name] ?? {};
}
