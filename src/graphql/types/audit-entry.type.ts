import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './task.type';

@ObjectType({ description: 'One entry of a municipality\'s tamper-evident audit trail.' })
export class AuditEntry {
  @Field(() => ID) id: string;
  @Field() tenantId: string;
  @Field(() => Int, { description: 'Position in the municipality\'s chain, from 1.' }) seq: number;
  @Field() at: Date;
  @Field({ description: 'Username, or system:<component> for the platform itself.' }) actor: string;
  @Field(() => [String]) actorRoles: string[];
  @Field(() => String, { nullable: true, description: 'The role that granted the access.' }) roleUsed: string | null;
  @Field() action: string;
  @Field(() => ID, { nullable: true }) instanceId: string | null;
  @Field(() => ID, { nullable: true }) taskId: string | null;
  @Field(() => GraphQLJSONObject, { description: 'Ids, codes and field names; never form values.' }) details: Record<string, unknown>;
  @Field(() => String, { nullable: true }) clientAddress: string | null;
  @Field(() => String, { nullable: true }) requestId: string | null;
  @Field({ description: 'Hash of the entry before it in the chain.' }) prevHash: string;
  @Field({ description: 'SHA-256 over this entry\'s canonical JSON and prevHash.' }) hash: string;
}

@ObjectType()
export class AuditEntryEdge {
  @Field() cursor: string;
  @Field(() => AuditEntry) node: AuditEntry;
}

@ObjectType()
export class AuditEntryConnection {
  @Field() tenantId: string;
  @Field(() => [AuditEntryEdge]) edges: AuditEntryEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType()
export class AuditLogFilterInput {
  @Field(() => String, { nullable: true, description: 'Required when you work for several municipalities.' }) tenantId?: string;
  @Field(() => ID, { nullable: true }) instanceId?: string;
  @Field(() => String, { nullable: true, description: 'Username of the person who acted.' }) actor?: string;
  @Field(() => String, { nullable: true, description: 'For example task.completed, case.read.' }) action?: string;
  @Field(() => Date, { nullable: true }) from?: Date;
  @Field(() => Date, { nullable: true }) to?: Date;
}
