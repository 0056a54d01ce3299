import fs from 'node:fs';
import yaml from 'js-yaml';
import type { ResponseContract } from '../../src/zaaksysteem/zgw-http';

/**
 * Validates request and response bodies against the official ZGW OpenAPI 3.0 files in
 * /work/shared/zgw (ZGW_SPEC_DIR): the subset of OAS the five files use — $ref, allOf, oneOf,
 * discriminator, nullable, type, enum, format, lengths, bounds, pattern, items, required,
 * readOnly. Used by the FAKE Open Zaak for what it receives and by the platform's ZGW client
 * (tests only) for every response it accepts.
 */
export const SPEC_DIR = process.env.ZGW_SPEC_DIR ?? '/work/shared/zgw';

export const loadSpec = (file: string): any => yaml.load(fs.readFileSync(`${SPEC_DIR}/${file}`, 'utf8'));

type Mode = 'request' | 'response';

const FORMATS: Record<string, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  uri: /^https?:\/\/\S+$/,
  email: /^[^@\s]+@[^@\s]+$/,
  duration: /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
};

export class SchemaValidator {
  constructor(private readonly spec: any) {}

  resolve(schema: any): any {
    let s = schema;
    while (s?.$ref) s = s.$ref.split('/').slice(1).reduce((o: any, k: string) => o?.[decodeURIComponent(k)], this.spec);
    return s;
  }

  /** Problems of `value` against `schema`; an empty list means valid. */
  validate(schema: any, value: unknown, mode: Mode, path = ''): string[] {
    // allOf parts are checked on their own as well as merged: report each problem once.
    return [...new Set(this.check(this.resolve(schema), value, mode, path || '(body)', new Set()))];
  }

