import { addTexts } from '../platform/i18n.ts';
import type { Feature } from './feature.ts';
import { feature as pages } from './pages/index.ts';
import { feature as organisations } from './organisations/index.ts';
import { feature as identity } from './identity/index.ts';
import { feature as administrationOffices } from './administration-offices/index.ts';
import { feature as myData } from './my-data/index.ts';
import { feature as deliveries } from './deliveries/index.ts';
import { feature as ownRecord } from './own-record/index.ts';
import { feature as publicRegister } from './public-register/index.ts';
import { feature as boardStaff } from './board-staff/index.ts';
import { feature as registerVersions } from './register-versions/index.ts';
import { feature as registrations } from './registrations/index.ts';
import { feature as dossier } from './dossier/index.ts';
import { feature as framework } from './framework/index.ts';
import { feature as qualityFramework } from './quality-framework/index.ts';
import { feature as consent } from './consent/index.ts';
import { feature as accreditation } from './accreditation/index.ts';
import { feature as reregistration } from './reregistration/index.ts';
import { feature as catalogue } from './catalogue/index.ts';
import { feature as koplopers } from './koplopers/index.ts';
import { feature as events } from './events/index.ts';
import { feature as eventGroups } from './event-groups/index.ts';
import { feature as feedback } from './feedback/index.ts';
import { feature as register } from './register/index.ts';
import { feature as startPage } from './start-page/index.ts';

/**
 * Every feature, through its public face. app.ts registers their routes in this order; main.ts runs
 * their start-up fixes and background work. The register core has no pages of its own: the portals
 * (own-record, registrations, reregistration, public-register, board-staff) show it.
 */
export const features: Feature[] = [
  pages,
  organisations,
  identity,
  administrationOffices,
  myData,
  deliveries,
  ownRecord,
  register,
  publicRegister,
  boardStaff,
  registerVersions,
  registrations,
  dossier,
  framework,
  qualityFramework,
  consent,
  accreditation,
  reregistration,
  catalogue,
  koplopers,
  events,
  eventGroups,
  feedback,
  startPage,
];

for (const feature of features) addTexts(feature.name, ...(feature.texts ?? []));
