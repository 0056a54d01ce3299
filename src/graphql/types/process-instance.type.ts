import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An element entered or left, by whom, when.' })
export class HistoryEntry {
  @Field() elementId: string;
  @Field() elementType: string;
  @Field(() => String, { nullable: true }) elementName: string | null;
  @Field({ description: 'entered | left' }) kind: string;
  @Field() actor: string;
  @Field() at: Date;
}

@ObjectType()
export class ProcessInstance {
  @Field(() => ID) id: string;
  @Field({ description: 'The municipality that owns the case.' }) tenantId: string;
  @Field(() => [String], { description: 'Municipalities the case is shared with besides its owner (e.g. all those a supplier incident affects).' })
  participatingTenants: string[];
  @Field() processKey: string;
  @Field(() => Int) definitionVersion: number;
  @Field(() => ID) definitionId: string;
  @Field(() => String, { nullable: true }) businessKey: string | null;
  @Field({ description: 'running | completed | failed' }) status: string;
  @Field(() => [String], { description: 'Element ids where the case currently waits.' }) activeElementIds: string[];
  @Field(() => GraphQLJSONObject) variables: Record<string, unknown>;
  @Field() startedBy: string;
  @Field() startedAt: Date;
  @Field(() => Date, { nullable: true }) endedAt: Date | null;
}
