import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import type { TaskScope } from '../../inbox/inbox.service';

export enum TaskScopeInput {
  candidate = 'candidate',
  assignedToMe = 'assignedToMe',
  unassigned = 'unassigned',
  supervised = 'supervised',
}
registerEnumType(TaskScopeInput, {
  name: 'TaskScope',
  valuesConfig: {
    candidate: { description: 'Open tasks my roles or I may do (default).' },
    assignedToMe: { description: 'Open tasks I hold.' },
    unassigned: { description: 'Open tasks nobody holds yet.' },
    supervised: { description: 'Open tasks of the cases I supervise, read-only (FG: every case; CISO: incidents).' },
  },
});

@InputType()
export class TaskFilterInput {
  @Field(() => TaskScopeInput, { nullable: true }) scope?: TaskScope;
  @Field({ nullable: true }) processKey?: string;
  @Field({ nullable: true }) dueBefore?: Date;
  @Field({ nullable: true }) overdue?: boolean;
  @Field({ nullable: true, description: 'Case-insensitive search in task name and business key.' }) search?: string;
  @Field({ nullable: true }) tenantId?: string;
  @Field(() => ID, { nullable: true, description: 'Only the tasks of this case.' }) instanceId?: string;
}
