import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { listCost, pagedCost } from '../limits/list-cost';
import {
  ErasePersonalDataInput,
  PersonalDataErasure,
  PersonalDataExport,
  PersonIdentifiersInput,
  RetentionStatus,
} from '../types/data-protection.type';

/** Data protection of the platform itself: retention schedule, export of one person, erasure. */
@Resolver()
export class DataProtectionResolver {
  @Query(() => RetentionStatus, { description: 'Retention periods per case type and the cases whose personal data go next (FG, PB).', complexity: pagedCost(50, 200) })
  retentionStatus(
    @Ctx() { actor, dataProtection }: RequestContext,
    @Arg('tenantId', () => String, { nullable: true }) tenantId?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
  ): Promise<RetentionStatus> {
    return dataProtection.retentionStatus(actor, tenantId, first);
  }

  @Query(() => PersonalDataExport, {
    description: 'Everything the platform holds on one person in a municipality (FG, PB); recorded in the audit trail.',
    complexity: listCost(20),
  })
  personalDataExport(
    @Ctx() { actor, dataProtection }: RequestContext,
    @Arg('person', () => PersonIdentifiersInput) person: PersonIdentifiersInput,
    @Arg('tenantId', () => String, { nullable: true }) tenantId?: string,
  ): Promise<PersonalDataExport> {
    return dataProtection.exportPersonalData(actor, person, tenantId);
  }

  @Mutation(() => PersonalDataErasure, { description: 'Erases a person from closed cases where the law allows it (PB); all listed cases or none.' })
  erasePersonalData(
    @Ctx() { actor, dataProtection }: RequestContext,
    @Arg('input', () => ErasePersonalDataInput) input: ErasePersonalDataInput,
    @Arg('tenantId', () => String, { nullable: true }) tenantId?: string,
  ): Promise<PersonalDataErasure> {
    return dataProtection.erasePersonalData(actor, input, tenantId);
  }
}
