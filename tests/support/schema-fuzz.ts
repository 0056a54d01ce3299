import fc from 'fast-check';
import {
  getNamedType, GraphQLField, GraphQLInputField, GraphQLInputObjectType, GraphQLInputType, GraphQLOutputType, GraphQLSchema,
  isEnumType, isInputObjectType, isInterfaceType, isLeafType, isListType, isNonNullType, isObjectType, isScalarType, isUnionType,
} from 'graphql';

/**
 * Arbitrary inputs for every query and mutation of a schema, derived from the argument types, so
 * that an operation added later is fuzzed without touching the fuzz test. A type the generator has
 * no values for is an {@link UnfuzzableOperationError}, never a skipped operation.
 */

export interface FuzzOperation {
  kind: 'query' | 'mutation';
  name: string;
  field: GraphQLField<unknown, unknown>;
}

/** The generator met a type it has no values for; the message names the operation and the argument path. */
export class UnfuzzableOperationError extends Error {
  constructor(readonly operation: string, readonly path: string, reason: string) {
    super(`cannot fuzz ${operation}: ${path}: ${reason}; teach tests/support/schema-fuzz.ts (FuzzVocabulary) this type`);
  }
}

/**
 * What the generator draws from. The scalars are keyed by GraphQL type name; `byName` overrides
 * String and ID values where the argument or input field name says more than the type does
 * (a tenantId, a cursor, a BPMN diagram, a date written as YYYY-MM-DD).
 */
export interface FuzzVocabulary {
  scalars: Record<string, fc.Arbitrary<unknown>>;
  /** Values for an argument or input field of type ID, by its name (a dpiaId is mostly the id of a DPIA). */
  id: (name: string) => fc.Arbitrary<unknown>;
  byName: { name: RegExp; values: fc.Arbitrary<unknown> }[];
  /** Values for String fields whose description asks for a calendar date (YYYY-MM-DD). */
  day: fc.Arbitrary<unknown>;
  /** A value of any JSON type: what a careless client sends in place of the declared type. */
  wrongType: fc.Arbitrary<unknown>;
  /** Input objects that pass the domain's validation, by type name; the generator varies one or two fields. */
  validInputs: Record<string, unknown>;
}

/** Every query and mutation of the schema, in schema order. */
export function schemaOperations(schema: GraphQLSchema): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [kind, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) operations.push({ kind, name: field.name, field });
  }
  return operations;
}

/**
 * The document for one operation: every argument as a variable of its declared type, and the
 * result's fields down to `depth` levels (so that field resolvers run on fuzzed data too).
 */
export function fuzzDocument(op: FuzzOperation, depth: number): string {
  const declared = op.field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = op.field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const variables = declared ? `(${declared})` : '';
  return `${op.kind} Fuzz${variables} { ${op.name}${passed ? `(${passed})` : ''}${selection(op, op.field.type, depth)} }`;
}

function selection(op: FuzzOperation, type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named) || depth <= 1) return ' { __typename }';
  if (!isObjectType(named) && !isInterfaceType(named)) throw new UnfuzzableOperationError(op.name, 'result', `no selection for ${String(type)}`);
  const parts: string[] = [];
  for (const field of Object.values(named.getFields())) {
    // A field that needs arguments is an operation of its own; the root operations are fuzzed.
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    if (isLeafType(getNamedType(field.type))) parts.push(field.name);
    else if (depth > 2) parts.push(`${field.name}${selection(op, field.type, depth - 1)}`);
  }
  return ` { ${parts.length ? parts.join(' ') : '__typename'} }`;
}

/** Variables for one operation: mostly well-typed, valid-looking values, with hostile ones mixed in. */
export function argumentsArbitrary(op: FuzzOperation, vocabulary: FuzzVocabulary): fc.Arbitrary<Record<string, unknown>> {
  const generator = new InputGenerator(op.name, vocabulary);
  const args: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of op.field.args) args[arg.name] = generator.value(arg.type, arg.name, arg.description ?? '', arg.name);
  const required = op.field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name);
  if (!op.field.args.length) return fc.constant({});
  return fc.oneof(
    { weight: 15, arbitrary: fc.record(args, { requiredKeys: required }) },
    // Required arguments left out now and then.
    { weight: 1, arbitrary: fc.record(args, { requiredKeys: [] }) },
  ) as fc.Arbitrary<Record<string, unknown>>;
}

