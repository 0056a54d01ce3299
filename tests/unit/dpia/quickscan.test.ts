import { AP_MANDATORY_TYPES, ApProcessingTypeId, ART35_3_CASES, Art35CaseId, EDPB_CRITERIA, EdpbCriterionId } from '../../../src/dpia/dpia-criteria';
import { DpiaErrorCode } from '../../../src/dpia/dpia-error';
import { evaluateQuickscan, QuickscanAnswers } from '../../../src/dpia/quickscan';

function allNo<Id extends string>(items: readonly { id: Id }[]): Record<Id, boolean> {
  return Object.fromEntries(items.map((item) => [item.id, false])) as Record<Id, boolean>;
}

function answers(yes: { edpb?: EdpbCriterionId[]; ap?: ApProcessingTypeId[]; art35?: Art35CaseId[] } = {}): QuickscanAnswers {
  const edpbCriteria = allNo(EDPB_CRITERIA);
  const apListTypes = allNo(AP_MANDATORY_TYPES);
  const art35Cases = allNo(ART35_3_CASES);
  for (const id of yes.edpb ?? []) edpbCriteria[id] = true;
  for (const id of yes.ap ?? []) apListTypes[id] = true;
  for (const id of yes.art35 ?? []) art35Cases[id] = true;
  return { processingId: 'VR-2026-014', edpbCriteria, apListTypes, art35Cases };
}

function refusal(input: unknown): { code: string; details?: Record<string, unknown> } {
  try {
    evaluateQuickscan(input as QuickscanAnswers);
  } catch (error) {
    return error as { code: string; details?: Record<string, unknown> };
  }
  throw new Error('expected the quickscan to be refused');
}

describe('the DPIA quickscan', () => {
  it('holds the nine EDPB criteria and the seventeen types of the AP list, numbered as in the decree', () => {
    expect(EDPB_CRITERIA).toHaveLength(9);
    expect(AP_MANDATORY_TYPES).toHaveLength(17);
    expect(AP_MANDATORY_TYPES.map((type) => type.number)).toEqual(Array.from({ length: 17 }, (_, index) => index + 1));
    expect(AP_MANDATORY_TYPES.find((type) => type.number === 9)?.label).toBe('Cameratoezicht');
  });

  it('finds no DPIA needed for a processing below the threshold, and says why in Dutch', () => {
    const outcome = evaluateQuickscan(answers({ edpb: ['vulnerable_data_subjects'] }));
    expect(outcome).toMatchObject({ dpiaRequired: false, route: 'compliance_check', routeChosenBy: 'rules' });
    expect(outcome.reasoning).toBe(
      'Uitkomst: een DPIA is niet verplicht. Geen van de soorten verwerkingen op de lijst van de Autoriteit Persoonsgegevens is van toepassing. ' +
        '1 van de 9 EDPB-criteria is van toepassing: Gegevens over kwetsbare betrokkenen; dat is minder dan de drempel van twee. ' +
        'De privacybeheerder voert een compliance check uit.',
    );
  });

  it('requires a DPIA when two EDPB criteria apply', () => {
    const outcome = evaluateQuickscan(answers({ edpb: ['sensitive_data', 'large_scale'] }));
    expect(outcome).toMatchObject({ dpiaRequired: true, route: 'full_dpia', triggers: { edpbCriteria: ['sensitive_data', 'large_scale'], apListTypes: [] } });
    expect(outcome.reasoning).toContain('2 van de 9 EDPB-criteria zijn van toepassing: Gevoelige gegevens of gegevens van zeer persoonlijke aard; Grootschalige verwerking.');
  });

  it('requires a DPIA for a type on the AP list even without any EDPB criterion', () => {
    const outcome = evaluateQuickscan(answers({ ap: ['camera_surveillance'] }));
    expect(outcome.dpiaRequired).toBe(true);
    expect(outcome.reasoning).toContain('lijst van de Autoriteit Persoonsgegevens waarvoor een DPIA altijd verplicht is: Cameratoezicht (nr. 9).');
    expect(outcome.reasoning).toContain('0 van de 9 EDPB-criteria zijn van toepassing; dat is minder dan de drempel van twee.');
    expect(outcome.sources.join(' ')).toContain('Stcrt. 2019, 64418');
  });

  it('requires a DPIA for large-scale special categories (art. 35 lid 3 sub b, named in BLNP Bijlage 4)', () => {
    const outcome = evaluateQuickscan(answers({ art35: ['large_scale_special_categories'] }));
    expect(outcome.dpiaRequired).toBe(true);
    expect(outcome.reasoning).toContain('artikel 35 lid 3 AVG');
  });

  it('lets the PB choose a full DPIA below the threshold, recording the motivation', () => {
    const outcome = evaluateQuickscan({
      ...answers({ edpb: ['innovative_technology'] }),
      pbChoice: { route: 'full_dpia', motivation: 'Nieuwe leverancier met AI-functies; wij willen de risico’s volledig in beeld.' },
    });
    expect(outcome).toMatchObject({ dpiaRequired: false, route: 'full_dpia', routeChosenBy: 'privacybeheerder' });
    expect(outcome.reasoning).toMatch(/De privacybeheerder kiest toch voor een volledige DPIA: Nieuwe leverancier met AI-functies/);
  });

  it('refuses a compliance check where a DPIA is required', () => {
    const input = { ...answers({ ap: ['health_data'] }), pbChoice: { route: 'compliance_check' as const, motivation: 'Te weinig tijd.' } };
    expect(refusal(input).code).toBe(DpiaErrorCode.FULL_DPIA_REQUIRED);
  });

  it('refuses the PB’s own choice without a motivation', () => {
    expect(refusal({ ...answers(), pbChoice: { route: 'full_dpia', motivation: ' ' } }).code).toBe(DpiaErrorCode.ROUTE_MOTIVATION_MISSING);
  });

  it('refuses a quickscan with an unanswered question, naming it', () => {
    const input = answers();
    delete (input.edpbCriteria as Partial<Record<EdpbCriterionId, boolean>>).large_scale;
    expect(refusal(input)).toMatchObject({ code: DpiaErrorCode.QUICKSCAN_INCOMPLETE, details: { group: 'edpbCriteria', missing: ['large_scale'] } });
    expect(refusal({ ...answers(), apListTypes: undefined })).toMatchObject({ code: DpiaErrorCode.QUICKSCAN_INCOMPLETE, details: { group: 'apListTypes' } });
  });

  it('refuses unknown questions and answers other than yes or no', () => {
    expect(refusal({ ...answers(), art35Cases: { ...answers().art35Cases, drones: true } })).toMatchObject({ code: DpiaErrorCode.QUICKSCAN_UNKNOWN_ITEM, details: { unknown: ['drones'] } });
    expect(refusal({ ...answers(), edpbCriteria: { ...answers().edpbCriteria, large_scale: 'ja' } }).code).toBe(DpiaErrorCode.QUICKSCAN_NOT_A_BOOLEAN);
  });

  it('refuses a quickscan without a processing', () => {
    expect(refusal({ ...answers(), processingId: '' }).code).toBe(DpiaErrorCode.PROCESSING_REQUIRED);
  });
});
