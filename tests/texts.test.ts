import { describe, expect, it } from 'vitest';
import { features } from '../src/features/index.ts';
import { allTexts } from '../src/platform/i18n.ts';

// Importing the features adds every feature's texts, as the app has them; a key defined twice would
// already have thrown there (addTexts refuses it).
describe('the texts of the platform and every feature', () => {
  it('come from the features’ faces', () => {
    expect(features.filter((f) => f.texts?.length).map((f) => f.name)).toContain('consent');
  });

  it('has every Dutch text in English too, with the same placeholders', () => {
    const { nl, en } = allTexts();
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect([...en.keys()].sort()).toEqual([...nl.keys()].sort());
    for (const [key, dutch] of nl) {
      expect(en.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(dutch));
    }
  });
});