/** A value of `type` that passes GraphQL's coercion (and where `validInputs` knows it, the domain's validation). */
export function sampleInput(type: GraphQLInputType, validInputs: Record<string, unknown>, description = ''): unknown {
  if (isNonNullType(type)) return sampleInput(type.ofType, validInputs, description);
  if (isListType(type)) return [sampleInput(type.ofType, validInputs)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    if (validInputs[type.name]) return validInputs[type.name];
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sampleInput(field.type, validInputs, field.description ?? '');
    }
    return value;
  }
  switch (type.name) {
    case 'Int': case 'Float': return 1;
    case 'Boolean': return true;
    case 'DateTimeISO': return new Date().toISOString();
    case 'JSON': case 'JSONObject': return {};
    default: return description.includes('YYYY-MM-DD') ? '2027-06-01' : 'tekst';
  }
}

class InputGenerator {
  /** Input objects being generated, so that a recursive input type ends instead of recursing forever. */
  private readonly open = new Set<string>();

  constructor(private readonly operation: string, private readonly vocabulary: FuzzVocabulary) {}

  value(type: GraphQLInputType, name: string, description: string, path: string): fc.Arbitrary<unknown> {
    const { wrongType } = this.vocabulary;
    // A required value is rarely null or of the wrong type; an optional one a little more often.
    const present = isNonNullType(type) ? 20 : 10;
    const inner = this.present(type, name, description, path);
    return fc.oneof({ weight: present, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrongType });
  }

  /** A value of the (nullable) type itself, without the null and wrong-type variants. */
  private present(type: GraphQLInputType, name: string, description: string, path: string): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return this.present(type.ofType, name, description, path);
    if (isListType(type)) {
      const item = this.value(type.ofType, name, description, `${path}[]`);
      // GraphQL coerces a single value to a list of one: worth sending too.
      return fc.oneof({ weight: 6, arbitrary: fc.array(item, { maxLength: 6 }) }, { weight: 1, arbitrary: item });
    }
    if (isEnumType(type)) return fc.oneof(fc.constantFrom(...type.getValues().map((v) => v.value)), this.string(name, description, path));
    if (isInputObjectType(type)) return this.inputObject(type, path);
    if (isScalarType(type)) {
      if (type.name === 'String' || type.name === 'ID') return this.string(name, description, path, type.name);
      const values = this.vocabulary.scalars[type.name];
      if (!values) throw new UnfuzzableOperationError(this.operation, path, `no values for scalar ${type.name}`);
      return values;
    }
    throw new UnfuzzableOperationError(this.operation, path, `unknown input type ${String(type)}`);
  }

  private string(name: string, description: string, path: string, scalar = 'String'): fc.Arbitrary<unknown> {
    if (scalar === 'ID') return this.vocabulary.id(name);
    const hinted = this.vocabulary.byName.find((h) => h.name.test(name));
    if (hinted) return hinted.values;
    if (description.includes('YYYY-MM-DD')) return this.vocabulary.day;
    const values = this.vocabulary.scalars[scalar];
    if (!values) throw new UnfuzzableOperationError(this.operation, path, `no values for scalar ${scalar}`);
    return values;
  }

  /** Any subset of the fields, or a valid input with one or two fields made hostile, or the valid input itself. */
  private inputObject(type: GraphQLInputObjectType, path: string): fc.Arbitrary<unknown> {
    if (this.open.has(type.name)) return fc.constant(null);
    this.open.add(type.name);
    try {
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const field of Object.values(type.getFields()) as GraphQLInputField[]) {
        fields[field.name] = this.value(field.type, field.name, field.description ?? '', `${path}.${field.name}`);
      }
      const valid = sampleInput(type, this.vocabulary.validInputs) as Record<string, unknown>;
      const names = Object.keys(fields);
      const nearlyValid = fc.subarray(names, { minLength: 1, maxLength: 2 }).chain((chosen) =>
        fc.record(Object.fromEntries(chosen.map((n) => [n, fields[n]]))).map((hostile) => ({ ...valid, ...hostile })),
      );
      return fc.oneof(
        { weight: 3, arbitrary: fc.record(fields, { requiredKeys: [] }) },
        { weight: 4, arbitrary: nearlyValid },
        { weight: 1, arbitrary: fc.constant(valid) },
      );
    } finally {
      this.open.delete(type.name);
    }
  }
}
