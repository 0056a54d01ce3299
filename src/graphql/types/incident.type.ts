import { Field, ID, InputType, Int, ObjectType, UseMiddleware } from 'type-graphql';
import { PersonalData } from '../middleware/personal-data-read';

@ObjectType({ description: 'An entry of the incident register (every incident, breach or not).' })
export class Incident {
  @Field(() => ID) id: string;
  @Field({ description: 'Case number, also the business key of the case: INC-<year>-<number>.' }) reference: string;
  @Field() tenantId: string;
  @Field(() => ID) instanceId: string;
  @Field({ description: 'reported | in_progress | not_an_incident | closed | destroyed' }) status: string;
  @Field({ description: 'employee | integration' }) reportedVia: string;
  @UseMiddleware(PersonalData('incident-report')) @Field(() => String, { nullable: true }) reportedBy: string | null;
  @UseMiddleware(PersonalData('incident-report')) @Field(() => String, { nullable: true }) reporterName: string | null;
  @UseMiddleware(PersonalData('incident-report')) @Field(() => String, { nullable: true }) reporterContact: string | null;
  @Field() anonymous: boolean;
  @UseMiddleware(PersonalData('incident-report')) @Field(() => String, { nullable: true, description: 'j) what happened (removed when the file is destroyed)' }) whatHappened: string | null;
  @UseMiddleware(PersonalData('incident-report')) @Field(() => String, { nullable: true, description: 'k) who established the facts' }) noticedBy: string | null;
  @Field(() => Date, { nullable: true, description: 'l) when it happened' }) occurredAt: Date | null;
  @Field({ description: 'm) when it was discovered' }) discoveredAt: Date;
  @UseMiddleware(PersonalData('incident-report')) @Field(() => String, { nullable: true, description: 'n) how it was caused' }) cause: string | null;
  @UseMiddleware(PersonalData('incident-report')) @Field(() => String, { nullable: true, description: 'o) how it was discovered' }) discoveryMethod: string | null;
  @UseMiddleware(PersonalData('incident-report')) @Field(() => String, { nullable: true, description: 'p) what was affected' }) affected: string | null;
  @UseMiddleware(PersonalData('incident-report')) @Field(() => String, { nullable: true, description: 'q) the (potential) impact' }) possibleImpact: string | null;
  @Field(() => Boolean, { nullable: true }) personalDataSuspected: boolean | null;
  @Field(() => String, { nullable: true }) classificationTable: string | null;
  @Field(() => String, { nullable: true }) classificationCode: string | null;
  @Field(() => String, { nullable: true, description: 'Impact the BLNP table proposes: laag | midden | hoog' }) proposedImpact: string | null;
  @Field(() => String, { nullable: true, description: 'Impact the CISO set' }) impact: string | null;
  @Field(() => String, { nullable: true }) impactCorrectionReason: string | null;
  @Field(() => String, { nullable: true }) classifiedBy: string | null;
  @Field(() => Date, { nullable: true }) classifiedAt: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Personal data involved (a breach), as assessed' }) personalData: boolean | null;
  @UseMiddleware(PersonalData('incident-report')) @Field(() => String, { nullable: true }) closureSummary: string | null;
  @Field(() => String, { nullable: true }) closedBy: string | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field(() => Date, { nullable: true }) evaluationDueAt: Date | null;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  @Field(() => Date, { nullable: true }) destructionDueAt: Date | null;
  @Field(() => Date, { nullable: true }) destroyedAt: Date | null;
  @Field() reportedAt: Date;
}

@ObjectType()
export class IncidentRegisterPage {
  @Field(() => [Incident]) nodes: Incident[];
  @Field(() => Int) totalCount: number;
}

@ObjectType({ description: 'A row of the BLNP table "incidentmeldingsniveau".' })
export class IncidentClassification {
  @Field() code: string;
  @Field({ description: 'gebruikers | beheer' }) table: string;
  @Field() category: string;
  @Field() incident: string;
  @Field(() => [String], { description: 'Impact levels marked X, lowest first' }) levels: string[];
  @Field(() => String, { nullable: true, description: 'The level marked (X): only in exceptional cases' }) exceptionalLevel: string | null;
}

@InputType({ description: 'A report of a (suspected) incident: items j–q of the OISZ policy.' })
export class IncidentReportInput {
  @Field({ description: 'j) What happened?' }) whatHappened: string;
  @Field(() => String, { nullable: true, description: 'k) Who established the facts?' }) noticedBy?: string | null;
  @Field(() => Date, { nullable: true, description: 'l) When did it happen (if known)?' }) occurredAt?: Date | null;
  @Field({ description: 'm) When was it discovered?' }) discoveredAt: Date;
  @Field(() => String, { nullable: true, description: 'n) How was it caused (if known)?' }) cause?: string | null;
  @Field({ description: 'o) How was it discovered?' }) discoveryMethod: string;
  @Field({ description: 'p) What was affected?' }) affected: string;
  @Field({ description: 'q) What is the (potential) impact on the work of the municipality?' }) possibleImpact: string;
  @Field(() => Boolean, { nullable: true, description: 'Are personal data (possibly) involved?' }) personalDataSuspected?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Code from incidentClassifications, if known' }) classificationCode?: string | null;
}

@InputType({ description: 'A report through an integration: on behalf of an employee, an outsider, or anonymous.' })
export class IntegrationIncidentReportInput extends IncidentReportInput {
  @Field(() => String, { nullable: true, description: 'Username of the employee on whose behalf the report is made' }) onBehalfOf?: string | null;
  @Field(() => String, { nullable: true }) reporterName?: string | null;
  @Field(() => String, { nullable: true }) reporterContact?: string | null;
  @Field(() => Boolean, { nullable: true }) anonymous?: boolean | null;
}

@InputType()
export class IncidentRegisterFilterInput {
  @Field(() => String, { nullable: true }) tenantId?: string | null;
  @Field(() => [String], { nullable: true, description: 'reported | in_progress | not_an_incident | closed | destroyed' }) status?: string[];
  @Field(() => [String], { nullable: true, description: 'laag | midden | hoog' }) impact?: string[];
  @Field(() => Boolean, { nullable: true, description: 'true: breaches only; false: incidents without personal data' }) personalData?: boolean;
  @Field(() => Date, { nullable: true }) reportedFrom?: Date;
  @Field(() => Date, { nullable: true }) reportedTo?: Date;
  @Field(() => String, { nullable: true, description: 'gebruikers | beheer' }) classificationTable?: string;
}
