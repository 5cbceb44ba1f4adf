/** Word lists for realistic French (and a few foreign) business records. Fictional names only. */

export interface City {
  city: string;
  postalCode: string;
  region: string;
  lat: number;
  lng: number;
}

export const FR_CITIES: readonly City[] = [
  { city: 'Paris', postalCode: '75008', region: 'Île-de-France', lat: 48.8722, lng: 2.3126 },
  { city: 'Paris', postalCode: '75011', region: 'Île-de-France', lat: 48.8574, lng: 2.3795 },
  { city: 'Paris', postalCode: '75015', region: 'Île-de-France', lat: 48.8412, lng: 2.3003 },
  { city: 'Boulogne-Billancourt', postalCode: '92100', region: 'Île-de-France', lat: 48.8397, lng: 2.2399 },
  { city: 'Nanterre', postalCode: '92000', region: 'Île-de-France', lat: 48.8924, lng: 2.2071 },
  { city: 'Saint-Denis', postalCode: '93200', region: 'Île-de-France', lat: 48.9362, lng: 2.3574 },
  { city: 'Versailles', postalCode: '78000', region: 'Île-de-France', lat: 48.8049, lng: 2.1204 },
  { city: 'Créteil', postalCode: '94000', region: 'Île-de-France', lat: 48.7904, lng: 2.4556 },
  { city: 'Lyon', postalCode: '69003', region: 'Auvergne-Rhône-Alpes', lat: 45.7597, lng: 4.8422 },
  { city: 'Lyon', postalCode: '69007', region: 'Auvergne-Rhône-Alpes', lat: 45.7455, lng: 4.8425 },
  { city: 'Villeurbanne', postalCode: '69100', region: 'Auvergne-Rhône-Alpes', lat: 45.7719, lng: 4.8902 },
  { city: 'Grenoble', postalCode: '38000', region: 'Auvergne-Rhône-Alpes', lat: 45.1885, lng: 5.7245 },
  { city: 'Clermont-Ferrand', postalCode: '63000', region: 'Auvergne-Rhône-Alpes', lat: 45.7772, lng: 3.087 },
  { city: 'Annecy', postalCode: '74000', region: 'Auvergne-Rhône-Alpes', lat: 45.8992, lng: 6.1294 },
  { city: 'Marseille', postalCode: '13002', region: "Provence-Alpes-Côte d'Azur", lat: 43.3127, lng: 5.3638 },
  { city: 'Aix-en-Provence', postalCode: '13100', region: "Provence-Alpes-Côte d'Azur", lat: 43.5297, lng: 5.4474 },
  { city: 'Nice', postalCode: '06000', region: "Provence-Alpes-Côte d'Azur", lat: 43.7102, lng: 7.262 },
  { city: 'Toulon', postalCode: '83000', region: "Provence-Alpes-Côte d'Azur", lat: 43.1242, lng: 5.928 },
  { city: 'Toulouse', postalCode: '31000', region: 'Occitanie', lat: 43.6047, lng: 1.4442 },
  { city: 'Montpellier', postalCode: '34000', region: 'Occitanie', lat: 43.6108, lng: 3.8767 },
  { city: 'Nîmes', postalCode: '30000', region: 'Occitanie', lat: 43.8367, lng: 4.3601 },
  { city: 'Bordeaux', postalCode: '33000', region: 'Nouvelle-Aquitaine', lat: 44.8378, lng: -0.5792 },
  { city: 'Mérignac', postalCode: '33700', region: 'Nouvelle-Aquitaine', lat: 44.8386, lng: -0.6436 },
  { city: 'Limoges', postalCode: '87000', region: 'Nouvelle-Aquitaine', lat: 45.8336, lng: 1.2611 },
  { city: 'Poitiers', postalCode: '86000', region: 'Nouvelle-Aquitaine', lat: 46.5802, lng: 0.3404 },
  { city: 'Nantes', postalCode: '44000', region: 'Pays de la Loire', lat: 47.2184, lng: -1.5536 },
  { city: 'Angers', postalCode: '49000', region: 'Pays de la Loire', lat: 47.4784, lng: -0.5632 },
  { city: 'Le Mans', postalCode: '72000', region: 'Pays de la Loire', lat: 48.0061, lng: 0.1996 },
  { city: 'Rennes', postalCode: '35000', region: 'Bretagne', lat: 48.1173, lng: -1.6778 },
  { city: 'Brest', postalCode: '29200', region: 'Bretagne', lat: 48.3904, lng: -4.4861 },
  { city: 'Lille', postalCode: '59000', region: 'Hauts-de-France', lat: 50.6292, lng: 3.0573 },
  { city: 'Roubaix', postalCode: '59100', region: 'Hauts-de-France', lat: 50.6942, lng: 3.1746 },
  { city: 'Amiens', postalCode: '80000', region: 'Hauts-de-France', lat: 49.894, lng: 2.2958 },
  { city: 'Strasbourg', postalCode: '67000', region: 'Grand Est', lat: 48.5734, lng: 7.7521 },
  { city: 'Metz', postalCode: '57000', region: 'Grand Est', lat: 49.1193, lng: 6.1757 },
  { city: 'Reims', postalCode: '51100', region: 'Grand Est', lat: 49.2583, lng: 4.0317 },
  { city: 'Nancy', postalCode: '54000', region: 'Grand Est', lat: 48.6921, lng: 6.1844 },
  { city: 'Dijon', postalCode: '21000', region: 'Bourgogne-Franche-Comté', lat: 47.322, lng: 5.0415 },
  { city: 'Besançon', postalCode: '25000', region: 'Bourgogne-Franche-Comté', lat: 47.2378, lng: 6.0241 },
  { city: 'Rouen', postalCode: '76000', region: 'Normandie', lat: 49.4432, lng: 1.0999 },
  { city: 'Caen', postalCode: '14000', region: 'Normandie', lat: 49.1829, lng: -0.3707 },
  { city: 'Tours', postalCode: '37000', region: 'Centre-Val de Loire', lat: 47.3941, lng: 0.6848 },
  { city: 'Orléans', postalCode: '45000', region: 'Centre-Val de Loire', lat: 47.9029, lng: 1.9093 },
  { city: 'Ajaccio', postalCode: '20000', region: 'Corse', lat: 41.9192, lng: 8.7386 },
];

