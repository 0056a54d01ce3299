import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import {
  Dpia,
  DpiaAnswers,
  DpiaFgAdvice,
  DpiaMeasure,
  DpiaMeasureInput,
  DpiaQuickscan,
  DpiaReport,
  DpiaRisk,
  DpiaRiskInput,
  Processing,
  ProcessingInput,
  ProcessingRegisterFilterInput,
  ProcessingRegisterPage,
} from '../types/dpia.type';
import { assessmentOf } from '../../dpia/risk-register';
import { toPdfDocument } from '../mappers';
import { PdfDocument } from '../types/pdf-document.type';
import type { DpiaMeasureStatus } from '../../persistence/entities/dpia-measure.entity';
import type { ProcessingStatus } from '../../persistence/entities/processing.entity';
import type { ScaleValue } from '../../dpia/risk-matrix';

const registerQuery = (filter?: ProcessingRegisterFilterInput) => ({
  tenantId: filter?.tenantId ?? null,
  status: (filter?.status ?? undefined) as ProcessingStatus[] | undefined,
  reassessmentDueBefore: filter?.reassessmentDueBefore ?? undefined,
  nameContains: filter?.nameContains ?? undefined,
});

@Resolver(() => Processing)
export class ProcessingResolver {
  @Mutation(() => Dpia, { description: 'Step 1: a new processing is signalled; it enters the verwerkingsregister and its DPIA starts.' })
  async signalNewProcessing(
    @Ctx() { actor, dpia }: RequestContext,
    @Arg('processing', () => ProcessingInput) processing: ProcessingInput,
    @Arg('signal', { description: 'What is new and why' }) signal: string,
    @Arg('tenantId', () => String, { nullable: true }) tenantId?: string,
  ): Promise<Dpia> {
    return dpia.signalNewProcessing(actor, processing, signal, tenantId);
  }

  @Mutation(() => Dpia, { description: 'Step 1 for a registered processing that changes: a new DPIA of it starts.' })
  async signalProcessingChange(@Ctx() { actor, dpia }: RequestContext, @Arg('processingId', () => ID) processingId: string, @Arg('signal') signal: string): Promise<Dpia> {
    return dpia.signalChange(actor, processingId, signal);
  }

  @Mutation(() => Dpia, { description: "Step 1 from an incident's evaluation: the DPIA of the processing the incident concerned is reopened." })
  async reopenDpiaAfterIncident(
    @Ctx() { actor, dpia }: RequestContext,
    @Arg('incidentId', () => ID) incidentId: string,
    @Arg('processingId', () => ID) processingId: string,
    @Arg('reason') reason: string,
  ): Promise<Dpia> {
    return dpia.reopenAfterIncident(actor, incidentId, processingId, reason);
  }

  @Mutation(() => Processing, { description: 'The process owner takes the processing into use; refused while the AP is consulted.' })
  async startProcessing(@Ctx() { actor, dpia }: RequestContext, @Arg('processingId', () => ID) processingId: string): Promise<Processing> {
    return dpia.startProcessing(actor, processingId);
  }

  @Query(() => ProcessingRegisterPage, { description: 'The verwerkingsregister of my municipalities, by name.' })
  async processingRegister(
    @Ctx() { actor, dpia }: RequestContext,
    @Arg('filter', () => ProcessingRegisterFilterInput, { nullable: true }) filter?: ProcessingRegisterFilterInput,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0 }) offset?: number,
  ): Promise<ProcessingRegisterPage> {
    return dpia.register(actor, registerQuery(filter), first, offset);
  }

  @Query(() => String, { description: 'The verwerkingsregister as CSV (RFC 4180), with the latest DPIA of each processing.' })
  async processingRegisterCsv(
    @Ctx() { actor, dpia }: RequestContext,
    @Arg('filter', () => ProcessingRegisterFilterInput, { nullable: true }) filter?: ProcessingRegisterFilterInput,
  ): Promise<string> {
    return dpia.registerCsv(actor, registerQuery(filter));
  }

  @Query(() => Processing, { nullable: true })
  async processing(@Ctx() { actor, dpia }: RequestContext, @Arg('id', () => ID) id: string): Promise<Processing | null> {
    return dpia.processing(actor, id);
  }

  @FieldResolver(() => [Dpia], { description: 'Every DPIA of this processing, oldest first.' })
  async dpiaHistory(@Root() processing: Processing, @Ctx() { dpia }: RequestContext): Promise<Dpia[]> {
    return dpia.history(processing.id);
  }
}

