import { createHash } from 'node:crypto';

/** A notification as the consumer contract (notificaties-consumer 1.0.0-rc1, schema Notificatie) defines it. */
export interface Notificatie {
  kanaal: string;
  hoofdObject: string;
  resource: string;
  resourceUrl: string;
  actie: string;
  aanmaakdatum: string;
  kenmerken?: Record<string, string>;
}

export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

const isUri = (v: unknown) => {
  if (typeof v !== 'string') return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Checks a body against the consumer contract; returns the invalid-params of a ValidatieFout. */
export function validateNotificatie(body: unknown): { message?: Notificatie; invalid: InvalidParam[] } {
  const invalid: InvalidParam[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { invalid: [{ name: 'nonFieldErrors', code: 'invalid', reason: 'Het bericht moet een JSON-object zijn.' }] };
  }
  const b = body as Record<string, unknown>;
  const text = (name: string, max: number) => {
    if (b[name] === undefined || b[name] === null) invalid.push({ name, code: 'required', reason: 'Dit veld is vereist.' });
    else if (typeof b[name] !== 'string' || b[name] === '') invalid.push({ name, code: 'invalid', reason: 'Dit veld moet tekst zijn.' });
    else if ((b[name] as string).length > max) invalid.push({ name, code: 'max_length', reason: `Dit veld mag maximaal ${max} tekens bevatten.` });
  };
  const uri = (name: string) => {
    if (b[name] === undefined || b[name] === null) invalid.push({ name, code: 'required', reason: 'Dit veld is vereist.' });
    else if (!isUri(b[name])) invalid.push({ name, code: 'invalid', reason: 'Voer een geldige URL in.' });
  };
  text('kanaal', 50);
  uri('hoofdObject');
  text('resource', 100);
  uri('resourceUrl');
  text('actie', 100);
  if (b.aanmaakdatum === undefined || b.aanmaakdatum === null) invalid.push({ name: 'aanmaakdatum', code: 'required', reason: 'Dit veld is vereist.' });
  else if (typeof b.aanmaakdatum !== 'string' || !DATE_TIME.test(b.aanmaakdatum) || Number.isNaN(Date.parse(b.aanmaakdatum))) {
    invalid.push({ name: 'aanmaakdatum', code: 'invalid', reason: 'Datetime heeft een ongeldig formaat.' });
  }
  if (b.kenmerken !== undefined) {
    const k = b.kenmerken;
    if (typeof k !== 'object' || k === null || Array.isArray(k) || Object.values(k).some((v) => typeof v !== 'string' || v.length > 1000)) {
      invalid.push({ name: 'kenmerken', code: 'invalid', reason: 'Kenmerken zijn teksten van hoogstens 1000 tekens.' });
    }
  }
  return invalid.length ? { invalid } : { message: b as unknown as Notificatie, invalid };
}

/** The message's identity for deduplication: a redelivery carries the same resource, action and creation time. */
export function notificationId(m: Notificatie): string {
  return createHash('sha256').update(JSON.stringify([m.kanaal, m.hoofdObject, m.resourceUrl, m.actie, m.aanmaakdatum])).digest('hex');
}
