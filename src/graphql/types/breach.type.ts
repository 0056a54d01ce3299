import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "The platform's EDPB-based proposal; the FG advises, the GS decides." })
export class NotificationProposal {
  @Field({ description: 'Notify the Autoriteit Persoonsgegevens (art. 33)?' }) notifyAp: boolean;
  @Field({ description: 'Inform the data subjects (art. 34)?' }) informSubjects: boolean;
  @Field(() => [String], { description: 'Why, in Dutch, with sources' }) reasons: string[];
}

@ObjectType({ description: "The FG's advice (immutable)." })
export class BreachAdvice {
  @Field(() => GraphQLJSONObject, { description: "Answers to the seed's questions" }) answers: Record<string, unknown>;
  @Field(() => NotificationProposal) proposal: NotificationProposal;
  @Field() notifyAp: boolean;
  @Field() informSubjects: boolean;
  @Field() motivation: string;
  @Field() advisedBy: string;
  @Field() advisedAt: Date;
}

@ObjectType({ description: "The gemeentesecretaris's decision (immutable)." })
export class BreachDecision {
  @Field() notifyAp: boolean;
  @Field() informSubjects: boolean;
  @Field(() => String, { nullable: true, description: 'art. 34(3) ground for not informing data subjects' }) subjectsExemption: string | null;
  @Field() motivation: string;
  @Field() followsAdvice: boolean;
  @Field() decidedBy: string;
  @Field() decidedAt: Date;
}

@ObjectType()
export class ApNotificationEvent {
  @Field({ description: 'drafted | edited | submitted | supplemented | finalized | withdrawn' }) kind: string;
  @Field(() => Int) revision: number;
  @Field(() => GraphQLJSONObject, { description: 'The form as it stood' }) form: Record<string, unknown>;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() actor: string;
  @Field() at: Date;
}

@ObjectType({ description: 'The notification to the AP: concept → provisional → (supplemented) → final, or withdrawn.' })
export class ApNotification {
  @Field(() => ID) id: string;
  @Field({ description: 'concept | provisional | final | withdrawn' }) status: string;
  @Field(() => GraphQLJSONObject, { description: 'Answers to the AP form (see ApNotificationFormInput)' }) form: Record<string, unknown>;
  @Field(() => String, { nullable: true, description: 'The AP meldnummer' }) apNumber: string | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => String, { nullable: true }) submittedBy: string | null;
  @Field(() => String, { nullable: true, description: 'Why filed after 72 hours' }) lateReason: string | null;
  @Field(() => String, { nullable: true }) acknowledgement: string | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field(() => String, { nullable: true }) closedBy: string | null;
  @Field(() => String, { nullable: true }) withdrawalReason: string | null;
  @Field(() => Int) revision: number;
}

@ObjectType({ description: 'The breach file of an incident with its 72-hour clock.' })
export class Breach {
  @Field(() => ID) incidentId: string;
  @Field() discoveredAt: Date;
  @Field({ description: 'Awareness (kennisname): the clock starts here' }) awareAt: Date;
  @Field() awarenessSetBy: string;
  @Field({ description: 'awareAt + 72 clock hours' }) deadlineAt: Date;
  @Field(() => [Date]) reminderAt: Date[];
  @Field({ description: 'The deadline passed without the AP being notified or a decision not to' }) overdue: boolean;
  @Field(() => BreachAdvice, { nullable: true }) advice: BreachAdvice | null;
  @Field(() => BreachDecision, { nullable: true }) decision: BreachDecision | null;
  @Field(() => ApNotification, { nullable: true }) apNotification: ApNotification | null;
}

@InputType({ description: 'Answers to the FG questions, to see the proposal before advising.' })
export class BreachAssessmentInput {
  @Field() lossOrUnlawfulProcessing: boolean;
  @Field() specialCategories: boolean;
  @Field() sensitiveData: boolean;
  @Field({ defaultValue: '' }) natureAndScale: string;
  @Field(() => Int, { nullable: true }) approxDataSubjects: number | null;
  @Field() vulnerableSubjects: boolean;
  @Field() dataUnintelligible: boolean;
  @Field({ defaultValue: '' }) likelyConsequences: string;
}

@InputType()
export class ApPersonInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) function?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
}

@InputType({ description: 'The AP meldformulier datalekken, sections 0–9. Absent fields stay, null clears. Option lists: see the README.' })
export class ApNotificationFormInput {
  @Field(() => String, { nullable: true }) legalBasis?: string | null;
  @Field(() => String, { nullable: true }) organisationName?: string | null;
  @Field(() => ApPersonInput, { nullable: true }) notifier?: ApPersonInput | null;
  @Field(() => ApPersonInput, { nullable: true }) contact?: ApPersonInput | null;
  @Field(() => Boolean, { nullable: true }) otherOrganisationInvolved?: boolean | null;
  @Field(() => String, { nullable: true }) otherOrganisation?: string | null;
  @Field(() => String, { nullable: true }) breachStartedAt?: string | null;
  @Field(() => String, { nullable: true }) breachEndedAt?: string | null;
  @Field(() => String, { nullable: true }) ongoing?: string | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => [String], { nullable: true }) natureOfBreach?: string[] | null;
  @Field(() => [String], { nullable: true }) incidentTypes?: string[] | null;
  @Field(() => [String], { nullable: true }) dataCategories?: string[] | null;
  @Field(() => [String], { nullable: true }) specialCategories?: string[] | null;
  @Field(() => Int, { nullable: true }) approxRecords?: number | null;
  @Field(() => Int, { nullable: true }) subjectsMin?: number | null;
  @Field(() => Int, { nullable: true }) subjectsMax?: number | null;
  @Field(() => [String], { nullable: true }) subjectGroups?: string[] | null;
  @Field(() => String, { nullable: true }) unintelligible?: string | null;
  @Field(() => String, { nullable: true }) unintelligibleHow?: string | null;
  @Field(() => String, { nullable: true }) measuresBefore?: string | null;
  @Field(() => String, { nullable: true }) consequencesForData?: string | null;
  @Field(() => [String], { nullable: true }) consequencesForPersons?: string[] | null;
  @Field(() => String, { nullable: true }) consequencesExplanation?: string | null;
  @Field(() => String, { nullable: true }) severity?: string | null;
  @Field(() => String, { nullable: true }) severityMotivation?: string | null;
  @Field(() => String, { nullable: true }) subjectsInformed?: string | null;
  @Field(() => String, { nullable: true }) notInformedReason?: string | null;
  @Field(() => String, { nullable: true }) publicCommunication?: string | null;
  @Field(() => String, { nullable: true }) measuresTaken?: string | null;
  @Field(() => Boolean, { nullable: true }) crossBorder?: boolean | null;
  @Field(() => String, { nullable: true }) otherAuthoritiesNotified?: string | null;
  @Field(() => String, { nullable: true }) otherInformation?: string | null;
}