@Resolver(() => Dpia)
export class DpiaResolver {
  @Query(() => Dpia, { nullable: true })
  async dpia(@Ctx() { actor, dpia }: RequestContext, @Arg('id', () => ID) id: string): Promise<Dpia | null> {
    return dpia.dpia(actor, id);
  }

  @Query(() => PdfDocument, {
    nullable: true,
    description: 'One version of the DPIA report as PDF, with the heat map (null when there is none for you, or it predates PDFs). Reading it is audited (case.read).',
  })
  async dpiaReportPdf(@Ctx() { actor, dpia }: RequestContext, @Arg('dpiaId', () => ID) dpiaId: string, @Arg('version', () => Int) version: number): Promise<PdfDocument | null> {
    const pdf = await dpia.reportPdf(actor, dpiaId, version);
    return pdf && toPdfDocument(pdf);
  }

  @Mutation(() => [DpiaRisk], { description: 'Step 7: replaces the risk register of the DPIA (while it is assessed).' })
  async recordDpiaRisks(
    @Ctx() { actor, dpia }: RequestContext,
    @Arg('dpiaId', () => ID) dpiaId: string,
    @Arg('risks', () => [DpiaRiskInput]) risks: DpiaRiskInput[],
  ): Promise<DpiaRisk[]> {
    const rows = await dpia.recordRisks(
      actor,
      dpiaId,
      risks.map((r) => ({ code: r.code, title: r.title, before: r.before as { likelihood: ScaleValue; impact: ScaleValue }, after: r.after as { likelihood: ScaleValue; impact: ScaleValue } | null })),
    );
    return rows.map((row) => ({ code: row.code, title: row.title, ...assessmentOf(row) }));
  }

  @Mutation(() => DpiaMeasure, { description: 'Step 7: a measure with owner and due date.' })
  async planDpiaMeasure(@Ctx() { actor, dpia }: RequestContext, @Arg('dpiaId', () => ID) dpiaId: string, @Arg('measure', () => DpiaMeasureInput) measure: DpiaMeasureInput): Promise<DpiaMeasure> {
    return dpia.planMeasure(actor, dpiaId, { ...measure, status: (measure.status ?? null) as DpiaMeasureStatus | null });
  }

  @Mutation(() => DpiaMeasure, { description: 'Step 9: the status of a measure: planned | in_progress | implemented.' })
  async trackDpiaMeasure(@Ctx() { actor, dpia }: RequestContext, @Arg('measureId', () => ID) measureId: string, @Arg('status') status: string): Promise<DpiaMeasure> {
    return dpia.trackMeasure(actor, measureId, status as DpiaMeasureStatus);
  }

  @FieldResolver(() => DpiaQuickscan, { nullable: true })
  quickscan(@Root() root: Dpia & { quickscan?: any }): DpiaQuickscan | null {
    const q = root.quickscan;
    if (!q) return null;
    const { processingId: _p, ...answers } = q.answers;
    return { ...q.outcome, triggers: q.outcome.triggers, answers, answeredBy: q.by, answeredAt: new Date(q.at) };
  }

  @FieldResolver(() => [DpiaRisk])
  async risks(@Root() root: Dpia, @Ctx() { dpia }: RequestContext): Promise<DpiaRisk[]> {
    return (await dpia.risks(root.id)).map((row) => ({ code: row.code, title: row.title, ...assessmentOf(row) }));
  }

  @FieldResolver(() => [DpiaMeasure])
  measures(@Root() root: Dpia, @Ctx() { dpia }: RequestContext): Promise<DpiaMeasure[]> {
    return dpia.measures(root.id);
  }

  @FieldResolver(() => [DpiaAnswers], { description: 'Every version of the art. 35(7) answers.' })
  answers(@Root() root: Dpia, @Ctx() { dpia }: RequestContext): Promise<DpiaAnswers[]> {
    return dpia.answers(root.id);
  }

  @FieldResolver(() => [DpiaReport])
  reports(@Root() root: Dpia, @Ctx() { dpia }: RequestContext): Promise<DpiaReport[]> {
    return dpia.reports(root.id);
  }

  @FieldResolver(() => [DpiaFgAdvice])
  fgAdvice(@Root() root: Dpia, @Ctx() { dpia }: RequestContext): Promise<DpiaFgAdvice[]> {
    return dpia.fgAdvice(root.id);
  }
}
