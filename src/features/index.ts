import type { FastifyInstance } from 'fastify';
import type { FeatureOptions } from './feature-options.ts';
import { boardStaffRoutes } from './board-staff/board-staff.routes.tsx';
import { deliveryRoutes } from './deliveries/deliveries.routes.tsx';
import { identityRoutes } from './identity/identity.routes.tsx';
import { organisationRoutes } from './organisations/organisations.routes.tsx';
import { ownRecordRoutes } from './own-record/own-record.routes.tsx';
import { publicRegisterRoutes } from './public-register/public-register.routes.tsx';
import { registerRoutes } from './register-versions/registers.routes.tsx';
import { dossierRoutes } from './dossier/dossier.routes.tsx';
import { reregistrationRoutes } from './reregistration/reregistration.routes.tsx';
import { enrolmentRoutes } from './registrations/enrolments.routes.tsx';
import { registrationRoutes } from './registrations/registrations.routes.tsx';
import { pageRoutes } from './pages/pages.routes.tsx';
import { catalogueRoutes } from './catalogue/catalogue.routes.tsx';
import { frameworkRoutes } from './framework/framework.routes.tsx';
import { valuationRoutes } from './dossier/valuation.routes.tsx';
import { consentRoutes } from './consent/consent.routes.tsx';
import { accreditationRoutes } from './accreditation/accreditation.routes.tsx';


/** Every feature's routes; app.ts registers them in this order. */
export const features: ((app: FastifyInstance, opts: FeatureOptions) => Promise<void>)[] = [pageRoutes, organisationRoutes, identityRoutes, deliveryRoutes, ownRecordRoutes, publicRegisterRoutes, boardStaffRoutes, registerRoutes, registrationRoutes, enrolmentRoutes, dossierRoutes, frameworkRoutes, valuationRoutes, consentRoutes, accreditationRoutes, reregistrationRoutes, catalogueRoutes];
