import { addTexts, translateMessage, type Lang, type Message } from '../../platform/i18n.ts';
import { registerTexts } from './register.texts.ts';

addTexts('register', registerTexts);

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).key === 'string' && Object.keys(value).every((k) => k === 'key' || k === 'params');

/** A rule's result with every message in it as a person reads it, in Dutch unless asked otherwise: the rule tests assert what people see. */
export function readAs<T>(value: T, lang: Lang = 'nl'): unknown {
  if (isMessage(value)) return translateMessage(lang, value);
  if (Array.isArray(value)) return value.map((v) => readAs(v, lang));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readAs(v, lang)]));
  return value;
}
