import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';

/** Cost of a paged list: the page size asked for (or its default) times the cost of one item. */
export const pagedCost =
  (defaultPageSize: number, maxPageSize: number) =>
  ({ args, childComplexity }: ComplexityEstimatorArgs): number =>
    1 + Math.min(typeof args.first === 'number' ? Math.max(args.first, 1) : defaultPageSize, maxPageSize) * childComplexity;

/** Cost of a list without paging arguments: a typical length times the cost of one item. */
export const listCost =
  (typicalLength: number) =>
  ({ childComplexity }: ComplexityEstimatorArgs): number =>
    1 + typicalLength * childComplexity;
