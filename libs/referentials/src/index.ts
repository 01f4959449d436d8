// Browser code should import the data-free modules directly ('@maillage/referentials/identifiers',
// '@maillage/referentials/bands'): naf and territories read their data through Node.
export * from './identifiers';
export * from './bands';
export * from './naf';
export * from './territories';
