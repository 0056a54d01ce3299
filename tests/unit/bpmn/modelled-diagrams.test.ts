import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BpmnModdle from 'bpmn-moddle';
import { validateDiagram } from '../../../src/deployment/diagram-validator';
import { moddleOptions } from '../../../src/process-runtime/source-context';
import { defaultServiceRegistry } from '../../../src/workflow/service-registry';
import { resolveWithVariables } from '../../../src/process-runtime';

/**
 * bpmn/incident-management.bpmn is edited in Camunda Modeler: it must survive a round trip
 * through bpmn-moddle (the library the modeller is built on) without losing an element, an
 * extension or a DI shape, pass bpmnlint's recommended rules, and carry the procedure's rules.
 */
const BPMN_DIR = path.resolve(__dirname, '../../../bpmn');
const FILE = path.join(BPMN_DIR, 'incident-management.bpmn');
const xml = fs.readFileSync(FILE, 'utf8');
/** The procedure and its variants, all edited in Camunda Modeler. */
const MODELLED = ['incident-management.bpmn', 'data-leak-smd.bpmn', 'supplier-incident-nvsi.bpmn', 'dpia.bpmn', 'data-subject-request.bpmn'];

function allFlowElements(container: any): any[] {
  return (container.flowElements ?? []).flatMap((e: any) => [e, ...allFlowElements(e)]);
}

async function parse(text: string) {
  const parsed = await new BpmnModdle(moddleOptions).fromXML(text);
  const definitions: any = parsed.rootElement;
  const process = definitions.rootElements.find((e: any) => e.$type === 'bpmn:Process');
  const planeElements: any[] = definitions.diagrams.flatMap((d: any) => d.plane.planeElement ?? []);
  return { parsed, definitions, process, planeElements };
}

describe.each(MODELLED)('%s as Camunda Modeler sees it', (name) => {
  const file = path.join(BPMN_DIR, name);
  const xml = fs.readFileSync(file, 'utf8');

  it('round-trips through bpmn-moddle keeping every element, extension and DI element', async () => {
    const first = await parse(xml);
    expect(first.parsed.warnings).toEqual([]);
    const { xml: written } = await new BpmnModdle(moddleOptions).toXML(first.definitions, { format: true });
    const second = await parse(written);
    expect(second.parsed.warnings).toEqual([]);

    const summary = (p: any) => allFlowElements(p).map((e: any) => `${e.$type}#${e.id}#${e.name ?? ''}#${JSON.stringify(e.extensionElements?.values?.map((v: any) => v.$type) ?? [])}`);
    expect(summary(second.process)).toEqual(summary(first.process));
    expect(second.planeElements.map((d: any) => `${d.$type}:${d.bpmnElement?.id}`)).toEqual(first.planeElements.map((d: any) => `${d.$type}:${d.bpmnElement?.id}`));
    expect(allFlowElements(second.process).length).toBeGreaterThan(40);
  });

  it('has a DI shape for every node and lane and an edge with waypoints for every flow', async () => {
    const { process, planeElements } = await parse(xml);
    const shapes = new Map(planeElements.filter((d) => d.$type === 'bpmndi:BPMNShape').map((d) => [d.bpmnElement.id, d]));
    const edges = new Map(planeElements.filter((d) => d.$type === 'bpmndi:BPMNEdge').map((d) => [d.bpmnElement.id, d]));
    const missing: string[] = [];
    for (const element of allFlowElements(process)) {
      if (element.$type === 'bpmn:SequenceFlow') {
        if ((edges.get(element.id)?.waypoint?.length ?? 0) < 2) missing.push(element.id);
      } else if (!shapes.get(element.id)?.bounds) missing.push(element.id);
    }
    for (const lane of process.laneSets[0].lanes) if (!shapes.has(lane.id)) missing.push(lane.id);
    expect(missing).toEqual([]);
  });

  it('passes bpmnlint recommended and the platform deployment checks', async () => {
    // bpmnlint's dependencies are ES modules jest cannot load: run its CLI, warnings count too.
    const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpmnlint-')), '.bpmnlintrc');
    fs.writeFileSync(config, JSON.stringify({ extends: 'bpmnlint:recommended' }));
    const cli = require.resolve('bpmnlint/bin/bpmnlint.js');
    const run = () => execFileSync(process.execPath, [cli, '--config', config, '--max-warnings=0', file], { encoding: 'utf8', cwd: BPMN_DIR });
    expect(run()).not.toMatch(/error|warning/);
    await expect(validateDiagram(xml, { knownServices: defaultServiceRegistry().names() })).resolves.toBeDefined();
  });
});

