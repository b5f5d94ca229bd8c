import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider on loopback (node-oidc-provider), standing in for the broker that
 * DigiD, Entree or SURFconext come through. One confidential client (client_secret_post, code flow,
 * PKCE required) and a fixed set of people. Its login and consent pages are oidc-provider's own
 * development interactions: a login form (any password) and a "Continue" consent button, which a
 * headless browser fills in like a person would.
 */

/** `bsn`: the BSN claim a broker for DigiD gives (decision 021), with the profile. */
export type TestIdentity = { login: string; email: string; name: string; emailVerified?: boolean; bsn?: string };

export type TestOidcProvider = {
  /** http://127.0.0.1:<port>, as the provider names itself in its metadata and ID tokens */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** what the provider reported, in order: authorisation codes issued, tokens given out, server errors */
  events: string[];
  close: () => Promise<void>;
};

/** A free TCP port on 127.0.0.1 (free now; the caller binds it right away). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startOidcProvider(options: { redirectUri: string; people: TestIdentity[]; clientId?: string }): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? 'beroepsregister-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const people = new Map(options.people.map((p) => [p.login, p]));
  const events: string[] = [];

  // listen first, so the issuer (which has the port in it) is known before the provider is made
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    // the BSN rides along with the profile here; a real broker may give it in a scope of its own
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'bsn'] },
    // the dev login form hands over whatever is typed as the account id: only known people get in
    findAccount: (_ctx, id) => {
      const person = people.get(id);
      if (!person) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: person.email,
          email_verified: person.emailVerified ?? true,
          name: person.name,
          ...(person.bsn ? { bsn: person.bsn } : {}),
        }),
      };
    },
    features: { devInteractions: { enabled: true } },
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // seconds; set, so the provider does not print a notice for each default it falls back on
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  });
  provider.on('authorization.success', () => events.push('authorization.success'));
  provider.on('grant.success', () => events.push('grant.success'));
  provider.on('server_error', (_ctx, error) => events.push(`server_error: ${(error as Error).message}`));
  handler = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
