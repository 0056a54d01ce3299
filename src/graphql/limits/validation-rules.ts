import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { ASTVisitor, FieldNode, ValidationContext, ValidationRule } from 'graphql';
import { ApiLimitCode, ApiLimitError } from './api-limit-error';

export interface QueryShapeLimits {
  maxDepth: number;
  maxAliases: number;
  /** Refuse __schema and __type (production). */
  refuseIntrospection: boolean;
}

/**
 * Validation rules that refuse a document before it runs. graphql-armor counts depth and aliases;
 * its own error carries no code, so each rejection is reported again as an ApiLimitError.
 */
export function queryShapeRules(limits: QueryShapeLimits): ValidationRule[] {
  const rules: ValidationRule[] = [
    maxDepthRule({
      n: limits.maxDepth,
      // A fragment adds the depth of its fields, not a level of its own.
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [(ctx, err) => ctx?.reportError(new ApiLimitError(ApiLimitCode.QUERY_TOO_DEEP, err.message.replace(/^Syntax Error: /, ''), limits.maxDepth))],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [(ctx, err) => ctx?.reportError(new ApiLimitError(ApiLimitCode.TOO_MANY_ALIASES, err.message.replace(/^Syntax Error: /, ''), limits.maxAliases))],
    }),
  ];
  if (limits.refuseIntrospection) rules.push(noIntrospectionRule);
  return rules;
}

/** Like graphql-js's NoSchemaIntrospectionCustomRule, with a stable code. */
function noIntrospectionRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node: FieldNode) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(new ApiLimitError(ApiLimitCode.INTROSPECTION_DISABLED, 'introspection is disabled in production'));
      }
    },
  };
}