  private check(schema: any, value: unknown, mode: Mode, path: string, skipDiscriminator: Set<any>): string[] {
    if (!schema) return [];
    if (value === null) return schema.nullable || this.allowsNull(schema) ? [] : [`${path}: null not allowed`];
    const problems: string[] = [];
    if (schema.discriminator && !skipDiscriminator.has(schema) && typeof value === 'object' && !Array.isArray(value)) {
      const tag = (value as Record<string, unknown>)[schema.discriminator.propertyName];
      const target = schema.discriminator.mapping?.[String(tag)];
      if (target) return this.check(this.resolve({ $ref: target }), value, mode, path, new Set([...skipDiscriminator, schema]));
    }
    for (const part of schema.allOf ?? []) problems.push(...this.check(this.resolve(part), value, mode, path, skipDiscriminator));
    if (schema.oneOf) {
      const matches = schema.oneOf.filter((s: any) => this.check(this.resolve(s), value, mode, path, skipDiscriminator).length === 0);
      if (matches.length !== 1) problems.push(`${path}: matches ${matches.length} of the oneOf alternatives`);
    }
    if (schema.anyOf && !schema.anyOf.some((s: any) => this.check(this.resolve(s), value, mode, path, skipDiscriminator).length === 0)) {
      problems.push(`${path}: matches none of the anyOf alternatives`);
    }
    if (schema.enum && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} not in enum`);
    switch (schema.type) {
      case 'object':
        problems.push(...this.object(schema, value, mode, path, skipDiscriminator));
        break;
      case 'array':
        problems.push(...this.array(schema, value, mode, path, skipDiscriminator));
        break;
      case 'string':
        problems.push(...this.string(schema, value, path));
        break;
      case 'integer':
      case 'number':
        if (typeof value !== 'number' || (schema.type === 'integer' && !Number.isInteger(value))) problems.push(`${path}: not an ${schema.type}`);
        else {
          if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${path}: below ${schema.minimum}`);
          if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${path}: above ${schema.maximum}`);
        }
        break;
      case 'boolean':
        if (typeof value !== 'boolean') problems.push(`${path}: not a boolean`);
        break;
      default:
        if (schema.properties || schema.required) problems.push(...this.object(schema, value, mode, path, skipDiscriminator));
    }
    return problems;
  }

  private allowsNull(schema: any): boolean {
    return [...(schema.allOf ?? []), ...(schema.oneOf ?? [])].some((s: any) => {
      const r = this.resolve(s);
      return r?.nullable || r?.enum?.includes(null);
    });
  }

  /** Properties declared anywhere in the schema's allOf chain, for the read-only checks. */
  private properties(schema: any): Record<string, any> {
    const own = { ...(schema.properties ?? {}) };
    for (const part of schema.allOf ?? []) Object.assign(own, this.properties(this.resolve(part)));
    return own;
  }

  private object(schema: any, value: unknown, mode: Mode, path: string, skip: Set<any>): string[] {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: not an object`];
    const body = value as Record<string, unknown>;
    const problems: string[] = [];
    const props = this.properties(schema);
    const at = (name: string) => (path === '(body)' ? name : `${path}.${name}`);
    for (const name of schema.required ?? []) {
      const prop = this.resolve(props[name] ?? {});
      // In a request, a required read-only field is the server's to fill in; in a response it must be there.
      if (mode === 'request' && prop.readOnly) continue;
      if (!(name in body)) problems.push(`${at(name)}: required`);
    }
    for (const [name, v] of Object.entries(body)) {
      const prop = props[name];
      if (!prop) {
        if (schema.additionalProperties && typeof schema.additionalProperties === 'object') problems.push(...this.check(this.resolve(schema.additionalProperties), v, mode, at(name), skip));
        continue;
      }
      const resolved = this.resolve(prop);
      if (mode === 'request' && resolved.readOnly) {
        problems.push(`${at(name)}: read-only`);
        continue;
      }
      if (mode === 'response' && resolved.writeOnly) continue;
      problems.push(...this.check(resolved, v, mode, at(name), skip));
    }
    return problems;
  }

  private array(schema: any, value: unknown, mode: Mode, path: string, skip: Set<any>): string[] {
    if (!Array.isArray(value)) return [`${path}: not an array`];
    const problems: string[] = [];
    if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) problems.push(`${path}: items not unique`);
    if (schema.items) value.forEach((v, i) => problems.push(...this.check(this.resolve(schema.items), v, mode, `${path}[${i}]`, skip)));
    return problems;
  }

  private string(schema: any, value: unknown, path: string): string[] {
    if (typeof value !== 'string') return [`${path}: not a string`];
    const problems: string[] = [];
    if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push(`${path}: longer than ${schema.maxLength}`);
    if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${path}: shorter than ${schema.minLength}`);
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) problems.push(`${path}: does not match ${schema.pattern}`);
    const format = FORMATS[schema.format];
    // An empty string is how Django REST framework writes an unset optional text; formats apply to real values.
    if (format && value !== '' && !format.test(value)) problems.push(`${path}: not a ${schema.format}`);
    return problems;
  }
}

interface Api {
  name: string;
  base: string;
  spec: any;
  validator: SchemaValidator;
  /** Path templates, most literal segments first, so `/zaken/_zoek` wins over `/zaken/{uuid}`. */
  templates: { template: string; pattern: RegExp; literals: number }[];
}

/** Which operation of which API a URL addresses. */
interface Match {
  api: Api;
  operation: any;
}

/**
 * The contract of the ZGW APIs at the given base URLs. APIs without an official file (the
 * Besluiten API) are not validated: their calls are listed in `unvalidated` instead.
 */
export class ZgwContract implements ResponseContract {
  private readonly apis: Api[] = [];
  readonly unvalidated: string[] = [];

  constructor(apis: { name: string; base: string; specFile: string }[]) {
    for (const a of apis) {
      const spec = loadSpec(a.specFile);
      const templates = Object.keys(spec.paths)
        .map((template) => ({
          template,
          pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
          literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
        }))
        .sort((x, y) => y.literals - x.literals);
      this.apis.push({ name: a.name, base: a.base.replace(/\/+$/, ''), spec, validator: new SchemaValidator(spec), templates });
    }
  }

  /** The five official files for a fake at `base` (the Besluiten API is left out: no official file). */
  static forFake(base: Record<'zaken' | 'catalogi' | 'documenten' | 'notificaties', string>): ZgwContract {
    return new ZgwContract([
      { name: 'zaken', base: base.zaken, specFile: 'zaken/1.5.1/openapi.yaml' },
      { name: 'catalogi', base: base.catalogi, specFile: 'catalogi/1.3.1/openapi.yaml' },
      { name: 'documenten', base: base.documenten, specFile: 'documenten/1.4.2/openapi.yaml' },
      { name: 'notificaties', base: base.notificaties, specFile: 'notificaties/1.0.0/openapi.yaml' },
    ]);
  }

  private match(method: string, url: string): Match | undefined {
    const u = new URL(url);
    const api = this.apis.find((a) => `${u.origin}${u.pathname}`.startsWith(a.base));
    if (!api) return undefined;
    const rest = `${u.origin}${u.pathname}`.slice(api.base.length) || '/';
    const found = api.templates.find((t) => t.pattern.test(rest));
    const operation = found && api.spec.paths[found.template][method.toLowerCase()];
    return operation ? { api, operation } : { api, operation: undefined };
  }

  private schemaOf(content: Record<string, any> | undefined): any {
    if (!content) return undefined;
    return (content['application/json'] ?? content['application/problem+json'] ?? Object.values(content)[0])?.schema;
  }

  /** Names of the query parameters the operation declares; undefined when the URL is not one of these APIs. */
  queryParameters(method: string, url: string): string[] | undefined {
    const m = this.match(method, url);
    if (!m?.operation) return undefined;
    const template = m.api.templates.find((t) => t.pattern.test(`${new URL(url).origin}${new URL(url).pathname}`.slice(m.api.base.length) || '/'))!.template;
    const params = [...(m.api.spec.paths[template].parameters ?? []), ...(m.operation.parameters ?? [])].map((p: any) => m.api.validator.resolve(p));
    return params.filter((p: any) => p.in === 'query').map((p: any) => p.name);
  }

  checkRequest(method: string, url: string, body: unknown): string[] {
    const m = this.match(method, url);
    if (!m) {
      this.unvalidated.push(`${method} ${url}`);
      return [];
    }
    if (!m.operation) return [`${method} ${new URL(url).pathname}: no such operation in the ${m.api.name} specification`];
    const requestBody = m.api.validator.resolve(m.operation.requestBody);
    const schema = this.schemaOf(requestBody?.content);
    if (!schema) return body === undefined ? [] : [`${method} ${new URL(url).pathname}: the specification takes no body`];
    return m.api.validator.validate(schema, body, 'request');
  }

  checkResponse(method: string, url: string, status: number, body: unknown): string[] {
    const m = this.match(method, url);
    if (!m) {
      this.unvalidated.push(`${method} ${url}`);
      return [];
    }
    if (!m.operation) return [`${method} ${new URL(url).pathname}: no such operation in the ${m.api.name} specification`];
    const response = m.api.validator.resolve(m.operation.responses[String(status)] ?? m.operation.responses.default);
    if (!response) return [`${method} ${new URL(url).pathname}: status ${status} is not a response of this operation`];
    const schema = this.schemaOf(response.content);
    if (!schema) return [];
    return m.api.validator.validate(schema, body, 'response');
  }
}
