/**
 * Reference data: currencies, payment terms, VAT codes, functional areas with their VAT
 * equivalences, article families and sub-families, articles, link types. Rows that already
 * exist (same unique code) are reused, so the seed can run on a database that has them.
 */
import { stamp } from './common';
import type { Rng } from './prng';
import type { ArticleRef, Reference, SeedContext, VatRef } from './types';

/** code → id of the rows of a content type that already exist. */
async function existingCodes(ctx: SeedContext, uid: string): Promise<Map<string, number>> {
  const meta = ctx.writer.model(uid).meta;
  const column = meta.attributes.code?.columnName ?? 'code';
  const rows = (await ctx.writer.knex(meta.tableName).select('id', column)) as Record<string, unknown>[];
  return new Map(rows.map((row) => [String(row[column]), Number(row.id)]));
}

const CURRENCIES = [
  ['EUR', 'Euro', '€'],
  ['USD', 'Dollar des États-Unis', '$'],
  ['GBP', 'Livre sterling', '£'],
  ['CHF', 'Franc suisse', 'CHF'],
] as const;

const PAYMENT_TERMS = [
  ['COMPTANT', 'Comptant à réception', 0, false, null],
  ['30J', '30 jours date de facture', 30, false, null],
  ['30JFM', '30 jours fin de mois', 30, true, null],
  ['45JFM', '45 jours fin de mois', 45, true, null],
  ['60J', '60 jours date de facture', 60, false, null],
  ['30J-ESC2', '30 jours, escompte 2 % à 8 jours', 30, false, '2.00'],
] as const;

const VAT_CODES = [
  ['FR20', 'TVA taux normal 20 %', 2000],
  ['FR10', 'TVA taux intermédiaire 10 %', 1000],
  ['FR055', 'TVA taux réduit 5,5 %', 550],
  ['FR021', 'TVA taux particulier 2,1 %', 210],
  ['FR00', 'Exonéré / autoliquidation 0 %', 0],
] as const;

const FAMILIES: readonly (readonly [string, string, readonly (readonly [string, string])[]])[] = [
  ['PREST', 'Prestations de services', [['CONSEIL', 'Conseil'], ['DEV', 'Développement'], ['SUPPORT', 'Support et assistance']]],
  ['FORM', 'Formation', [['INTER', 'Formation inter-entreprises'], ['INTRA', 'Formation intra-entreprise'], ['ELEARN', 'E-learning']]],
  ['LOGI', 'Logiciels', [['LICENCE', 'Licences'], ['SAAS', 'Abonnements SaaS'], ['MAINT', 'Maintenance logicielle']]],
  ['MAT', 'Matériel', [['POSTE', 'Postes de travail'], ['RESEAU', 'Réseau'], ['PERIPH', 'Périphériques et consommables']]],
  ['EDIT', 'Édition', [['LIVRE', 'Livres'], ['PRESSE', 'Presse']]],
  ['HOTEL', 'Hébergement et restauration', [['REPAS', 'Restauration'], ['HEBERG', 'Hébergement']]],
  ['FRAIS', 'Frais refacturés', [['DEPLAC', 'Déplacements'], ['DIVERS', 'Frais divers']]],
];

