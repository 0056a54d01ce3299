import type { UserTaskModel } from '../../../src/deployment/diagram-model';
import { findSeparationConflict, separationRulesFor } from '../../../src/workflow/separation-of-duties';

const task = (id: string, properties: Record<string, string> = {}): UserTaskModel => ({
  id,
  name: id,
  candidateGroups: ['fg'],
  candidateUsers: [],
  formFields: [],
  properties,
});
const model = { userTasks: { Advies: task('Advies'), Besluit: task('Besluit', { separateFrom: 'Advies, Besluit' }), Los: task('Los') } };

describe('separation-of-duties rules', () => {
  it('binds both tasks of a separateFrom pair, whichever runs first, and never a task to itself', () => {
    expect(separationRulesFor(model, 'Besluit').separateFrom).toEqual(['Advies']);
    expect(separationRulesFor(model, 'Advies').separateFrom).toEqual(['Besluit']);
    expect(separationRulesFor(model, 'Los')).toEqual({ separateFrom: [], notInitiator: false });
  });

  it('counts a task the person still holds as performed (parallel branches)', () => {
    const participation = {
      startedBy: 'melder',
      variables: {},
      tasks: [
        { id: 't1', elementId: 'Besluit', status: 'open', assignee: 'fg-gs', completedBy: null },
        { id: 't2', elementId: 'Advies', status: 'open', assignee: null, completedBy: null },
      ],
    };
    expect(findSeparationConflict(separationRulesFor(model, 'Advies'), 'fg-gs', 't2', participation)).toMatchObject({
      rule: 'separateFrom',
      conflictingElementId: 'Besluit',
    });
    expect(findSeparationConflict(separationRulesFor(model, 'Advies'), 'fg', 't2', participation)).toBeNull();
  });

  it('ignores cancelled tasks and only reads notInitiator="true"', () => {
    const participation = {
      startedBy: 'melder',
      variables: { reportedBy: 'namens' },
      tasks: [{ id: 't1', elementId: 'Advies', status: 'cancelled', assignee: 'fg-gs', completedBy: null }],
    };
    expect(findSeparationConflict(separationRulesFor(model, 'Besluit'), 'fg-gs', 't2', participation)).toBeNull();
    const strict = { separateFrom: [], notInitiator: true };
    expect(findSeparationConflict(strict, 'melder', 't2', participation)).toMatchObject({ initiatorVia: 'startedBy' });
    expect(findSeparationConflict(strict, 'namens', 't2', participation)).toMatchObject({ initiatorVia: 'reportedBy' });
    expect(findSeparationConflict({ separateFrom: [], notInitiator: false }, 'melder', 't2', participation)).toBeNull();
  });
});
