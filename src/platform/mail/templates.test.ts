import { describe, expect, it } from 'vitest';
import { renderMail } from './templates.ts';

describe('renderMail', () => {
  const params = { name: 'Anna', level: 'Registerleraar', register: 'Lerarenregister', until: '2030-12-05', deadline: '2031-06-05', link: 'https://x/y' };

  it('writes a calendar day in the one date style of the mail’s language, never as 2030-12-05', () => {
    const nl = renderMail('reregistration-conditional', 'nl', params);
    expect(nl.text).toContain('liep tot en met 5 december 2030.');
    expect(nl.text).toContain('tot en met 5 juni 2031 herregistratie aanvragen');
    const en = renderMail('reregistration-conditional', 'en', params);
    expect(en.text).toContain('ran until 5 December 2030.');
    expect(`${nl.subject}${nl.text}${en.subject}${en.text}`).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('leaves other text as it is, a day that does not exist included', () => {
    const { text } = renderMail('valuation-decided', 'nl', { name: 'Anna', title: 'Verslag 2030-02-31', points: 4, link: 'https://x' });
    expect(text).toContain('"Verslag 2030-02-31"');
    expect(renderMail('valuation-decided', 'nl', { name: 'Anna', title: '2030-02-31', points: 4, link: 'https://x' }).text).toContain('"2030-02-31"');
  });
});
