import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { toBreach } from '../breach-mappers';
import { Breach } from '../types/breach.type';
import { Dpia } from '../types/dpia.type';
import {
  Incident,
  IncidentClassification,
  IncidentRegisterFilterInput,
  IncidentRegisterPage,
  IncidentReportInput,
  IntegrationIncidentReportInput,
} from '../types/incident.type';
import type { ImpactLevel, IncidentStatus } from '../../persistence/entities/incident.entity';

@Resolver(() => Incident)
export class IncidentResolver {
  @Mutation(() => Incident, { description: 'An employee reports a (suspected) security incident or data breach; the procedure starts.' })
  async reportIncident(
    @Ctx() { actor, incidents }: RequestContext,
    @Arg('report', () => IncidentReportInput) report: IncidentReportInput,
    @Arg('tenantId', () => String, { nullable: true }) tenantId?: string,
  ): Promise<Incident> {
    return incidents.report(actor, report, tenantId);
  }

  @Mutation(() => Incident, { description: 'An integration (role integratie) reports for an employee, an outsider or anonymously.' })
  async reportIncidentViaIntegration(
    @Ctx() { actor, incidents }: RequestContext,
    @Arg('report', () => IntegrationIncidentReportInput) report: IntegrationIncidentReportInput,
    @Arg('tenantId', () => String, { nullable: true }) tenantId?: string,
  ): Promise<Incident> {
    return incidents.reportViaIntegration(actor, report, tenantId);
  }

  @Query(() => IncidentRegisterPage, { description: 'The incident register of my municipalities, newest first.' })
  async incidentRegister(
    @Ctx() { actor, incidents }: RequestContext,
    @Arg('filter', () => IncidentRegisterFilterInput, { nullable: true }) filter?: IncidentRegisterFilterInput,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0 }) offset?: number,
  ): Promise<IncidentRegisterPage> {
    const { status, impact, ...rest } = filter ?? {};
    return incidents.register(actor, { ...rest, status: status as IncidentStatus[] | undefined, impact: impact as ImpactLevel[] | undefined }, first, offset);
  }

  @Query(() => String, { description: 'The incident register as CSV (RFC 4180; codes, dates and outcomes, no report texts).' })
  async incidentRegisterCsv(
    @Ctx() { actor, incidents }: RequestContext,
    @Arg('filter', () => IncidentRegisterFilterInput, { nullable: true }) filter?: IncidentRegisterFilterInput,
  ): Promise<string> {
    const { status, impact, ...rest } = filter ?? {};
    return incidents.registerCsv(actor, { ...rest, status: status as IncidentStatus[] | undefined, impact: impact as ImpactLevel[] | undefined });
  }

  @Query(() => Incident, { nullable: true })
  async incident(@Ctx() { actor, incidents }: RequestContext, @Arg('id', () => ID) id: string): Promise<Incident | null> {
    return incidents.incident(actor, id);
  }

  @Query(() => [IncidentClassification], { description: 'The BLNP table "incidentmeldingsniveau" used to propose the impact.' })
  incidentClassifications(@Ctx() { incidents }: RequestContext): IncidentClassification[] {
    return [...incidents.classifications()];
  }

  @FieldResolver(() => Breach, { nullable: true, description: 'The breach file, when personal data are involved and I may see it.' })
  async breach(@Root() incident: Incident, @Ctx() { actor, breaches }: RequestContext): Promise<Breach | null> {
    const file = await breaches.file(actor, incident.id);
    return file ? toBreach(file) : null;
  }

  @FieldResolver(() => [Dpia], { description: "DPIAs this incident's evaluation reopened (when I may read DPIAs)." })
  async reopenedDpias(@Root() incident: Incident, @Ctx() { actor, dpia }: RequestContext): Promise<Dpia[]> {
    return dpia.reopenedAfterIncident(actor, incident);
  }
}
