import type { Texts } from '../../platform/i18n.ts';
import { registerEn } from './register.texts.en.ts';
import { registerNl } from './register.texts.nl.ts';

/** The core's texts as one object: the feature hands it to addTexts, and so do its rule tests (adding it twice changes nothing). */
export const registerTexts: Texts = { nl: registerNl, en: registerEn };
