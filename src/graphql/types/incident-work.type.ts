import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A line of the logbook.' })
export class LogbookLine {
  @Field() at: Date;
  @Field({ description: 'process (a step finished) | platform (a record it wrote) | team (a note)' }) source: string;
  @Field() actor: string;
  @Field() text: string;
}

@ObjectType()
export class TimeEntry {
  @Field() person: string;
  @Field({ description: 'YYYY-MM-DD' }) workDate: string;
  @Field(() => Float) hours: number;
  @Field() activity: string;
}

@ObjectType()
export class PersonHours {
  @Field() person: string;
  @Field(() => Float) hours: number;
}

@ObjectType({ description: 'Hours worked on the incident: its cost (BLNP step 37).' })
export class IncidentHours {
  @Field(() => [TimeEntry]) entries: TimeEntry[];
  @Field(() => Float) totalHours: number;
  @Field(() => [PersonHours]) perPerson: PersonHours[];
}

@ObjectType({ description: 'A link in the chain of custody.' })
export class CustodyEvent {
  @Field({ description: 'captured | handed-over | received' }) kind: string;
  @Field(() => String, { nullable: true }) fromPerson: string | null;
  @Field() toPerson: string;
  @Field() reason: string;
  @Field() storageLocation: string;
  @Field() at: Date;
}

@ObjectType({ description: 'The copy of a digital item the platform holds (uploaded; its SHA-256 computed at capture).' })
export class EvidenceContent {
  @Field(() => String, { nullable: true }) fileName: string | null;
  @Field(() => String, { nullable: true }) mediaType: string | null;
  @Field(() => Int) sizeBytes: number;
  @Field() storedAt: Date;
}

@ObjectType({ description: 'An item of the evidence register with its chain of custody.' })
export class EvidenceItem {
  @Field(() => ID) id: string;
  @Field(() => Int) number: number;
  @Field() description: string;
  @Field({ description: 'digital | physical' }) kind: string;
  @Field(() => String, { nullable: true, description: 'SHA-256 taken at capture (digital items)' }) sha256: string | null;
  @Field() storageLocation: string;
  @Field() storageMethod: string;
  @Field() holder: string;
  @Field(() => String, { nullable: true, description: 'Handed over to, not yet signed for' }) pendingHolder: string | null;
  @Field() capturedBy: string;
  @Field() capturedAt: Date;
  @Field(() => [CustodyEvent]) chain: CustodyEvent[];
  @Field(() => EvidenceContent, { nullable: true, description: 'Null when the platform holds no copy: the SHA-256 was declared (typed in) at capture' })
  content: EvidenceContent | null;
}

@ObjectType({ description: 'A recomputation of the SHA-256 of an uploaded item against the one taken at capture.' })
export class EvidenceVerification {
  @Field(() => ID) itemId: string;
  @Field(() => Int) number: number;
  @Field() recordedSha256: string;
  @Field() computedSha256: string;
  @Field({ description: 'true: the content is as captured' }) matches: boolean;
  @Field(() => Int) sizeBytes: number;
  @Field() verifiedBy: string;
  @Field() verifiedAt: Date;
}

@InputType({ description: 'A digital item captured by uploading it: the platform takes its SHA-256 and keeps the content.' })
export class EvidenceUploadInput {
  @Field() description: string;
  @Field({ description: 'Why it was taken and who needs it' }) reason: string;
  @Field({ description: 'The file in base64 (RFC 4648); at most EVIDENCE_MAX_BYTES once decoded (EVIDENCE_TOO_LARGE)' }) contentBase64: string;
  @Field(() => String, { nullable: true }) fileName?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. application/pdf' }) mediaType?: string | null;
  @Field(() => String, { nullable: true, description: 'How it is kept, when more than the platform copy' }) storageMethod?: string | null;
}

@InputType()
export class HoursInput {
  @Field({ description: 'YYYY-MM-DD' }) workDate: string;
  @Field(() => Float, { description: 'In quarters of an hour, at most 24' }) hours: number;
  @Field() activity: string;
}

@InputType()
export class EvidenceInput {
  @Field() description: string;
  @Field({ description: 'digital | physical' }) kind: string;
  @Field(() => String, { nullable: true, description: 'Required for digital items: SHA-256 taken at capture' }) sha256?: string | null;
  @Field() storageLocation: string;
  @Field() storageMethod: string;
  @Field({ description: 'Why it was taken and who needs it' }) reason: string;
}

@InputType()
export class EvidenceHandOverInput {
  @Field({ description: 'Username of the recipient, who signs for receipt' }) to: string;
  @Field() reason: string;
  @Field({ description: 'Where the item will be kept' }) storageLocation: string;
}

@ObjectType({ description: 'An improvement measure: owner, due date, done, effect checked (BLNP steps 39–40).' })
export class ImprovementMeasure {
  @Field(() => ID) id: string;
  @Field() description: string;
  @Field() owner: string;
  @Field({ description: 'YYYY-MM-DD' }) dueDate: string;
  @Field({ description: 'open | done | effective | not_effective' }) status: string;
  @Field() plannedBy: string;
  @Field() plannedAt: Date;
  @Field(() => String, { nullable: true }) doneNote: string | null;
  @Field(() => Date, { nullable: true }) doneAt: Date | null;
  @Field(() => String, { nullable: true }) effectFinding: string | null;
  @Field(() => String, { nullable: true }) checkedBy: string | null;
  @Field(() => Date, { nullable: true }) checkedAt: Date | null;
}

@InputType()
export class MeasureInput {
  @Field() description: string;
  @Field({ description: 'Username of the owner' }) owner: string;
  @Field({ description: 'YYYY-MM-DD' }) dueDate: string;
}
