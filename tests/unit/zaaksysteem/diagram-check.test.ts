import type { DiagramModel, ServiceTaskModel } from '../../../src/deployment/diagram-model';
import type { ResolvedProcess } from '../../../src/zaaksysteem/catalogue-resolution';
import { checkDiagramsAgainstConfiguration } from '../../../src/zaaksysteem/diagram-check';
import { ZaaksysteemDirectory } from '../../../src/zaaksysteem/zaaksysteem-directory';
import type { ZgwProcessSettings } from '../../../src/zaaksysteem/zgw-config';
import { ZgwConfigError, ZgwErrorCode } from '../../../src/zaaksysteem/zgw-error';

const task = (id: string, service: string, properties: Record<string, string> = {}): ServiceTaskModel => ({ id, name: id, service, properties });
const model = (...tasks: ServiceTaskModel[]) => ({ serviceTasks: Object.fromEntries(tasks.map((t) => [t.id, t])) }) as unknown as DiagramModel;

function directory(settings: Partial<ZgwProcessSettings>): ZaaksysteemDirectory {
  const full: ZgwProcessSettings = { zaaktype: 'X', statustypen: {}, informatieobjecttypen: {}, resultaattypen: {}, roltypen: {}, startsOnNewZaak: false, ...settings };
  const process = { processKey: 'p', settings: full } as ResolvedProcess;
  return new ZaaksysteemDirectory({ bron: 'privacyflow', municipalities: [] }, [{ settings: { tenantId: 'leusden' } as any, processes: { p: process } }]);
}

function problemsOf(dir: ZaaksysteemDirectory, diagram: DiagramModel | undefined) {
  try {
    checkDiagramsAgainstConfiguration(dir, () => diagram);
  } catch (err) {
    expect(err).toBeInstanceOf(ZgwConfigError);
    return (err as ZgwConfigError).problems.map((p) => [p.code, p.path]);
  }
  return [];
}

