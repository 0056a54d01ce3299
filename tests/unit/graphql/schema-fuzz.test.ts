import fc from 'fast-check';
import { buildSchema } from 'graphql';
import { argumentsArbitrary, FuzzVocabulary, fuzzDocument, schemaOperations, UnfuzzableOperationError } from '../../support/schema-fuzz';

/** The generator behind tests/integration/graphql-fuzz.test.ts: every operation fuzzed, or a failure that names it. */
const schema = buildSchema(`
  scalar Money
  enum Colour { RED GREEN }
  input Order { colour: Colour!, note: String, lines: [Line!]! }
  input Line { quantity: Int!, dueDate: String }
  type Receipt { id: ID! total: Int lines: [ReceiptLine!]! }
  type ReceiptLine { quantity: Int! }
  type Query { receipt(id: ID!): Receipt, ping: Boolean! }
  type Mutation { order(order: Order!): Receipt!, pay(receiptId: ID!, amount: Money!): Receipt! }
`);

const vocabulary: FuzzVocabulary = {
  id: () => fc.constant('id-1'),
  scalars: { String: fc.constant('tekst'), Int: fc.constant(7), Boolean: fc.boolean() },
  byName: [{ name: /Date$/, values: fc.constant('2027-06-01') }],
  day: fc.constant('2027-06-01'),
  wrongType: fc.constant({ wrong: true }),
  validInputs: {},
};
const operation = (name: string) => schemaOperations(schema).find((o) => o.name === name)!;

describe('schema fuzz generator', () => {
  it('finds every query and mutation, those without arguments included', () => {
    expect(schemaOperations(schema).map((o) => `${o.kind} ${o.name}`)).toEqual(['query receipt', 'query ping', 'mutation order', 'mutation pay']);
  });

  it('declares every argument and selects the result down to the depth asked', () => {
    expect(fuzzDocument(operation('receipt'), 3)).toBe('query Fuzz($id: ID!) { receipt(id: $id) { id total lines { quantity } } }');
    expect(fuzzDocument(operation('receipt'), 1)).toBe('query Fuzz($id: ID!) { receipt(id: $id) { __typename } }');
    expect(fuzzDocument(operation('ping'), 3)).toBe('query Fuzz { ping }');
  });

  it('fills input objects, enums and lists from their types, with the values the vocabulary gives per name', () => {
    const samples = fc.sample(argumentsArbitrary(operation('order'), vocabulary), { numRuns: 300, seed: 1 });
    const orders = samples.map((s) => s.order as Record<string, any>).filter((o) => !!o && typeof o === 'object' && Array.isArray(o.lines));
    expect(orders.some((o) => o.colour === 'RED' || o.colour === 'GREEN')).toBe(true);
    expect(orders.flatMap((o) => o.lines).some((l: any) => l?.dueDate === '2027-06-01')).toBe(true);
    // Hostile too: a required argument left out, and a value of the wrong type.
    expect(samples.some((s) => !('order' in s))).toBe(true);
    expect(samples.some((s) => JSON.stringify(s).includes('"wrong":true'))).toBe(true);
  });

  it('refuses, naming the operation and the argument, a type it has no values for', () => {
    expect(() => argumentsArbitrary(operation('pay'), vocabulary)).toThrow(UnfuzzableOperationError);
    expect(() => argumentsArbitrary(operation('pay'), vocabulary)).toThrow('cannot fuzz pay: amount: no values for scalar Money');
  });
});
