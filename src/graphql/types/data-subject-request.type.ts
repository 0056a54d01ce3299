import { Field, Float, ID, InputType, Int, ObjectType, UseMiddleware } from 'type-graphql';
import { PersonalData } from '../middleware/personal-data-read';

@ObjectType()
export class DsrRequester {
  @Field() name: string;
  @Field(() => String, { nullable: true }) bsn?: string | null;
  @Field(() => String, { nullable: true }) dateOfBirth?: string | null;
  @Field(() => String, { nullable: true }) postalAddress?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
}

@ObjectType()
export class DsrRepresentative {
  @Field() name: string;
  @Field({ description: 'parent_or_guardian | curator | mentor | authorised_person' }) capacity: string;
  @Field() authorisationProvided: boolean;
}

@ObjectType()
export class DsrDepartment {
  @Field() name: string;
  @Field({ description: 'Role whose members answer for the department' }) candidateGroup: string;
}

@ObjectType({ description: 'A day a term ends on (art. 12(3) AVG with the Algemene termijnenwet).' })
export class DsrDeadlineDay {
  @Field({ description: 'The date by counting alone (yyyy-MM-dd)' }) nominalDate: string;
  @Field({ description: 'The date after moving over weekends and Atw holidays (yyyy-MM-dd)' }) date: string;
  @Field({ description: 'Last moment of that day in Amsterdam' }) dueAt: string;
  @Field(() => [String], { description: 'Days the end was moved over (yyyy-MM-dd and why)' }) passedOver: string[];
}

@ObjectType()
export class DsrExtension {
  @Field(() => Int) months: number;
  @Field(() => [String], { description: 'complexity | number_of_requests' }) reasons: string[];
  @Field() motivation: string;
  @Field() sentAt: string;
}

@ObjectType({ description: 'The legal clock of the request.' })
export class DsrLegalDeadline {
  @Field() receivedOn: string;
  @Field(() => Int, { description: 'Days the clock was suspended for repair terms' }) suspendedDays: number;
  @Field(() => DsrDeadlineDay, { description: 'End of the first month: the decision or extension letter is due by then' }) firstMonth: DsrDeadlineDay;
  @Field(() => DsrDeadlineDay, { description: 'The deadline in force' }) deadline: DsrDeadlineDay;
  @Field(() => Int, { description: 'Calendar days to the deadline in force; negative when passed' }) daysLeft: number;
}

@ObjectType({ description: 'An objection (bezwaar) against the decision.' })
export class DsrObjection {
  @Field() receivedAt: string;
  @Field(() => String, { nullable: true }) postedAt: string | null;
  @Field({ description: 'received_within_term | posted_within_term' }) basis: string;
  @Field({ description: 'Last day of the objection term' }) deadline: string;
  @Field({ description: 'Decision on the objection due (art. 7:10 Awb)' }) decisionDueOn: string;
  @Field(() => String, { nullable: true, description: 'gegrond | deels_gegrond | ongegrond | niet_ontvankelijk' }) outcome: string | null;
  @Field(() => String, { nullable: true }) motivation: string | null;
  @Field(() => String, { nullable: true }) decidedBy: string | null;
}

@ObjectType({ description: 'A letter sent in the procedure, generated from the municipality\'s template.' })
export class DsrLetter {
  @Field(() => ID) id: string;
  @Field({ description: 'acknowledgement | repair | extension | decision | withdrawal' }) kind: string;
  @Field() markdown: string;
  @Field() html: string;
  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the PDF that was sent (dataSubjectRequestLetterPdf); null for letters from before PDFs' })
  pdfSha256: string | null;
  @Field() createdBy: string;
  @Field() createdAt: Date;
}

