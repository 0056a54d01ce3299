import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The quickscan (BLNP Bijlage 4 step 4): answers, outcome and its reasoning.' })
export class DpiaQuickscan {
  @Field() dpiaRequired: boolean;
  @Field({ description: 'full_dpia | compliance_check' }) route: string;
  @Field({ description: 'rules | privacybeheerder' }) routeChosenBy: string;
  @Field({ description: 'Dutch reasoning, recorded with the case and shown in the report' }) reasoning: string;
  @Field(() => GraphQLJSONObject, { description: 'The criteria, AP list types and art. 35(3) cases that applied' }) triggers: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { description: 'Every answer as given' }) answers: Record<string, unknown>;
  @Field() answeredBy: string;
  @Field() answeredAt: Date;
}

@ObjectType({ description: 'One version of the art. 35(7) questionnaire.' })
export class DpiaAnswers {
  @Field(() => Int) version: number;
  @Field(() => GraphQLJSONObject) answers: Record<string, string>;
  @Field() answeredBy: string;
  @Field() answeredAt: Date;
}

@ObjectType({ description: 'A rating on the 4×4 matrix: score = likelihood × impact; level low | medium | high.' })
export class DpiaRating {
  @Field(() => Int) likelihood: number;
  @Field(() => Int) impact: number;
  @Field(() => Int) score: number;
  @Field() level: string;
}

@ObjectType({ description: 'A risk of the risk register, before and after measures (after = before while none are rated).' })
export class DpiaRisk {
  @Field() code: string;
  @Field() title: string;
  @Field(() => DpiaRating) before: DpiaRating;
  @Field(() => DpiaRating) after: DpiaRating;
  @Field() measuresAssessed: boolean;
}

@ObjectType()
export class DpiaMeasure {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) riskCode: string | null;
  @Field() description: string;
  @Field() owner: string;
  @Field({ description: 'YYYY-MM-DD' }) dueDate: string;
  @Field({ description: 'planned | in_progress | implemented' }) status: string;
  @Field() updatedBy: string;
  @Field() updatedAt: Date;
}

@ObjectType({ description: 'The DPIA report of one version: Markdown, and HTML with the heat map embedded.' })
export class DpiaReport {
  @Field(() => Int) version: number;
  @Field() markdown: string;
  @Field() html: string;
  @Field() heatMapSvg: string;
  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the report as PDF (dpiaReportPdf); null for reports from before PDFs' })
  pdfSha256: string | null;
  @Field() writtenBy: string;
  @Field() writtenAt: Date;
}

@ObjectType({ description: 'The FG advice on one DPIA version, and whether it was followed (and why not).' })
export class DpiaFgAdvice {
  @Field(() => Int) version: number;
  @Field({ description: 'positief | voorwaardelijk | negatief' }) opinion: string;
  @Field() advice: string;
  @Field() advisedBy: string;
  @Field() advisedAt: Date;
  @Field(() => Boolean, { nullable: true }) followed: boolean | null;
  @Field(() => String, { nullable: true }) notFollowedReason: string | null;
  @Field(() => String, { nullable: true, description: 'Set when MT/B&W sent this version back to the DPIA team: what the next version is to revise.' })
  revisionRequest: string | null;
  @Field(() => String, { nullable: true }) decidedBy: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
}

@ObjectType({ description: 'A DPIA (or compliance check) of a processing; its case follows bpmn/dpia.bpmn.' })
export class Dpia {
  @Field(() => ID) id: string;
  @Field({ description: 'DPIA-<year>-<number>; the business key of the case (and of the AP letter message)' }) reference: string;
  @Field() tenantId: string;
  @Field(() => ID) processingId: string;
  @Field(() => ID) instanceId: string;
  @Field({ description: 'initial | reassessment' }) kind: string;
  @Field(() => ID, { nullable: true, description: 'The incident whose evaluation reopened this DPIA' }) sourceIncidentId: string | null;
  @Field({
    description:
      'signalled | quickscan | compliance_check | assessment (risks and measures editable) | reported (fixed until a new round) | fg_assessment | prior_consultation | register_update | completed',
  })
  status: string;
  @Field() signal: string;
  @Field(() => String, { nullable: true }) ownerAdvice: string | null;
  @Field(() => String, { nullable: true }) ownerAdvisedBy: string | null;
  @Field(() => String, { nullable: true, description: 'full_dpia | compliance_check' }) route: string | null;
  @Field(() => String, { nullable: true }) complianceFindings: string | null;
  @Field(() => [String]) team: string[];
  @Field(() => Int) questionnaireVersion: number;
  @Field(() => String, { nullable: true, description: 'Highest risk after measures: low | medium | high' }) residualLevel: string | null;
  @Field(() => String, { nullable: true }) apReference: string | null;
  @Field(() => Date, { nullable: true }) apSubmittedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'End of the AP term (eight weeks, once extended by six)' }) apTermEndsAt: Date | null;
  @Field() apTermExtended: boolean;
  @Field(() => String, { nullable: true }) apAdvice: string | null;
  @Field(() => Date, { nullable: true }) apAnsweredAt: Date | null;
  @Field(() => Boolean, { nullable: true }) processingAllowed: boolean | null;
  @Field() startedBy: string;
  @Field() startedAt: Date;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
}

