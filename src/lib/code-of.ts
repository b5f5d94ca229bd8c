/**
 * The code of a named item (a framework theme, a koploper activity), from its name: lower case, without
 * diacritics, "&" as "en", every other run of characters that is no letter or digit one hyphen.
 * "Regie & strategie" is `regie-en-strategie`.
 */
export function codeOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