describe('the configuration checked against the deployed diagram at start', () => {
  const at = 'municipalities.leusden.processes.p';

  it('accepts a configuration that names every zaak step of the diagram (two steps may share a statustype)', () => {
    const dir = directory({ statustypen: { A: 'Ontvangen', B: 'Ontvangen' }, informatieobjecttypen: { D: 'Besluit' }, resultaattypen: { ingetrokken: 'Ingetrokken' }, besluittype: 'Besluit' });
    const diagram = model(
      task('A', 'zgw.status-zetten'),
      task('B', 'zgw.status-zetten'),
      task('D', 'zgw.document-toevoegen', { document: 'besluitbrief' }),
      task('R', 'zgw.besluit-vastleggen'),
      task('L', 'zgw.besluit-document-koppelen', { document: 'besluitbrief' }),
      task('C1', 'zgw.zaak-afsluiten', { resultaat: '${uitkomst}' }),
      task('C2', 'zgw.zaak-afsluiten', { resultaat: 'ingetrokken' }),
      task('N', 'notify'),
    );
    expect(problemsOf(dir, diagram)).toEqual([]);
  });

  it('names a status step without statustype, a key that is no step, a literal resultaat without resultaattype, a missing besluittype', () => {
    const dir = directory({ statustypen: { Renamed: 'Ontvangen' }, resultaattypen: {} });
    const diagram = model(task('A', 'zgw.status-zetten'), task('C', 'zgw.zaak-afsluiten', { resultaat: 'withdrawn' }), task('R', 'zgw.besluit-vastleggen'));
    expect(problemsOf(dir, diagram)).toEqual([
      [ZgwErrorCode.DIAGRAM_MISMATCH, `${at}.statustypen`],
      [ZgwErrorCode.DIAGRAM_MISMATCH, `${at}.statustypen.Renamed`],
      [ZgwErrorCode.DIAGRAM_MISMATCH, `${at}.resultaattypen`],
      [ZgwErrorCode.DIAGRAM_MISMATCH, `${at}.besluittype`],
    ]);
  });

  it('names a besluit link step without besluittype, and one whose document no document step files', () => {
    const dir = directory({ informatieobjecttypen: { D: 'Besluit' } });
    const diagram = model(
      task('D', 'zgw.document-toevoegen', { document: 'besluitbrief' }),
      task('L1', 'zgw.besluit-document-koppelen', { document: 'besluitbrief' }),
      task('L2', 'zgw.besluit-document-koppelen', { document: 'verdagingsbrief' }),
    );
    expect(problemsOf(dir, diagram)).toEqual([
      [ZgwErrorCode.DIAGRAM_MISMATCH, `${at}.besluittype`],
      [ZgwErrorCode.DIAGRAM_MISMATCH, at],
    ]);
  });

  it('names the document step whose type the besluittype does not list when a step links that document to the besluit', () => {
    const settings = { zaaktype: 'X', statustypen: {}, informatieobjecttypen: { D: 'Verdagingsbrief' }, resultaattypen: {}, roltypen: {}, startsOnNewZaak: false, besluittype: 'Besluit' };
    const resolved = (listed: string[]) =>
      new ZaaksysteemDirectory({ bron: 'privacyflow', municipalities: [] }, [
        {
          settings: { tenantId: 'leusden' } as any,
          processes: { p: { processKey: 'p', settings, informatieobjecttypen: { D: 'https://ztc/iot/verdaging' }, besluittype: { url: 'https://ztc/bt/1', reactietermijn: 'P6W', informatieobjecttypen: listed } } as unknown as ResolvedProcess },
        },
      ]);
    const diagram = model(task('D', 'zgw.document-toevoegen', { document: 'besluitbrief' }), task('L', 'zgw.besluit-document-koppelen', { document: 'besluitbrief' }));
    expect(problemsOf(resolved(['https://ztc/iot/besluit']), diagram)).toEqual([[ZgwErrorCode.DIAGRAM_MISMATCH, `${at}.informatieobjecttypen.D`]]);
    expect(problemsOf(resolved(['https://ztc/iot/besluit', 'https://ztc/iot/verdaging']), diagram)).toEqual([]);
  });

  it('checks the bezwaar steps only when a bezwaar zaaktype is configured: a create step, and a resultaattype for every decision the jurist can choose', () => {
    const decision = { id: 'HandleObjection', formFields: [{ id: 'beslissingOpBezwaar', type: 'enum', options: [{ id: 'gegrond' }, { id: 'deels_gegrond' }, { id: 'ongegrond' }, { id: 'niet_ontvankelijk' }] }] };
    const withForm = (...tasks: ServiceTaskModel[]) => ({ ...model(...tasks), userTasks: { HandleObjection: decision } }) as unknown as DiagramModel;
    const create = task('BZ', 'zgw.bezwaarzaak-aanmaken', { startdatum: '${objectionReceivedAt}' });
    const close = task('BC', 'zgw.bezwaarzaak-afsluiten', { resultaat: '${beslissingOpBezwaar}' });
    const all = { gegrond: 'Gegrond', deels_gegrond: 'Deels gegrond', ongegrond: 'Ongegrond', niet_ontvankelijk: 'Niet-ontvankelijk' };
    // Unconfigured: the steps are skipped at run time, nothing to check.
    expect(problemsOf(directory({}), withForm(create, close))).toEqual([]);
    expect(problemsOf(directory({ bezwaar: { zaaktype: 'BEZWAAR', resultaattypen: all } }), withForm(create, close))).toEqual([]);
    const { niet_ontvankelijk: _missing, ...three } = all;
    expect(problemsOf(directory({ bezwaar: { zaaktype: 'BEZWAAR', resultaattypen: three } }), withForm(create, close))).toEqual([[ZgwErrorCode.DIAGRAM_MISMATCH, `${at}.bezwaar.resultaattypen`]]);
    expect(problemsOf(directory({ bezwaar: { zaaktype: 'BEZWAAR', resultaattypen: all } }), withForm(close))).toEqual([[ZgwErrorCode.DIAGRAM_MISMATCH, `${at}.bezwaar`]]);
  });

  it('refuses a process whose diagram is not deployed', () => {
    expect(problemsOf(directory({}), undefined)).toEqual([[ZgwErrorCode.DIAGRAM_MISMATCH, at]]);
  });
});

describe('docs/zaaksysteem.example.json', () => {
  it('is a valid file that names every zaak step of the diagrams in bpmn/', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { parseZgwSettings } = await import('../../../src/zaaksysteem/zgw-config');
    const { validateDiagram } = await import('../../../src/deployment/diagram-validator');
    const { defaultServiceRegistry } = await import('../../../src/workflow/service-registry');
    const root = path.resolve(__dirname, '../../..');
    const settings = parseZgwSettings(JSON.parse(fs.readFileSync(path.join(root, 'docs/zaaksysteem.example.json'), 'utf8')), {
      ZGW_LEUSDEN_SECRET: 'x',
      ZGW_LEUSDEN_WEBHOOK_AUTH: 'Bearer x',
    });
    const models = new Map<string, DiagramModel>();
    for (const file of ['incident-management.bpmn', 'data-subject-request.bpmn']) {
      const { model: m } = await validateDiagram(fs.readFileSync(path.join(root, 'bpmn', file), 'utf8'), { knownServices: defaultServiceRegistry().names() });
      models.set(m.processKey, m);
    }
    const [leusden] = settings.municipalities;
    const processes = Object.fromEntries(Object.entries(leusden.processes).map(([key, p]) => [key, { processKey: key, settings: p } as ResolvedProcess]));
    const dir = new ZaaksysteemDirectory(settings, [{ settings: leusden, processes }]);
    expect(() => checkDiagramsAgainstConfiguration(dir, (key) => models.get(key))).not.toThrow();
  });
});