/** code, label, sub-family, price (cents), unit, VAT code */
const ARTICLES: readonly (readonly [string, string, string, number, string, string])[] = [
  ['CONS-JOUR', 'Journée de conseil', 'CONSEIL', 95000, 'jour', 'FR20'],
  ['CONS-DEMIJ', 'Demi-journée de conseil', 'CONSEIL', 52000, 'unité', 'FR20'],
  ['CONS-AUDIT', 'Audit organisationnel (forfait)', 'CONSEIL', 450000, 'forfait', 'FR20'],
  ['CONS-DIR', 'Journée de conseil de direction', 'CONSEIL', 145000, 'jour', 'FR20'],
  ['DEV-JOUR', 'Journée de développement', 'DEV', 78000, 'jour', 'FR20'],
  ['DEV-SENIOR', 'Journée développeur senior', 'DEV', 92000, 'jour', 'FR20'],
  ['DEV-ARCHI', 'Journée architecte logiciel', 'DEV', 115000, 'jour', 'FR20'],
  ['DEV-RECETTE', 'Journée de recette fonctionnelle', 'DEV', 65000, 'jour', 'FR20'],
  ['SUP-HEURE', 'Heure d’assistance', 'SUPPORT', 9500, 'heure', 'FR20'],
  ['SUP-INTERV', 'Intervention sur site', 'SUPPORT', 38000, 'forfait', 'FR20'],
  ['SUP-TICKETS', 'Pack de 10 tickets de support', 'SUPPORT', 69000, 'unité', 'FR20'],
  ['SUP-ASTREINTE', 'Astreinte week-end', 'SUPPORT', 45000, 'forfait', 'FR20'],
  ['FORM-INTER', 'Formation inter-entreprises (jour stagiaire)', 'INTER', 59000, 'jour', 'FR00'],
  ['FORM-INTRA', 'Formation intra-entreprise (jour)', 'INTRA', 165000, 'jour', 'FR00'],
  ['FORM-ELEARN', 'Licence e-learning annuelle', 'ELEARN', 29000, 'unité', 'FR20'],
  ['FORM-CERTIF', 'Passage de certification', 'INTER', 25000, 'unité', 'FR00'],
  ['FORM-SUPPORT', 'Support de cours imprimé', 'INTER', 3500, 'unité', 'FR055'],
  ['LOG-LIC-STD', 'Licence logicielle standard', 'LICENCE', 120000, 'unité', 'FR20'],
  ['LOG-LIC-PRO', 'Licence logicielle professionnelle', 'LICENCE', 290000, 'unité', 'FR20'],
  ['LOG-LIC-USER', 'Licence utilisateur supplémentaire', 'LICENCE', 18000, 'unité', 'FR20'],
  ['LOG-SAAS-M', 'Abonnement SaaS mensuel', 'SAAS', 14900, 'mois', 'FR20'],
  ['LOG-SAAS-A', 'Abonnement SaaS annuel', 'SAAS', 149000, 'an', 'FR20'],
  ['LOG-SAAS-USER', 'Utilisateur SaaS (mois)', 'SAAS', 1900, 'mois', 'FR20'],
  ['LOG-MAINT', 'Maintenance logicielle annuelle', 'MAINT', 54000, 'an', 'FR20'],
  ['LOG-MAINT-PREM', 'Maintenance premium 24/7', 'MAINT', 180000, 'an', 'FR20'],
  ['MAT-PC', 'Ordinateur portable 14 pouces', 'POSTE', 109000, 'unité', 'FR20'],
  ['MAT-STATION', 'Station de travail', 'POSTE', 235000, 'unité', 'FR20'],
  ['MAT-ECRAN', 'Écran 27 pouces', 'POSTE', 28900, 'unité', 'FR20'],
  ['MAT-DOCK', 'Station d’accueil USB-C', 'POSTE', 18900, 'unité', 'FR20'],
  ['MAT-SWITCH', 'Commutateur 24 ports', 'RESEAU', 42000, 'unité', 'FR20'],
  ['MAT-ROUTEUR', 'Routeur professionnel', 'RESEAU', 65000, 'unité', 'FR20'],
  ['MAT-BORNE', 'Borne Wi-Fi professionnelle', 'RESEAU', 24000, 'unité', 'FR20'],
  ['MAT-CABLES', 'Câbles réseau Cat6 (lot de 10)', 'RESEAU', 4500, 'unité', 'FR20'],
  ['MAT-IMPR', 'Imprimante laser réseau', 'PERIPH', 54000, 'unité', 'FR20'],
  ['MAT-TONER', 'Cartouche de toner', 'PERIPH', 8900, 'unité', 'FR20'],
  ['MAT-CLAVIER', 'Ensemble clavier et souris', 'PERIPH', 5900, 'unité', 'FR20'],
  ['EDIT-GUIDE', 'Guide pratique de la comptabilité', 'LIVRE', 3900, 'unité', 'FR055'],
  ['EDIT-MANUEL', 'Manuel utilisateur relié', 'LIVRE', 2500, 'unité', 'FR055'],
  ['EDIT-REVUE', 'Abonnement revue professionnelle', 'PRESSE', 12000, 'an', 'FR021'],
  ['EDIT-QUOTIDIEN', 'Abonnement quotidien économique', 'PRESSE', 39000, 'an', 'FR021'],
  ['HOT-REPAS', 'Repas d’affaires', 'REPAS', 3200, 'couvert', 'FR10'],
  ['HOT-BUFFET', 'Buffet de séminaire', 'REPAS', 2800, 'couvert', 'FR10'],
  ['HOT-NUIT', 'Nuitée d’hôtel', 'HEBERG', 11800, 'unité', 'FR10'],
  ['HOT-SALLE', 'Location de salle (journée)', 'HEBERG', 45000, 'jour', 'FR20'],
  ['FRAIS-KM', 'Indemnités kilométriques', 'DEPLAC', 60, 'km', 'FR20'],
  ['FRAIS-TRAIN', 'Billet de train refacturé', 'DEPLAC', 9500, 'unité', 'FR10'],
  ['FRAIS-TAXI', 'Course de taxi refacturée', 'DEPLAC', 4200, 'unité', 'FR10'],
  ['FRAIS-DEPL', 'Forfait de déplacement', 'DEPLAC', 8000, 'forfait', 'FR20'],
  ['FRAIS-PORT', 'Frais de port', 'DIVERS', 1500, 'forfait', 'FR20'],
  ['FRAIS-DOSSIER', 'Frais de dossier', 'DIVERS', 2500, 'forfait', 'FR20'],
];

