import { evaluate, parseExpression } from 'feelin';

/**
 * The expression language of privacyflow diagrams.
 *
 * `${a.b.c}`  — a property path (what bpmn-engine itself uses for `${environment.services.x}`
 *               and `${environment.variables.deadlineAt}`).
 * `${FEEL}`   — anything else between `${` and `}` is a FEEL expression (the DMN / Camunda 8
 *               standard, interpreted by `feelin`; no JavaScript evaluation, no `node:vm`),
 *               evaluated with the process variables as its context:
 *               `${impact = "hoog" and personalData}`.
 *
 * bpmn-engine's own resolver has no operators (`${a > b}` silently resolves to undefined),
 * which is why conditions must go through this module.
 */

const WHOLE_EXPRESSION = /^\$\{([\s\S]+)\}$/;
const ANY_EXPRESSION = /\$\{[\s\S]+?\}/;
const PROPERTY_PATH = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** Engine plumbing that bpmn-engine merges into process variables (see the engine notes). */
export const RESERVED_VARIABLE_NAMES = ['fields', 'content', 'properties'] as const;

export function isExpression(text: unknown): boolean {
  return typeof text === 'string' && WHOLE_EXPRESSION.test(text.trim());
}

export function hasExpression(text: unknown): boolean {
  return typeof text === 'string' && ANY_EXPRESSION.test(text);
}

/** Inner text of `${…}`, or undefined when `text` is not one whole expression. */
export function expressionBody(text: string): string | undefined {
  return WHOLE_EXPRESSION.exec(text.trim())?.[1];
}

export function isPropertyPath(body: string): boolean {
  return PROPERTY_PATH.test(body);
}

export function resolvePropertyPath(context: unknown, path: string): unknown {
  let value: any = context;
  for (const key of path.trim().split('.')) {
    if (value === null || value === undefined || FORBIDDEN_KEYS.has(key)) return undefined;
    value = value[key];
  }
  return value;
}

/** Process variables without the engine's plumbing keys. */
export function businessVariables(variables: Record<string, unknown> | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(variables ?? {})) {
    if (!(RESERVED_VARIABLE_NAMES as readonly string[]).includes(key)) result[key] = value;
  }
  return result;
}

/**
 * Evaluates a FEEL expression. Temporal results (date and time, duration) are returned as
 * their ISO string so they can be stored in process variables and timer definitions.
 */
export function evaluateFeel(body: string, context: Record<string, unknown>): unknown {
  const { value } = evaluate(body, context) as { value: unknown };
  return toPlainValue(value);
}

function toPlainValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null && typeof (value as any).toString === 'function') {
      return String(value);
    }
  }
  return value;
}

/**
 * Returns why `body` is not an expression the platform can evaluate, or undefined when it is.
 * Used at deployment so that a condition with a typo is refused instead of silently routing
 * every case down the default flow.
 */
export function findExpressionProblem(body: string): string | undefined {
  if (isPropertyPath(body)) return undefined;
  let tree;
  try {
    tree = parseExpression(body, {}, undefined);
  } catch (err) {
    return `not a FEEL expression: ${(err as Error).message}`;
  }
  let problem: string | undefined;
  tree.iterate({
    enter(node) {
      if (problem) return false;
      if (node.type.isError) {
        problem = `not a FEEL expression: unexpected input at position ${node.from} in "${body}"`;
        return false;
      }
      // `a == b` parses in FEEL as `a = (= b)`: a comparison against a unary test, which is
      // never what the modeller meant (FEEL equality is a single `=`).
      if (node.type.name === 'SimplePositiveUnaryTest' || node.type.name === 'PositiveUnaryTest') {
        problem = `not a FEEL expression: "${body}" (FEEL compares with "=" and "!=", not "==")`;
        return false;
      }
      return undefined;
    },
  });
  return problem;
}

/** Builds the FEEL context from an engine expression context ({ environment, content, ... }). */
function feelContext(context: any): Record<string, unknown> {
  const variables = businessVariables(context?.environment?.variables);
  return {
    ...variables,
    environment: { variables, output: context?.environment?.output ?? {} },
  };
}

/**
 * `${environment.variables.x}` (bpmn-engine's convention) and `${x}` (what a modeller writes)
 * both name process variable x: a path whose first segment is not part of the engine's
 * context is read from the process variables.
 */
function resolvePath(context: any, path: string): unknown {
  const root = path.trim().split('.')[0];
  if (context && typeof context === 'object' && root in context) return resolvePropertyPath(context, path);
  return resolvePropertyPath(businessVariables(context?.environment?.variables), path);
}

/**
 * The `expressions` handler given to every bpmn-engine Engine. Paths resolve as bpmn-engine
 * resolves them (services, timer values); everything else is FEEL.
 */
export const engineExpressions = {
  isExpression,
  hasExpression,
  resolveExpression(template: unknown, context: unknown, _fnContext?: unknown): unknown {
    if (typeof template !== 'string') return template;
    const body = expressionBody(template);
    if (body === undefined) {
      // A string with embedded ${path} parts, e.g. a message name template.
      return template.replace(/\$\{([\s\S]+?)\}/g, (_m, inner: string) => {
        const v = isPropertyPath(inner) ? resolvePath(context, inner) : evaluateFeel(inner, feelContext(context));
        return v === undefined || v === null ? '' : String(v);
      });
    }
    if (isPropertyPath(body)) return resolvePath(context, body);
    return evaluateFeel(body, feelContext(context));
  },
};

/**
 * Resolves a Camunda attribute (camunda:assignee, camunda:dueDate, …) against process
 * variables outside the engine, with exactly the rules the engine applies inside it.
 */
export function resolveWithVariables(text: string, variables: Record<string, unknown>): unknown {
  return engineExpressions.resolveExpression(text, { environment: { variables } });
}
