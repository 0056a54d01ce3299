import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import {
  canCoordinateMeasures,
  canKeepLogbook,
  canReadEvidence,
  canReadIncidentRegister,
  canRecordHours,
  canRegisterEvidence,
} from '../identity/access-policy';
import { EvidenceItemEntity, IncidentEntity } from '../persistence/entities';
import { appendAudit } from '../workflow/audit-trail';
import { isUuid } from '../workflow/ids';
import { checkEvidenceIntegrity, decodeEvidenceFile, EvidenceUpload, PLATFORM_STORAGE_LOCATION, PLATFORM_STORAGE_METHOD, storeEvidenceContent } from './evidence-content';
import { confirmEvidenceReceipt, EvidenceInput, evidenceOf, handOverEvidence, lockEvidence, registerEvidence } from './evidence-register';
import { checkMeasureEffect, completeMeasure, lockMeasure, MeasureInput, measuresOf, planMeasure } from './improvement-measures';
import { IncidentError, IncidentErrorCode } from './incident-error';
import { HoursInput, hoursOf, recordHours } from './incident-hours';
import { logEvent, logNote, readLogbook } from './logbook';

/** What the investigation records need to know of an incident. */
export type IncidentRef = Pick<IncidentEntity, 'id' | 'tenantId' | 'instanceId'>;

const forbidden = (what: string) => new IncidentError(IncidentErrorCode.FORBIDDEN, `you may not ${what}`);

/**
 * The records the team keeps while handling an incident, beside the process: the logbook, hours
 * worked, the evidence register with its chain of custody, and improvement measures.
 */
