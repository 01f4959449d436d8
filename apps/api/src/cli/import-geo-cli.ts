import { importCommuneGeo } from '../modules/directory/directory.imports';
import { runImport } from './run-import';

/** `npm run import:geo -- communes.csv` (columns insee_com, lat, lng, …). */
runImport('import:geo', importCommuneGeo).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
