import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Secrets } from '../config.ts';
import { pooledRandomBytes } from '../lib/random-pool.ts';

/**
 * The platform's cryptography, from the configured secrets: sealing identifiers and TOTP secrets at
 * rest (AES-256-GCM), keyed hashes for matching without the value (HMAC-SHA-256), and random tokens.
 */
export type Crypto = {
  /** AES-256-GCM; the result is `v1.<iv>.<tag>.<ciphertext>` in base64url */
  seal(plain: string): string;
  open(sealed: string): string;
  /** HMAC-SHA-256 with HASH_KEY: the same input always gives the same hash, useless without the key */
  keyedHash(value: string): string;
  /** HMAC with the session secret, for CSRF tokens and other request-bound proofs */
  sign(value: string): string;
  verifySignature(value: string, signature: string): boolean;
  /** the AES-256 key for files sealed on disk (platform/files), derived from the encryption key */
  readonly fileKey: Buffer;
};

export function createCrypto(secrets: Secrets): Crypto {
  const key = Buffer.from(secrets.encryptionKey, 'hex');
  const hmac = (secret: string, value: string) => createHmac('sha256', secret).update(value).digest('base64url');
  return {
    seal(plain) {
      const iv = pooledRandomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    keyedHash: (value) => hmac(secrets.hashKey, value),
    fileKey: createHmac('sha256', key).update('sealed-files').digest(),
    sign: (value) => hmac(secrets.sessionSecret, value),
    verifySignature(value, signature) {
      const expected = Buffer.from(hmac(secrets.sessionSecret, value));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

/** A random secret for a cookie, a mail link or an API token, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are long random values: a plain SHA-256 is enough to store them without the value. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
