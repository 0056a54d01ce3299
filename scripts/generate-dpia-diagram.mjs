// Writes bpmn/dpia.bpmn (BLNP Bijlage 4) with its DI. The layout lives here so a change to the procedure
// keeps shapes, lanes and edges consistent; the diagram itself stays editable in Camunda Modeler.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDPB_CRITERIA, AP_MANDATORY_TYPES, ART35_3_CASES } from '../dist/src/dpia/dpia-criteria.js';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const TASK = { w: 140, h: 80 }, EVENT = { w: 36, h: 36 }, GW = { w: 50, h: 50 };

const lanes = [
  { id: 'Lane_po', name: 'Proceseigenaar', h: 140 },
  { id: 'Lane_fg', name: 'Functionaris gegevensbescherming', h: 140 },
  { id: 'Lane_pb', name: 'Privacybeheerder', h: 220 },
  { id: 'Lane_team', name: 'DPIA-team (privacybeheerder, CISO, proceseigenaar, uitvoerend medewerker)', h: 140 },
  { id: 'Lane_mt', name: 'MT / college van B&W (gemeentesecretaris)', h: 170 },
  { id: 'Lane_ap', name: 'Voorafgaande raadpleging Autoriteit Persoonsgegevens (privacybeheerder)', h: 420 },
  { id: 'Lane_auto', name: 'Privacyflow (geautomatiseerd)', h: 140 },
];
let top = 60;
for (const l of lanes) { l.y = top; top += l.h; }
const laneY = (id, dy = 0) => { const l = lanes.find((x) => x.id === id); return l.y + 70 + dy; };
const x = (c) => 260 + c * 180;
// Columns of the procedure; RoundMerge (6) and ReviseGateway (12) sit in columns of their own.
const col = (c) => x(c >= 11 ? c + 2 : c >= 6 ? c + 1 : c);

const req = [['required']];
const text = (max) => [['maxlength', String(max)]];
const f = (id, label, type, constraints = [], values) => ({ id, label, type, constraints, values });

const quickscanFields = [
  ...ART35_3_CASES.map((c) => f(`art35_${c.id}`, `Art. 35 lid 3 AVG – ${c.label}`, 'boolean', req)),
  ...AP_MANDATORY_TYPES.map((t) => f(`ap_${t.id}`, `Lijst AP nr. ${t.number} – ${t.label}`, 'boolean', req)),
  ...EDPB_CRITERIA.map((c) => f(`edpb_${c.id}`, `EDPB-criterium – ${c.label}`, 'boolean', req)),
  f('pbRoute', 'Keuze privacybeheerder (leeg: volgens de uitkomst)', 'enum', [], [['full_dpia', 'Volledige DPIA'], ['compliance_check', 'Compliance check']]),
  f('pbMotivation', 'Motivering van de keuze', 'string', text(2000)),
];

// The team's tasks go to its members (formed in FormDpiaTeam; the hook sets this variable) and to the PB,
// who leads the team. The FG who advises is never a member: FormDpiaTeam refuses it, FgAssessment refuses members.
const TEAM = '${dpiaTeam}';

