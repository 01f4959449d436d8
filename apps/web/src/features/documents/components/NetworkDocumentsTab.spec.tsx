import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DocumentDetail, DocumentItem, DocumentLibrary } from '@maillage/contracts';
import { ApiRequestError } from '../../../lib/api';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders, testUser } from '../../../test/render';
import { documentsApi } from '../api/documents.api';
import { formatBytes } from '../hooks/files';
import NetworkDocumentsTab from './NetworkDocumentsTab';

jest.mock('../api/documents.api', () => ({
  ...jest.requireActual('../api/documents.api'),
  documentsApi: { library: jest.fn(), search: jest.fn(), document: jest.fn(), restore: jest.fn(), upload: jest.fn() },
}));
const api = documentsApi as jest.Mocked<typeof documentsApi>;

const version = {
  number: 2,
  fileName: 'charte.pdf',
  mimeType: 'application/pdf',
  size: 2_600_000,
  author: { id: 'p1', firstName: 'Ada', lastName: 'Lovelace' },
  createdAt: '2026-11-26T09:30:00Z',
  restoredFrom: null,
  preview: 'pdf' as const,
};
const doc: DocumentItem = {
  id: 'd1',
  networkId: 'n1',
  folderId: null,
  title: 'Charte du club',
  description: 'Version adoptée',
  current: version,
  versionCount: 2,
  author: version.author,
  createdAt: '2026-11-20T09:30:00Z',
  updatedAt: '2026-11-26T09:30:00Z',
  canEdit: false,
};
const library = (change: Partial<DocumentLibrary> = {}): DocumentLibrary => ({
  networkId: 'n1',
  folder: null,
  breadcrumbs: [],
  folders: [
    { id: 'f1', networkId: 'n1', parentId: null, name: 'Bureau', animatorsOnly: true, itemCount: 3, createdAt: '2026-11-20T09:30:00Z' },
  ],
  documents: [doc],
  rights: { write: true, manage: false },
  maxBytes: 25 * 1024 * 1024,
  ...change,
});

describe('network document library', () => {
  beforeEach(async () => {
    jest.resetAllMocks();
    await i18n.changeLanguage('fr');
  });

  it('lists folders and documents with size, version, Paris time and author, and a download link', async () => {
    api.library.mockResolvedValue(library());
    renderWithProviders(<NetworkDocumentsTab networkId="n1" />, { user: testUser });
    const table = await screen.findByRole('table', { name: 'Dossiers et documents' });
    expect(within(table).getByRole('button', { name: 'Ouvrir le dossier « Bureau »' })).toBeInTheDocument();
    expect(within(table).getByText('Réservé aux animateurs')).toBeInTheDocument();
    expect(within(table).getByText('3 éléments')).toBeInTheDocument();
    expect(within(table).getByText('2,5 Mo')).toBeInTheDocument();
    expect(within(table).getByText('v2')).toBeInTheDocument();
    // 09:30 UTC is 10:30 in Paris in November.
    expect(within(table).getByText('26/11/2026 10:30')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Télécharger « Charte du club »' })).toHaveAttribute(
      'href',
      '/api/v1/documents/d1/versions/2/download',
    );
    expect(screen.getByRole('button', { name: 'Ajouter des documents' })).toBeInTheDocument();
    expect(api.library).toHaveBeenCalledWith('n1', null);
  });

  it('offers no upload to readers and says when a folder is empty', async () => {
    api.library.mockResolvedValue(library({ folders: [], documents: [], rights: { write: false, manage: false } }));
    renderWithProviders(<NetworkDocumentsTab networkId="n1" />);
    expect(await screen.findByText('Ce dossier est vide')).toBeInTheDocument();
    expect(screen.getByText('Aucun document n’a encore été partagé ici.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ajouter des documents' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nouveau dossier' })).not.toBeInTheDocument();
  });

  it('tells non-members that the library is for members', async () => {
    api.library.mockRejectedValue(new ApiRequestError(404, { code: 'NOT_FOUND', message: 'Library not found' }));
    renderWithProviders(<NetworkDocumentsTab networkId="n1" />, { user: testUser });
    expect(await screen.findByText('La bibliothèque de ce réseau est réservée à ses membres.')).toBeInTheDocument();
  });

  it('opens a folder from the address and shows its breadcrumbs', async () => {
    api.library.mockResolvedValue(
      library({
        folder: {
          id: 'f2',
          networkId: 'n1',
          parentId: 'f1',
          name: '2026',
          animatorsOnly: false,
          itemCount: 1,
          createdAt: '2026-11-20T09:30:00Z',
        },
        breadcrumbs: [{ id: 'f1', name: 'Comptes rendus' }],
        folders: [],
      }),
    );
    renderWithProviders(<NetworkDocumentsTab networkId="n1" />, { route: '/reseaux/n1/documents?dossier=f2' });
    const trail = await screen.findByRole('navigation', { name: 'Emplacement dans la bibliothèque' });
    expect(within(trail).getByRole('button', { name: 'Bibliothèque' })).toBeInTheDocument();
    expect(within(trail).getByRole('button', { name: 'Comptes rendus' })).toBeInTheDocument();
    expect(within(trail).getByText('2026')).toHaveAttribute('aria-current', 'page');
    expect(api.library).toHaveBeenCalledWith('n1', 'f2');
  });

  it('searches the library through the API and shows the highlighted hits', async () => {
    api.library.mockResolvedValue(library());
    api.search.mockResolvedValue({
      items: [
        {
          id: 'd1',
          title: 'Charte du club',
          highlights: { title: '<mark>Charte</mark> du club' },
          folderId: null,
          fileName: 'charte.pdf',
          mimeType: 'application/pdf',
          updatedAt: '2026-11-26T09:30:00Z',
        },
      ],
      total: 1,
    });
    renderWithProviders(<NetworkDocumentsTab networkId="n1" />, { user: testUser });
    fireEvent.change(await screen.findByRole('searchbox', { name: 'Rechercher dans la bibliothèque' }), { target: { value: 'charte' } });
    const results = await screen.findByRole('list', { name: '1 document trouvé' });
    expect(within(results).getByText('Charte', { selector: 'mark' })).toBeInTheDocument();
    await waitFor(() => expect(api.search).toHaveBeenCalledWith('n1', 'charte', expect.anything()));
  });

  it('shows a document’s history with restore for writers', async () => {
    api.library.mockResolvedValue(library());
    const detail: DocumentDetail = { ...doc, versions: [version, { ...version, number: 1, fileName: 'charte-v1.pdf' }] };
    api.document.mockResolvedValue(detail);
    api.restore.mockResolvedValue({ ...detail, versionCount: 3 });
    renderWithProviders(<NetworkDocumentsTab networkId="n1" />, { user: testUser, route: '/reseaux/n1/documents?document=d1' });
    const dialog = await screen.findByRole('dialog', { name: 'Charte du club' });
    expect(await within(dialog).findByText('Historique (2 versions)')).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Restaurer la version 2' })).not.toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restaurer la version 1' }));
    await waitFor(() => expect(api.restore).toHaveBeenCalledWith('d1', 1));
  });
});

describe('formatBytes', () => {
  it.each([
    [512, 'fr', '512 o'],
    [2_600_000, 'fr', '2,5 Mo'],
    [26_214_400, 'fr', '25 Mo'],
    [1536, 'en', '1.5 kB'],
  ])('%i (%s) → %s', (size, locale, expected) => {
    expect(formatBytes(size, locale).replace(/\s/g, ' ')).toBe(expected);
  });
});
