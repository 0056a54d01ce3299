#!/usr/bin/env node
// Generates keycloak/realm-export.json (realm "privacyflow") for `kc.sh start-dev --import-realm`.
//
//   node keycloak/generate-realm.mjs            # writes keycloak/realm-export.json
//   node keycloak/generate-realm.mjs --check    # exits 1 if the committed file is out of date
//
// Plain Node, no dependencies. The output is deterministic (no random ids), so regenerating
// gives a byte-identical file unless this script changed.
//
// Deliberately NOT in the file: passwords / credentials of any user and client secrets.
// Keycloak generates the secret of confidential clients at import; .ci/keycloak.sh sets the
// demo passwords and reads the zaaksysteem secret through the admin REST API at start.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, 'realm-export.json');

export const REALM = 'privacyflow';
export const API_CLIENT = 'privacyflow-api';
export const WEB_CLIENT = 'privacyflow-web';
export const ZAAKSYSTEEM_CLIENT = 'zaaksysteem';
export const DEMO_EMAIL_DOMAIN = 'demo.privacyflow.nl';

/** Realm roles with a short Dutch description. Order is kept in the output. */
export const ROLES = {
  medewerker: 'Medewerker van de gemeente: registreert en raadpleegt verwerkingen, verzoeken en incidenten van de eigen gemeente',
  ciso: 'Chief Information Security Officer van de gemeente: verantwoordelijk voor informatiebeveiliging',
  'regionale-ciso': 'Regionale CISO: CISO voor meerdere gemeenten in de samenwerking',
  fg: 'Functionaris gegevensbescherming (AVG art. 37-39): onafhankelijk toezicht op de verwerking van persoonsgegevens',
  privacybeheerder: 'Privacybeheerder (privacy officer): beheert het verwerkingsregister, DPIA\'s en verzoeken van betrokkenen',
  gemeentesecretaris: 'Gemeentesecretaris: algemeen directeur en eindverantwoordelijke ambtelijke organisatie',
  irt: 'Incident Response Team: behandelt beveiligingsincidenten en datalekken',
  afdelingsmanager: 'Afdelingsmanager: verantwoordelijk voor de processen en medewerkers van een afdeling',
  systeembeheer: 'Systeembeheer: technisch beheer van applicaties en infrastructuur',
  helpdesk: 'Helpdesk/servicedesk: eerste aanspreekpunt voor meldingen en vragen',
  proceseigenaar: 'Proceseigenaar: eigenaar van een werkproces en de bijbehorende verwerkingen',
  jurist: 'Jurist: juridisch advies over grondslagen, verwerkersovereenkomsten en AVG-verzoeken',
  communicatie: 'Communicatieadviseur: communicatie over datalekken naar betrokkenen en pers',
  procesbeheerder: 'Procesbeheerder: functioneel beheer en inrichting van de BPMN-processen',
  integratie: 'Technische rol voor systeemkoppelingen (service accounts, zoals het zaaksysteem)',
};

/** Municipalities (tenants). Group name = lowercase tenant id. */
export const TENANTS = {
  bunschoten: 'Gemeente Bunschoten',
  leusden: 'Gemeente Leusden',
  nijkerk: 'Gemeente Nijkerk',
  putten: 'Gemeente Putten',
};

/** Roles that get no per-municipality demo user (they are regional or technical). */
const NON_TENANT_ROLES = new Set(['fg', 'regionale-ciso', 'integratie']);
/** Extra medewerkers per municipality: medewerker2.<tenant>, medewerker3.<tenant>. */
const EXTRA_MEDEWERKERS = [2, 3];

const FIRST_NAMES = [
  'Anna', 'Bram', 'Charlotte', 'Daan', 'Eva', 'Floris', 'Gerda', 'Hendrik', 'Iris', 'Jeroen',
  'Karin', 'Lars', 'Marieke', 'Niels', 'Oscar', 'Petra', 'Ruben', 'Sanne', 'Thijs', 'Ursula',
  'Vincent', 'Willemijn', 'Yvonne', 'Zeger', 'Annelies', 'Bas', 'Corine', 'Dirk', 'Esther', 'Freek',
  'Gijs', 'Hanneke', 'Ingrid', 'Jasper', 'Kees', 'Lotte', 'Maarten', 'Noor', 'Pieter', 'Roos',
  'Sem', 'Tamara', 'Wouter', 'Fleur', 'Joost', 'Mirjam', 'Teun', 'Evelien', 'Arjen', 'Lieke',
  'Gert-Jan', 'Marloes', 'Rik', 'Femke', 'Harm', 'Janneke', 'Koen', 'Marleen', 'Stijn', 'Wendy',
  'Hugo', 'Ilse', 'Mark', 'Anouk',
];
const LAST_NAMES = [
  'de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot',
  'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits',
  'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek',
  'de Bruijn', 'de Jong', 'Schouten', 'van Beek', 'Willems', 'van Dijk', 'Hoekstra', 'Koster', 'Prins', 'Post',
  'Kuiper', 'van Wijk', 'Verhoeven', 'Huisman', 'Evers', 'Boersma', 'van Dam', 'Timmermans', 'Veenstra', 'Hermans',
  'Koopman', 'Wolters', 'Blom', 'Pos', 'Hamstra', 'van Essen', 'Kramer', 'Schipper', 'Gerritsen', 'van de Pol',
  'Steenbergen', 'Overeem', 'Koelewijn', 'Hagen',
];

