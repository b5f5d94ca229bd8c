import { message, type Message } from '../i18n.ts';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (OWASP: m=19 MiB, t=2, p=1). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when there is no account, so a wrong address takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= hash('geen-account-heeft-dit-wachtwoord');
  await verifyPassword(await dummyHash, password);
}

export const passwordMinLength = 10;
export const passwordMaxLength = 200;

/** Why a new password is refused, as a text key, or null when it is acceptable. */
export function checkNewPassword(password: string, email: string): Message | null {
  if (password.length < passwordMinLength) return message('password.tooShort', { min: String(passwordMinLength) });
  if (password.length > passwordMaxLength) return message('password.tooLong', { max: String(passwordMaxLength) });
  if (password.toLowerCase() === email.toLowerCase()) return message('password.sameAsEmail');
  if (new Set(password).size < 4) return message('password.tooSimple');
  return null;
}