describe('the incident-management diagram', () => {
  it('puts the separation of duties and performers of the procedure on its tasks', async () => {
    const { model } = await validateDiagram(xml, { knownServices: defaultServiceRegistry().names() });
    const t = model.userTasks;
    expect(t.AssessReport.properties).toMatchObject({ notInitiator: 'true' });
    expect(t.CloseIncident.properties).toMatchObject({ notInitiator: 'true' });
    expect(t.GsDecision.properties.separateFrom.split(',')).toContain('FgAdvice');
    expect(t.FileApNotification.properties.separateFrom.split(',')).toContain('GsDecision');
    expect(t.CheckSubjectNotice.properties.separateFrom).toBe('DraftSubjectNotice');
    expect(t.FgAdvice.candidateGroups).toEqual(['fg']);
    expect(t.GsDecision.candidateGroups).toEqual(['gemeentesecretaris']);
    expect(t.FileApNotification.candidateGroups).toEqual(['privacybeheerder']);
    expect(t.IrtFirstAssessment.candidateGroups).toEqual(['irt']);
    expect(t.RepairLow.candidateGroups).toEqual(['systeembeheer', 'helpdesk']);
    // The FG's advice asks the seed's questions.
    expect(t.FgAdvice.formFields.map((f) => f.id)).toEqual(
      expect.arrayContaining(['lossOrUnlawfulProcessing', 'specialCategories', 'natureAndScale', 'dataUnintelligible', 'likelyConsequences']),
    );
  });

  it('runs the 72-hour clock as non-interrupting timers on the breach sub-process, computed from awareness', async () => {
    const { process } = await parse(xml);
    const boundaries = allFlowElements(process).filter((e: any) => e.$type === 'bpmn:BoundaryEvent' && e.attachedToRef.id === 'BreachDeadline');
    expect(boundaries.map((b: any) => [b.id, b.cancelActivity, b.eventDefinitions[0].timeDate.body])).toEqual([
      ['Reminder24', false, '${breachReminder1At}'],
      ['Reminder48', false, '${breachReminder2At}'],
      ['Deadline72', false, '${breachDeadlineAt}'],
    ]);
    const props = Object.fromEntries(process.extensionElements.values[0].values.map((p: any) => [p.name, p.value]));
    expect(props).toEqual({ caseType: 'incident', startableBy: 'medewerker,integratie' });
  });
});

describe('the supplier variant (NVSI): one incident in a shared application, several municipalities', () => {
  const supplierXml = fs.readFileSync(path.join(BPMN_DIR, 'supplier-incident-nvsi.bpmn'), 'utf8');

  it('shares the case with the municipalities the supplier names, and gives each its own notification task', async () => {
    const { model } = await validateDiagram(supplierXml, { knownServices: defaultServiceRegistry().names() });
    const t = model.userTasks;
    expect(model.participatingTenants).toBe('${split(betrokkenGemeenten, "\\s*,\\s*")}');
    expect(resolveWithVariables(model.participatingTenants!, { betrokkenGemeenten: 'putten, ermelo,harderwijk' })).toEqual(['putten', 'ermelo', 'harderwijk']);
    expect(t.AssessOwnNotification.multiInstance).toMatchObject({ collection: model.participatingTenants, elementVariable: 'gemeente' });
    expect(t.AssessOwnNotification.properties.tenant).toBe('${gemeente}');
    expect(t.AssessOwnNotification.candidateGroups).toEqual(['privacybeheerder']);
    expect(t.AssessIncident.candidateGroups).toEqual(['leverancier']);
    expect(t.AssessIncident.properties).toMatchObject({ notInitiator: 'true' });
    expect(t.AdviseMunicipalities.candidateGroups).toEqual(['fg']);
    expect(t.EscalationAssessment.candidateGroups).toEqual(['escalatieteam']);
    expect(t.EscalationAssessment.properties.separateFrom).toBe('DecideEscalation');
    expect(t.EvaluateIncident.candidateGroups).toEqual(['regiegroep']);
    expect(t.EvaluateIncident.properties.separateFrom).toBe('ResolveIncident');
    expect(model.startableBy).toEqual(['leverancier', 'integratie']);
  });

  it('refuses at deployment a list of municipalities or a task municipality that is no expression the platform can evaluate', async () => {
    const problemsOf = (xml: string) => validateDiagram(xml, { knownServices: defaultServiceRegistry().names() }).then(() => [], (err) => err.problems);
    const literal = supplierXml.replace(/name="participatingTenants" value="[^"]*"/, 'name="participatingTenants" value="bunschoten,leusden"');
    expect(await problemsOf(literal)).toEqual([expect.objectContaining({ rule: 'invalid-expression', elementId: 'supplier-incident-nvsi' })]);
    const broken = supplierXml.replace('name="tenant" value="${gemeente}"', 'name="tenant" value="${gemeente ==}"');
    expect(await problemsOf(broken)).toEqual([expect.objectContaining({ rule: 'invalid-expression', elementId: 'AssessOwnNotification' })]);
  });
});