@ObjectType({ description: 'A processing in the verwerkingsregister, with the fields of art. 30(1) AVG.' })
export class Processing {
  @Field(() => ID) id: string;
  @Field() tenantId: string;
  @Field() name: string;
  @Field() controller: string;
  @Field() purposes: string;
  @Field() legalBasis: string;
  @Field(() => [String]) dataSubjectCategories: string[];
  @Field(() => [String]) dataCategories: string[];
  @Field(() => [String]) specialCategories: string[];
  @Field(() => [String]) recipients: string[];
  @Field(() => String, { nullable: true, description: 'Transfers to third countries or international organisations' }) transfers: string | null;
  @Field() retention: string;
  @Field() securityMeasures: string;
  @Field(() => [String]) processors: string[];
  @Field() processOwner: string;
  @Field({ description: 'in_assessment | prior_consultation | allowed | not_allowed | in_use' }) status: string;
  @Field(() => Date, { nullable: true }) nextReassessmentAt: Date | null;
  @Field() registeredAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true }) inUseSince: Date | null;
}

@ObjectType()
export class ProcessingRegisterPage {
  @Field(() => [Processing]) nodes: Processing[];
  @Field(() => Int) totalCount: number;
}

@InputType({ description: 'The art. 30(1) AVG fields of a processing.' })
export class ProcessingInput {
  @Field() name: string;
  @Field() controller: string;
  @Field() purposes: string;
  @Field() legalBasis: string;
  @Field(() => [String]) dataSubjectCategories: string[];
  @Field(() => [String]) dataCategories: string[];
  @Field(() => [String], { nullable: true }) specialCategories?: string[] | null;
  @Field(() => [String], { nullable: true }) recipients?: string[] | null;
  @Field(() => String, { nullable: true }) transfers?: string | null;
  @Field() retention: string;
  @Field() securityMeasures: string;
  @Field(() => [String], { nullable: true }) processors?: string[] | null;
}

@InputType()
export class ProcessingRegisterFilterInput {
  @Field(() => String, { nullable: true }) tenantId?: string | null;
  @Field(() => [String], { nullable: true, description: 'in_assessment | prior_consultation | allowed | not_allowed | in_use' }) status?: string[] | null;
  @Field(() => Date, { nullable: true, description: 'Only processings to be re-assessed on or before this moment' }) reassessmentDueBefore?: Date | null;
  @Field(() => String, { nullable: true }) nameContains?: string | null;
}

@InputType()
export class RatingInput {
  @Field(() => Int, { description: '1–4' }) likelihood: number;
  @Field(() => Int, { description: '1–4' }) impact: number;
}

@InputType()
export class DpiaRiskInput {
  @Field({ description: 'At most four characters, unique in the DPIA, e.g. R1' }) code: string;
  @Field() title: string;
  @Field(() => RatingInput) before: RatingInput;
  @Field(() => RatingInput, { nullable: true, description: 'After the measures; leave out while none are chosen' }) after?: RatingInput | null;
}

@InputType()
export class DpiaMeasureInput {
  @Field(() => String, { nullable: true, description: 'Code of the risk the measure addresses' }) riskCode?: string | null;
  @Field() description: string;
  @Field() owner: string;
  @Field({ description: 'YYYY-MM-DD' }) dueDate: string;
  @Field(() => String, { nullable: true, description: 'planned (default) | in_progress | implemented' }) status?: string | null;
}
