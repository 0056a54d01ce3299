import {
  AP_LIST_SOURCE,
  AP_MANDATORY_TYPES,
  ApProcessingTypeId,
  ART35_3_CASES,
  Art35CaseId,
  EDPB_CRITERIA,
  EDPB_CRITERIA_SOURCE,
  EDPB_CRITERIA_THRESHOLD,
  EdpbCriterionId,
} from './dpia-criteria';
import { DpiaError, DpiaErrorCode } from './dpia-error';

/**
 * The DPIA quickscan (BLNP Bijlage 4 step 4; issue 6 point 3). Every question is answered explicitly for one
 * processing: an unanswered question is refused rather than read as "no", because the outcome must be
 * defensible to the FG and the AP. A DPIA is required by an art. 35 lid 3 case, a type on the AP list, or two
 * or more EDPB criteria. The PB may still choose a full DPIA where it is not required (step 5), never the
 * reverse.
 */

export type DpiaRoute = 'full_dpia' | 'compliance_check';

export interface QuickscanAnswers {
  /** The processing (verwerkingsregister entry) the quickscan is about. */
  processingId: string;
  edpbCriteria: Record<EdpbCriterionId, boolean>;
  apListTypes: Record<ApProcessingTypeId, boolean>;
  art35Cases: Record<Art35CaseId, boolean>;
  /** The PB's choice where no DPIA is required; a motivation is then recorded with it. */
  pbChoice?: { route: DpiaRoute; motivation: string };
}

export interface QuickscanOutcome {
  processingId: string;
  dpiaRequired: boolean;
  /** What made it required (or, below the threshold, the criteria that did apply). */
  triggers: { art35Cases: Art35CaseId[]; apListTypes: ApProcessingTypeId[]; edpbCriteria: EdpbCriterionId[] };
  route: DpiaRoute;
  /** Whether the route follows from the rules or is the PB's own choice. */
  routeChosenBy: 'rules' | 'privacybeheerder';
  /** Dutch, recorded with the case and shown in the report. */
  reasoning: string;
  sources: string[];
}

export function evaluateQuickscan(answers: QuickscanAnswers): QuickscanOutcome {
  if (typeof answers?.processingId !== 'string' || answers.processingId.trim() === '') {
    throw new DpiaError(DpiaErrorCode.PROCESSING_REQUIRED, 'a quickscan is about one processing');
  }
  const art35Cases = answered('art35Cases', answers.art35Cases, ART35_3_CASES.map((item) => item.id));
  const apListTypes = answered('apListTypes', answers.apListTypes, AP_MANDATORY_TYPES.map((item) => item.id));
  const edpbCriteria = answered('edpbCriteria', answers.edpbCriteria, EDPB_CRITERIA.map((item) => item.id));

  const dpiaRequired = art35Cases.length > 0 || apListTypes.length > 0 || edpbCriteria.length >= EDPB_CRITERIA_THRESHOLD;
  let route: DpiaRoute = dpiaRequired ? 'full_dpia' : 'compliance_check';
  let routeChosenBy: QuickscanOutcome['routeChosenBy'] = 'rules';
  if (answers.pbChoice) {
    if (dpiaRequired && answers.pbChoice.route !== 'full_dpia') {
      throw new DpiaError(DpiaErrorCode.FULL_DPIA_REQUIRED, 'a compliance check cannot replace a required DPIA', {
        processingId: answers.processingId,
      });
    }
    if (answers.pbChoice.route !== route) {
      if (typeof answers.pbChoice.motivation !== 'string' || answers.pbChoice.motivation.trim() === '') {
        throw new DpiaError(DpiaErrorCode.ROUTE_MOTIVATION_MISSING, 'the PB motivates choosing a full DPIA where none is required');
      }
      route = answers.pbChoice.route;
      routeChosenBy = 'privacybeheerder';
    }
  }

  const triggers = { art35Cases, apListTypes, edpbCriteria };
  return {
    processingId: answers.processingId,
    dpiaRequired,
    triggers,
    route,
    routeChosenBy,
    reasoning: reasoningOf(dpiaRequired, triggers, routeChosenBy === 'privacybeheerder' ? answers.pbChoice!.motivation.trim() : undefined),
    sources: ['art. 35 AVG', EDPB_CRITERIA_SOURCE, AP_LIST_SOURCE, 'BLNP privacybeleid 2020, Bijlage 4'],
  };
}

/** The ids answered "yes", after checking every question has a boolean answer and none is unknown. */
function answered<Id extends string>(group: string, answers: Record<Id, boolean> | undefined, ids: readonly Id[]): Id[] {
  const given = (answers ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !(ids as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new DpiaError(DpiaErrorCode.QUICKSCAN_UNKNOWN_ITEM, `unknown ${group} question(s)`, { group, unknown });
  }
  const missing = ids.filter((id) => given[id] === undefined || given[id] === null);
  if (missing.length > 0) {
    throw new DpiaError(DpiaErrorCode.QUICKSCAN_INCOMPLETE, `every ${group} question must be answered`, { group, missing });
  }
  const notBoolean = ids.filter((id) => typeof given[id] !== 'boolean');
  if (notBoolean.length > 0) {
    throw new DpiaError(DpiaErrorCode.QUICKSCAN_NOT_A_BOOLEAN, `${group} answers are yes or no`, { group, notBoolean });
  }
  return ids.filter((id) => given[id] === true);
}

function reasoningOf(required: boolean, triggers: QuickscanOutcome['triggers'], pbMotivation: string | undefined): string {
  const labelOf = <T extends { id: string; label: string }>(list: readonly T[], id: string) => list.find((item) => item.id === id)!.label;
  const parts: string[] = [];
  parts.push(required ? 'Uitkomst: een DPIA is verplicht.' : 'Uitkomst: een DPIA is niet verplicht.');

  if (triggers.art35Cases.length > 0) {
    parts.push(`De verwerking is een geval van artikel 35 lid 3 AVG: ${triggers.art35Cases.map((id) => labelOf(ART35_3_CASES, id)).join('; ')}.`);
  }
  if (triggers.apListTypes.length > 0) {
    const types = triggers.apListTypes.map((id) => {
      const type = AP_MANDATORY_TYPES.find((item) => item.id === id)!;
      return `${type.label} (nr. ${type.number})`;
    });
    parts.push(`De verwerking valt onder de lijst van de Autoriteit Persoonsgegevens waarvoor een DPIA altijd verplicht is: ${types.join('; ')}.`);
  } else {
    parts.push('Geen van de soorten verwerkingen op de lijst van de Autoriteit Persoonsgegevens is van toepassing.');
  }

  const count = triggers.edpbCriteria.length;
  const criteria = count > 0 ? `: ${triggers.edpbCriteria.map((id) => labelOf(EDPB_CRITERIA, id)).join('; ')}` : '';
  const applies = count === 1 ? 'is' : 'zijn';
  if (count >= EDPB_CRITERIA_THRESHOLD) {
    parts.push(`${count} van de ${EDPB_CRITERIA.length} EDPB-criteria ${applies} van toepassing${criteria}. Bij twee of meer criteria is volgens de EDPB in de meeste gevallen een DPIA nodig.`);
  } else {
    parts.push(`${count} van de ${EDPB_CRITERIA.length} EDPB-criteria ${applies} van toepassing${criteria}; dat is minder dan de drempel van twee.`);
  }

  if (pbMotivation) parts.push(`De privacybeheerder kiest toch voor een volledige DPIA: ${pbMotivation}`);
  else if (!required) parts.push('De privacybeheerder voert een compliance check uit.');
  return parts.join(' ');
}
