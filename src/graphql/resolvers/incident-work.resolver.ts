import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { Incident } from '../types/incident.type';
import {
  EvidenceHandOverInput,
  EvidenceInput,
  EvidenceItem,
  EvidenceUploadInput,
  EvidenceVerification,
  HoursInput,
  ImprovementMeasure,
  IncidentHours,
  LogbookLine,
  MeasureInput,
  TimeEntry,
} from '../types/incident-work.type';

/** The investigation's records on an incident: logbook, hours, evidence register. */
@Resolver(() => Incident)
export class IncidentWorkResolver {
  @FieldResolver(() => [LogbookLine], { description: 'Every finished step, platform record and team note, in time order.' })
  async logbook(@Root() incident: Incident, @Ctx() { actor, investigation }: RequestContext): Promise<LogbookLine[]> {
    return investigation.logbook(actor, incident);
  }

  @FieldResolver(() => IncidentHours, { nullable: true })
  async hours(@Root() incident: Incident, @Ctx() { actor, investigation }: RequestContext): Promise<IncidentHours | null> {
    const summary = await investigation.hours(actor, incident);
    return summary && { ...summary, entries: summary.entries.map((e) => ({ ...e, hours: e.minutes / 60 })) };
  }

  @FieldResolver(() => [EvidenceItem], { description: 'The evidence register (BLNP steps 17–18).' })
  async evidence(@Root() incident: Incident, @Ctx() { actor, investigation }: RequestContext): Promise<EvidenceItem[]> {
    return (await investigation.evidence(actor, incident)).map(({ item, chain, content }) => ({ ...item, chain, content }));
  }

  @Mutation(() => LogbookLine, { description: 'A note in the logbook: what was done, decided or found, and when.' })
  async addIncidentLogNote(
    @Ctx() { actor, investigation }: RequestContext,
    @Arg('incidentId', () => ID) incidentId: string,
    @Arg('text', () => String) text: string,
    @Arg('occurredAt', () => Date, { nullable: true }) occurredAt?: Date,
  ): Promise<LogbookLine> {
    return investigation.addLogNote(actor, incidentId, text, occurredAt);
  }

  @Mutation(() => TimeEntry, { description: 'Hours I worked on the incident.' })
  async recordIncidentHours(
    @Ctx() { actor, investigation }: RequestContext,
    @Arg('incidentId', () => ID) incidentId: string,
    @Arg('hours', () => HoursInput) hours: HoursInput,
  ): Promise<TimeEntry> {
    const entry = await investigation.recordHours(actor, incidentId, hours);
    return { ...entry, hours: entry.minutes / 60 };
  }

  @Mutation(() => EvidenceItem, { description: 'Registers an evidence item; the one who captures it holds it.' })
  async registerEvidence(
    @Ctx() { actor, investigation }: RequestContext,
    @Arg('incidentId', () => ID) incidentId: string,
    @Arg('item', () => EvidenceInput) item: EvidenceInput,
  ): Promise<EvidenceItem> {
    const { item: saved, chain, content } = await investigation.registerEvidence(actor, incidentId, { ...item, kind: item.kind as 'digital' | 'physical' });
    return { ...saved, chain, content };
  }

  @Mutation(() => EvidenceItem, { description: 'Captures a digital item by uploading it: the SHA-256 is computed here and the content kept with the chain of custody.' })
  async uploadEvidence(
    @Ctx() { actor, investigation }: RequestContext,
    @Arg('incidentId', () => ID) incidentId: string,
    @Arg('item', () => EvidenceUploadInput) item: EvidenceUploadInput,
  ): Promise<EvidenceItem> {
    const { item: saved, chain, content } = await investigation.uploadEvidence(actor, incidentId, item);
    return { ...saved, chain, content };
  }

  @Query(() => EvidenceVerification, { description: 'Recomputes the SHA-256 of an uploaded evidence item: does it still match the one taken at capture?' })
  async verifyEvidence(@Ctx() { actor, investigation }: RequestContext, @Arg('itemId', () => ID) itemId: string): Promise<EvidenceVerification> {
    const { item, ...result } = await investigation.verifyEvidence(actor, itemId);
    return { itemId: item.id, number: item.number, ...result };
  }

  @Mutation(() => EvidenceItem, { description: 'The holder hands an evidence item over; it is theirs until the recipient signs for it.' })
  async handOverEvidence(
    @Ctx() { actor, investigation }: RequestContext,
    @Arg('itemId', () => ID) itemId: string,
    @Arg('handOver', () => EvidenceHandOverInput) handOver: EvidenceHandOverInput,
  ): Promise<EvidenceItem> {
    const { item, chain, content } = await investigation.transferEvidence(actor, itemId, handOver);
    return { ...item, chain, content };
  }

  @Mutation(() => EvidenceItem, { description: 'The recipient signs for receipt of an evidence item.' })
  async confirmEvidenceReceipt(@Ctx() { actor, investigation }: RequestContext, @Arg('itemId', () => ID) itemId: string): Promise<EvidenceItem> {
    const { item, chain, content } = await investigation.transferEvidence(actor, itemId, 'receive');
    return { ...item, chain, content };
  }

  @FieldResolver(() => [ImprovementMeasure], { description: 'Improvement measures and how far they are.' })
  async measures(@Root() incident: Incident, @Ctx() { actor, investigation }: RequestContext): Promise<ImprovementMeasure[]> {
    return investigation.measures(actor, incident);
  }

  @Mutation(() => ImprovementMeasure, { description: 'Plans an improvement measure with an owner and a due date.' })
  async planImprovementMeasure(
    @Ctx() { actor, investigation }: RequestContext,
    @Arg('incidentId', () => ID) incidentId: string,
    @Arg('measure', () => MeasureInput) measure: MeasureInput,
  ): Promise<ImprovementMeasure> {
    return investigation.planMeasure(actor, incidentId, measure);
  }

  @Mutation(() => ImprovementMeasure, { description: 'The owner reports the measure done.' })
  async reportImprovementMeasureDone(
    @Ctx() { actor, investigation }: RequestContext,
    @Arg('measureId', () => ID) measureId: string,
    @Arg('note', () => String) note: string,
  ): Promise<ImprovementMeasure> {
    return investigation.updateMeasure(actor, measureId, { done: note });
  }

  @Mutation(() => ImprovementMeasure, { description: 'Someone other than the owner records whether the measure works; this closes it.' })
  async checkImprovementMeasure(
    @Ctx() { actor, investigation }: RequestContext,
    @Arg('measureId', () => ID) measureId: string,
    @Arg('effective', () => Boolean) effective: boolean,
    @Arg('finding', () => String) finding: string,
  ): Promise<ImprovementMeasure> {
    return investigation.updateMeasure(actor, measureId, { effective, finding });
  }
}
