import type { MessageKey, Translate } from '../../../platform/i18n.ts';

/** The public statuses (public-register.repo.ts) with their words and what each means, in the reader's language. */
const statusTexts: Record<string, { label: MessageKey; explain: MessageKey }> = {
  ingeschreven: { label: 'register.status.ingeschreven', explain: 'register.statusExplain.ingeschreven' },
  aangevraagd: { label: 'register.status.aangevraagd', explain: 'register.statusExplain.aangevraagd' },
  geregistreerd: { label: 'register.status.geregistreerd', explain: 'register.statusExplain.geregistreerd' },
  'onder voorwaarden': { label: 'register.status.onderVoorwaarden', explain: 'register.statusExplain.onderVoorwaarden' },
  'herregistratie verlopen': { label: 'register.status.verlopen', explain: 'register.statusExplain.verlopen' },
  doorgehaald: { label: 'register.status.doorgehaald', explain: 'register.statusExplain.doorgehaald' },
};

/** The status in words; one the register does not know yet as it is stored. */
export const statusLabel = (t: Translate, status: string) => (Object.hasOwn(statusTexts, status) ? t(statusTexts[status].label) : status);

export const statusExplanation = (t: Translate, status: string) => (Object.hasOwn(statusTexts, status) ? t(statusTexts[status].explain) : '');