@ObjectType({ description: 'A data-subject request (AVG art. 15–22).' })
export class DataSubjectRequest {
  @Field(() => ID) id: string;
  @Field({ description: 'AVG-<year>-<number>; also the business key of the case' }) reference: string;
  @Field() tenantId: string;
  @Field(() => ID) instanceId: string;
  @Field({ description: 'open | suspended | withdrawn | decided | not_processed' }) status: string;
  @Field({ description: 'access | rectification | erasure | restriction | portability | objection | automated_decision' }) right: string;
  @Field({ description: 'post | digid_eform | counter | zaaksysteem' }) channel: string;
  @Field() receivedAt: Date;
  @UseMiddleware(PersonalData('request')) @Field({ description: 'The request exactly as received' }) verbatimText: string;
  @UseMiddleware(PersonalData('request')) @Field(() => DsrRequester) requester: DsrRequester;
  @UseMiddleware(PersonalData('request')) @Field(() => DsrRepresentative, { nullable: true }) representative: DsrRepresentative | null;
  @Field(() => [String]) processings: string[];
  @Field(() => [DsrDepartment]) departments: DsrDepartment[];
  @Field() registeredBy: string;
  @Field() registeredAt: Date;
  @Field(() => Boolean, { nullable: true, description: 'Identity established (the fact only; no ID copy is kept)' }) identityVerified: boolean | null;
  @Field(() => String, { nullable: true, description: 'digid | balie | afgeschermde_kopie | eherkenning' }) identityMethod: string | null;
  @Field(() => String, { nullable: true }) identityCheckedBy: string | null;
  @Field(() => Date, { nullable: true }) identityCheckedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'End of the running repair term' }) repairDueAt: Date | null;
  @Field(() => DsrLegalDeadline) legalDeadline: DsrLegalDeadline;
  @Field(() => DsrExtension, { nullable: true }) extension: DsrExtension | null;
  @Field(() => String, { nullable: true, description: 'granted | partly_granted | refused | not_processed | withdrawn' }) outcome: string | null;
  @Field(() => [String], { description: 'Refusal or not-processed grounds (ids)' }) grounds: string[];
  @Field(() => String, { nullable: true }) motivation: string | null;
  @Field(() => String, { nullable: true }) decidedBy: string | null;
  @Field(() => String, { nullable: true, description: 'Who signed in mandate (username)' }) signedBy: string | null;
  @Field(() => String, { nullable: true, description: 'The signer as the decision letter names them' }) signerName: string | null;
  @Field(() => String, { nullable: true, description: 'The function under the signature, e.g. Afdelingsmanager' }) signerFunction: string | null;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
  @Field(() => Boolean, { nullable: true }) sentOnTime: boolean | null;
  @Field(() => String, { nullable: true, description: 'Last day to object (six weeks after sending)' }) objectionDeadline: string | null;
  @UseMiddleware(PersonalData('request')) @Field(() => DsrObjection, { nullable: true }) objection: DsrObjection | null;
  @UseMiddleware(PersonalData('request')) @Field(() => [DsrLetter]) letters: DsrLetter[];
}

@ObjectType()
export class DataSubjectRequestPage {
  @Field(() => [DataSubjectRequest]) nodes: DataSubjectRequest[];
  @Field(() => Int) totalCount: number;
}

@InputType()
export class DsrRequesterInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) bsn?: string | null;
  @Field(() => String, { nullable: true, description: 'yyyy-MM-dd' }) dateOfBirth?: string | null;
  @Field(() => String, { nullable: true }) postalAddress?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
}

@InputType()
export class DsrRepresentativeInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'parent_or_guardian | curator | mentor | authorised_person' }) capacity?: string | null;
  @Field(() => Boolean, { nullable: true }) authorisationProvided?: boolean | null;
}

@InputType()
export class DsrDepartmentInput {
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'Role that answers for the department (default afdelingsmanager)' }) candidateGroup?: string | null;
}

@InputType({ description: 'A request as received; every invalid field is reported at once (DSR_REQUEST_INVALID, fieldErrors).' })
export class DataSubjectRequestInput {
  @Field(() => String, { nullable: true }) right?: string | null;
  @Field(() => String, { nullable: true }) channel?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 8601 moment with offset; the legal clock runs from here' }) receivedAt?: string | null;
  @Field(() => String, { nullable: true, description: 'The request text, kept verbatim' }) verbatimText?: string | null;
  @Field(() => DsrRequesterInput, { nullable: true }) requester?: DsrRequesterInput | null;
  @Field(() => DsrRepresentativeInput, { nullable: true }) representative?: DsrRepresentativeInput | null;
  @Field(() => [String], { nullable: true }) processings?: string[] | null;
  @Field(() => [DsrDepartmentInput], { nullable: true }) departments?: DsrDepartmentInput[] | null;
}

@InputType()
export class ObjectionInput {
  @Field({ description: 'ISO 8601 moment with offset' }) receivedAt: string;
  @Field(() => String, { nullable: true, description: 'By post: when it was posted (postmark)' }) postedAt?: string | null;
}

@InputType()
export class DataSubjectRequestFilterInput {
  @Field(() => String, { nullable: true }) tenantId?: string | null;
  @Field(() => [String], { nullable: true }) status?: string[] | null;
  @Field(() => [String], { nullable: true }) rights?: string[] | null;
  @Field(() => String, { nullable: true }) department?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only open requests past their deadline' }) overdue?: boolean | null;
  @Field(() => Date, { nullable: true }) receivedFrom?: Date | null;
  @Field(() => Date, { nullable: true }) receivedTo?: Date | null;
}

@ObjectType()
export class DsrRightCount {
  @Field() right: string;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'Figures for the FG\'s annual report, for requests received in one year.' })
export class DataSubjectRequestFigures {
  @Field(() => Int) year: number;
  @Field(() => Int) received: number;
  @Field(() => [DsrRightCount]) perRight: DsrRightCount[];
  @Field(() => Int, { description: 'Decisions sent' }) decided: number;
  @Field(() => Int, { description: 'Decisions sent within the deadline in force' }) decidedOnTime: number;
  @Field(() => Int) extended: number;
  @Field(() => Float, { nullable: true, description: 'Median days from receipt to sending the decision' }) medianHandlingDays: number | null;
}
