import { importSirene } from './directory.imports';
import { runImport } from './import-cli';

/** `npm run import:sirene -- StockEtablissement.csv` (INSEE's published format). */
runImport('import:sirene', importSirene).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
