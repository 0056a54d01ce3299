import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { toDataSubjectRequest } from '../dsr-mappers';
import { toPdfDocument } from '../mappers';
import { PdfDocument } from '../types/pdf-document.type';
import type { DsrStatus } from '../../persistence/entities/dsr-request.entity';
import type { DsrRequestEntity } from '../../persistence/entities/dsr-request.entity';
import {
  DataSubjectRequest,
  DataSubjectRequestFigures,
  DataSubjectRequestFilterInput,
  DataSubjectRequestInput,
  DataSubjectRequestPage,
  ObjectionInput,
} from '../types/data-subject-request.type';

@Resolver(() => DataSubjectRequest)
export class DataSubjectRequestResolver {
  @Mutation(() => DataSubjectRequest, { description: 'Registers a request of a data subject (AVG art. 15–22); the procedure and its legal clock start.' })
  async registerDataSubjectRequest(
    @Ctx() ctx: RequestContext,
    @Arg('request', () => DataSubjectRequestInput) request: DataSubjectRequestInput,
    @Arg('tenantId', () => String, { nullable: true }) tenantId?: string,
  ): Promise<DataSubjectRequest> {
    return present(ctx, await ctx.dataSubjectRequests.register(ctx.actor, request as any, tenantId));
  }

  @Mutation(() => DataSubjectRequest, { description: 'Records an objection (bezwaar) against the decision; a timely one continues the case with its handling.' })
  async registerObjection(
    @Ctx() ctx: RequestContext,
    @Arg('requestId', () => ID) requestId: string,
    @Arg('objection', () => ObjectionInput) objection: ObjectionInput,
  ): Promise<DataSubjectRequest> {
    return present(ctx, await ctx.dataSubjectRequests.registerObjection(ctx.actor, requestId, objection));
  }

  @Query(() => DataSubjectRequest, { nullable: true })
  async dataSubjectRequest(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<DataSubjectRequest | null> {
    const request = await ctx.dataSubjectRequests.request(ctx.actor, id);
    return request ? present(ctx, request) : null;
  }

  @Query(() => PdfDocument, {
    nullable: true,
    description: 'A letter of a request as the PDF that was sent (null when there is none for you, or it predates PDFs). Reading it is audited (case.read).',
  })
  async dataSubjectRequestLetterPdf(@Ctx() ctx: RequestContext, @Arg('letterId', () => ID) letterId: string): Promise<PdfDocument | null> {
    const pdf = await ctx.dataSubjectRequests.letterPdf(ctx.actor, letterId);
    return pdf && toPdfDocument(pdf);
  }

  @Query(() => DataSubjectRequestPage, { description: 'Requests of my municipalities: open ones first, nearest deadline on top.' })
  async dataSubjectRequests(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => DataSubjectRequestFilterInput, { nullable: true }) filter?: DataSubjectRequestFilterInput,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0 }) offset?: number,
  ): Promise<DataSubjectRequestPage> {
    const page = await ctx.dataSubjectRequests.list(ctx.actor, toFilter(filter), first, offset);
    return { totalCount: page.totalCount, nodes: await Promise.all(page.nodes.map((r) => present(ctx, r))) };
  }

  @Query(() => DataSubjectRequestFigures, { description: "Per year of receipt: number per right, on time, extended, median handling time (the FG's annual report)." })
  async dataSubjectRequestFigures(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('tenantId', () => String, { nullable: true }) tenantId?: string,
  ): Promise<DataSubjectRequestFigures> {
    return ctx.dataSubjectRequests.figures(ctx.actor, year, tenantId);
  }

  @Query(() => String, { description: 'The request register as CSV (RFC 4180; codes, dates and outcomes, no names or texts).' })
  async dataSubjectRequestsCsv(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => DataSubjectRequestFilterInput, { nullable: true }) filter?: DataSubjectRequestFilterInput,
  ): Promise<string> {
    return ctx.dataSubjectRequests.registerCsv(ctx.actor, toFilter(filter));
  }
}

function toFilter(filter?: DataSubjectRequestFilterInput) {
  return {
    tenantId: filter?.tenantId ?? null,
    status: (filter?.status ?? undefined) as DsrStatus[] | undefined,
    rights: filter?.rights ?? undefined,
    department: filter?.department ?? undefined,
    overdue: filter?.overdue ?? undefined,
    receivedFrom: filter?.receivedFrom ?? undefined,
    receivedTo: filter?.receivedTo ?? undefined,
  };
}

async function present(ctx: RequestContext, request: DsrRequestEntity): Promise<DataSubjectRequest> {
  return toDataSubjectRequest(request, ctx.dataSubjectRequests.daysLeft(request), await ctx.dataSubjectRequests.letters(request.id));
}
