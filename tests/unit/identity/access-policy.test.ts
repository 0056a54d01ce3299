import type { Actor } from '../../../src/identity/actor';
import { systemActor } from '../../../src/identity/actor';
import { canReadAudit, canReadCase, canReadTask, canStartProcess, supervises } from '../../../src/identity/access-policy';

const person = (userId: string, roles: string[], tenants: string[]): Actor => ({ kind: 'user', userId, subject: userId, roles, tenants });
const fg = person('fg', ['fg'], ['bunschoten', 'leusden', 'nijkerk', 'putten']);
const ciso = person('ciso.putten', ['ciso'], ['putten']);
const regional = person('regionale-ciso', ['regionale-ciso'], ['bunschoten', 'leusden', 'nijkerk', 'putten']);
const pb = person('privacybeheerder.putten', ['privacybeheerder'], ['putten']);
const employee = person('medewerker.putten', ['medewerker'], ['putten']);

describe('the access policy', () => {
  it('lets the FG, the CISO of the municipality and the regional CISO read its audit log, nobody else', () => {
    expect(canReadAudit(fg, 'putten')).toBe(true);
    expect(canReadAudit(ciso, 'putten')).toBe(true);
    expect(canReadAudit(ciso, 'leusden')).toBe(false);
    expect(canReadAudit(regional, 'leusden')).toBe(true);
    expect(canReadAudit(pb, 'putten')).toBe(false);
    expect(canReadAudit(employee, 'putten')).toBe(false);
    expect(canReadAudit(systemActor('test'), 'putten')).toBe(true);
  });

  it('gives the FG every case type and a CISO only incidents, each within their municipalities', () => {
    expect(supervises(fg, 'nijkerk', 'dpia')).toBe(true);
    expect(supervises(fg, 'nijkerk', undefined)).toBe(true);
    expect(supervises(ciso, 'putten', 'incident')).toBe(true);
    expect(supervises(ciso, 'putten', 'data-subject-request')).toBe(false);
    expect(supervises(ciso, 'putten', undefined)).toBe(false);
    expect(supervises(ciso, 'leusden', 'incident')).toBe(false);
    expect(supervises(pb, 'putten', 'dpia')).toBe(false);
  });

  it('reads cases for starters, reporters, the involved and supervisors, never across municipalities', () => {
    const dsr = { tenantId: 'putten', startedBy: 'service-account-zaaksysteem', reportedBy: 'medewerker.putten', caseType: 'data-subject-request' as const };
    expect(canReadCase(employee, dsr, false)).toBe(true);
    expect(canReadCase(pb, dsr, false)).toBe(false);
    expect(canReadCase(pb, dsr, true)).toBe(true);
    expect(canReadCase(person('pb.leusden', ['privacybeheerder'], ['leusden']), { ...dsr, tenantId: 'putten' }, true)).toBe(false);
    const task = { tenantId: 'putten', candidateGroups: ['jurist'], candidateUsers: [], assignee: null, completedBy: 'privacybeheerder.putten' };
    expect(canReadTask(pb, task, 'dpia')).toBe(true);
    expect(canReadTask(ciso, task, 'dpia')).toBe(false);
    expect(canReadTask(ciso, task, 'incident')).toBe(true);
  });

  it('starts a process for the roles in startableBy, or for anyone of the municipality when it names none', () => {
    expect(canStartProcess(employee, 'putten', {})).toBe(true);
    expect(canStartProcess(employee, 'leusden', {})).toBe(false);
    expect(canStartProcess(employee, 'putten', { startableBy: ['privacybeheerder'] })).toBe(false);
    expect(canStartProcess(pb, 'putten', { startableBy: ['privacybeheerder'] })).toBe(true);
  });
});
