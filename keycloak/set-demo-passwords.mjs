#!/usr/bin/env node
// Gives every demo user of the imported realm a password and prints the zaaksysteem's client
// secret, through Keycloak's admin REST API. For a Keycloak you run yourself (docker compose,
// or an existing server with keycloak/realm-export.json imported); .ci/keycloak.sh does the
// same for CI. Demo users only: never run this against a realm with real people in it.
//
//   KEYCLOAK_URL=http://localhost:8080 KEYCLOAK_ADMIN_USER=admin KEYCLOAK_ADMIN_PASSWORD=… \
//   KEYCLOAK_DEMO_PASSWORD=… node keycloak/set-demo-passwords.mjs
//
// Plain Node 20 (fetch), no dependencies. The password is read from the environment, never
// from the repository.

const { KEYCLOAK_URL, KEYCLOAK_ADMIN_USER = 'admin', KEYCLOAK_ADMIN_PASSWORD, KEYCLOAK_DEMO_PASSWORD } = process.env;
const realm = process.env.KEYCLOAK_REALM ?? 'privacyflow';
if (!KEYCLOAK_URL || !KEYCLOAK_ADMIN_PASSWORD || !KEYCLOAK_DEMO_PASSWORD) {
  console.error('set KEYCLOAK_URL, KEYCLOAK_ADMIN_PASSWORD and KEYCLOAK_DEMO_PASSWORD (and KEYCLOAK_ADMIN_USER when not "admin")');
  process.exit(2);
}
const base = KEYCLOAK_URL.replace(/\/$/, '');

async function adminToken() {
  const res = await fetch(`${base}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: KEYCLOAK_ADMIN_USER, password: KEYCLOAK_ADMIN_PASSWORD }),
  });
  if (!res.ok) throw new Error(`admin login failed: ${res.status}`);
  return (await res.json()).access_token;
}

async function admin(token, method, path, body) {
  const res = await fetch(`${base}/admin/realms/${realm}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

let token = await adminToken();
const users = (await admin(token, 'GET', '/users?max=10000&briefRepresentation=true')).filter((u) => !u.username.startsWith('service-account-'));
for (const [i, user] of users.entries()) {
  if (i % 20 === 0) token = await adminToken(); // admin tokens live 60 s
  await admin(token, 'PUT', `/users/${user.id}/reset-password`, { type: 'password', temporary: false, value: KEYCLOAK_DEMO_PASSWORD });
}
const [zaaksysteem] = await admin(token, 'GET', '/clients?clientId=zaaksysteem');
const secret = zaaksysteem ? (await admin(token, 'GET', `/clients/${zaaksysteem.id}/client-secret`)).value : '(client zaaksysteem not found)';
console.log(`password set for ${users.length} demo users of realm ${realm}`);
console.log(`zaaksysteem client secret: ${secret}`);
