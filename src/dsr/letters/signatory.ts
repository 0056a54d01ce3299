import type { Actor } from '../../identity/actor';
import { roleUsedForTask, type TaskAccessFacts } from '../../identity/access-policy';
import { DsrRequestError, DsrRequestErrorCode } from '../dsr-request-error';

/** Who signs a letter in mandate: a name and a function, as under the BLNP model decision. */
export interface Signatory {
  name: string;
  function: string;
}

/** The function a role stands for under a signature (BLNP Bijlage 1 names these functions). */
export const FUNCTION_TITLES: Readonly<Record<string, string>> = {
  afdelingsmanager: 'Afdelingsmanager',
  privacybeheerder: 'Privacybeheerder',
  jurist: 'Jurist',
  gemeentesecretaris: 'Gemeentesecretaris',
  proceseigenaar: 'Proceseigenaar',
  fg: 'Functionaris gegevensbescherming',
  ciso: 'Chief Information Security Officer',
  medewerker: 'Medewerker',
};

/**
 * The signatory of a letter written by completing `task`: the name from the person's token (claim
 * `name`) and the function of the role through which they perform the task. A letter in mandate must
 * name who signed it, so a person without a name in the identity provider cannot sign one.
 */
export function signatoryOf(actor: Actor, task: TaskAccessFacts, field: string): Signatory {
  const name = actor.displayName?.trim();
  if (!name) {
    throw new DsrRequestError(DsrRequestErrorCode.SIGNER_UNNAMED, `${actor.userId} has no name in the identity provider`, [
      { field, message: 'Uw account heeft geen naam; een brief vermeldt de naam van wie ondertekent. Laat uw naam vastleggen.' },
    ]);
  }
  const role = roleUsedForTask(actor, task) ?? actor.roles.find((r) => r in FUNCTION_TITLES);
  return { name, function: role ? (FUNCTION_TITLES[role] ?? role) : '' };
}
