import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A deployed version of a BPMN diagram.' })
export class ProcessDefinition {
  @Field(() => ID) id: string;
  @Field({ description: 'Key (bpmn:process id) by which instances are started.' }) key: string;
  @Field() name: string;
  @Field(() => Int) version: number;
  @Field() deployedBy: string;
  @Field() deployedAt: Date;
  @Field({ description: 'The BPMN XML, for a modeller or a bpmn-js viewer.' }) bpmnXml: string;
}

@ObjectType({ description: 'A finding of the deployment checks.' })
export class DiagramFinding {
  @Field({ description: 'Rule id: a platform rule (`script-task`) or `bpmnlint/<rule>`.' }) rule: string;
  @Field(() => String, { nullable: true }) elementId?: string | null;
  @Field() message: string;
}

@ObjectType()
export class DeploymentResult {
  @Field(() => ProcessDefinition) definition: ProcessDefinition;
  @Field({ description: 'false when identical XML was deployed before and that version is returned.' }) created: boolean;
  @Field(() => [DiagramFinding], { description: 'bpmnlint warnings: worth fixing, but the diagram was deployed.' }) warnings: DiagramFinding[];
}
