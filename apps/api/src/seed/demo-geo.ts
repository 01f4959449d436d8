/**
 * The towns of the demo data set (Auvergne-Rhône-Alpes): INSEE code, centre latitude and longitude
 * (WGS-84, from the INSEE/IGN open data), and a weight for how many demo companies settle there.
 * The demo needs maps to work out of the box; real deployments import every commune with
 * `npm run import:geo`.
 */
export const DEMO_TOWNS: readonly [code: string, lat: number, lng: number, weight: number][] = [
  ['42218', 45.4241, 4.3665, 14], // Saint-Étienne
  ['69123', 45.7578, 4.8351, 14], // Lyon
  ['38185', 45.1842, 5.7155, 8], // Grenoble
  ['69266', 45.7719, 4.8898, 5], // Villeurbanne
  ['63113', 45.7871, 3.1127, 6], // Clermont-Ferrand
  ['74010', 45.9023, 6.1264, 4], // Annecy
  ['69259', 45.7012, 4.8805, 3], // Vénissieux
  ['26362', 44.9234, 4.9164, 3], // Valence
  ['73065', 45.5822, 5.9064, 3], // Chambéry
  ['69256', 45.7775, 4.925, 2], // Vaulx-en-Velin
  ['69290', 45.7014, 4.9474, 3], // Saint-Priest
  ['69034', 45.7986, 4.8494, 2], // Caluire-et-Cuire
  ['69029', 45.7355, 4.9116, 2], // Bron
  ['01053', 46.2027, 5.2469, 3], // Bourg-en-Bresse
  ['26198', 44.5545, 4.7454, 2], // Montélimar
  ['38421', 45.1782, 5.7646, 2], // Saint-Martin-d'Hères
  ['74012', 46.189, 6.2476, 2], // Annemasse
  ['74281', 46.3745, 6.4775, 2], // Thonon-les-Bains
  ['38151', 45.1441, 5.7148, 2], // Échirolles
  ['69264', 45.9837, 4.726, 2], // Villefranche-sur-Saône
  ['69282', 45.7785, 5.0114, 2], // Meyzieu
  ['42207', 45.4687, 4.5082, 4], // Saint-Chamond
  ['42187', 46.0443, 4.0797, 5], // Roanne
  ['43157', 45.0283, 3.8973, 2], // Le Puy-en-Velay
  ['42095', 45.3826, 4.2895, 3], // Firminy
  ['42147', 45.6016, 4.0719, 3], // Montbrison
  ['42279', 45.4919, 4.2464, 2], // Saint-Just-Saint-Rambert
  ['42186', 45.5211, 4.6175, 2], // Rive-de-Gier
  ['42044', 45.391, 4.3375, 2], // Le Chambon-Feugerolles
  ['42184', 46.0421, 4.0377, 2], // Riorges
  ['42005', 45.5352, 4.2773, 3], // Andrézieux-Bouthéon
];