export class InvestigationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { evidenceMaxBytes: number } = { evidenceMaxBytes: 5 * 1024 * 1024 },
  ) {}

  /** The logbook: process steps, platform records and team notes in time order. */
  async logbook(actor: Actor, incident: IncidentRef) {
    if (!canReadIncidentRegister(actor, incident.tenantId)) return [];
    return readLogbook(this.dataSource.manager, incident);
  }

  addLogNote(actor: Actor, incidentId: string, text: string, occurredAt?: Date | null) {
    return this.onIncident(actor, incidentId, canKeepLogbook, 'incident.log-note', async (em, incident, now) => {
      if (!text?.trim() || text.length > 4000) throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'empty or too long note', [{ field: 'text', message: 'required, at most 4000 characters' }]);
      if (occurredAt && occurredAt.getTime() > now.getTime()) throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'a note is about the past', [{ field: 'occurredAt', message: 'lies in the future' }]);
      await logNote(em, incident, text.trim(), occurredAt ?? now, actor, now);
      return { at: occurredAt ?? now, source: 'team' as const, actor: actor.userId, text: text.trim() };
    });
  }

  recordHours(actor: Actor, incidentId: string, input: HoursInput) {
    return this.onIncident(actor, incidentId, canRecordHours, 'incident.hours', (em, incident, now) => recordHours(em, incident, input, actor, now));
  }

  async hours(actor: Actor, incident: IncidentRef) {
    return canReadIncidentRegister(actor, incident.tenantId) ? hoursOf(this.dataSource.manager, incident.id) : null;
  }

  /**
   * Registers an item whose SHA-256 is declared (typed in): physical items, and digital items kept
   * elsewhere (at a supplier, on a seized disk) whose hash was taken by whoever holds them.
   */
  registerEvidence(actor: Actor, incidentId: string, input: EvidenceInput) {
    return this.onIncident(actor, incidentId, canRegisterEvidence, 'evidence.registered', async (em, incident, now) => {
      const { item } = await registerEvidence(em, incident, input, actor, now);
      await logEvent(em, incident, `Bewijsstuk ${item.number} geregistreerd (${item.kind === 'digital' ? 'digitaal, SHA-256 vastgelegd' : 'fysiek'})`, actor, now);
      return (await evidenceOf(em, incident.id, item.id))[0];
    });
  }

  /**
   * Captures a digital item by uploading it: the platform takes its SHA-256 and keeps the content
   * with the "captured" link of the chain of custody, all in one transaction.
   */
  uploadEvidence(actor: Actor, incidentId: string, upload: EvidenceUpload) {
    // Before any transaction: an oversized or malformed file is refused without touching the database.
    const file = decodeEvidenceFile(upload, this.options.evidenceMaxBytes);
    return this.onIncident(actor, incidentId, canRegisterEvidence, 'evidence.uploaded', async (em, incident, now) => {
      const { item, capturedEventId } = await registerEvidence(
        em,
        incident,
        {
          description: upload.description,
          kind: 'digital',
          sha256: file.sha256,
          storageLocation: PLATFORM_STORAGE_LOCATION,
          storageMethod: upload.storageMethod?.trim() || PLATFORM_STORAGE_METHOD,
          reason: upload.reason,
        },
        actor,
        now,
      );
      await storeEvidenceContent(em, item, capturedEventId, file, now);
      await logEvent(em, incident, `Bewijsstuk ${item.number} vastgelegd door upload (${file.bytes.length} bytes, SHA-256 door Privacyflow berekend)`, actor, now);
      return (await evidenceOf(em, incident.id, item.id))[0];
    });
  }

  /**
   * Recomputes the SHA-256 of an uploaded item and says whether it still matches the one taken at
   * capture. The check is recorded in the logbook and the audit trail (a mismatch is a finding).
   */
  verifyEvidence(actor: Actor, itemId: string) {
    const notFound = new IncidentError(IncidentErrorCode.EVIDENCE_NOT_FOUND, 'no such evidence item');
    if (!isUuid(itemId)) throw notFound;
    return this.dataSource.transaction(async (em) => {
      const item = await em.findOne(EvidenceItemEntity, { where: { id: itemId } });
      if (!item || !canReadEvidence(actor, item.tenantId)) throw notFound;
      const integrity = await checkEvidenceIntegrity(em, item);
      const now = new Date();
      const incident = { id: item.incidentId, tenantId: item.tenantId };
      await logEvent(em, incident, `Integriteit van bewijsstuk ${item.number} gecontroleerd: SHA-256 ${integrity.matches ? 'komt overeen' : 'komt NIET overeen met de vastlegging'}`, actor, now);
      await appendAudit(em, actor, { tenantId: item.tenantId, action: 'evidence.verified', details: { itemId, matches: integrity.matches } });
      return { item, ...integrity, verifiedAt: now, verifiedBy: actor.userId };
    });
  }

  /** Hands an item over (by its holder) or signs for receipt (by the recipient). */
  transferEvidence(actor: Actor, itemId: string, change: { to: string; reason: string; storageLocation: string } | 'receive') {
    if (!isUuid(itemId)) throw new IncidentError(IncidentErrorCode.EVIDENCE_NOT_FOUND, 'no such evidence item');
    return this.dataSource.transaction(async (em) => {
      const item = await lockEvidence(em, itemId);
      if (!item || !canReadEvidence(actor, item.tenantId)) throw new IncidentError(IncidentErrorCode.EVIDENCE_NOT_FOUND, 'no such evidence item');
      const now = new Date();
      const incident = { id: item.incidentId, tenantId: item.tenantId };
      if (change === 'receive') {
        await confirmEvidenceReceipt(em, item, actor, now);
        await logEvent(em, incident, `Ontvangst van bewijsstuk ${item.number} getekend`, actor, now);
      } else {
        await handOverEvidence(em, item, change.to, change.reason, change.storageLocation, actor, now);
        await logEvent(em, incident, `Bewijsstuk ${item.number} overgedragen`, actor, now);
      }
      await appendAudit(em, actor, { tenantId: item.tenantId, action: change === 'receive' ? 'evidence.received' : 'evidence.handed-over', details: { itemId } });
      return (await evidenceOf(em, item.incidentId, item.id))[0];
    });
  }

  async evidence(actor: Actor, incident: IncidentRef) {
    return canReadEvidence(actor, incident.tenantId) ? evidenceOf(this.dataSource.manager, incident.id) : [];
  }

  planMeasure(actor: Actor, incidentId: string, input: MeasureInput) {
    return this.onIncident(actor, incidentId, canCoordinateMeasures, 'measure.planned', async (em, incident, now) => {
      const measure = await planMeasure(em, incident, input, actor, now);
      await logEvent(em, incident, `Verbetermaatregel gepland, gereed uiterlijk ${measure.dueDate}`, actor, now);
      return measure;
    });
  }

  /** The owner reports a measure done (`done`), or a coordinator records its effect (`checked`). */
  updateMeasure(actor: Actor, measureId: string, change: { done: string } | { effective: boolean; finding: string }) {
    const notFound = new IncidentError(IncidentErrorCode.MEASURE_NOT_FOUND, 'no such measure');
    if (!isUuid(measureId)) throw notFound;
    return this.dataSource.transaction(async (em) => {
      const measure = await lockMeasure(em, measureId);
      if (!measure || !(measure.owner === actor.userId || canReadIncidentRegister(actor, measure.tenantId) || canCoordinateMeasures(actor, measure.tenantId))) throw notFound;
      const now = new Date();
      const incident = { id: measure.incidentId, tenantId: measure.tenantId };
      if ('done' in change) {
        await completeMeasure(em, measure, change.done, actor, now);
        await logEvent(em, incident, 'Verbetermaatregel uitgevoerd gemeld door de eigenaar', actor, now);
      } else {
        if (!canCoordinateMeasures(actor, measure.tenantId)) throw forbidden('check the effect of measures');
        await checkMeasureEffect(em, measure, change.effective, change.finding, actor, now);
        await logEvent(em, incident, `Effect van verbetermaatregel getoetst: ${change.effective ? 'effectief' : 'niet effectief'}`, actor, now);
      }
      await appendAudit(em, actor, { tenantId: measure.tenantId, action: 'done' in change ? 'measure.done' : 'measure.checked', details: { measureId } });
      return measure;
    });
  }

  async measures(actor: Actor, incident: IncidentRef) {
    return canReadIncidentRegister(actor, incident.tenantId) || canCoordinateMeasures(actor, incident.tenantId) ? measuresOf(this.dataSource.manager, incident.id) : [];
  }

  /** Loads the incident in a transaction, checks the actor may do this, runs the work and audits it. */
  private onIncident<T>(
    actor: Actor,
    incidentId: string,
    allowed: (actor: Actor, tenantId: string) => boolean,
    action: string,
    work: (em: EntityManager, incident: IncidentEntity, now: Date) => Promise<T>,
  ): Promise<T> {
    const notFound = new IncidentError(IncidentErrorCode.INCIDENT_NOT_FOUND, `incident ${incidentId} not found`);
    if (!isUuid(incidentId)) throw notFound;
    return this.dataSource.transaction(async (em) => {
      const incident = await em.findOne(IncidentEntity, { where: { id: incidentId } });
      if (!incident || !(canReadIncidentRegister(actor, incident.tenantId) || allowed(actor, incident.tenantId))) throw notFound;
      if (!allowed(actor, incident.tenantId)) throw forbidden(`do this (${action}) on this incident`);
      if (incident.status === 'destroyed') throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'the file of this incident has been destroyed');
      const now = new Date();
      const result = await work(em, incident, now);
      await appendAudit(em, actor, { tenantId: incident.tenantId, action, instanceId: incident.instanceId, details: { incidentId } });
      return result;
    });
  }
}