// Deterministic, collision-free name assignment: user i gets FIRST_NAMES[i] and a last name
// chosen with a stride that is coprime to the list length, so neighbours do not share a surname.
let nameIndex = 0;
function nextName() {
  const i = nameIndex++;
  if (i >= FIRST_NAMES.length) throw new Error('FIRST_NAMES too short for the number of demo users');
  return { firstName: FIRST_NAMES[i], lastName: LAST_NAMES[(i * 17) % LAST_NAMES.length] };
}

const groupPath = (tenant) => `/${tenant}`;
const defaultRole = `default-roles-${REALM}`;

function demoUser(username, { roles, tenants }) {
  return {
    username,
    enabled: true,
    emailVerified: true,
    ...nextName(),
    email: `${username}@${DEMO_EMAIL_DOMAIN}`,
    realmRoles: [defaultRole, ...roles],
    groups: tenants.map(groupPath),
    requiredActions: [],
    // No "credentials": passwords are set at CI start through the admin REST API.
  };
}

// ---------------------------------------------------------------------------------------------
// Protocol mappers that every client's tokens must carry (put on each client explicitly, so the
// built-in default client scopes of Keycloak stay untouched).
// ---------------------------------------------------------------------------------------------
function privacyflowMappers() {
  return [
    {
      name: 'audience-privacyflow-api',
      protocol: 'openid-connect',
      protocolMapper: 'oidc-audience-mapper',
      consentRequired: false,
      config: {
        'included.client.audience': API_CLIENT,
        'id.token.claim': 'false',
        'access.token.claim': 'true',
        'introspection.token.claim': 'true',
        'lightweight.claim': 'false',
      },
    },
    {
      name: 'tenants',
      protocol: 'openid-connect',
      protocolMapper: 'oidc-group-membership-mapper',
      consentRequired: false,
      config: {
        'claim.name': 'tenants',
        'full.path': 'false',
        multivalued: 'true',
        'id.token.claim': 'true',
        'access.token.claim': 'true',
        'userinfo.token.claim': 'true',
        'introspection.token.claim': 'true',
        'lightweight.claim': 'false',
      },
    },
  ];
}

// Keycloak's built-in client scopes. "roles" puts realm roles in realm_access.roles, "profile"
// gives preferred_username/name/given_name/family_name, "email" gives email, "basic" gives sub.
const DEFAULT_CLIENT_SCOPES = ['web-origins', 'acr', 'profile', 'roles', 'basic', 'email'];
const OPTIONAL_CLIENT_SCOPES = ['address', 'phone', 'offline_access', 'organization', 'microprofile-jwt'];

function client(fields) {
  return {
    enabled: true,
    protocol: 'openid-connect',
    alwaysDisplayInConsole: false,
    consentRequired: false,
    bearerOnly: false,
    implicitFlowEnabled: false,
    frontchannelLogout: true,
    fullScopeAllowed: true,
    nodeReRegistrationTimeout: -1,
    protocolMappers: privacyflowMappers(),
    defaultClientScopes: DEFAULT_CLIENT_SCOPES,
    optionalClientScopes: OPTIONAL_CLIENT_SCOPES,
    ...fields,
  };
}

const webOrigins = ['http://localhost:4000', 'http://localhost:5173'];

