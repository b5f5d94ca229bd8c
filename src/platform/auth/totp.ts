import { Secret, TOTP } from 'otpauth';

const issuer = 'Beroepsregister Onderwijs';

function totpFor(secretBase32: string, label: string) {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads (typed in or as a QR code). */
export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

/**
 * Checks a code with one step of clock drift either way. Returns the time step it matched, so the
 * caller can refuse the same code (or an older one) a second time; null when it does not match.
 */
export function checkTotp(secretBase32: string, code: string, lastUsedStep: number | null, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32, '').validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 30_000) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/** For tests and the demo: the current code of a secret. */
export function currentTotp(secretBase32: string, now = Date.now()): string {
  return totpFor(secretBase32, '').generate({ timestamp: now });
}
