/** Registry look-ups (no content type): permission-checked content API routes. */
export default {
  routes: [
    { method: 'GET', path: '/sirene/siret/:siret', handler: 'sirene.bySiret', config: { policies: [] } },
    { method: 'GET', path: '/sirene/siren/:siren', handler: 'sirene.bySiren', config: { policies: [] } },
    { method: 'GET', path: '/vies/:vatNumber', handler: 'vies.check', config: { policies: [] } },
  ],
};