export const FOREIGN_CITIES: Readonly<Record<string, readonly City[]>> = {
  DE: [
    { city: 'München', postalCode: '80331', region: 'Bayern', lat: 48.1372, lng: 11.5755 },
    { city: 'Frankfurt am Main', postalCode: '60311', region: 'Hessen', lat: 50.1109, lng: 8.6821 },
    { city: 'Köln', postalCode: '50667', region: 'Nordrhein-Westfalen', lat: 50.9375, lng: 6.9603 },
  ],
  BE: [
    { city: 'Bruxelles', postalCode: '1000', region: 'Bruxelles-Capitale', lat: 50.8503, lng: 4.3517 },
    { city: 'Liège', postalCode: '4000', region: 'Wallonie', lat: 50.6326, lng: 5.5797 },
    { city: 'Gent', postalCode: '9000', region: 'Vlaanderen', lat: 51.0543, lng: 3.7174 },
  ],
  IT: [
    { city: 'Milano', postalCode: '20121', region: 'Lombardia', lat: 45.4642, lng: 9.19 },
    { city: 'Torino', postalCode: '10121', region: 'Piemonte', lat: 45.0703, lng: 7.6869 },
  ],
  CH: [
    { city: 'Genève', postalCode: '1201', region: 'Genève', lat: 46.2044, lng: 6.1432 },
    { city: 'Lausanne', postalCode: '1003', region: 'Vaud', lat: 46.5197, lng: 6.6323 },
  ],
  US: [
    { city: 'New York', postalCode: '10017', region: 'NY', lat: 40.7527, lng: -73.9772 },
    { city: 'Boston', postalCode: '02110', region: 'MA', lat: 42.3572, lng: -71.0537 },
  ],
  GB: [
    { city: 'London', postalCode: 'EC2A 4NE', region: 'Greater London', lat: 51.5226, lng: -0.0817 },
    { city: 'Manchester', postalCode: 'M1 4BT', region: 'Greater Manchester', lat: 53.4794, lng: -2.2453 },
  ],
};

