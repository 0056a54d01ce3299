import { parseZgwSettings } from '../../../src/zaaksysteem/zgw-config';
import { ZgwConfigError, ZgwErrorCode } from '../../../src/zaaksysteem/zgw-error';

const valid = () => ({
  municipalities: {
    leusden: {
      rsin: '002220647',
      apis: { zaken: 'https://oz.example/zaken/api/v1/', catalogi: 'https://oz.example/catalogi/api/v1', documenten: 'https://oz.example/documenten/api/v1', besluiten: 'https://oz.example/besluiten/api/v1' },
      catalogus: 'https://oz.example/catalogi/api/v1/catalogussen/1',
      clientId: 'privacyflow',
      secretEnv: 'LEUSDEN_ZGW_SECRET',
      notificationAuthEnv: 'LEUSDEN_ZGW_WEBHOOK_AUTH',
      processes: {
        'data-subject-request': {
          zaaktype: 'AVG-VERZOEK',
          statustypen: { StatusOntvangen: 'Ontvangen' },
          resultaattypen: { toegewezen: 'Toegewezen' },
          besluittype: 'Besluit op verzoek AVG',
        },
      },
    },
  },
});
const env = { LEUSDEN_ZGW_SECRET: 's3cret', LEUSDEN_ZGW_WEBHOOK_AUTH: 'Bearer t' };

function problemsOf(raw: unknown, environment: NodeJS.ProcessEnv = env) {
  try {
    parseZgwSettings(raw, environment);
  } catch (err) {
    expect(err).toBeInstanceOf(ZgwConfigError);
    return (err as ZgwConfigError).problems;
  }
  throw new Error('expected a configuration error');
}

describe('zaaksysteem configuration file', () => {
  it('reads a valid file, takes secrets from the environment and trims trailing slashes', () => {
    const settings = parseZgwSettings(valid(), env);
    expect(settings.bron).toBe('privacyflow');
    const [m] = settings.municipalities;
    expect(m).toMatchObject({ tenantId: 'leusden', secret: 's3cret', notificationAuth: 'Bearer t' });
    expect(m.apis.zaken).toBe('https://oz.example/zaken/api/v1');
    expect(m.processes['data-subject-request']).toMatchObject({ startsOnNewZaak: false, informatieobjecttypen: {}, roltypen: {} });
  });

  it('names a missing secret by its environment variable, with its own code', () => {
    expect(problemsOf(valid(), { LEUSDEN_ZGW_WEBHOOK_AUTH: 'Bearer t' })).toEqual([
      { code: ZgwErrorCode.SECRET_MISSING, path: 'municipalities.leusden.secretEnv', message: 'environment variable LEUSDEN_ZGW_SECRET is not set' },
    ]);
  });

  it('reports every missing and unknown item at once', () => {
    const raw: any = valid();
    delete raw.municipalities.leusden.rsin;
    raw.municipalities.leusden.apis.zaken = 'ftp://x';
    raw.municipalities.leusden.clientSecret = 'never here';
    delete raw.municipalities.leusden.processes['data-subject-request'].statustypen;
    expect(problemsOf(raw).map((p) => p.path).sort()).toEqual([
      'municipalities.leusden.apis.zaken',
      'municipalities.leusden.clientSecret',
      'municipalities.leusden.processes.data-subject-request.statustypen',
      'municipalities.leusden.rsin',
    ]);
  });

  it('reads the bezwaar zaaktype of a process, and names what is wrong in it', () => {
    const raw: any = valid();
    raw.municipalities.leusden.processes['data-subject-request'].bezwaar = { zaaktype: 'BEZWAAR', resultaattypen: { gegrond: 'Gegrond' } };
    expect(parseZgwSettings(raw, env).municipalities[0].processes['data-subject-request'].bezwaar).toEqual({ zaaktype: 'BEZWAAR', resultaattypen: { gegrond: 'Gegrond' } });
    raw.municipalities.leusden.processes['data-subject-request'].bezwaar = { resultaattypen: { gegrond: '' }, statustypen: {} };
    expect(problemsOf(raw).map((p) => p.path).sort()).toEqual([
      'municipalities.leusden.processes.data-subject-request.bezwaar.resultaattypen',
      'municipalities.leusden.processes.data-subject-request.bezwaar.statustypen',
      'municipalities.leusden.processes.data-subject-request.bezwaar.zaaktype',
    ]);
  });

  it('refuses an RSIN that fails the elfproef', () => {
    const raw: any = valid();
    raw.municipalities.leusden.rsin = '002220648';
    expect(problemsOf(raw)).toEqual([expect.objectContaining({ path: 'municipalities.leusden.rsin', code: ZgwErrorCode.CONFIG_INVALID })]);
  });

  it('requires the Besluiten API when a process records a besluit', () => {
    const raw: any = valid();
    delete raw.municipalities.leusden.apis.besluiten;
    expect(problemsOf(raw)).toEqual([expect.objectContaining({ path: 'municipalities.leusden.apis.besluiten' })]);
  });
});

describe('the intake of requests from the zaaksysteem (requestIntake)', () => {
  const withIntake = (requestIntake: unknown) => {
    const raw: any = valid();
    raw.municipalities.leusden.processes['data-subject-request'].requestIntake = requestIntake;
    return raw;
  };

  it('takes the Dutch values of soortVerzoek by default and the departments as given', () => {
    const [m] = parseZgwSettings(withIntake({ departments: [{ name: 'Burgerzaken', candidateGroup: 'afdelingsmanager' }] }), env).municipalities;
    expect(m.processes['data-subject-request'].requestIntake).toEqual({
      rightEigenschap: 'soortVerzoek',
      rights: expect.objectContaining({ inzage: 'access', wissen: 'erasure', 'geautomatiseerde besluitvorming': 'automated_decision' }),
      defaultRight: undefined,
      departments: [{ name: 'Burgerzaken', candidateGroup: 'afdelingsmanager' }],
    });
  });

  it('names every wrong setting with its path: no department, a value that is no right, an unknown key', () => {
    const problems = problemsOf(withIntake({ rights: { inzien: 'look' }, defaultRight: 'everything', departments: [], extra: true }));
    const at = 'municipalities.leusden.processes.data-subject-request.requestIntake';
    expect(problems.map((p) => p.path).sort()).toEqual([`${at}.defaultRight`, `${at}.departments`, `${at}.extra`, `${at}.rights.inzien`].sort());
  });
});
