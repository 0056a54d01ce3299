import type { RealmDirectory } from '../../../src/identity/realm-directory';
import { emailAddressOf, realmPeopleDirectory, resolveRecipients } from '../../../src/notifications/recipients';

const directory: RealmDirectory = {
  realm: 'privacyflow',
  serviceClients: [],
  users: [
    { username: 'fg', email: 'fg@x.example', realmRoles: ['fg'], tenants: ['nijkerk', 'putten'] },
    { username: 'pb.nijkerk', email: 'pb@x.example', realmRoles: ['privacybeheerder'], tenants: ['nijkerk'] },
    { username: 'pb.putten', realmRoles: ['privacybeheerder'], tenants: ['putten'] },
    { username: 'fg-gs.putten', realmRoles: ['fg', 'gemeentesecretaris'], tenants: ['putten'] },
  ],
};

describe('recipients of a notification', () => {
  it('are the people holding the roles in the municipality of the case', () => {
    expect(resolveRecipients(directory, 'nijkerk', ['fg', 'privacybeheerder'])).toEqual([
      { kind: 'user', name: 'fg' },
      { kind: 'user', name: 'pb.nijkerk' },
    ]);
  });

  it('include someone holding two addressed roles once', () => {
    expect(resolveRecipients(directory, 'putten', ['fg', 'gemeentesecretaris'])).toEqual([
      { kind: 'user', name: 'fg' },
      { kind: 'user', name: 'fg-gs.putten' },
    ]);
  });

  it('address the role itself when nobody holding it is known there, or no directory is', () => {
    expect(resolveRecipients(directory, 'nijkerk', ['gemeentesecretaris', 'fg'])).toEqual([
      { kind: 'user', name: 'fg' },
      { kind: 'role', name: 'gemeentesecretaris' },
    ]);
    expect(resolveRecipients(undefined, 'nijkerk', ['fg'])).toEqual([{ kind: 'role', name: 'fg' }]);
  });

  it('have an e-mail address only when the directory gives one', () => {
    expect(emailAddressOf(directory, 'pb.nijkerk')).toBe('pb@x.example');
    expect(emailAddressOf(directory, 'pb.putten')).toBeUndefined();
    expect(emailAddressOf(undefined, 'fg')).toBeUndefined();
  });

  it('come from a directory read once; an unreadable realm export means addressing roles', () => {
    let reads = 0;
    const people = realmPeopleDirectory(() => (reads++, directory));
    people();
    expect(people()).toBe(directory);
    expect(reads).toBe(1);
    expect(realmPeopleDirectory(() => { throw new Error('ENOENT'); })()).toBeUndefined();
  });
});
