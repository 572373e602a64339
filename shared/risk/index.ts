export * from './review';
export * from './score';
