import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';

export enum TaskStatus {
  open = 'open',
  completed = 'completed',
  cancelled = 'cancelled',
}
registerEnumType(TaskStatus, { name: 'TaskStatus' });

@ObjectType()
export class FormFieldOption {
  @Field() id: string;
  @Field() name: string;
}

@ObjectType()
export class FormFieldConstraints {
  @Field(() => Int, { nullable: true }) minlength?: number;
  @Field(() => Int, { nullable: true }) maxlength?: number;
  @Field({ nullable: true }) min?: number;
  @Field({ nullable: true }) max?: number;
}

@ObjectType({ description: 'One field of a task form (camunda:formField).' })
export class FormField {
  @Field() id: string;
  @Field() label: string;
  @Field({ description: 'string | long | double | boolean | date | enum' }) type: string;
  @Field() required: boolean;
  @Field() readonly: boolean;
  @Field(() => [FormFieldOption], { nullable: true }) options?: FormFieldOption[];
  @Field(() => FormFieldConstraints) constraints: FormFieldConstraints;
  @Field(() => GraphQLJSON, { nullable: true }) defaultValue?: unknown;
}

@ObjectType()
export class Task {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'BPMN element id of the user task.' }) elementId: string;
  @Field(() => ID) instanceId: string;
  @Field() processKey: string;
  @Field(() => String, { nullable: true }) businessKey: string | null;
  @Field() tenantId: string;
  @Field(() => TaskStatus) status: TaskStatus;
  @Field(() => [String]) candidateGroups: string[];
  @Field(() => [String]) candidateUsers: string[];
  @Field(() => String, { nullable: true }) assignee: string | null;
  @Field(() => Date, { nullable: true }) dueAt: Date | null;
  @Field(() => Date, { nullable: true }) followUpAt: Date | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field(() => String, { nullable: true }) completedBy: string | null;
}

@ObjectType()
export class TaskDetail extends Task {
  @Field(() => String, { nullable: true }) formKey: string | null;
  @Field(() => [FormField]) form: FormField[];
  @Field(() => GraphQLJSONObject, { description: 'Case data the user may see: the process variables, and for one iteration of a multi-instance task its element variable and loopCounter.' }) caseData: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Submitted form values, once completed.' }) output: Record<string, unknown> | null;
}

@ObjectType()
export class TaskEdge {
  @Field() cursor: string;
  @Field(() => Task) node: Task;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType()
export class TaskConnection {
  @Field(() => [TaskEdge]) edges: TaskEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'Every open task matching the filter (counted only when asked for).' }) totalCount: number;
}

/** What the tasks query hands to TaskConnection's field resolvers: the count is done lazily. */
export type TaskConnectionRoot = Omit<TaskConnection, 'totalCount'> & { countTotal(): Promise<number> };
