/**
 * A light runtime check of a response body: only the fields the platform reads, each present and of
 * the right type. Extra fields pass (the APIs add fields in minor versions); the TypeScript type is
 * derived from the shape, so code cannot read a field that was not checked without a cast.
 * Deliberately tiny (no dependency): the full OpenAPI check runs in the contract tests.
 */
export interface Shape<T> {
  /** Appends what is wrong with `value` at `path`; nothing when it fits. */
  check(value: unknown, path: string, problems: string[]): void;
  /** Type carrier only; never set. */
  readonly _type?: T;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

function primitive<T>(name: string, test: (v: unknown) => boolean): Shape<T> {
  return {
    check(value, path, problems) {
      if (!test(value)) problems.push(`${path}: expected ${name}, got ${describe(value)}`);
    },
  };
}

export const string: Shape<string> = primitive('a string', (v) => typeof v === 'string');
/** An absolute http(s) URL: how every ZGW resource and reference is identified. */
export const url: Shape<string> = primitive('an http(s) URL', (v) => typeof v === 'string' && /^https?:\/\/\S+$/.test(v));
export const integer: Shape<number> = primitive('an integer', (v) => Number.isInteger(v));
export const boolean: Shape<boolean> = primitive('a boolean', (v) => typeof v === 'boolean');
/** Anything: for a response the platform only counts (a list whose items it does not read). */
export const anything: Shape<unknown> = { check() {} };

/** Absent, null (Open Zaak's unset date) or of the shape. */
export function optional<T>(shape: Shape<T>): Shape<T | null | undefined> {
  return {
    check(value, path, problems) {
      if (value !== undefined && value !== null) shape.check(value, path, problems);
    },
  };
}

export function arrayOf<T>(item: Shape<T>): Shape<T[]> {
  return {
    check(value, path, problems) {
      if (!Array.isArray(value)) return void problems.push(`${path}: expected an array, got ${describe(value)}`);
      value.forEach((v, i) => item.check(v, `${path}[${i}]`, problems));
    },
  };
}

export function object<P extends Record<string, Shape<unknown>>>(properties: P): Shape<{ [K in keyof P]: Infer<P[K]> }> {
  return {
    check(value, path, problems) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return void problems.push(`${path}: expected an object, got ${describe(value)}`);
      for (const [name, shape] of Object.entries(properties)) {
        const at = path === '(body)' ? name : `${path}.${name}`;
        const field = (value as Record<string, unknown>)[name];
        if (field === undefined && !isOptional(shape)) problems.push(`${at}: required`);
        else shape.check(field, at, problems);
      }
    },
  };
}

function isOptional(shape: Shape<unknown>): boolean {
  const problems: string[] = [];
  shape.check(undefined, '', problems);
  return problems.length === 0;
}

/** The problems of `value` against `shape`; empty when it fits. */
export function problemsOf(shape: Shape<unknown>, value: unknown): string[] {
  const problems: string[] = [];
  shape.check(value, '(body)', problems);
  return problems;
}
