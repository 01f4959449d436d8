import { importSirene } from '../modules/directory/directory.imports';
import { runImport } from './run-import';

/** `npm run import:sirene -- StockEtablissement.csv` (INSEE's published format). */
runImport('import:sirene', importSirene).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