export const STREET_TYPES = ['rue', 'avenue', 'boulevard', 'place', 'allée', 'impasse', 'quai', 'chemin', 'cours'] as const;
export const STREET_NAMES = [
  'de la République', 'Victor Hugo', 'Jean Jaurès', 'du Général de Gaulle', 'Pasteur', 'de la Liberté', 'des Lilas',
  'Gambetta', 'Foch', 'de Verdun', 'Émile Zola', 'du Moulin', 'de la Gare', 'Saint-Michel', 'des Écoles', 'Voltaire',
  'Carnot', 'de Paris', 'Jules Ferry', 'de la Paix', 'Anatole France', 'des Tilleuls', 'du Commerce', 'Lafayette',
  'de Bretagne', 'Sadi Carnot', 'Marcel Pagnol', 'des Vignes', 'du Port', 'Louis Pasteur', 'de Strasbourg', 'Nationale',
] as const;
export const FOREIGN_STREETS: Readonly<Record<string, readonly string[]>> = {
  DE: ['Hauptstraße', 'Bahnhofstraße', 'Goethestraße', 'Schillerplatz'],
  BE: ['Rue Royale', 'Avenue Louise', 'Kortrijksesteenweg', 'Boulevard d’Avroy'],
  IT: ['Via Roma', 'Corso Vittorio Emanuele', 'Via Garibaldi', 'Piazza Castello'],
  CH: ['Rue du Rhône', 'Avenue de la Gare', 'Bahnhofstrasse', 'Rue de Lausanne'],
  US: ['Madison Avenue', 'Main Street', 'Park Avenue', 'Summer Street'],
  GB: ['High Street', 'King Street', 'Old Street', 'Deansgate'],
};

export const FIRST_NAMES_M = [
  'Jean', 'Pierre', 'Michel', 'Philippe', 'Nicolas', 'Thomas', 'Julien', 'Alexandre', 'Antoine', 'Laurent', 'Stéphane',
  'Sébastien', 'François', 'Olivier', 'Christophe', 'Mathieu', 'Guillaume', 'Hugo', 'Lucas', 'Louis', 'Paul', 'Yann',
  'Karim', 'Mehdi', 'Théo', 'Maxime', 'Romain', 'Benoît', 'Éric', 'Vincent',
] as const;
export const FIRST_NAMES_F = [
  'Marie', 'Nathalie', 'Isabelle', 'Sophie', 'Catherine', 'Sandrine', 'Valérie', 'Céline', 'Julie', 'Camille', 'Laura',
  'Émilie', 'Claire', 'Anne', 'Aurélie', 'Chloé', 'Léa', 'Manon', 'Inès', 'Sarah', 'Élodie', 'Hélène', 'Amandine',
  'Fatima', 'Nadia', 'Pauline', 'Charlotte', 'Margaux', 'Lucie', 'Agnès',
] as const;
export const LAST_NAMES = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon',
  'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont',
  'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin',
  'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia', 'Perrin', 'Robin', 'Clément', 'Morin',
  'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson', 'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie',
  'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier', 'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet',
  'Gaillard', 'Barbier', 'Arnaud', 'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin',
  'Vidal', 'Caron', 'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
] as const;

/** Company names are built as PREFIX + CORE (+ SUFFIX): "Atelier Lumière Ouest". */
export const NAME_PREFIXES = [
  'Atelier', 'Groupe', 'Société', 'Cabinet', 'Maison', 'Compagnie', 'Établissements', 'Laboratoires', 'Transports',
  'Imprimerie', 'Bureau', 'Agence', 'Menuiserie', 'Boulangerie', 'Garage', 'Clinique', 'Studio', 'Comptoir', 'Ateliers',
] as const;
export const NAME_CORES = [
  'Lumière', 'Horizon', 'Azur', 'Océane', 'Alpine', 'Boréal', 'Cèdre', 'Érable', 'Granit', 'Hélios', 'Iris', 'Jade',
  'Kerlann', 'Lavande', 'Mistral', 'Nacre', 'Olivier', 'Platane', 'Quartz', 'Rivage', 'Sirocco', 'Tilleul', 'Ubaye',
  'Vallon', 'Vercors', 'Zénith', 'Armor', 'Bocage', 'Causse', 'Durance', 'Estuaire', 'Falaise', 'Garrigue', 'Hermine',
  'Ibis', 'Loire', 'Meuse', 'Noroît', 'Orée', 'Presqu’île', 'Rhône', 'Saône', 'Tramontane', 'Vauban', 'Yser',
] as const;
export const NAME_SUFFIXES = ['Ouest', 'Est', 'Sud', 'Nord', 'Services', 'Industrie', 'Conseil', 'Développement', 'Distribution', 'et Fils', 'Solutions', 'Logistique'] as const;

export const FR_LEGAL_FORMS = ['SAS', 'SAS', 'SAS', 'SARL', 'SARL', 'SA', 'SASU', 'EURL', 'SCOP'] as const;
export const FOREIGN_LEGAL_FORMS: Readonly<Record<string, readonly string[]>> = {
  DE: ['GmbH', 'AG', 'GmbH & Co. KG'],
  BE: ['SA', 'SRL', 'NV', 'BV'],
  IT: ['S.r.l.', 'S.p.A.'],
  CH: ['SA', 'AG', 'Sàrl'],
  US: ['Inc.', 'LLC', 'Corp.'],
  GB: ['Ltd', 'PLC', 'LLP'],
};

