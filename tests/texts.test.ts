import { describe, expect, it } from 'vitest';
import { features } from '../src/features/index.ts';
import { allTexts, textOrigins } from '../src/platform/i18n.ts';

// Importing the features adds every feature's texts, as the app has them; a key defined twice would
// already have thrown there (addTexts refuses it).
describe('the texts of the platform and every feature', () => {
  it('come from the features’ faces', () => {
    expect(features.filter((f) => f.texts?.length).map((f) => f.name)).toContain('consent');
  });

  it('has every Dutch text in English too, with the same placeholders', () => {
    const all = allTexts();
    // the app's texts only: a worker that ran i18n.test.ts first also holds that test's own (a Dutch-only one on purpose)
    const ofApp = (key: string) => !/\btest\b/.test(textOrigins().get(key) ?? '');
    const nl = new Map([...all.nl].filter(([key]) => ofApp(key)));
    const en = new Map([...all.en].filter(([key]) => ofApp(key)));
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect([...en.keys()].sort()).toEqual([...nl.keys()].sort());
    for (const [key, dutch] of nl) {
      expect(en.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(dutch));
    }
  });
});