describe('the dpia diagram (BLNP Bijlage 4)', () => {
  const dpiaXml = fs.readFileSync(path.join(BPMN_DIR, 'dpia.bpmn'), 'utf8');

  it('declares its case type, starters, performers and separation of duties', async () => {
    const { model } = await validateDiagram(dpiaXml, { knownServices: defaultServiceRegistry().names() });
    const t = model.userTasks;
    expect(t.FgAdviceToOwner.candidateGroups).toEqual(['fg']);
    expect(t.FgAssessment.candidateGroups).toEqual(['fg']);
    expect(t.FgAssessment.properties).toMatchObject({ notInitiator: 'true' });
    expect(t.DecideOnAdvice.candidateGroups).toEqual(['gemeentesecretaris']);
    expect(t.DecideOnAdvice.properties.separateFrom).toBe('FgAssessment');
    expect(t.AssignToPb.candidateGroups).toEqual(['proceseigenaar']);
    expect(t.Quickscan.candidateGroups).toEqual(['privacybeheerder']);
    // The quickscan asks all 29 questions: 3 cases of art. 35(3), 17 AP list types, 9 EDPB criteria.
    expect(t.Quickscan.formFields.filter((f) => f.type === 'boolean')).toHaveLength(29);
    const { process } = await parse(dpiaXml);
    const props = Object.fromEntries(process.extensionElements.values[0].values.map((p: any) => [p.name, p.value]));
    expect(props).toEqual({ caseType: 'dpia', startableBy: 'proceseigenaar,privacybeheerder' });
  });

  it('runs the AP term as a non-interrupting timer on the wait for the AP letter, and re-assesses by a timer', async () => {
    const { process } = await parse(dpiaXml);
    const byId = new Map(allFlowElements(process).map((e: any) => [e.id, e]));
    const term: any = byId.get('ApTermExpired');
    expect([term.attachedToRef.id, term.cancelActivity, term.eventDefinitions[0].timeDate.body]).toEqual(['AwaitApAnswer', false, '${apTermEndsAt}']);
    const letter: any = byId.get('ApAnswerReceived');
    expect(letter.eventDefinitions[0].messageRef.name).toBe('ap-antwoord');
    const due: any = byId.get('ReassessmentDue');
    expect(due.eventDefinitions[0].timeDate.body).toBe('${reassessmentAt}');
  });
});