// kind, id, name, lane, x, dy, extra
const nodes = [
  { k: 'startEvent', id: 'ProcessingSignalled', name: 'Nieuwe of gewijzigde verwerking gesignaleerd', lane: 'Lane_po', x: col(0) },
  { k: 'userTask', id: 'FgAdviceToOwner', name: 'Advies FG aan de proceseigenaar', lane: 'Lane_fg', x: col(1), groups: 'fg',
    form: [f('ownerAdvice', 'Advies aan de proceseigenaar', 'string', [...req, ...text(4000)]), f('dpiaAdvised', 'Adviseert de FG een DPIA (quickscan)?', 'boolean', req)],
    props: [['notInitiator', 'true']] },
  { k: 'userTask', id: 'AssignToPb', name: 'DPIA-opdracht aan de privacybeheerder geven', lane: 'Lane_po', x: col(2), groups: 'proceseigenaar',
    form: [f('assignmentNote', 'Opdracht en planning', 'string', [...req, ...text(2000)])] },
  { k: 'userTask', id: 'Quickscan', name: 'Quickscan uitvoeren', lane: 'Lane_pb', x: col(3), groups: 'privacybeheerder', form: quickscanFields },
  { k: 'exclusiveGateway', id: 'RouteGateway', name: 'Compliance check of volledige DPIA?', lane: 'Lane_pb', x: col(4), def: 'Flow_FullDpia' },
  { k: 'userTask', id: 'ComplianceCheck', name: 'Compliance check uitvoeren', lane: 'Lane_pb', x: col(5), dy: 90, groups: 'privacybeheerder',
    form: [f('complianceFindings', 'Bevindingen van de compliance check', 'string', [...req, ...text(8000)])] },
  { k: 'userTask', id: 'FormDpiaTeam', name: 'DPIA-team samenstellen', lane: 'Lane_pb', x: col(5), groups: 'privacybeheerder',
    form: [f('teamMembers', 'Leden van het DPIA-team (gebruikersnamen, gescheiden door komma’s; niet de adviserende FG)', 'string', [...req, ...text(2000)])] },
  { k: 'exclusiveGateway', id: 'RoundMerge', name: 'Beoordelingsronde', lane: 'Lane_team', x: x(6) + 45 },
  { k: 'userTask', id: 'AssessImpact', name: 'Impact en maatregelen beoordelen (art. 35 lid 7 AVG)', lane: 'Lane_team', x: col(6), groups: 'privacybeheerder', users: TEAM,
    form: [
      f('systematicDescription', 'Systematische beschrijving van de verwerking', 'string', [...req, ...text(8000)]),
      f('purposes', 'Doeleinden en gerechtvaardigd belang', 'string', [...req, ...text(4000)]),
      f('necessityProportionality', 'Noodzaak en evenredigheid', 'string', [...req, ...text(8000)]),
      f('risksToRights', 'Risico’s voor de rechten en vrijheden van betrokkenen', 'string', [...req, ...text(8000)]),
      f('measuresDescription', 'Beoogde maatregelen', 'string', [...req, ...text(8000)]),
    ] },
  { k: 'userTask', id: 'WriteReport', name: 'DPIA-rapport opstellen', lane: 'Lane_team', x: col(7), groups: 'privacybeheerder', users: TEAM,
    form: [f('reportSummary', 'Samenvatting en conclusie', 'string', [...req, ...text(8000)])] },
  { k: 'userTask', id: 'TrackMeasures', name: 'Maatregelen volgen', lane: 'Lane_team', x: col(8), groups: 'privacybeheerder', users: TEAM,
    form: [f('trackingNote', 'Stand van de maatregelen', 'string', text(4000))] },
  { k: 'userTask', id: 'FgAssessment', name: 'DPIA beoordelen en adviseren (FG)', lane: 'Lane_fg', x: col(9), groups: 'fg',
    form: [
      f('fgOpinion', 'Oordeel van de FG', 'enum', req, [['positief', 'Positief'], ['voorwaardelijk', 'Positief onder voorwaarden'], ['negatief', 'Negatief']]),
      f('fgAdvice', 'Advies (bij hoog restrisico: advies aan MT/B&W)', 'string', [...req, ...text(8000)]),
    ],
    props: [['notInitiator', 'true']] },
  { k: 'userTask', id: 'DecideOnAdvice', name: 'Besluiten over het advies van de FG', lane: 'Lane_mt', x: col(10), groups: 'gemeentesecretaris',
    form: [
      f('adviceFollowed', 'Wordt het advies van de FG gevolgd?', 'boolean', req),
      f('notFollowedReason', 'Waarom niet (verplicht als het advies niet wordt gevolgd)', 'string', text(4000)),
      f('reviseDpia', 'DPIA laten aanvullen door het DPIA-team en opnieuw voorleggen aan de FG (nieuwe versie)?', 'boolean'),
      f('revisionRequest', 'Wat moet het DPIA-team aanvullen of herzien (verplicht bij een nieuwe ronde)', 'string', text(4000)),
    ],
    props: [['separateFrom', 'FgAssessment']] },
  // The controller decides, the FG advises (art. 38–39 AVG): a new round of assessment is the decision-maker's call.
  { k: 'exclusiveGateway', id: 'ReviseGateway', name: 'Nieuwe beoordelingsronde?', lane: 'Lane_mt', x: x(12) + 45, def: 'Flow_Decided', labelAbove: true },
  { k: 'exclusiveGateway', id: 'ResidualGateway', name: 'Restrisico hoog?', lane: 'Lane_mt', x: col(11), def: 'Flow_ResidualAcceptable' },
  { k: 'subProcess', id: 'PriorConsultation', name: 'Voorafgaande raadpleging van de AP (art. 36 AVG)', lane: 'Lane_ap', x: col(12) - 40, y: laneY('Lane_ap', -50), w: 1100, h: 380 },
  { k: 'exclusiveGateway', id: 'RegisterMerge', name: 'Uitkomst bekend', lane: 'Lane_pb', x: col(18) + 60 },
  { k: 'userTask', id: 'UpdateRegister', name: 'Verwerkingsregister bijwerken', lane: 'Lane_pb', x: col(19), groups: 'privacybeheerder',
    form: [f('registerNote', 'Toelichting bij de registerwijziging', 'string', text(2000))] },
  { k: 'intermediateCatchEvent', id: 'ReassessmentDue', name: 'Herbeoordeling verschuldigd (elke vier jaar)', lane: 'Lane_auto', x: col(20), timer: '${reassessmentAt}' },
  { k: 'serviceTask', id: 'StartReassessment', name: 'Herbeoordeling van de verwerking starten', lane: 'Lane_auto', x: col(21), topic: 'dpia-reassessment' },
  { k: 'endEvent', id: 'DpiaCompleted', name: 'DPIA afgerond, herbeoordeling gestart', lane: 'Lane_auto', x: col(22) },
];
const sub = 'PriorConsultation';
const apY = laneY('Lane_ap', 130);
const inner = [
  { k: 'startEvent', id: 'ConsultationStarted', name: 'Restrisico blijft hoog', parent: sub, x: col(12), y: apY },
  { k: 'userTask', id: 'SubmitToAp', name: 'Raadpleging bij de AP indienen', parent: sub, x: col(12) + 60, y: apY, groups: 'privacybeheerder',
    form: [f('apSubmittedAt', 'Datum van indiening bij de AP', 'date', req), f('apReference', 'Kenmerk van de raadpleging', 'string', [...req, ...text(200)])] },
  { k: 'exclusiveGateway', id: 'ApWaitMerge', name: 'Termijn loopt', parent: sub, x: col(13) + 40, y: apY },
  { k: 'subProcess', id: 'AwaitApAnswer', name: 'Antwoord van de AP afwachten (8 weken, verlengbaar met 6)', parent: sub, x: col(13) + 120, y: apY - 45, w: 340, h: 130 },
  { k: 'startEvent', id: 'AwaitStarted', name: 'Wachten', parent: 'AwaitApAnswer', x: col(13) + 150, y: apY },
  { k: 'intermediateCatchEvent', id: 'ApAnswerReceived', name: 'Brief van de AP ontvangen', parent: 'AwaitApAnswer', x: col(14) + 100, y: apY, message: 'Message_ApAntwoord' },
  { k: 'endEvent', id: 'AwaitEnded', name: 'Brief ontvangen', parent: 'AwaitApAnswer', x: col(15) + 40, y: apY },
  { k: 'boundaryEvent', id: 'ApTermExpired', name: 'Termijn AP verstreken', parent: sub, attachedTo: 'AwaitApAnswer', x: col(14) + 100, y: apY + 85, timer: '${apTermEndsAt}', cancel: false },
  { k: 'userTask', id: 'RemindAp', name: 'AP rappelleren over de verstreken termijn', parent: sub, x: col(15) + 60, y: apY + 150, groups: 'privacybeheerder',
    form: [f('reminderNote', 'Contact met de AP', 'string', [...req, ...text(2000)])] },
  { k: 'endEvent', id: 'ReminderSent', name: 'AP gerappelleerd', parent: sub, x: col(16) + 60, y: apY + 150 },
  { k: 'exclusiveGateway', id: 'ApLetterGateway', name: 'Verlenging of advies?', parent: sub, x: col(15) + 140, y: apY, def: 'Flow_ApAdvice' },
  { k: 'userTask', id: 'RecordApExtension', name: 'Verlenging van de termijn vastleggen (6 weken)', parent: sub, x: col(16) + 60, y: apY - 120, groups: 'privacybeheerder',
    form: [f('extensionNote', 'Reden van de verlenging volgens de AP', 'string', [...req, ...text(2000)])] },
  { k: 'userTask', id: 'RecordApAdvice', name: 'Advies van de AP vastleggen', parent: sub, x: col(16) + 60, y: apY, groups: 'privacybeheerder',
    form: [f('apAdvice', 'Schriftelijk advies van de AP', 'string', [...req, ...text(8000)]), f('processingAllowed', 'Mag de verwerking (met de maatregelen) starten?', 'boolean', req)] },
  { k: 'endEvent', id: 'ConsultationEnded', name: 'Raadpleging afgerond', parent: sub, x: col(17) + 60, y: apY },
];
const all = [...nodes, ...inner];
for (const n of all) {
  const size = n.k === 'userTask' || n.k === 'serviceTask' ? TASK : n.k.endsWith('Gateway') ? GW : n.k === 'subProcess' ? { w: n.w, h: n.h } : EVENT;
  n.w = size.w; n.h = size.h;
  const cy = n.y ?? laneY(n.lane, n.dy ?? 0);
  if (n.k !== 'subProcess') { n.bx = n.x; n.by = cy - n.h / 2; } else { n.bx = n.x; n.by = cy; }
}
const byId = Object.fromEntries(all.map((n) => [n.id, n]));

