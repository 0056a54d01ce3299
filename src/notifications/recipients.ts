import type { RealmDirectory } from '../identity/realm-directory';
import type { RecipientKind } from '../persistence/entities/notification.entity';

export interface Recipient {
  kind: RecipientKind;
  /** Username, or role name. */
  name: string;
}

/** Where the people holding a role in a municipality are looked up; undefined = not known here. */
export type PeopleDirectory = () => RealmDirectory | undefined;

/**
 * The people holding any of the roles in the municipality, each once (someone holding two
 * addressed roles gets one notification). A role nobody can be resolved for is addressed as
 * the role, so the message is not lost: everyone who later holds it sees it.
 */
export function resolveRecipients(directory: RealmDirectory | undefined, tenantId: string, roles: string[]): Recipient[] {
  const people = new Map<string, Recipient>();
  const unresolved: Recipient[] = [];
  for (const role of roles) {
    const holders = (directory?.users ?? []).filter((u) => u.realmRoles.includes(role) && u.tenants.includes(tenantId));
    if (!holders.length) unresolved.push({ kind: 'role', name: role });
    for (const holder of holders) people.set(holder.username, { kind: 'user', name: holder.username });
  }
  return [...[...people.values()].sort((a, b) => a.name.localeCompare(b.name)), ...unresolved];
}

/** The e-mail address of a resolved person, if the directory has one. */
export function emailAddressOf(directory: RealmDirectory | undefined, username: string): string | undefined {
  return directory?.users.find((u) => u.username === username)?.email || undefined;
}

/**
 * The realm export as the directory of people, read once; undefined when it cannot be read
 * (then notifications address roles). It is the realm Keycloak imports, so it names the same people.
 */
export function realmPeopleDirectory(load: () => RealmDirectory): PeopleDirectory {
  let loaded: { directory: RealmDirectory | undefined } | undefined;
  return () => {
    if (!loaded) {
      try {
        loaded = { directory: load() };
      } catch {
        loaded = { directory: undefined };
      }
    }
    return loaded.directory;
  };
}
