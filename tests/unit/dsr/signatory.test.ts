import type { Actor } from '../../../src/identity/actor';
import { signatoryOf } from '../../../src/dsr/letters/signatory';

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  kind: 'user',
  userId: 'afdelingsmanager.putten',
  subject: 's',
  displayName: 'Evelien de Jong',
  roles: ['medewerker', 'afdelingsmanager'],
  tenants: ['putten'],
  ...overrides,
});
const signTask = { tenantId: 'putten', candidateGroups: ['afdelingsmanager'], candidateUsers: [], assignee: null };

describe('who signs a letter', () => {
  it('is named by the token and titled by the role through which the task is done', () => {
    expect(signatoryOf(actor(), signTask, 'ondertekend')).toEqual({ name: 'Evelien de Jong', function: 'Afdelingsmanager' });
    expect(signatoryOf(actor({ roles: ['privacybeheerder'] }), { ...signTask, candidateGroups: ['privacybeheerder'] }, 'x').function).toBe('Privacybeheerder');
  });

  it('takes a titled role of the person when the task was assigned to them by name', () => {
    const assigned = { ...signTask, candidateGroups: [], assignee: 'afdelingsmanager.putten' };
    expect(signatoryOf(actor({ roles: ['integratie-x', 'jurist'] }), assigned, 'x').function).toBe('Jurist');
  });

  it('refuses a person without a name: a letter in mandate names who signed it', () => {
    for (const displayName of [undefined, '  ']) {
      expect(() => signatoryOf(actor({ displayName }), signTask, 'ondertekend')).toThrow(
        expect.objectContaining({ code: 'DSR_SIGNER_UNNAMED', fieldErrors: [expect.objectContaining({ field: 'ondertekend' })] }),
      );
    }
  });
});