const flows = [
  ['Flow_Signalled', 'ProcessingSignalled', 'FgAdviceToOwner'],
  ['Flow_Advised', 'FgAdviceToOwner', 'AssignToPb'],
  ['Flow_Assigned', 'AssignToPb', 'Quickscan'],
  ['Flow_Scanned', 'Quickscan', 'RouteGateway'],
  ['Flow_FullDpia', 'RouteGateway', 'FormDpiaTeam', null, 'Volledige DPIA'],
  ['Flow_Compliance', 'RouteGateway', 'ComplianceCheck', '${dpiaRoute = "compliance_check"}', 'Geen DPIA vereist'],
  ['Flow_ComplianceDone', 'ComplianceCheck', 'RegisterMerge'],
  ['Flow_TeamFormed', 'FormDpiaTeam', 'RoundMerge'],
  ['Flow_RoundOpened', 'RoundMerge', 'AssessImpact'],
  ['Flow_Assessed', 'AssessImpact', 'WriteReport'],
  ['Flow_Reported', 'WriteReport', 'TrackMeasures'],
  ['Flow_Tracked', 'TrackMeasures', 'FgAssessment'],
  ['Flow_FgAssessed', 'FgAssessment', 'DecideOnAdvice'],
  ['Flow_AdviceDecided', 'DecideOnAdvice', 'ReviseGateway'],
  ['Flow_Revise', 'ReviseGateway', 'RoundMerge', '${reviseDpia}', 'Nieuwe ronde'],
  ['Flow_Decided', 'ReviseGateway', 'ResidualGateway', null, 'DPIA vastgesteld'],
  ['Flow_ResidualHigh', 'ResidualGateway', 'PriorConsultation', '${residualRisk = "high"}', 'Hoog'],
  ['Flow_ResidualAcceptable', 'ResidualGateway', 'RegisterMerge', null, 'Laag of midden'],
  ['Flow_Consulted', 'PriorConsultation', 'RegisterMerge'],
  ['Flow_ToRegister', 'RegisterMerge', 'UpdateRegister'],
  ['Flow_C1', 'ConsultationStarted', 'SubmitToAp', null, null, sub],
  ['Flow_C2', 'SubmitToAp', 'ApWaitMerge', null, null, sub],
  ['Flow_C2b', 'ApWaitMerge', 'AwaitApAnswer', null, null, sub],
  ['Flow_A1', 'AwaitStarted', 'ApAnswerReceived', null, null, 'AwaitApAnswer'],
  ['Flow_A2', 'ApAnswerReceived', 'AwaitEnded', null, null, 'AwaitApAnswer'],
  ['Flow_C3', 'AwaitApAnswer', 'ApLetterGateway', null, null, sub],
  ['Flow_ApExtension', 'ApLetterGateway', 'RecordApExtension', '${apLetter = "verlenging"}', 'Verlenging', sub],
  ['Flow_ApAdvice', 'ApLetterGateway', 'RecordApAdvice', null, 'Advies', sub],
  ['Flow_C4', 'RecordApExtension', 'ApWaitMerge', null, null, sub],
  ['Flow_C5', 'RecordApAdvice', 'ConsultationEnded', null, null, sub],
  ['Flow_T1', 'ApTermExpired', 'RemindAp', null, null, sub],
  ['Flow_T2', 'RemindAp', 'ReminderSent', null, null, sub],
  ['Flow_Registered', 'UpdateRegister', 'ReassessmentDue'],
  ['Flow_Due', 'ReassessmentDue', 'StartReassessment'],
  ['Flow_Restarted', 'StartReassessment', 'DpiaCompleted'],
];

