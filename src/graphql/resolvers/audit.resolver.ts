import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { encodeAuditCursor, MAX_AUDIT_PAGE } from '../../audit/audit-log.service';
import { pagedCost } from '../limits/list-cost';
import type { RequestContext } from '../context';
import { toAuditEntry } from '../mappers';
import { AuditEntryConnection, AuditLogFilterInput } from '../types/audit-entry.type';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: 'A municipality\'s audit log, newest first (FG, CISO, regional CISO).',
    complexity: pagedCost(50, MAX_AUDIT_PAGE),
  })
  async auditLog(
    @Ctx() { actor, workflow }: RequestContext,
    @Arg('filter', () => AuditLogFilterInput, { nullable: true }) filter?: AuditLogFilterInput,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<AuditEntryConnection> {
    const page = await workflow.auditLog(actor, filter ?? {}, first, after);
    return {
      tenantId: page.tenantId,
      edges: page.nodes.map((e) => ({ cursor: encodeAuditCursor(e.seq), node: toAuditEntry(e) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
