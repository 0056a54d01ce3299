import { GraphQLError } from 'graphql';

export enum ApiLimitCode {
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  BATCH_TOO_LARGE = 'BATCH_TOO_LARGE',
  RATE_LIMITED = 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  INTROSPECTION_DISABLED = 'INTROSPECTION_DISABLED',
}

/** HTTP status of each refusal: 413 and 429 where HTTP has a word for it, 400 otherwise. */
export const API_LIMIT_STATUS: Record<ApiLimitCode, number> = {
  [ApiLimitCode.QUERY_TOO_DEEP]: 400,
  [ApiLimitCode.QUERY_TOO_COSTLY]: 400,
  [ApiLimitCode.TOO_MANY_ALIASES]: 400,
  [ApiLimitCode.BATCH_TOO_LARGE]: 400,
  [ApiLimitCode.RATE_LIMITED]: 429,
  [ApiLimitCode.PAYLOAD_TOO_LARGE]: 413,
  [ApiLimitCode.INTROSPECTION_DISABLED]: 400,
};

/** A request refused by an abuse limit before anything ran. Nothing was read or changed. */
export class ApiLimitError extends GraphQLError {
  constructor(readonly code: ApiLimitCode, message: string, readonly limit?: number) {
    super(message, { extensions: { code, ...(limit !== undefined ? { limit } : {}), http: { status: API_LIMIT_STATUS[code] } } });
    this.name = 'ApiLimitError';
  }
}

/** The JSON body a refusal outside GraphQL execution (HTTP middleware) answers with. */
export function limitErrorBody(code: ApiLimitCode, message: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}
