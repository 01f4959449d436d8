/** Activities of the demo companies: a real NAF code, name words, descriptions and skills. */
export interface Activity {
  naf: string;
  names: string[];
  descriptions: string[];
  skills: string[];
}

export const ACTIVITIES: readonly Activity[] = [
  {
    naf: '25.62B',
    names: ['Usinage', 'Mécanique de précision', 'Méca', 'Décolletage'],
    descriptions: [
      'Usinage de précision de pièces en inox, aluminium et titane ; tournage et fraisage CNC 5 axes, petites et moyennes séries.',
      'Mécanique générale et usinage de pièces unitaires pour la maintenance industrielle ; rectification et ajustage.',
    ],
    skills: ['usinage', 'tournage', 'fraisage CNC', 'inox', 'titane', 'rectification'],
  },
  {
    naf: '25.11Z',
    names: ['Métallerie', 'Chaudronnerie', 'Structures métalliques'],
    descriptions: [
      'Chaudronnerie et structures métalliques, soudure TIG/MIG de l’acier et de l’inox, charpente et serrurerie.',
      'Conception et fabrication d’ouvrages métalliques : passerelles, escaliers, garde-corps.',
    ],
    skills: ['chaudronnerie', 'soudure', 'inox', 'acier', 'serrurerie'],
  },
  {
    naf: '25.50B',
    names: ['Découpage', 'Emboutissage', 'Tôlerie'],
    descriptions: ['Découpage, emboutissage et pliage de tôles fines ; découpe laser et poinçonnage.'],
    skills: ['emboutissage', 'découpe laser', 'pliage', 'tôlerie fine'],
  },
  {
    naf: '28.41Z',
    names: ['Machines spéciales', 'Automatismes', 'Robotique'],
    descriptions: ['Conception et fabrication de machines spéciales et de machines-outils, intégration robotique.'],
    skills: ['machines spéciales', 'robotique', 'automatisme', 'conception mécanique'],
  },
  {
    naf: '22.29A',
    names: ['Plasturgie', 'Injection plastique', 'Polymères'],
    descriptions: ['Injection de pièces techniques en matières plastiques, conception de moules et surmoulage.'],
    skills: ['injection plastique', 'moules', 'surmoulage', 'polymères'],
  },
  {
    naf: '13.96Z',
    names: ['Textiles techniques', 'Rubans', 'Tissage'],
    descriptions: ['Tissage de rubans et de textiles techniques pour l’industrie, le médical et le luxe.'],
    skills: ['tissage', 'textiles techniques', 'rubans', 'tresses'],
  },
  {
    naf: '32.50A',
    names: ['Medtech', 'Dispositifs médicaux', 'Orthopédie'],
    descriptions: ['Fabrication de dispositifs médicaux et d’implants orthopédiques, salle blanche ISO 7.'],
    skills: ['dispositifs médicaux', 'implants', 'salle blanche', 'ISO 13485'],
  },
  {
    naf: '62.01Z',
    names: ['Logiciels', 'Digital', 'Dev', 'Web'],
    descriptions: [
      'Développement de logiciels sur mesure, applications web et mobiles, intégration d’ERP pour les PME industrielles.',
      'Édition de logiciels de gestion de production et de traçabilité.',
    ],
    skills: ['développement web', 'applications mobiles', 'ERP', 'TypeScript', 'cloud'],
  },
  {
    naf: '62.02A',
    names: ['Conseil informatique', 'Cybersécurité', 'Systèmes'],
    descriptions: ['Conseil en systèmes informatiques, audit de cybersécurité et infogérance pour PME.'],
    skills: ['cybersécurité', 'infogérance', 'réseaux', 'audit'],
  },
  {
    naf: '70.22Z',
    names: ['Conseil', 'Stratégie', 'Partenaires'],
    descriptions: ['Conseil en stratégie et organisation, accompagnement à l’export et à la transmission d’entreprise.'],
    skills: ['stratégie', 'export', 'transmission', 'lean management'],
  },
  {
    naf: '71.12B',
    names: ['Ingénierie', 'Bureau d’études', 'Études techniques'],
    descriptions: ['Bureau d’études mécaniques : CAO, calcul de structures, industrialisation de produits.'],
    skills: ['CAO', 'calcul de structures', 'industrialisation', 'SolidWorks'],
  },
  {
    naf: '43.21A',
    names: ['Électricité', 'Elec', 'Énergies'],
    descriptions: ['Installation électrique industrielle et tertiaire, bornes de recharge et photovoltaïque.'],
    skills: ['électricité industrielle', 'photovoltaïque', 'bornes de recharge'],
  },
  {
    naf: '43.22A',
    names: ['Plomberie', 'Thermique', 'Chauffage'],
    descriptions: ['Plomberie, chauffage et pompes à chaleur pour les bâtiments d’activité.'],
    skills: ['plomberie', 'chauffage', 'pompes à chaleur'],
  },
  {
    naf: '10.71C',
    names: ['Boulangerie', 'Pâtisserie', 'Fournil'],
    descriptions: ['Boulangerie-pâtisserie artisanale, livraison aux entreprises et aux collectivités.'],
    skills: ['boulangerie', 'pâtisserie', 'traiteur'],
  },
  {
    naf: '56.10A',
    names: ['Restaurant', 'Bistrot', 'Table'],
    descriptions: ['Restauration traditionnelle, repas d’affaires et séminaires.'],
    skills: ['restauration', 'séminaires', 'traiteur'],
  },
  {
    naf: '46.69B',
    names: ['Fournitures industrielles', 'Distribution', 'Outillage'],
    descriptions: ['Distribution de fournitures industrielles, outillage, visserie et équipements de protection.'],
    skills: ['outillage', 'visserie', 'EPI', 'logistique'],
  },
  {
    naf: '49.41A',
    names: ['Transports', 'Logistique', 'Fret'],
    descriptions: ['Transport routier de marchandises, messagerie régionale et logistique.'],
    skills: ['transport routier', 'logistique', 'messagerie'],
  },
  {
    naf: '33.12Z',
    names: ['Maintenance', 'Réparation industrielle', 'Services industriels'],
    descriptions: ['Réparation et maintenance de machines industrielles, dépannage sur site.'],
    skills: ['maintenance', 'hydraulique', 'pneumatique', 'dépannage'],
  },
  {
    naf: '73.11Z',
    names: ['Communication', 'Agence', 'Créations'],
    descriptions: ['Agence de communication : identité visuelle, sites web, salons professionnels.'],
    skills: ['communication', 'identité visuelle', 'événementiel'],
  },
  {
    naf: '69.20Z',
    names: ['Expertise comptable', 'Audit', 'Gestion'],
    descriptions: ['Expertise comptable, audit et conseil de gestion pour TPE et PME.'],
    skills: ['comptabilité', 'audit', 'fiscalité', 'paie'],
  },
  {
    naf: '16.23Z',
    names: ['Menuiserie', 'Bois', 'Agencement'],
    descriptions: ['Menuiserie et agencement sur mesure en bois, charpente et ossature bois.'],
    skills: ['menuiserie', 'agencement', 'ossature bois'],
  },
];

