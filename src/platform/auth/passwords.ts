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

/** Dutch reasons a new password is refused, or null when it is acceptable. */
export function checkNewPassword(password: string, email: string): string | null {
  if (password.length < passwordMinLength) return `Kies een wachtwoord van minstens ${passwordMinLength} tekens.`;
  if (password.length > passwordMaxLength) return `Kies een wachtwoord van hoogstens ${passwordMaxLength} tekens.`;
  if (password.toLowerCase() === email.toLowerCase()) return 'Uw wachtwoord mag niet gelijk zijn aan uw e-mailadres.';
  if (new Set(password).size < 4) return 'Dit wachtwoord is te eenvoudig te raden; kies er een met meer verschillende tekens.';
  return null;
}
