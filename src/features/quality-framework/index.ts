import type { Feature } from '../feature.ts';
import { qualityFrameworkEn } from './quality-framework.texts.en.ts';
import { qualityFrameworkNl } from './quality-framework.texts.nl.ts';
import { qualityFrameworkRoutes } from './quality-framework.routes.tsx';
import { qualityFrameworkCards } from './quality-framework.start-cards.ts';

/** The Kwaliteitskader Samen Opleiden & Inductie: its waarborgen and kenmerken, as versioned reference data. */
export const feature: Feature = {
  name: 'quality-framework',
  texts: [{ nl: qualityFrameworkNl, en: qualityFrameworkEn }],
  routes: qualityFrameworkRoutes,
  startCards: qualityFrameworkCards,
};

export { seedDemoQualityFramework } from './quality-framework.service.ts';
export type { QualityFrameworkVersion } from './quality-framework.service.ts';
