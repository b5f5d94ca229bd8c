export * from './organisations.ts';
