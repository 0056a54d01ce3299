/**
 * TypeORM's deep-partial insert/update typing cannot express jsonb columns holding arbitrary
 * JSON; values pass through this identity so the cast lives in one named place.
 */
export const jsonb = (value: unknown): any => value;
