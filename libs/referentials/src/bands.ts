// INSEE code lists used by Sirene: headcount bands ("tranches d'effectifs salariés") and the
// most common legal categories ("catégories juridiques", level III, nomenclature of 2022).

export interface HeadcountBand {
  code: string;
  label: string;
  labelEn: string;
  /** Salaried headcount range; both null for 'NN' (not an employer), max null for the last band. */
  min: number | null;
  max: number | null;
}

const band = (code: string, label: string, labelEn: string, min: number | null, max: number | null): HeadcountBand => ({
  code,
  label,
  labelEn,
  min,
  max,
});

export const HEADCOUNT_BANDS: readonly HeadcountBand[] = [
  band('NN', 'Unité non employeuse', 'Not an employer', null, null),
  band('00', '0 salarié', '0 employees', 0, 0),
  band('01', '1 ou 2 salariés', '1 or 2 employees', 1, 2),
  band('02', '3 à 5 salariés', '3 to 5 employees', 3, 5),
  band('03', '6 à 9 salariés', '6 to 9 employees', 6, 9),
  band('11', '10 à 19 salariés', '10 to 19 employees', 10, 19),
  band('12', '20 à 49 salariés', '20 to 49 employees', 20, 49),
  band('21', '50 à 99 salariés', '50 to 99 employees', 50, 99),
  band('22', '100 à 199 salariés', '100 to 199 employees', 100, 199),
  band('31', '200 à 249 salariés', '200 to 249 employees', 200, 249),
  band('32', '250 à 499 salariés', '250 to 499 employees', 250, 499),
  band('41', '500 à 999 salariés', '500 to 999 employees', 500, 999),
  band('42', '1 000 à 1 999 salariés', '1,000 to 1,999 employees', 1000, 1999),
  band('51', '2 000 à 4 999 salariés', '2,000 to 4,999 employees', 2000, 4999),
  band('52', '5 000 à 9 999 salariés', '5,000 to 9,999 employees', 5000, 9999),
  band('53', '10 000 salariés et plus', '10,000 employees or more', 10000, null),
];

export function findHeadcountBand(code: string): HeadcountBand | null {
  return HEADCOUNT_BANDS.find((b) => b.code === code) ?? null;
}

export interface LegalForm {
  code: string;
  label: string;
}

/**
 * Not the full list (about 260 codes): the forms a business network meets. Single-member
 * companies have no code of their own since the 2022 nomenclature (EURL → 5499, SASU → 5710).
 */
export const LEGAL_FORMS: readonly LegalForm[] = [
  ['1000', 'Entrepreneur individuel'],
  ['2110', 'Indivision entre personnes physiques'],
  ['2210', 'Société créée de fait entre personnes physiques'],
  ['2310', 'Société en participation entre personnes physiques'],
  ['2385', 'Société en participation de professions libérales'],
  ['3120', 'Société commerciale étrangère immatriculée au RCS'],
  ['4110', "Établissement public national à caractère industriel ou commercial doté d'un comptable public"],
  ['4140', 'Établissement public local à caractère industriel ou commercial'],
  ['5202', 'Société en nom collectif'],
  ['5306', 'Société en commandite simple'],
  ['5308', 'Société en commandite par actions'],
  ['5385', "Société d'exercice libéral en commandite par actions"],
  ['5458', 'SARL coopérative de production (SCOP)'],
  ['5485', "Société d'exercice libéral à responsabilité limitée"],
  ['5499', 'Société à responsabilité limitée (sans autre indication)'],
  ['5515', "SA d'économie mixte à conseil d'administration"],
  ['5558', "SA coopérative de production (SCOP) à conseil d'administration"],
  ['5585', "Société d'exercice libéral à forme anonyme à conseil d'administration"],
  ['5599', "SA à conseil d'administration (s.a.i.)"],
  ['5699', 'SA à directoire (s.a.i.)'],
  ['5710', 'SAS, société par actions simplifiée'],
  ['5785', "Société d'exercice libéral par action simplifiée"],
  ['5800', 'Société européenne'],
  ['6210', "Groupement européen d'intérêt économique (GEIE)"],
  ['6220', "Groupement d'intérêt économique (GIE)"],
  ['6316', "Coopérative d'utilisation de matériel agricole en commun (CUMA)"],
  ['6317', 'Société coopérative agricole'],
  ['6533', "Groupement agricole d'exploitation en commun (GAEC)"],
  ['6534', 'Groupement foncier agricole'],
  ['6536', 'Groupement forestier'],
  ['6540', 'Société civile immobilière'],
  ['6585', 'Autre société civile professionnelle'],
  ['6589', 'Société civile de moyens'],
  ['6597', "Société civile d'exploitation agricole"],
  ['6598', 'Exploitation agricole à responsabilité limitée'],
  ['6599', 'Autre société civile'],
  ['7210', 'Commune et commune nouvelle'],
  ['7220', 'Département'],
  ['7230', 'Région'],
  ['7343', 'Communauté urbaine'],
  ['7344', 'Métropole'],
  ['7346', 'Communauté de communes'],
  ['7348', "Communauté d'agglomération"],
  ['7381', 'Organisme consulaire'],
  ['7389', 'Établissement public national à caractère administratif'],
  ['7410', "Groupement d'intérêt public (GIP)"],
  ['8210', 'Mutuelle'],
  ['8410', 'Syndicat de salariés'],
  ['8420', 'Syndicat patronal'],
  ['9220', 'Association déclarée'],
  ['9221', "Association déclarée d'insertion par l'économique"],
  ['9223', "Groupement d'employeurs"],
  ['9230', "Association déclarée, reconnue d'utilité publique"],
  ['9260', 'Association de droit local (Bas-Rhin, Haut-Rhin et Moselle)'],
  ['9300', 'Fondation'],
].map(([code, label]) => ({ code, label }));

export function findLegalForm(code: string): LegalForm | null {
  return LEGAL_FORMS.find((f) => f.code === code) ?? null;
}
