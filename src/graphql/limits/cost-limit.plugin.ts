import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ApiLimitCode, ApiLimitError } from './api-limit-error';

/**
 * Refuses an operation whose estimated cost exceeds the limit, before it runs. Every field costs 1;
 * list fields declare their cost in their TypeGraphQL `complexity` option (page size times the
 * cost of one item). Runs after variables are known, which a static validation rule cannot.
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          // getComplexity throws a bare GraphQLError (no code: an internal error) on variables that do
          // not fit their types. Such an operation never runs: Apollo refuses it with BAD_USER_INPUT.
          const operation = getOperationAST(document, request.operationName ?? undefined);
          const { errors } = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
          if (errors?.length) return;
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > maxCost) {
            throw new ApiLimitError(ApiLimitCode.QUERY_TOO_COSTLY, `query cost ${cost} exceeds the limit of ${maxCost}`, maxCost);
          }
        },
      };
    },
  };
}
