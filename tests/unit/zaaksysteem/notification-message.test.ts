import { notificationId, validateNotificatie } from '../../../src/zaaksysteem/notification-message';
import { atLeastVertrouwelijk } from '../../../src/zaaksysteem/zaak-operations';

const message = {
  kanaal: 'zaken',
  hoofdObject: 'https://oz.example/zaken/api/v1/zaken/1',
  resource: 'status',
  resourceUrl: 'https://oz.example/zaken/api/v1/statussen/2',
  actie: 'create',
  aanmaakdatum: '2019-03-27T10:59:13Z',
  kenmerken: { bronorganisatie: '224557609' },
};

describe('a notification per the consumer contract', () => {
  it('accepts the example message of the standard, with or without kenmerken', () => {
    expect(validateNotificatie(message).invalid).toEqual([]);
    const { kenmerken, ...bare } = message;
    void kenmerken;
    expect(validateNotificatie(bare).invalid).toEqual([]);
  });

  it('names each invalid field with a code', () => {
    const { invalid } = validateNotificatie({ ...message, kanaal: 'x'.repeat(51), resourceUrl: 'nope', aanmaakdatum: '27-03-2019', kenmerken: { a: 1 } });
    expect(invalid.map((p) => [p.name, p.code])).toEqual([['kanaal', 'max_length'], ['resourceUrl', 'invalid'], ['aanmaakdatum', 'invalid'], ['kenmerken', 'invalid']]);
    expect(validateNotificatie([]).invalid).toEqual([expect.objectContaining({ name: 'nonFieldErrors' })]);
  });

  it('gives a redelivery the same identity and another change another one', () => {
    expect(notificationId({ ...message })).toBe(notificationId(message));
    expect(notificationId({ ...message, actie: 'update' })).not.toBe(notificationId(message));
    expect(notificationId({ ...message, aanmaakdatum: '2019-03-27T11:00:00Z' })).not.toBe(notificationId(message));
  });
});

describe('confidentiality of a privacy zaak', () => {
  it('raises lower levels to vertrouwelijk and keeps higher ones', () => {
    expect(atLeastVertrouwelijk('openbaar')).toBe('vertrouwelijk');
    expect(atLeastVertrouwelijk(undefined)).toBe('vertrouwelijk');
    expect(atLeastVertrouwelijk('geheim')).toBe('geheim');
  });
});