export async function seedReference(ctx: SeedContext, rng: Rng): Promise<Reference> {
  const day = ctx.start - 60;
  const { writer } = ctx;
  const getOrCreate = async (uid: string, items: { code: string; data: Record<string, unknown>; created?: (id: number) => void }[]) => {
    const existing = await existingCodes(ctx, uid);
    const model = writer.model(uid);
    const ids: Record<string, number> = {};
    for (const item of items) {
      const found = existing.get(item.code);
      if (found !== undefined) ids[item.code] = found;
      else {
        ids[item.code] = model.insert({ code: item.code, ...item.data } as never, stamp(ctx, rng, day));
        item.created?.(ids[item.code]);
      }
    }
    return ids;
  };

  const currencyIds = await getOrCreate('api::currency.currency', CURRENCIES.map(([code, name, symbol]) => ({ code, data: { name, symbol, minorUnits: 2 } })));
  const currencies = Object.fromEntries(CURRENCIES.map(([code]) => [code, { id: currencyIds[code], code, minorUnits: 2 }]));

  const termIds = await getOrCreate(
    'api::payment-term.payment-term',
    PAYMENT_TERMS.map(([code, label, days, endOfMonth, discountRate]) => ({ code, data: { label, days, endOfMonth, discountRate } }))
  );
  const paymentTerms = PAYMENT_TERMS.map(([code, , days, endOfMonth]) => ({ id: termIds[code], code, days, endOfMonth }));

  const vatIds = await getOrCreate(
    'api::vat-code.vat-code',
    VAT_CODES.map(([code, label, bp]) => ({ code, data: { label, rate: (bp / 100).toFixed(2), country: 'FR' } }))
  );
  const vat: Record<string, VatRef> = Object.fromEntries(
    VAT_CODES.map(([code, , bp]) => [code, { id: vatIds[code], code, rateBp: bp, rate: (bp / 100).toFixed(2) }])
  );

  const area = writer.model('api::functional-area.functional-area');
  const equivalence = writer.model('vat.equivalence');
  const toZero = (areaId: number) =>
    ['FR20', 'FR10', 'FR055', 'FR021'].forEach((source, index) => {
      const cmp = area.component('equivalences', areaId, {}, index + 1);
      equivalence.link('sourceVatCode', cmp, vat[source].id);
      equivalence.link('targetVatCode', cmp, vat.FR00.id);
    });
  const areaIds = await getOrCreate('api::functional-area.functional-area', [
    { code: 'FRANCE', data: { label: 'France métropolitaine et DOM' } },
    { code: 'UE', data: { label: 'Union européenne (autoliquidation)' }, created: toZero },
    { code: 'EXPORT', data: { label: 'Export hors Union européenne' }, created: toZero },
  ]);

  const familyIds = await getOrCreate('api::article-family.article-family', FAMILIES.map(([code, label]) => ({ code, data: { label } })));
  const subFamilyOf = new Map<string, string>();
  const subItems = FAMILIES.flatMap(([family, , subs]) =>
    subs.map(([sub, label]) => {
      subFamilyOf.set(sub, family);
      return { code: sub, data: { label }, created: (id: number) => writer.model('api::article-sub-family.article-sub-family').link('family', id, familyIds[family]) };
    })
  );
  const subIds = await getOrCreate('api::article-sub-family.article-sub-family', subItems);

  const articleModel = writer.model('api::article.article');
  const articleIds = await getOrCreate(
    'api::article.article',
    ARTICLES.map(([code, label, sub, cents, unit, vatCode]) => ({
      code,
      data: { label, description: `${label} — tarif catalogue`, unitPrice: (cents / 100).toFixed(2), unit, active: true },
      created: (id: number) => {
        articleModel.link('family', id, familyIds[subFamilyOf.get(sub) as string]);
        articleModel.link('subFamily', id, subIds[sub]);
        articleModel.link('vatCode', id, vat[vatCode].id);
      },
    }))
  );
  const articles: ArticleRef[] = ARTICLES.map(([code, label, sub, priceCents, unit, vatCode]) => ({
    id: articleIds[code],
    code,
    label,
    priceCents,
    unit,
    vat: vat[vatCode],
    family: subFamilyOf.get(sub) as string,
  }));

  const linkIds = await getOrCreate('api::link-type.link-type', [
    { code: 'SOLDTOPARTY', data: { label: 'Donneur d’ordre', kind: 'stakeholder' } },
    { code: 'TO_BILL', data: { label: 'Client à facturer', kind: 'invoice' } },
  ]);

  return {
    currencies,
    vat,
    vatZero: vat.FR00,
    paymentTerms,
    functionalAreas: { FRANCE: areaIds.FRANCE, UE: areaIds.UE, EXPORT: areaIds.EXPORT },
    articles: articles.filter((a) => a.family !== 'FORM'),
    trainingArticles: articles.filter((a) => a.family === 'FORM'),
    linkTypes: { SOLDTOPARTY: linkIds.SOLDTOPARTY, TO_BILL: linkIds.TO_BILL },
  };
}
