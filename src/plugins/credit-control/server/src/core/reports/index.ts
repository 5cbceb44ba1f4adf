// Receivables reports: pure rules (no Strapi import), unit-tested alone.
export * from './mapping';
export * from './dates';
export * from './format';
export * from './ageing';
export * from './statement';
export * from './dunning';
export * from './legal';
export * from './file-names';
export * from './criteria';
