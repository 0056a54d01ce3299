import type { ApolloServerPlugin } from '@apollo/server';
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
