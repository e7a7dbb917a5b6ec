import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

// ajv-formats is CommonJS: under ESM its default export is the module object, whose `default` is the plugin.
const addFormats = (formats as unknown as { default: (ajv: Ajv) => Ajv }).default;

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

interface Route {
  pattern: RegExp;
  template: string;
  operations: Record<string, Operation>;
}

export interface CheckedResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  text?: string;
}

/**
 * Checks answers against the OpenAPI document the API serves: the status must be one the operation
 * documents, and a JSON body must match the documented schema. Every e2e request goes through it
 * (see test-app.ts), so the document the web app's client is generated from tells the truth. A request
 * no documented operation takes (an unknown path, a method the path does not have) is not checked.
 */
export class OpenApiValidator {
  private readonly routes: Route[];
  // Ajv reads OpenAPI 3.0's `nullable` beside a `type`, as the specification has it, and no more.
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new WeakMap<object, ValidateFunction>();

  private constructor(document: { paths: Record<string, Record<string, Operation>> }) {
    addFormats(this.ajv);
    this.routes = Object.entries(document.paths).map(([template, operations]) => ({
      template,
      operations,
      pattern: new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '[^/]+')}$`),
    }));
    // The most literal template first: `/applications/{id}` must not take `/applications/search`.
    this.routes.sort((a, b) => a.template.split('{').length - b.template.split('{').length);
  }

  static async of(document: object): Promise<OpenApiValidator> {
    return new OpenApiValidator((await SwaggerParser.dereference(structuredClone(document) as never)) as never);
  }

  /** Why the answer breaks the document, or null when it keeps to it (or no operation takes the request). */
  problemWith(method: string, url: string, response: CheckedResponse): string | null {
    const path = url.split('?')[0];
    const route = this.routes.find((candidate) => candidate.pattern.test(path));
    const operation = route?.operations[method.toLowerCase()];
    if (!route || !operation) return null;
    const documented = operation.responses[String(response.status)] ?? operation.responses[`${String(response.status)[0]}XX`] ?? operation.responses.default;
    const where = `${method.toUpperCase()} ${route.template} answered ${response.status}`;
    if (!documented) return `${where}, which the OpenAPI document does not list (it lists ${Object.keys(operation.responses).join(', ')})`;
    const type = (response.headers['content-type'] ?? '').split(';')[0].trim();
    const content = documented.content?.[type] ?? (type.endsWith('json') ? documented.content?.['application/json'] : undefined);
    if (!content?.schema || !type.endsWith('json')) return null;
    // A test that reads the answer as bytes (a PDF's) still gets its problem+json checked.
    const raw: unknown = Buffer.isBuffer(response.body) ? JSON.parse(response.body.toString('utf8')) : response.body;
    const body =
      raw !== undefined && !(typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0 && response.text)
        ? raw
        : JSON.parse(response.text ?? 'null');
    let validate = this.compiled.get(content.schema);
    if (!validate) {
      validate = this.ajv.compile(content.schema);
      this.compiled.set(content.schema, validate);
    }
    if (validate(body)) return null;
    const errors = (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || '(body)'} ${error.message}`);
    return `${where} with a body that does not match its schema: ${errors.join('; ')}`;
  }
}
