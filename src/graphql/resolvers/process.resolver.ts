import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { toDefinition, toTask } from '../mappers';
import { DeploymentResult, ProcessDefinition } from '../types/process-definition.type';
import { HistoryEntry, ProcessInstance } from '../types/process-instance.type';
import { Task } from '../types/task.type';
import type { ProcessInstanceEntity } from '../../persistence/entities';
import { listCost } from '../limits/list-cost';

/** What the resolver hands to field resolvers: the instance plus its definition. */
type InstanceRoot = ProcessInstance & { bpmn: { xml: string; elements: Record<string, { type: string; name?: string }> } };

function toInstance(instance: ProcessInstanceEntity, xml: string, elements: InstanceRoot['bpmn']['elements']): InstanceRoot {
  return {
    id: instance.id,
    tenantId: instance.tenantId,
    participatingTenants: instance.participatingTenants ?? [],
    processKey: instance.processKey,
    definitionVersion: instance.definitionVersion,
    definitionId: instance.definitionId,
    businessKey: instance.businessKey,
    status: instance.status,
    activeElementIds: instance.activeElementIds,
    variables: instance.variables,
    startedBy: instance.startedBy,
    startedAt: instance.startedAt,
    endedAt: instance.endedAt,
    bpmn: { xml, elements },
  };
}

@Resolver(() => ProcessInstance)
export class ProcessResolver {
  @Query(() => [ProcessDefinition], { description: 'Deployed processes: the latest version of each, or every version.', complexity: listCost(20) })
  async processDefinitions(
    @Ctx() { workflow }: RequestContext,
    @Arg('allVersions', () => Boolean, { nullable: true, defaultValue: false }) allVersions: boolean,
  ): Promise<ProcessDefinition[]> {
    return (await workflow.definitions(allVersions)).map(toDefinition);
  }

  @Mutation(() => DeploymentResult, { description: 'Deploys a BPMN diagram (Camunda Modeler conventions).' })
  async deployProcess(
    @Ctx() { actor, workflow }: RequestContext,
    @Arg('xml', () => String) xml: string,
    @Arg('name', () => String) name: string,
  ): Promise<DeploymentResult> {
    const result = await workflow.deploy(xml, name, actor);
    return { definition: toDefinition(result.definition), created: result.created, warnings: result.warnings };
  }

  @Mutation(() => ProcessInstance)
  async startProcess(
    @Ctx() { actor, workflow }: RequestContext,
    @Arg('key', () => String) key: string,
    @Arg('businessKey', () => String, { nullable: true }) businessKey?: string,
    @Arg('variables', () => GraphQLJSONObject, { nullable: true }) variables?: Record<string, unknown>,
    @Arg('tenantId', () => String, { nullable: true }) tenantId?: string,
  ): Promise<ProcessInstance> {
    const instance = await workflow.start({ processKey: key, businessKey, variables, tenantId, actor });
    const view = await workflow.instance(actor, instance.id);
    return view ? toInstance(view.instance, view.definition.xml, view.definition.model.elements) : toInstance(instance, '', {});
  }

  @Mutation(() => ProcessInstance, { description: 'Delivers a BPMN message to the one case with this business key that waits for it.' })
  async correlateMessage(
    @Ctx() { actor, workflow }: RequestContext,
    @Arg('name', () => String) name: string,
    @Arg('businessKey', () => String) businessKey: string,
    @Arg('variables', () => GraphQLJSONObject, { nullable: true }) variables?: Record<string, unknown>,
    @Arg('tenantId', () => String, { nullable: true }) tenantId?: string,
  ): Promise<ProcessInstance> {
    const instance = await workflow.correlate({ messageName: name, businessKey, variables, tenantId, actor });
    const view = await workflow.instance(actor, instance.id);
    return view ? toInstance(view.instance, view.definition.xml, view.definition.model.elements) : toInstance(instance, '', {});
  }

  @Query(() => ProcessInstance, { nullable: true })
  async processInstance(@Ctx() { actor, workflow }: RequestContext, @Arg('id', () => ID) id: string): Promise<ProcessInstance | null> {
    const view = await workflow.instance(actor, id);
    return view ? toInstance(view.instance, view.definition.xml, view.definition.model.elements) : null;
  }

  @FieldResolver(() => String, { description: 'BPMN XML of the version this case runs on.' })
  async bpmnXml(@Root() root: InstanceRoot, @Ctx() { actor, workflow }: RequestContext): Promise<string> {
    if (root.bpmn.xml) return root.bpmn.xml;
    return (await workflow.instance(actor, root.id))?.definition.xml ?? '';
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'Case data; reading it is recorded in the audit trail.' })
  async variables(@Root() root: InstanceRoot, @Ctx() { actor, workflow, caseReads }: RequestContext): Promise<Record<string, unknown>> {
    await workflow.recordCaseRead(actor, { tenantId: root.tenantId, participatingTenants: root.participatingTenants, instanceId: root.id, data: 'variables' }, caseReads);
    return root.variables;
  }

  @FieldResolver(() => [HistoryEntry], { complexity: listCost(50) })
  async history(@Root() root: InstanceRoot, @Ctx() { workflow }: RequestContext): Promise<HistoryEntry[]> {
    const events = await workflow.history(root.id);
    return events.map((e) => ({
      elementId: e.elementId,
      elementType: e.elementType,
      elementName: root.bpmn.elements[e.elementId]?.name ?? null,
      kind: e.kind,
      actor: e.actor,
      at: e.at,
    }));
  }

  @FieldResolver(() => [Task], { description: 'Open tasks of this case.', complexity: listCost(100) })
  async openTasks(@Root() root: InstanceRoot, @Ctx() { actor, workflow }: RequestContext): Promise<Task[]> {
    return (await workflow.openTasksOfCase(actor, root.id)).map(toTask);
  }
}
