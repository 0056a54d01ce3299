import fs from 'node:fs';
import path from 'node:path';

/** A demo user as declared in keycloak/realm-export.json. */
export interface RealmUser {
  username: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  realmRoles: string[];
  /** Municipality ids, from the user's groups. */
  tenants: string[];
}

export interface RealmClient {
  clientId: string;
  serviceAccountRoles: string[];
  serviceAccountTenants: string[];
}

export interface RealmDirectory {
  realm: string;
  users: RealmUser[];
  /** Clients with a service account (client_credentials), e.g. the zaaksysteem. */
  serviceClients: RealmClient[];
}

const groupToTenant = (group: string) => group.replace(/^\//, '').split('/').pop() as string;

/** Reads the realm export so the development identity provider knows the same users as Keycloak. */
export function loadRealmDirectory(file = path.resolve(__dirname, '../../../keycloak/realm-export.json')): RealmDirectory {
  const resolved = fs.existsSync(file) ? file : path.resolve(process.cwd(), 'keycloak/realm-export.json');
  const realm = JSON.parse(fs.readFileSync(resolved, 'utf8'));
  const all: any[] = realm.users ?? [];
  const users = all
    .filter((u) => !u.serviceAccountClientId)
    .map((u) => ({
      username: u.username,
      firstName: u.firstName,
      lastName: u.lastName,
      email: u.email,
      realmRoles: (u.realmRoles ?? []).filter((r: string) => !r.startsWith('default-roles')),
      tenants: (u.groups ?? []).map(groupToTenant),
    }));
  const serviceClients = all
    .filter((u) => u.serviceAccountClientId)
    .map((u) => ({
      clientId: u.serviceAccountClientId,
      serviceAccountRoles: (u.realmRoles ?? []).filter((r: string) => !r.startsWith('default-roles')),
      serviceAccountTenants: (u.groups ?? []).map(groupToTenant),
    }));
  return { realm: realm.realm, users, serviceClients };
}
