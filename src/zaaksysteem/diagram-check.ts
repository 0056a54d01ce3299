import type { DiagramModel } from '../deployment/diagram-model';
import { expressionBody } from '../process-runtime';
import type { ZaaksysteemDirectory } from './zaaksysteem-directory';
import type { ZgwBezwaarSettings } from './zgw-config';
import { ZgwConfigError, ZgwErrorCode } from './zgw-error';
import { ZGW_SERVICES } from './zgw-services';

type Problems = ConstructorParameters<typeof ZgwConfigError>[0];

/**
 * Without a bezwaar zaaktype the bezwaar steps are skipped at run time, so only a configured one is
 * checked: the diagram must create the bezwaar zaak before it closes it, and every decision on
 * objection the close step can receive must have a resultaattype — a literal, or each option of the
 * enum form field its `${variable}` names (the jurist's "Beslissing op bezwaar").
 */
function checkBezwaarSteps(model: DiagramModel, bezwaar: ZgwBezwaarSettings | undefined, path: string, key: string, fail: (path: string, message: string) => void): void {
  if (!bezwaar) return;
  const tasks = Object.values(model.serviceTasks ?? {});
  const creating = tasks.filter((t) => t.service === ZGW_SERVICES.createBezwaarZaak);
  const closing = tasks.filter((t) => t.service === ZGW_SERVICES.closeBezwaarZaak);
  if (!creating.length) fail(path, `diagram ${key} has no ${ZGW_SERVICES.createBezwaarZaak} step, so no bezwaar zaak would be made`);
  for (const t of closing) {
    const resultaat = t.properties.resultaat ?? '';
    const variable = expressionBody(resultaat);
    if (!resultaat) {
      fail(path, `step ${t.id} ("${t.name}") closes the bezwaar zaak but has no property resultaat`);
      continue;
    }
    const values =
      variable === undefined
        ? resultaat.includes('${') ? [] : [resultaat]
        : Object.values(model.userTasks ?? {}).flatMap((u) => u.formFields.filter((f) => f.id === variable && f.type === 'enum').flatMap((f) => (f.options ?? []).map((o) => o.id)));
    for (const value of new Set(values)) {
      if (!bezwaar.resultaattypen[value]) fail(`${path}.resultaattypen`, `step ${t.id} closes the bezwaar zaak with resultaat "${value}": name its resultaattype here`);
    }
  }
}

/**
 * The configuration names the diagrams' steps (statustypen and informatieobjecttypen by service
 * task id, resultaattypen by the close step's `resultaat`): checked at start against the latest
 * deployed version of each configured process, so a renamed step or a typo stops the start with
 * its path in the file instead of failing cases later. Two steps may share a statustype.
 */
export function checkDiagramsAgainstConfiguration(directory: ZaaksysteemDirectory, latest: (processKey: string) => DiagramModel | undefined): void {
  const problems: Problems = [];
  const fail = (path: string, message: string) => problems.push({ code: ZgwErrorCode.DIAGRAM_MISMATCH, path, message });
  for (const m of directory.municipalities) {
    for (const [key, process] of Object.entries(m.processes)) {
      const path = `municipalities.${m.settings.tenantId}.processes.${key}`;
      const model = latest(key);
      if (!model) {
        fail(path, `no diagram with process key ${key} is deployed`);
        continue;
      }
      const tasks = Object.values(model.serviceTasks ?? {});
      const ofService = (service: string) => tasks.filter((t) => t.service === service);
      const steps: [string, Record<string, string>, string][] = [
        [ZGW_SERVICES.setStatus, process.settings.statustypen, 'statustypen'],
        [ZGW_SERVICES.attachDocument, process.settings.informatieobjecttypen, 'informatieobjecttypen'],
      ];
      for (const [service, table, setting] of steps) {
        const ids = new Set(ofService(service).map((t) => t.id));
        for (const t of ofService(service)) if (!table[t.id]) fail(`${path}.${setting}`, `step ${t.id} ("${t.name}") calls ${service}: name its ${setting.slice(0, -2)} here`);
        for (const id of Object.keys(table)) if (!ids.has(id)) fail(`${path}.${setting}.${id}`, `not a ${service} step of diagram ${key}`);
      }
      for (const t of ofService(ZGW_SERVICES.closeZaak)) {
        const resultaat = t.properties.resultaat;
        if (!resultaat) fail(path, `step ${t.id} ("${t.name}") closes the zaak but has no property resultaat`);
        else if (expressionBody(resultaat) === undefined && !resultaat.includes('${') && !process.settings.resultaattypen[resultaat]) {
          fail(`${path}.resultaattypen`, `step ${t.id} closes the zaak with resultaat "${resultaat}": name its resultaattype here`);
        }
      }
      if (ofService(ZGW_SERVICES.recordBesluit).length && !process.settings.besluittype) fail(`${path}.besluittype`, `diagram ${key} records a besluit: name the besluittype`);
      else if (ofService(ZGW_SERVICES.linkBesluitDocument).length && !process.settings.besluittype) fail(`${path}.besluittype`, `diagram ${key} links a document to a besluit: name the besluittype`);
      // The link step finds its document on the zaak, so a document step of the same diagram must file it,
      // with a document type the besluittype lists: Open Zaak refuses any other link to a besluit of that type.
      for (const t of ofService(ZGW_SERVICES.linkBesluitDocument)) {
        const filing = ofService(ZGW_SERVICES.attachDocument).filter((a) => a.properties.document === t.properties.document);
        if (!filing.length) fail(path, `step ${t.id} ("${t.name}") links document "${t.properties.document ?? ''}" to the besluit, but no ${ZGW_SERVICES.attachDocument} step of diagram ${key} files it`);
        const besluittype = process.besluittype;
        for (const a of besluittype ? filing : []) {
          const type = process.informatieobjecttypen[a.id];
          if (type && !besluittype!.informatieobjecttypen.includes(type)) {
            fail(`${path}.informatieobjecttypen.${a.id}`, `step ${t.id} links this document to the besluit, but besluittype "${process.settings.besluittype}" does not list informatieobjecttype "${process.settings.informatieobjecttypen[a.id]}"`);
          }
        }
      }
      if (ofService(ZGW_SERVICES.addRole).length && !process.settings.roltypen.behandelaar) fail(`${path}.roltypen.behandelaar`, `diagram ${key} adds a behandelaar: name its roltype`);
      checkBezwaarSteps(model, process.settings.bezwaar, `${path}.bezwaar`, key, fail);
    }
  }
  if (problems.length) throw new ZgwConfigError(problems);
}
