import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, visit } from 'graphql';

export const UNSTORABLE_TEXT = 'UNSTORABLE_TEXT';

/** Text PostgreSQL cannot hold was sent; the operation was refused before anything ran. */
export class UnstorableTextError extends GraphQLError {
  constructor() {
    super('the input contains a NUL character or an unpaired surrogate, which cannot be stored', {
      extensions: { code: UNSTORABLE_TEXT, http: { status: 400 } },
    });
    this.name = 'UnstorableTextError';
  }
}

/** PostgreSQL text and jsonb refuse U+0000 and unpaired UTF-16 surrogates (found by the GraphQL fuzz test). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = (text: string) => !UNSTORABLE.test(text);

/** Walks the variables without recursion: a 2 MB body can nest deeper than the call stack. */
function variablesStorable(variables: unknown): boolean {
  const pending: unknown[] = [variables];
  while (pending.length) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (!storable(value)) return false;
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (!storable(key)) return false;
        pending.push(item);
      }
    }
  }
  return true;
}

function literalsStorable(document: DocumentNode): boolean {
  let ok = true;
  visit(document, { StringValue: (node) => { if (!storable(node.value)) ok = false; } });
  return ok;
}

/**
 * Refuses, with one typed error, any operation whose variables or inline strings hold text the
 * database cannot store, instead of letting a resolver's write fail half-way with a driver error.
 */
export function storableTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          if (!variablesStorable(request.variables ?? {}) || !literalsStorable(document)) throw new UnstorableTextError();
        },
      };
    },
  };
}