/** NAF/APE codes with a sector label. */
export const APE_CODES = [
  ['6202A', 'Conseil en systèmes et logiciels informatiques'],
  ['6201Z', 'Programmation informatique'],
  ['7022Z', 'Conseil pour les affaires et autres conseils de gestion'],
  ['4669B', 'Commerce de gros de fournitures et équipements industriels divers'],
  ['2511Z', 'Fabrication de structures métalliques'],
  ['4941A', 'Transports routiers de fret interurbains'],
  ['1071C', 'Boulangerie et boulangerie-pâtisserie'],
  ['5610A', 'Restauration traditionnelle'],
  ['8559A', 'Formation continue d’adultes'],
  ['4120A', 'Construction de maisons individuelles'],
  ['6920Z', 'Activités comptables'],
  ['8610Z', 'Activités hospitalières'],
  ['4711D', 'Supermarchés'],
  ['1812Z', 'Autre imprimerie (labeur)'],
  ['7112B', 'Ingénierie, études techniques'],
] as const;

export const JOB_TITLES = [
  'Directeur général', 'Directrice administrative et financière', 'Responsable des achats', 'Comptable',
  'Assistante de direction', 'Responsable informatique', 'Directeur commercial', 'Gérant', 'Responsable logistique',
  'Contrôleur de gestion', 'Responsable RH', 'Chef de projet', 'Office manager',
] as const;
export const FINANCIAL_JOB_TITLES = ['Comptable', 'Directrice administrative et financière', 'Responsable comptabilité fournisseurs'] as const;

export const EMPLOYEE_TITLES = ['Ingénieur d’affaires', 'Commercial sédentaire', 'Chef de projet', 'Consultant', 'Formateur', 'Technicien support', 'Responsable de compte', 'Assistante commerciale'] as const;

export const BANKS = [
  ['BNP Paribas', 'BNPAFRPPXXX', '30004'],
  ['Société Générale', 'SOGEFRPPXXX', '30003'],
  ['Crédit Agricole', 'AGRIFRPPXXX', '30006'],
  ['Crédit Mutuel', 'CMCIFR2AXXX', '10278'],
  ['LCL', 'CRLYFRPPXXX', '30002'],
  ['La Banque Postale', 'PSSTFRPPXXX', '20041'],
  ['CIC', 'CMCIFRPPXXX', '30066'],
] as const;

export const MARKETING_FAMILIES = ['Industrie', 'Services', 'Commerce', 'Santé', 'Public', 'BTP', 'Transport'] as const;
export const MARKETING_SUBFAMILIES = ['PME', 'ETI', 'Grand compte', 'TPE', 'Collectivité'] as const;
export const PROFESSIONS = ['Informatique', 'Comptabilité', 'Logistique', 'Bâtiment', 'Restauration', 'Formation', 'Santé'] as const;
export const KEYWORDS = ['fidèle', 'multi-sites', 'export', 'saisonnier', 'salon 2024', 'parrainage', 'appel d’offres', 'grand compte', 'renouvellement'] as const;

export const EVENT_SUBJECTS = [
  'Relance devis', 'Présentation de l’offre', 'Point annuel', 'Réclamation livraison', 'Relance facture',
  'Rendez-vous de suivi', 'Démonstration produit', 'Négociation tarifaire', 'Envoi de documentation', 'Visite sur site',
] as const;
export const HELPDESK_TITLES = [
  'Impossible de se connecter', 'Erreur à l’export PDF', 'Lenteurs sur le module facturation', 'Demande de formation',
  'Imprimante réseau hors service', 'Mise à jour de licence', 'Perte de mot de passe', 'Bug sur l’écran des commandes',
  'Question sur la TVA intracommunautaire', 'Synchronisation mobile en échec',
] as const;
export const TRAINING_TITLES = [
  'Excel perfectionnement', 'Management d’équipe', 'Sauveteur secouriste du travail', 'Anglais professionnel',
  'Gestion de projet agile', 'Habilitation électrique B1V', 'Comptabilité générale', 'Cybersécurité : les bons réflexes',
  'Prise de parole en public', 'Word initiation',
] as const;
export const OPPORTUNITY_TITLES = [
  'Refonte du système d’information', 'Renouvellement du parc', 'Déploiement multi-sites', 'Audit de sécurité',
  'Contrat de maintenance', 'Projet de migration cloud', 'Formation des équipes', 'Extension de licence',
] as const;

export const FUNDING_BODIES = ['OPCO Avenir Compétences', 'Fonds Formation Services', 'OPCO Métiers et Territoires'] as const;
