import { canReadAudit, roleUsedAmong, roleUsedForTask, COORDINATOR_ROLES } from '../../../src/identity/access-policy';
import type { Actor } from '../../../src/identity/actor';

const person = (roles: string[], tenants: string[]): Actor => ({ kind: 'user', userId: 'u', subject: 's', roles, tenants });

describe('who may read a municipality\'s audit log', () => {
  it('lets its FG and CISO read it', () => {
    expect(canReadAudit(person(['fg'], ['putten']), 'putten')).toBe(true);
    expect(canReadAudit(person(['ciso'], ['putten']), 'putten')).toBe(true);
  });

  it('lets the regional CISO read the municipalities they serve', () => {
    expect(canReadAudit(person(['regionale-ciso'], ['putten', 'leusden']), 'leusden')).toBe(true);
  });

  it('refuses other roles, and the CISO of another municipality', () => {
    expect(canReadAudit(person(['medewerker', 'privacybeheerder'], ['putten']), 'putten')).toBe(false);
    expect(canReadAudit(person(['ciso'], ['leusden']), 'putten')).toBe(false);
  });
});

describe('the role recorded as used', () => {
  const task = { tenantId: 'putten', candidateGroups: ['ciso', 'fg'], candidateUsers: [], assignee: null };

  it('is the actor\'s role that is a candidate group of the task', () => {
    expect(roleUsedForTask(person(['medewerker', 'fg'], ['putten']), task)).toBe('fg');
  });

  it('is none when the actor acts as a named person', () => {
    expect(roleUsedForTask(person(['medewerker'], ['putten']), { ...task, assignee: 'u' })).toBeNull();
  });

  it('is the coordinator role for assigning to others', () => {
    expect(roleUsedAmong(person(['medewerker', 'afdelingsmanager'], ['putten']), COORDINATOR_ROLES)).toBe('afdelingsmanager');
  });
});
