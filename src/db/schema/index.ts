export * from './organisations.ts';
export * from './identity.ts';
export * from './people.ts';
export * from './registers.ts';
export * from './registrations.ts';
export * from './dossier.ts';
export * from './catalogue.ts';
export * from './framework.ts';