/** The zaaksysteem steps (zgw.* service tasks) of the two procedures mirrored as zaken, and their arguments. */
describe('the zaak steps of the diagrams', () => {
  const zaakSteps = async (file: string) => {
    const { model } = await validateDiagram(fs.readFileSync(path.join(BPMN_DIR, file), 'utf8'), { knownServices: defaultServiceRegistry().names() });
    return Object.values(model.serviceTasks!).filter((t) => t.service.startsWith('zgw.'));
  };

  it('incident-management: a zaak from the confirmed incident, the CISO as behandelaar, statuses at the milestones, the AP notification twice, closed with the incident', async () => {
    const steps = await zaakSteps('incident-management.bpmn');
    expect(steps.map((s) => [s.id, s.service, s.properties.document ?? ''])).toEqual(expect.arrayContaining([
      ['ZaakAanmaken', 'zgw.zaak-aanmaken', ''],
      ['StatusBeoordeeld', 'zgw.status-zetten', ''],
      ['RolBehandelaar', 'zgw.rol-toevoegen', ''],
      ['AttachApNotification', 'zgw.document-toevoegen', 'ap-melding'],
      ['StatusGemeldBijAp', 'zgw.status-zetten', ''],
      ['AttachFinalApNotification', 'zgw.document-toevoegen', 'ap-melding'],
      ['StatusBetrokkenenGeinformeerd', 'zgw.status-zetten', ''],
      ['CloseZaak', 'zgw.zaak-afsluiten', ''],
    ]));
    expect(steps).toHaveLength(8);
    expect(steps.find((s) => s.id === 'RolBehandelaar')!.properties).toEqual({ behandelaar: '${behandelaar}' });
  });

  it('incident-management: the resultaat follows what happened to the breach', async () => {
    const close = (await zaakSteps('incident-management.bpmn')).find((s) => s.id === 'CloseZaak')!;
    const resultaat = (variables: Record<string, unknown>) => resolveWithVariables(close.properties.resultaat, variables);
    expect(resultaat({ personalData: false })).toBe('geen-datalek');
    expect(resultaat({ personalData: true, notifyAp: false })).toBe('niet-meldplichtig');
    expect(resultaat({ personalData: true, notifyAp: true, apOutcome: 'definitief' })).toBe('gemeld-bij-ap');
    expect(resultaat({ personalData: true, notifyAp: true, apOutcome: 'intrekken' })).toBe('melding-ingetrokken');
  });

  it('data-subject-request: zaak created or linked, statuses, the decision letter, the besluit with the objection term, closed (also when withdrawn); an objection as a bezwaar zaak', async () => {
    const steps = Object.fromEntries((await zaakSteps('data-subject-request.bpmn')).map((s) => [s.id, s]));
    expect(Object.keys(steps).sort()).toEqual(
      [
        'ZaakAanmaken', 'StatusOntvangen', 'StatusVerdaagd', 'StatusInBehandeling', 'AttachDecisionLetter', 'RecordBesluit', 'LinkDecisionLetter', 'CloseZaak', 'CloseZaakWithdrawn',
        'BezwaarZaakAanmaken', 'BezwaarZaakAfsluiten',
      ].sort(),
    );
    // The bezwaar zaak starts the day the objection was received and is due with the decision on it (art. 7:10 Awb).
    expect(steps.BezwaarZaakAanmaken.properties).toMatchObject({ startdatum: '${objectionReceivedAt}', uiterlijkeEinddatumAfdoening: '${objectionDecisionDueAt}' });
    expect(steps.BezwaarZaakAfsluiten.properties.resultaat).toBe('${beslissingOpBezwaar}');
    expect(steps.ZaakAanmaken.properties.uiterlijkeEinddatumAfdoening).toBe('${deadlineAt}');
    expect(steps.AttachDecisionLetter.properties.document).toBe('besluitbrief');
    // The besluit's document is the letter the zaak already holds: same kind, linked after the besluit exists.
    expect(steps.LinkDecisionLetter.properties).toEqual({ document: 'besluitbrief' });
    expect(steps.RecordBesluit.properties).toEqual({ besluitdatum: '${decisionSignedAt}', verzenddatum: '${decisionSentAt}', uiterlijkeReactiedatum: '${objectionDeadlineAt}' });
    expect(steps.CloseZaak.properties.resultaat).toBe('${uitkomst}');
    expect(steps.CloseZaakWithdrawn.properties.resultaat).toBe('withdrawn');
  });

  it('a property that is not FEEL is refused at deployment, like a condition', async () => {
    const broken = fs.readFileSync(path.join(BPMN_DIR, 'data-subject-request.bpmn'), 'utf8').replace('value="${uitkomst}"', 'value="${uitkomst == 1}"');
    const problems = await validateDiagram(broken, { knownServices: defaultServiceRegistry().names() }).catch((err) => err.problems);
    expect(problems).toEqual([expect.objectContaining({ rule: 'invalid-expression', elementId: 'CloseZaak' })]);
  });
});
