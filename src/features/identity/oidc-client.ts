import * as client from 'openid-client';
import { passesElfproef } from '../../platform/bsn.ts';
import type { Crypto } from '../../platform/crypto.ts';
import type { VouchedBsn } from '../register/index.ts';

export type OidcSettings = { issuer: string; clientId: string; clientSecret?: string; name: string; bsnClaim: string };

export type OidcClaims = {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  /** from the configured BSN claim, when it is 9 digits that pass the elfproef */
  bsn: VouchedBsn | null;
  /** the BSN claim was there but no BSN: nothing is linked by it (logged, without the value) */
  bsnRefused: boolean;
};

/**
 * The claims the register uses, from what the issuer said (the ID token's claims with UserInfo's). The
 * BSN is hashed and sealed here and goes no further in clear: not into the claims, a log or an error.
 */
export function claimsOf(raw: Record<string, unknown>, bsnClaim: string, crypto: Pick<Crypto, 'keyedHash' | 'seal'>): OidcClaims {
  const given = raw[bsnClaim];
  const bsn = typeof given === 'string' && passesElfproef(given) ? { hash: crypto.keyedHash(given), sealed: crypto.seal(given) } : null;
  return {
    issuer: String(raw.iss),
    subject: String(raw.sub),
    email: typeof raw.email === 'string' ? raw.email : null,
    emailVerified: raw.email_verified === true,
    name: typeof raw.name === 'string' ? raw.name : null,
    bsn,
    bsnRefused: given !== undefined && given !== null && bsn === null,
  };
}

/** What travels in the short-lived, signed `br_oidc` cookie between the redirect out and the way back. */
type Pending = { state: string; nonce: string; verifier: string; back: string; link: boolean };

/**
 * The OpenID Connect relying party (authorisation code flow with PKCE, state and nonce). The issuer is
 * discovered on first use, so a broker that is down does not stop the app from starting.
 */
export function createOidcClient(settings: OidcSettings, redirectUri: string, crypto: Crypto) {
  let configuration: Promise<client.Configuration> | undefined;
  const configure = () => {
    configuration ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
        {
          // a broker on plain http is only accepted on this machine (tests, development)
          execute: /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(settings.issuer) ? [client.allowInsecureRequests] : [],
        },
      )
      .catch((error) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  const seal = (pending: Pending) => {
    const body = Buffer.from(JSON.stringify(pending)).toString('base64url');
    return `${body}.${crypto.sign(body)}`;
  };
  const unseal = (cookie: string | undefined): Pending | null => {
    const [body, signature] = (cookie ?? '').split('.');
    if (!body || !signature || !crypto.verifySignature(body, signature)) return null;
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Pending;
  };

  return {
    name: settings.name,
    async start(back: string, link: boolean): Promise<{ url: string; cookie: string }> {
      const config = await configure();
      const pending: Pending = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), back, link };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, cookie: seal(pending) };
    },
    /** Exchanges the code on the callback URL for verified claims; null when the cookie does not fit. */
    async finish(callbackUrl: URL, cookie: string | undefined): Promise<{ claims: OidcClaims; back: string; link: boolean } | null> {
      const pending = unseal(cookie);
      if (!pending) return null;
      const config = await configure();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      let claims: Record<string, unknown> = tokens.claims()!;
      // a conforming issuer gives the e-mail and profile claims at its UserInfo endpoint, not in the
      // ID token (OpenID Connect Core 5.4), and a broker may give the BSN there too; the ID token's
      // subject must match (checked by fetchUserInfo)
      const missing = claims.email === undefined || claims.name === undefined || claims[settings.bsnClaim] === undefined;
      if (config.serverMetadata().userinfo_endpoint && missing) {
        claims = { ...(await client.fetchUserInfo(config, tokens.access_token, String(claims.sub))), ...claims };
      }
      return { claims: claimsOf(claims, settings.bsnClaim, crypto), back: pending.back, link: pending.link };
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
