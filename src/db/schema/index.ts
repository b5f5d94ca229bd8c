export * from './organisations.ts';
export * from './identity.ts';
