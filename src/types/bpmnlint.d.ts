// bpmnlint ships no type declarations; we use its Linter with a static resolver.
declare module 'bpmnlint' {
  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'off' | 'rule-error';
  }
  export class Linter {
    constructor(options: { resolver: unknown; config?: unknown });
    lint(moddleRoot: unknown, config: { extends?: string | string[]; rules?: Record<string, string> }): Promise<Record<string, LintReport[]>>;
  }
}
declare module 'bpmnlint/lib/resolver/static-resolver' {
  export default class StaticResolver {
    constructor(cache: Record<string, unknown>);
  }
}
