import { auditableNames } from '../../../src/workflow/audit-trail';

describe('variable names in the hashed content of audit entries', () => {
  it('records names shaped like identifiers and only counts the others (which could be a name or an address)', () => {
    expect(auditableNames(['approvalTimeout', 'reportedBy', 'Jan de Vries', 'jan@example.nl', '111222333'])).toEqual({
      variableNames: ['approvalTimeout', 'reportedBy'],
      otherVariables: 3,
    });
    expect(auditableNames(['dsrRequestId'])).toEqual({ variableNames: ['dsrRequestId'] });
  });
});