function formXml(n, ind) {
  const lines = [];
  if (n.form || n.props) {
    lines.push(`${ind}<bpmn:extensionElements>`);
    if (n.form) {
      lines.push(`${ind}  <camunda:formData>`);
      for (const fld of n.form) {
        lines.push(`${ind}    <camunda:formField id="${fld.id}" label="${esc(fld.label)}" type="${fld.type}">`);
        if (fld.constraints.length) {
          lines.push(`${ind}      <camunda:validation>`);
          for (const [name, config] of fld.constraints) lines.push(`${ind}        <camunda:constraint name="${name}"${config ? ` config="${config}"` : ''} />`);
          lines.push(`${ind}      </camunda:validation>`);
        }
        for (const [id, name] of fld.values ?? []) lines.push(`${ind}      <camunda:value id="${id}" name="${esc(name)}" />`);
        lines.push(`${ind}    </camunda:formField>`);
      }
      lines.push(`${ind}  </camunda:formData>`);
    }
    if (n.props) {
      lines.push(`${ind}  <camunda:properties>`);
      for (const [name, value] of n.props) lines.push(`${ind}    <camunda:property name="${name}" value="${value}" />`);
      lines.push(`${ind}  </camunda:properties>`);
    }
    lines.push(`${ind}</bpmn:extensionElements>`);
  }
  return lines;
}

