// The pure core: no Strapi import, unit-tested alone.
export * from './money';
export * from './mapping';
export * from './contribution';
export * from './policy';
export * from './decision';
export * from './decision-text';
export * from './locale';
export * from './call-taking';
export * from './exposure';
export * from './bucket-amounts';
export * from './iso-date';
export * from './reports';
export * from './counting-fingerprint';
export * from './decision-log';
export * from './judgement';
export * from './over-threshold';
export * from './text-search';
