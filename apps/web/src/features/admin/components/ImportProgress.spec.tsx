import { screen, within } from '@testing-library/react';
import type { DirectoryImport } from '@maillage/contracts';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders } from '../../../test/render';
import { ImportProgress } from './ImportProgress';

const base: DirectoryImport = {
  id: '22222222-2222-4222-8222-222222222222',
  status: 'running',
  fileName: 'StockEtablissement_utf8.csv',
  bytesTotal: 8 * 1024 * 1024,
  bytesRead: 2 * 1024 * 1024,
  linesRead: 12000,
  imported: 11000,
  created: 10000,
  updated: 1000,
  skippedClosed: 900,
  rejectedCount: 100,
  error: null,
  startedBy: { id: '11111111-1111-4111-8111-111111111111', name: 'Ada Lovelace' },
  createdAt: '2026-11-26T09:00:00.000Z',
  startedAt: '2026-11-26T09:00:01.000Z',
  finishedAt: null,
  rejected: [
    { line: 12, reason: 'invalid SIRET "1"' },
    { line: 3, reason: 'unknown commune "99999"' },
  ],
  rejectedKept: 100,
};

// getByText collapses white space (the narrow no-break space of French numbers included).
/** The value next to a counter's label (as written). */
const figure = (label: string) => screen.getByText(label).nextElementSibling?.textContent;

describe('an import, as it runs and once finished', () => {
  beforeEach(() => i18n.changeLanguage('fr'));

  it('shows the share of the file read and the counters while running', () => {
    renderWithProviders(<ImportProgress item={base} />);
    const bar = screen.getByRole('progressbar', { name: "Progression de l'import de StockEtablissement_utf8.csv" });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByText('En cours')).toBeInTheDocument();
    expect(screen.getByText(/^25 % — 2 Mo lus sur 8 Mo$/)).toBeInTheDocument();
    expect(figure('Lignes lues')).toBe('12\u202f000');
    expect(figure('Importées')).toBe('11\u202f000');
    expect(screen.getByText('10 000 créée(s), 1 000 mise(s) à jour')).toBeInTheDocument();
    expect(screen.queryByText('Import terminé')).not.toBeInTheDocument();
  });

  it('summarises a finished import and lists the first refused lines in file order', () => {
    renderWithProviders(
      <ImportProgress
        item={{ ...base, status: 'done', bytesRead: base.bytesTotal, finishedAt: '2026-11-26T09:10:00.000Z', rejectedCount: 250 }}
      />,
    );
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByText('11 000 établissement(s) importé(s), 250 ligne(s) refusée(s).')).toBeInTheDocument();
    expect(screen.getByText('Les 2 premières sur 250.')).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'LigneRaison',
      '3Commune inconnue «\u00a099999\u00a0»',
      '12SIRET non valide «\u00a01\u00a0»',
    ]);
  });

  it('explains an import interrupted by a restart', () => {
    renderWithProviders(
      <ImportProgress item={{ ...base, status: 'failed', error: 'interrupted', finishedAt: '2026-11-26T09:10:00.000Z' }} />,
    );
    expect(screen.getByText("L'import a échoué")).toBeInTheDocument();
    expect(screen.getByText(/Interrompu : le serveur a redémarré/)).toBeInTheDocument();
  });
});