function nodeXml(n, ind) {
  const inc = flows.filter((fl) => fl[2] === n.id).map((fl) => `${ind}  <bpmn:incoming>${fl[0]}</bpmn:incoming>`);
  const out = flows.filter((fl) => fl[1] === n.id).map((fl) => `${ind}  <bpmn:outgoing>${fl[0]}</bpmn:outgoing>`);
  const attrs = [`id="${n.id}"`, `name="${esc(n.name)}"`];
  if (n.groups) attrs.push(`camunda:candidateGroups="${n.groups}"`);
  if (n.users) attrs.push(`camunda:candidateUsers="${n.users}"`);
  if (n.k === 'serviceTask') attrs.push('camunda:type="external"', `camunda:topic="${n.topic}"`);
  if (n.def) attrs.push(`default="${n.def}"`);
  if (n.k === 'boundaryEvent') attrs.push(`cancelActivity="${n.cancel}"`, `attachedToRef="${n.attachedTo}"`);
  const lines = [`${ind}<bpmn:${n.k} ${attrs.join(' ')}>`, ...formXml(n, ind + '  '), ...inc, ...out];
  if (n.timer) lines.push(`${ind}  <bpmn:timerEventDefinition id="TimerDef_${n.id}">`, `${ind}    <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${n.timer}</bpmn:timeDate>`, `${ind}  </bpmn:timerEventDefinition>`);
  if (n.message) lines.push(`${ind}  <bpmn:messageEventDefinition id="MsgDef_${n.id}" messageRef="${n.message}" />`);
  if (n.k === 'subProcess') {
    for (const c of all.filter((x) => x.parent === n.id)) lines.push(...nodeXml(c, ind + '  '));
    for (const fl of flows.filter((x) => x[5] === n.id)) lines.push(...flowXml(fl, ind + '  '));
  }
  lines.push(`${ind}</bpmn:${n.k}>`);
  return lines;
}
function flowXml([id, s, t, cond, name], ind) {
  const nm = name ? ` name="${esc(name)}"` : '';
  if (!cond) return [`${ind}<bpmn:sequenceFlow id="${id}"${nm} sourceRef="${s}" targetRef="${t}" />`];
  return [`${ind}<bpmn:sequenceFlow id="${id}"${nm} sourceRef="${s}" targetRef="${t}">`, `${ind}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(cond)}</bpmn:conditionExpression>`, `${ind}</bpmn:sequenceFlow>`];
}

