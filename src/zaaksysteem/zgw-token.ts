import { SignJWT } from 'jose';

export interface ZgwActingUser {
  userId: string;
  representation: string;
}

/**
 * The ZGW JWT: HS256 with the application's shared secret, a fresh `iat` per call (Open Zaak
 * rejects tokens older than JWT_EXPIRY), and the acting user for the zaaksysteem's audit trail.
 */
export async function signZgwToken(clientId: string, secret: string, user: ZgwActingUser): Promise<string> {
  return new SignJWT({ client_id: clientId, user_id: user.userId, user_representation: user.representation })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(clientId)
    .setIssuedAt()
    .sign(new TextEncoder().encode(secret));
}
