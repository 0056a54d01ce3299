import type { Actor } from '../../../src/identity/actor';
import { systemActor } from '../../../src/identity/actor';
import { auditTenantForCaseRead, canReadCase, worksForCase } from '../../../src/identity/access-policy';

const person = (userId: string, roles: string[], tenants: string[]): Actor => ({ kind: 'user', userId, subject: userId, roles, tenants });

/** A supplier's incident owned by `nvsi`, shared with three municipalities (README "Shared cases"). */
describe('reading a case shared with participating municipalities', () => {
  const supplierCase = { tenantId: 'nvsi', startedBy: 'helpdesk.leverancier', caseType: 'incident' as const, participatingTenants: ['bunschoten', 'leusden', 'nijkerk'] };

  it("lets a participating municipality's FG, CISO and PB read it, its other staff only through a task of their own", () => {
    expect(canReadCase(person('fg.leusden', ['fg'], ['leusden']), supplierCase, false)).toBe(true);
    expect(canReadCase(person('ciso.leusden', ['ciso'], ['leusden']), supplierCase, false)).toBe(true);
    expect(canReadCase(person('pb.leusden', ['privacybeheerder'], ['leusden']), supplierCase, false)).toBe(true);
    expect(canReadCase(person('medewerker.leusden', ['medewerker'], ['leusden']), supplierCase, false)).toBe(false);
    expect(canReadCase(person('medewerker.leusden', ['medewerker'], ['leusden']), supplierCase, true)).toBe(true);
  });

  it('shows nothing to a municipality that does not participate, whatever its role', () => {
    const fgPutten = person('fg.putten', ['fg'], ['putten']);
    expect(worksForCase(fgPutten, supplierCase)).toBe(false);
    expect(canReadCase(fgPutten, supplierCase, true)).toBe(false);
    expect(canReadCase(fgPutten, { ...supplierCase, participatingTenants: undefined }, false)).toBe(false);
  });

  it("keeps the owner's rules for the owner's staff", () => {
    expect(canReadCase(person('fg.nvsi', ['fg'], ['nvsi']), supplierCase, false)).toBe(true);
    expect(canReadCase(person('pb.nvsi', ['privacybeheerder'], ['nvsi']), supplierCase, false)).toBe(false);
    expect(canReadCase(systemActor('test'), supplierCase, false)).toBe(true);
  });

  it("records a read in the owner's chain for the owner's staff, else in the chain the reader reads through", () => {
    expect(auditTenantForCaseRead(person('fg.nvsi', ['fg'], ['nvsi']), supplierCase)).toBe('nvsi');
    expect(auditTenantForCaseRead(person('fg.regio', ['fg'], ['putten', 'nijkerk']), supplierCase)).toBe('nijkerk');
  });
});
