import type { UserTaskModel } from '../../../src/deployment/diagram-model';
import { participatingTenantsAfterStep, taskTenant } from '../../../src/workflow/participating-tenants';

const model = { participatingTenants: '${split(betrokkenGemeenten, "\\s*,\\s*")}' };
const task = (properties: Record<string, string>): UserTaskModel => ({ id: 'AssessOwnNotification', name: 'x', candidateGroups: ['privacybeheerder'], candidateUsers: [], formFields: [], properties });
const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

describe('the municipalities a case is shared with', () => {
  it('are those the diagram names, without the owner, once each', () => {
    expect(participatingTenantsAfterStep(model, { betrokkenGemeenten: 'leusden, nijkerk,nvsi,leusden' }, 'nvsi', [])).toEqual(['leusden', 'nijkerk']);
  });

  it('are no one until the variable is set, and only grow', () => {
    expect(participatingTenantsAfterStep(model, {}, 'nvsi', [])).toEqual([]);
    expect(participatingTenantsAfterStep(model, {}, 'nvsi', ['putten'])).toEqual(['putten']);
    expect(participatingTenantsAfterStep(model, { betrokkenGemeenten: 'leusden' }, 'nvsi', ['putten'])).toEqual(['putten', 'leusden']);
    expect(participatingTenantsAfterStep({}, { betrokkenGemeenten: 'leusden' }, 'nvsi', [])).toEqual([]);
  });

  it('must be tenant ids', () => {
    expect(codeOf(() => participatingTenantsAfterStep(model, { betrokkenGemeenten: 'Gemeente Leusden' }, 'nvsi', []))).toBe('PARTICIPATING_TENANTS_INVALID');
    expect(codeOf(() => participatingTenantsAfterStep({ participatingTenants: '${aantal}' }, { aantal: 3 }, 'nvsi', []))).toBe('PARTICIPATING_TENANTS_INVALID');
    const many = Array.from({ length: 101 }, (_, i) => `gemeente-${i}`).join(',');
    expect(codeOf(() => participatingTenantsAfterStep(model, { betrokkenGemeenten: many }, 'nvsi', []))).toBe('PARTICIPATING_TENANTS_INVALID');
  });
});

describe("a task's municipality", () => {
  it("is the owner's unless the task names a participating one", () => {
    expect(taskTenant(task({}), { gemeente: 'leusden' }, 'nvsi', ['leusden'])).toBe('nvsi');
    expect(taskTenant(task({ tenant: '${gemeente}' }), { gemeente: 'leusden' }, 'nvsi', ['leusden'])).toBe('leusden');
    expect(taskTenant(task({ tenant: '${gemeente}' }), { gemeente: 'nvsi' }, 'nvsi', ['leusden'])).toBe('nvsi');
  });

  it('is never a municipality outside the case', () => {
    expect(codeOf(() => taskTenant(task({ tenant: '${gemeente}' }), { gemeente: 'putten' }, 'nvsi', ['leusden']))).toBe('TASK_TENANT_NOT_PARTICIPATING');
    expect(codeOf(() => taskTenant(task({ tenant: '${gemeente}' }), {}, 'nvsi', ['leusden']))).toBe('TASK_TENANT_NOT_PARTICIPATING');
  });
});
