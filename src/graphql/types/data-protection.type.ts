import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'How the person is known: a BSN, the full name as they write it and/or an e-mail address.' })
export class PersonIdentifiersInput {
  @Field(() => String, { nullable: true }) bsn?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
}

@InputType()
export class ErasePersonalDataInput {
  @Field(() => PersonIdentifiersInput) person: PersonIdentifiersInput;
  @Field(() => [ID], { description: 'The cases to erase the person from (from personalDataExport); all or none.' }) caseIds: string[];
  @Field(() => String, { nullable: true, description: 'The AVG request this carries out (AVG-<year>-<number>); recorded in the audit trail.' })
  requestReference?: string | null;
}

@ObjectType({ description: 'Why the law does not (yet) allow erasing the person from a case.' })
export class ErasureHoldInfo {
  @Field({ description: 'ERASURE_CASE_OPEN | ERASURE_LEGAL_HOLD' }) code: string;
  @Field({ description: 'case-running | case-failed | objection-pending | incident-file-in-use | objection-term | appeal-term | ap-notification-open | record-kept-by-law' })
  reason: string;
  @Field() text: string;
  @Field(() => Date, { nullable: true, description: 'When the hold ends by itself' }) until: Date | null;
}

@ObjectType({ description: 'A case in which the person occurs.' })
export class PersonCase {
  @Field(() => ID) caseId: string;
  @Field({ description: 'incident | data-subject-request | dpia | other' }) caseType: string;
  @Field() processKey: string;
  @Field(() => String, { nullable: true, description: 'The case number' }) reference: string | null;
  @Field(() => [String], { description: 'requester | representative | reporter | mentioned' }) roles: string[];
  @Field() closed: boolean;
  @Field(() => ErasureHoldInfo, { nullable: true, description: 'Null: the person may be erased from this case now' }) hold: ErasureHoldInfo | null;
  @Field(() => Date, { nullable: true }) personalDataRemovedAt: Date | null;
}

@ObjectType({ description: 'Everything the platform holds on one person in one municipality.' })
export class PersonalDataExport {
  @Field() tenantId: string;
  @Field({ description: 'The pseudonym the audit entries about this person carry' }) subject: string;
  @Field() generatedAt: Date;
  @Field(() => [PersonCase]) cases: PersonCase[];
  @Field(() => GraphQLJSONObject, { description: 'The full document: per case the request or report, every mention, and the audit trail' })
  document: Record<string, unknown>;
}

@ObjectType()
export class ErasedCase {
  @Field(() => ID) caseId: string;
  @Field() caseType: string;
  @Field(() => String, { nullable: true }) reference: string | null;
  @Field(() => [String]) roles: string[];
}

@ObjectType({ description: 'An erasure carried out; its audit entries carry `subject`, which no longer leads to the person.' })
export class PersonalDataErasure {
  @Field() subject: string;
  @Field() erasedAt: Date;
  @Field(() => [ErasedCase]) cases: ErasedCase[];
}

@ObjectType({ description: 'How long one case type keeps personal data after the case ended, and why.' })
export class RetentionRuleInfo {
  @Field() caseType: string;
  @Field(() => String, { nullable: true, description: 'ISO 8601 duration; null = no destruction timer' }) period: string | null;
  @Field(() => String, { nullable: true, description: 'The environment variable that sets it' }) setting: string | null;
  @Field() trigger: string;
  @Field() basis: string;
}

@ObjectType()
export class RetentionCounts {
  @Field() caseType: string;
  @Field(() => Int, { description: 'Ended cases still holding personal data' }) kept: number;
  @Field(() => Int) removedByRetention: number;
  @Field(() => Int) removedByErasure: number;
  @Field(() => Date, { nullable: true }) oldestKeptClosedAt: Date | null;
}

@ObjectType()
export class RetentionScheduleEntry {
  @Field(() => ID) caseId: string;
  @Field() caseType: string;
  @Field(() => String, { nullable: true }) reference: string | null;
  @Field({ description: 'When the case ended (an incident file: when it was archived)' }) since: Date;
  @Field(() => Date, { nullable: true, description: 'When its personal data go; null = no timer' }) dueAt: Date | null;
  @Field({ description: 'retention-timer | diagram' }) scheduledBy: string;
}

@ObjectType()
export class RetentionStatus {
  @Field() tenantId: string;
  @Field(() => [RetentionRuleInfo]) rules: RetentionRuleInfo[];
  @Field(() => [RetentionCounts]) counts: RetentionCounts[];
  @Field(() => [RetentionScheduleEntry], { description: 'Cases whose personal data go next' }) upcoming: RetentionScheduleEntry[];
}