const clients = [
  client({
    clientId: API_CLIENT,
    name: 'PrivacyFlow API',
    description: 'Audience van de PrivacyFlow API (resource server); geen eigen login-flows',
    publicClient: false,
    clientAuthenticatorType: 'client-secret',
    // Confidential, all flows off: the API only validates tokens (bearer-only style).
    standardFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: false,
    redirectUris: [],
    webOrigins: [],
    attributes: {
      'oauth2.device.authorization.grant.enabled': 'false',
      'oidc.ciba.grant.enabled': 'false',
    },
  }),
  client({
    clientId: WEB_CLIENT,
    name: 'PrivacyFlow web',
    description: 'Webapplicatie (publieke client, authorization code + PKCE S256; password grant alleen voor demo/tests)',
    publicClient: true,
    standardFlowEnabled: true,
    directAccessGrantsEnabled: true,
    serviceAccountsEnabled: false,
    rootUrl: 'http://localhost:4000',
    baseUrl: '/',
    redirectUris: ['http://localhost:4000/*', 'http://localhost:5173/*'],
    webOrigins,
    attributes: {
      'pkce.code.challenge.method': 'S256',
      'post.logout.redirect.uris': 'http://localhost:4000/*##http://localhost:5173/*',
      'oauth2.device.authorization.grant.enabled': 'false',
      'oidc.ciba.grant.enabled': 'false',
    },
  }),
  client({
    clientId: ZAAKSYSTEEM_CLIENT,
    name: 'Zaaksysteem',
    description: 'Koppeling met het zaaksysteem (client credentials); secret wordt door Keycloak gegenereerd',
    publicClient: false,
    clientAuthenticatorType: 'client-secret',
    // No "secret": Keycloak generates one at import; .ci/keycloak.sh reads it via the admin API.
    standardFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: true,
    // "service_account" is the scope Keycloak itself attaches when service accounts are enabled
    // (client_id, clientHost, clientAddress claims).
    defaultClientScopes: [...DEFAULT_CLIENT_SCOPES, 'service_account'],
    redirectUris: [],
    webOrigins: [],
    attributes: {
      'oauth2.device.authorization.grant.enabled': 'false',
      'oidc.ciba.grant.enabled': 'false',
      'client_credentials.use_refresh_token': 'false',
    },
  }),
];

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------
const tenantIds = Object.keys(TENANTS);
const users = [];
for (const tenant of tenantIds) {
  for (const role of Object.keys(ROLES)) {
    if (NON_TENANT_ROLES.has(role)) continue;
    users.push(demoUser(`${role}.${tenant}`, { roles: [role], tenants: [tenant] }));
  }
  for (const n of EXTRA_MEDEWERKERS) {
    users.push(demoUser(`medewerker${n}.${tenant}`, { roles: ['medewerker'], tenants: [tenant] }));
  }
}
users.push(demoUser('fg', { roles: ['fg'], tenants: tenantIds }));
users.push(demoUser('regionale-ciso', { roles: ['regionale-ciso'], tenants: tenantIds }));
// One person with two hats in a small municipality.
users.push(demoUser('fg-gs.putten', { roles: ['fg', 'gemeentesecretaris'], tenants: ['putten'] }));
// Works for no municipality: the platform must refuse this person's tokens (TENANT_MISSING).
users.push(demoUser('zonder-gemeente', { roles: ['medewerker'], tenants: [] }));

// Service-account user of the zaaksysteem client (Keycloak links it through serviceAccountClientId).
users.push({
  username: `service-account-${ZAAKSYSTEEM_CLIENT}`,
  enabled: true,
  serviceAccountClientId: ZAAKSYSTEEM_CLIENT,
  realmRoles: [defaultRole, 'integratie'],
  groups: tenantIds.map(groupPath),
  requiredActions: [],
});

// ---------------------------------------------------------------------------------------------
// Realm
// ---------------------------------------------------------------------------------------------
const realm = {
  realm: REALM,
  displayName: 'PrivacyFlow',
  enabled: true,
  sslRequired: 'external',
  registrationAllowed: false,
  resetPasswordAllowed: false,
  rememberMe: false,
  verifyEmail: false,
  loginWithEmailAllowed: true,
  duplicateEmailsAllowed: false,
  editUsernameAllowed: false,
  bruteForceProtected: false,
  internationalizationEnabled: true,
  supportedLocales: ['nl', 'en'],
  defaultLocale: 'nl',
  accessTokenLifespan: 300,
  accessTokenLifespanForImplicitFlow: 300,
  ssoSessionIdleTimeout: 1800,
  ssoSessionMaxLifespan: 36000,
  accessCodeLifespan: 60,
  accessCodeLifespanLogin: 1800,
  revokeRefreshToken: false,
  roles: {
    realm: Object.entries(ROLES).map(([name, description]) => ({
      name,
      description,
      composite: false,
      clientRole: false,
      attributes: {},
    })),
  },
  groups: Object.entries(TENANTS).map(([tenant, displayName]) => ({
    name: tenant,
    path: groupPath(tenant),
    attributes: { displayName: [displayName] },
    realmRoles: [],
    clientRoles: {},
    subGroups: [],
  })),
  clients,
  users,
};

const json = `${JSON.stringify(realm, null, 2)}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(outFile, 'utf8');
  } catch {
    // missing file counts as out of date
  }
  if (current !== json) {
    console.error(`${outFile} is out of date: run node keycloak/generate-realm.mjs`);
    process.exit(1);
  }
  console.log(`${outFile} is up to date (${users.length} users, ${clients.length} clients)`);
} else {
  writeFileSync(outFile, json);
  console.log(`wrote ${outFile} (${users.length} users, ${clients.length} clients)`);
}
