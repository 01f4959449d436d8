import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import type { SearchHit, SearchSuggestResponse } from '@maillage/contracts';
import { renderWithProviders } from '../../../test/render';
import { searchApi } from '../api/search.api';
import SearchBox from './SearchBox';

jest.mock('../api/search.api', () => ({
  ...jest.requireActual('../api/search.api'),
  searchApi: { suggest: jest.fn(), search: jest.fn() },
}));
const suggest = searchApi.suggest as jest.MockedFunction<typeof searchApi.suggest>;

const hit = (kind: SearchHit['kind'], id: string, title: string, highlight: string, data: Record<string, unknown> = {}): SearchHit => ({
  kind,
  id,
  title,
  highlights: { title: highlight },
  data,
  location: null,
  distanceKm: null,
});

const ANSWER: SearchSuggestResponse = {
  groups: [
    {
      kind: 'company',
      items: [
        hit('company', 'c1', 'Usinage du Forez', '<mark>Usinage</mark> du Forez', {
          nafLabel: 'Mécanique industrielle',
          communeName: 'Saint-Étienne',
        }),
        hit('company', 'c2', 'Méca Loire', 'Méca Loire &lt;img src=x onerror=alert(1)&gt;'),
      ],
    },
    { kind: 'expert', items: [hit('expert', 'p1', 'Camille Martin', 'Camille Martin', { jobTitle: 'Experte usinage' })] },
  ],
};

function Where() {
  const location = useLocation();
  return <output data-testid="where">{`${location.pathname}${location.search}`}</output>;
}

function setup() {
  renderWithProviders(
    <>
      <SearchBox />
      <Routes>
        <Route path="*" element={<Where />} />
      </Routes>
    </>,
  );
  return screen.getByRole('combobox', { name: 'Rechercher des entreprises, des experts, des réseaux' });
}

const key = (input: HTMLElement, name: string) => fireEvent.keyDown(input, { key: name, code: name });

describe('header search box', () => {
  beforeEach(() => {
    suggest.mockReset();
    suggest.mockResolvedValue(ANSWER);
  });

  it('suggests as you type, grouped by kind, with safe highlights', async () => {
    const input = setup();
    fireEvent.change(input, { target: { value: 'usinnage' } });
    const companies = await screen.findByRole('group', { name: 'Entreprises' });
    expect(screen.getByRole('group', { name: 'Experts' })).toBeInTheDocument();
    expect(suggest).toHaveBeenCalledTimes(1);
    expect(suggest).toHaveBeenCalledWith('usinnage', expect.anything());
    expect(companies.querySelector('mark')?.textContent).toBe('Usinage');
    expect(companies.querySelector('img')).toBeNull();
    expect(screen.getByRole('option', { name: /Méca Loire <img src=x onerror=alert\(1\)>/ })).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-expanded', 'true');
  });

  it('moves through the suggestions with the arrows and opens the chosen one with Enter', async () => {
    const input = setup();
    fireEvent.change(input, { target: { value: 'usin' } });
    await screen.findByRole('option', { name: /Usinage du Forez/ });
    // The chosen option is announced through aria-activedescendant (the focus stays in the box).
    const chosen = (name: RegExp) => {
      const option = screen.getByRole('option', { name });
      expect(option).toHaveAttribute('data-combobox-selected', 'true');
      expect(input).toHaveAttribute('aria-activedescendant', option.id);
    };
    key(input, 'ArrowDown');
    chosen(/Usinage du Forez/);
    key(input, 'ArrowDown');
    chosen(/Méca Loire/);
    key(input, 'ArrowUp');
    chosen(/Usinage du Forez/);
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    chosen(/Camille Martin/);
    key(input, 'Enter');
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/personnes/p1'));
    expect(input).toHaveValue('');
  });

  it('opens the full results page with Enter when no suggestion is chosen, and closes with Escape', async () => {
    const input = setup();
    fireEvent.change(input, { target: { value: 'inox loire' } });
    await screen.findByRole('option', { name: /Usinage du Forez/ });
    key(input, 'Escape');
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
    key(input, 'Enter');
    expect(screen.getByTestId('where')).toHaveTextContent('/recherche?q=inox+loire');
  });

  it('asks nothing for a single letter, and offers the full results as the last option', async () => {
    const input = setup();
    fireEvent.change(input, { target: { value: 'u' } });
    expect(await screen.findByText('Tapez au moins 2 caractères.')).toBeInTheDocument();
    fireEvent.change(input, { target: { value: 'us' } });
    const all = await screen.findByRole('option', { name: 'Voir tous les résultats pour « us »' });
    await screen.findByRole('option', { name: /Usinage du Forez/ });
    expect(suggest).toHaveBeenCalledTimes(1);
    fireEvent.click(all);
    expect(screen.getByTestId('where')).toHaveTextContent('/recherche?q=us');
  });
});
