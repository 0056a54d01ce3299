import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../src/identity/actor';
import { recordHours } from '../../../src/incidents/incident-hours';
import { IncidentError } from '../../../src/incidents/incident-error';
import type { IncidentEntity } from '../../../src/persistence/entities';

describe('recording hours on an incident', () => {
  const incident = { id: 'b4785f5b-4794-43d7-adbf-0ef60456c4e6', tenantId: 'putten' } as IncidentEntity;
  const actor = { userId: 'ciso.putten' } as Actor;
  const now = new Date('2026-11-25T12:00:00Z');
  const record = (hours: number) => {
    const em = { insert: jest.fn() };
    return { em, result: recordHours(em as unknown as EntityManager, incident, { workDate: '2026-11-25', hours, activity: 'Analyse' }, actor, now) };
  };

  it.each([5e-324, 0.001, 1 / 240])('refuses %p hours, which round to no minutes, as invalid instead of storing a row the database refuses (GraphQL fuzz, seed 42596373)', async (hours) => {
    const { em, result } = record(hours);
    await expect(result).rejects.toThrow(IncidentError);
    await expect(result).rejects.toMatchObject({ code: 'INCIDENT_ENTRY_INVALID', fieldErrors: [{ field: 'hours' }] });
    expect(em.insert).not.toHaveBeenCalled();
  });

  it('stores a quarter of an hour as 15 minutes and a full day as 1440', async () => {
    for (const [hours, minutes] of [[0.25, 15], [24, 1440]]) {
      const { em, result } = record(hours);
      await expect(result).resolves.toMatchObject({ minutes });
      expect(em.insert).toHaveBeenCalledTimes(1);
    }
  });
});
