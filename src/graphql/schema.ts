import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditResolver } from './resolvers/audit.resolver';
import { BreachResolver } from './resolvers/breach.resolver';
import { DataProtectionResolver } from './resolvers/data-protection.resolver';
import { DataSubjectRequestResolver } from './resolvers/data-subject-request.resolver';
import { DpiaResolver, ProcessingResolver } from './resolvers/dpia.resolver';
import { IncidentResolver } from './resolvers/incident.resolver';
import { IncidentWorkResolver } from './resolvers/incident-work.resolver';
import { MeResolver } from './resolvers/me.resolver';
import { NotificationResolver } from './resolvers/notification.resolver';
import { ProcessResolver } from './resolvers/process.resolver';
import { TaskDetailResolver } from './resolvers/task-detail.resolver';
import { TaskConnectionResolver, TaskResolver } from './resolvers/task.resolver';

export async function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      TaskResolver,
      TaskConnectionResolver,
      TaskDetailResolver,
      ProcessResolver,
      MeResolver,
      IncidentResolver,
      IncidentWorkResolver,
      BreachResolver,
      AuditResolver,
      DataSubjectRequestResolver,
      ProcessingResolver,
      DpiaResolver,
      DataProtectionResolver,
      NotificationResolver,
    ],
    validate: false,
  });
}

/** The SDL committed as schema/schema.graphql (sorted, so diffs show real changes only). */
export async function printApiSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildApiSchema())) + '\n';
}