const right = Math.max(...all.map((n) => n.bx + n.w)) + 80;
const L = [];
L.push('<?xml version="1.0" encoding="UTF-8"?>');
L.push('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_Dpia" targetNamespace="https://privacyflow.nl/bpmn" exporter="privacyflow" exporterVersion="0.1.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.21.0">');
L.push('  <bpmn:collaboration id="Collaboration_Dpia">');
L.push('    <bpmn:documentation>Procedure DPIA (Bijlage 4 bij het privacybeleid 2020 van Bunschoten, Leusden, Nijkerk en Putten; art. 35 en 36 AVG): signalering, advies FG, quickscan, compliance check of volledige DPIA, maatregelen, beoordeling door de FG, voorafgaande raadpleging van de AP en bijwerken van het verwerkingsregister.</bpmn:documentation>');
L.push('    <bpmn:participant id="Participant_Gemeente" name="Gemeente: gegevensbeschermingseffectbeoordeling (DPIA)" processRef="dpia" />');
L.push('  </bpmn:collaboration>');
L.push('  <bpmn:message id="Message_ApAntwoord" name="ap-antwoord" />');
L.push('  <bpmn:process id="dpia" name="Gegevensbeschermingseffectbeoordeling (DPIA)" isExecutable="true">');
L.push('    <bpmn:extensionElements>', '      <camunda:properties>', '        <camunda:property name="caseType" value="dpia" />', '        <camunda:property name="startableBy" value="proceseigenaar,privacybeheerder" />', '      </camunda:properties>', '    </bpmn:extensionElements>');
L.push('    <bpmn:laneSet id="LaneSet_Rollen">');
for (const l of lanes) {
  L.push(`      <bpmn:lane id="${l.id}" name="${esc(l.name)}">`);
  for (const n of nodes.filter((x) => x.lane === l.id)) L.push(`        <bpmn:flowNodeRef>${n.id}</bpmn:flowNodeRef>`);
  L.push('      </bpmn:lane>');
}
L.push('    </bpmn:laneSet>');
for (const n of nodes) L.push(...nodeXml(n, '    '));
for (const fl of flows.filter((x) => !x[5])) L.push(...flowXml(fl, '    '));
L.push('  </bpmn:process>');
L.push('  <bpmndi:BPMNDiagram id="BPMNDiagram_Dpia">', '    <bpmndi:BPMNPlane id="BPMNPlane_Dpia" bpmnElement="Collaboration_Dpia">');
L.push(`      <bpmndi:BPMNShape id="Participant_Gemeente_di" bpmnElement="Participant_Gemeente" isHorizontal="true">`, `        <dc:Bounds x="100" y="60" width="${right - 100}" height="${top - 60}" />`, '      </bpmndi:BPMNShape>');
for (const l of lanes) L.push(`      <bpmndi:BPMNShape id="${l.id}_di" bpmnElement="${l.id}" isHorizontal="true">`, `        <dc:Bounds x="130" y="${l.y}" width="${right - 130}" height="${l.h}" />`, '      </bpmndi:BPMNShape>');
for (const n of all) {
  const extra = n.k === 'subProcess' ? ' isExpanded="true"' : n.k === 'exclusiveGateway' ? ' isMarkerVisible="true"' : '';
  L.push(`      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${extra}>`, `        <dc:Bounds x="${n.bx}" y="${n.by}" width="${n.w}" height="${n.h}" />`);
  if (n.k !== 'userTask' && n.k !== 'serviceTask' && n.k !== 'subProcess') L.push('        <bpmndi:BPMNLabel>', `          <dc:Bounds x="${n.bx - 30}" y="${n.labelAbove ? n.by - 31 : n.by + n.h + 4}" width="${n.w + 60}" height="27" />`, '        </bpmndi:BPMNLabel>');
  L.push('      </bpmndi:BPMNShape>');
}
for (const [id, s, t] of flows) {
  const a = byId[s], b = byId[t];
  let pts;
  if (a.k === 'boundaryEvent') pts = [[a.bx + a.w / 2, a.by + a.h], [a.bx + a.w / 2, b.by + b.h / 2], [b.bx, b.by + b.h / 2]];
  else if (id === 'Flow_Revise') { // the new round: below the decision lane's tasks, back up into the merge
    const y = a.by + a.h + 30;
    pts = [[a.bx + a.w / 2, a.by + a.h], [a.bx + a.w / 2, y], [b.bx + b.w / 2, y], [b.bx + b.w / 2, b.by + b.h]];
  } else if (b.bx + 5 < a.bx + a.w) { // loop back: go over the top
    const y = Math.min(a.by, b.by) - 20;
    pts = [[a.bx + a.w / 2, a.by], [a.bx + a.w / 2, y], [b.bx + b.w / 2, y], [b.bx + b.w / 2, b.by]];
  } else {
    const ay = a.k === 'subProcess' ? a.by + 40 : a.by + a.h / 2;
    const by = b.k === 'subProcess' ? b.by + 40 : b.by + b.h / 2;
    const x1 = a.bx + a.w, x2 = b.bx;
    pts = ay === by ? [[x1, ay], [x2, by]] : [[x1, ay], [(x1 + x2) / 2, ay], [(x1 + x2) / 2, by], [x2, by]];
  }
  L.push(`      <bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">`, ...pts.map(([x, y]) => `        <di:waypoint x="${Math.round(x)}" y="${Math.round(y)}" />`), '      </bpmndi:BPMNEdge>');
}
L.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>', '</bpmn:definitions>', '');
const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bpmn/dpia.bpmn');
fs.writeFileSync(target, L.join('\n'));
console.log(`wrote ${target}`);
