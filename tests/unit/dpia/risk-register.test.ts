import type { EntityManager } from 'typeorm';
import { DpiaError } from '../../../src/dpia/dpia-error';
import { planMeasure } from '../../../src/dpia/risk-register';
import type { DpiaEntity } from '../../../src/persistence/entities';

describe('planning a measure of a DPIA', () => {
  const dpia = { id: 'bb59216d-d2aa-47a3-8273-27bdf35bf5db', reference: 'DPIA-2026-0001', route: 'full_dpia', status: 'assessment' } as DpiaEntity;
  const now = new Date('2026-11-25T12:00:00Z');
  const plan = (dueDate: string) => {
    const em = { find: jest.fn().mockResolvedValue([{ code: 'R1' }]), create: jest.fn((_entity, values) => values), insert: jest.fn() };
    const measure = { description: 'Maatregel', owner: 'ciso.putten', riskCode: 'R1', dueDate };
    return { em, result: planMeasure(em as unknown as EntityManager, dpia, measure, 'privacybeheerder.putten', now) };
  };

  it.each(['2024-02-30', '2026-04-31', '2026-13-01', '2026-00-10'])(
    'refuses the due date %s, a day no calendar has, as DPIA_MEASURE_INVALID instead of storing it (GraphQL fuzz on PGlite, seed 123178226)',
    async (dueDate) => {
      const { em, result } = plan(dueDate);
      await expect(result).rejects.toThrow(DpiaError);
      await expect(result).rejects.toMatchObject({ code: 'DPIA_MEASURE_INVALID', details: { fields: ['dueDate'] } });
      expect(em.insert).not.toHaveBeenCalled();
    },
  );

  it('stores a due date that exists, leap day included', async () => {
    const { em, result } = plan('2028-02-29');
    await expect(result).resolves.toMatchObject({ dueDate: '2028-02-29', riskCode: 'R1' });
    expect(em.insert).toHaveBeenCalledTimes(1);
  });
});