export const FIRST_NAMES = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Julie', 'Claire', 'Sophie', 'Nathalie', 'Isabelle',
  'Anne', 'Marie', 'Céline', 'Aurélie', 'Laura', 'Pauline', 'Élodie', 'Charlotte', 'Thomas', 'Nicolas', 'Julien',
  'Antoine', 'Maxime', 'Alexandre', 'Pierre', 'Hugo', 'Lucas', 'Louis', 'Mathieu', 'Romain', 'Sébastien', 'Olivier',
  'Philippe', 'François', 'Laurent', 'Éric', 'Frédéric', 'Karim', 'Mehdi', 'Yann', 'Bruno', 'Christophe', 'Damien',
];
export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon',
  'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard',
  'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Perrin',
  'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson', 'Marchand', 'Duval',
  'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier', 'Brun', 'Blanchard', 'Giraud', 'Joly',
  'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud', 'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt',
  'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron', 'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas',
];
export const JOB_TITLES = [
  'Dirigeant', 'Gérante', 'Directeur général', 'Responsable commerciale', 'Directeur technique', 'Responsable achats',
  'Responsable qualité', 'Chargée de communication', 'Directrice administrative et financière', 'Responsable RH',
  'Ingénieur d’affaires', 'Responsable de production',
];
export const EXPERTISE_DOMAINS = [
  'Export', 'Financement', 'Industrie 4.0', 'RSE', 'Cybersécurité', 'Ressources humaines', 'Propriété industrielle',
  'Lean management', 'Marketing digital', 'Transmission d’entreprise', 'Achats', 'Transition énergétique',
];
export const NAME_SUFFIXES = ['du Forez', 'du Pilat', 'Rhône-Alpes', 'du Gier', 'des Monts', 'Alpes', 'Auvergne', 'du Lyonnais', 'de la Loire', 'du Velay'];
export const NAME_PREFIXES = ['Ateliers', 'Établissements', 'Groupe', 'Société', 'Maison'];
export const LEGAL_FORM_MIX = ['5710', '5710', '5710', '5499', '5499', '5499', '5599', '1000', '5202'];
export const HEADCOUNT_MIX = ['00', '01', '01', '02', '02', '03', '03', '11', '11', '12', '21', '22', '31', '32', '41'];
export const STREETS = ['rue de la République', 'avenue de la Libération', 'rue Victor-Hugo', 'boulevard Jules-Janin', 'rue des Forges', 'chemin des Prés', 'rue de l’Industrie', 'avenue Jean-Jaurès', 'ZI de Molina', 'rue Paul-Bert'];
