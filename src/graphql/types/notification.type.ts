import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A reminder, escalation or message of a case, for the signed-in person (or a role they hold).' })
export class Notification {
  @Field(() => ID) id: string;
  @Field({ description: 'The case number (business key), e.g. the incident or request reference.' }) caseReference: string;
  @Field(() => ID) instanceId: string;
  @Field({ description: 'reminder | escalation | information' }) kind: string;
  @Field({ description: 'What is due or happened (Dutch).' }) title: string;
  @Field(() => Date, { nullable: true, description: 'The moment that is due, when the step has one.' }) dueAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The role it was addressed to when nobody holding it could be resolved; null when addressed to you.' })
  addressedToRole: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
}
