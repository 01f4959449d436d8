import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ActionPlan, PlanAction, PlanIndicator } from '@maillage/contracts';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders, testUser } from '../../../test/render';
import { steeringApi } from '../api/steering.api';
import { PlanActions } from './PlanActions';
import { PlanIndicators } from './PlanIndicators';

jest.mock('../api/steering.api', () => ({
  ...jest.requireActual('../api/steering.api'),
  steeringApi: { updateAction: jest.fn(), addAction: jest.fn(), addEntry: jest.fn(), networkEvents: jest.fn() },
}));
const api = steeringApi as jest.Mocked<typeof steeringApi>;

const action: PlanAction = {
  id: 'a1',
  title: 'Soirée de rentrée',
  description: null,
  objectiveId: 'o1',
  owner: 'Claire Dubois',
  startDate: '2026-09-01',
  dueDate: '2026-09-30',
  budgetPlanned: 1500,
  budgetSpent: 200,
  status: 'planned',
  late: true,
  events: [],
  updatedAt: '2026-09-01T08:00:00Z',
};
const manual: PlanIndicator = {
  id: 'i1',
  label: 'Satisfaction des adhérents',
  unit: '%',
  target: 80,
  source: 'manual',
  objectiveId: null,
  actual: null,
  progress: null,
  entries: [],
};
const plan: ActionPlan = {
  id: 'p1',
  networkId: 'n1',
  year: 2026,
  title: 'Plan d’action 2026',
  status: 'active',
  progress: { indicators: null, actionsDone: 0, actionsTotal: 1, actionsLate: 1, budgetPlanned: 1500, budgetSpent: 200 },
  updatedAt: '2026-09-01T08:00:00Z',
  summary: null,
  network: { id: 'n1', name: 'Club du Forez', slug: 'club-du-forez' },
  period: { from: '2026-01-01', to: '2026-12-31' },
  objectives: [{ id: 'o1', title: 'Fidéliser les adhérents', description: null, position: 0 }],
  actions: [action],
  indicators: [manual],
  createdAt: '2026-01-05T08:00:00Z',
  canEdit: true,
};

describe('an action plan', () => {
  beforeEach(async () => {
    jest.resetAllMocks();
    api.networkEvents.mockResolvedValue([]);
    await i18n.changeLanguage('fr');
  });

  it('marks an action done from its status, and shows it late until then', async () => {
    api.updateAction.mockResolvedValue({ ...plan, actions: [{ ...action, status: 'done', late: false }] });
    renderWithProviders(<PlanActions plan={plan} />, { user: testUser });
    const objective = screen.getByRole('region', { name: 'Objectif : Fidéliser les adhérents' });
    expect(within(objective).getByText('En retard')).toBeInTheDocument();
    fireEvent.click(within(objective).getByLabelText('Statut de « Soirée de rentrée »'));
    fireEvent.click(await screen.findByRole('option', { name: 'Faite' }));
    await waitFor(() => expect(api.updateAction).toHaveBeenCalledWith('a1', { status: 'done' }));
  });

  it('refuses a due date before the start without asking the API', async () => {
    renderWithProviders(<PlanActions plan={plan} />, { user: testUser });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une action à « Fidéliser les adhérents »' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle action' });
    fireEvent.change(within(dialog).getByLabelText('Action', { exact: false }), { target: { value: 'Visite d’entreprise' } });
    fireEvent.change(within(dialog).getByLabelText('Début'), { target: { value: '2026-05-10' } });
    fireEvent.change(within(dialog).getByLabelText('Échéance'), { target: { value: '2026-05-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ajouter une action' }));
    expect(await within(dialog).findByText('L’échéance ne peut précéder le début.')).toBeInTheDocument();
    expect(api.addAction).not.toHaveBeenCalled();
  });

  it('records a value typed by hand with its date and comment, never a future date', async () => {
    api.addEntry.mockResolvedValue({ ...plan, indicators: [{ ...manual, actual: 72, progress: 0.9 }] });
    renderWithProviders(<PlanIndicators plan={plan} />, { user: testUser });
    fireEvent.click(screen.getByRole('button', { name: 'Saisir une valeur pour « Satisfaction des adhérents »' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle valeur : Satisfaction des adhérents' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Valeur/ }), { target: { value: '72' } });
    fireEvent.change(within(dialog).getByLabelText(/^Date/), { target: { value: '2999-01-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la valeur' }));
    expect(await within(dialog).findByText('La date ne peut pas être dans le futur.')).toBeInTheDocument();
    expect(api.addEntry).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByLabelText(/^Date/), { target: { value: '2026-06-30' } });
    fireEvent.change(within(dialog).getByLabelText('Commentaire'), { target: { value: 'Enquête de juin' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la valeur' }));
    await waitFor(() => expect(api.addEntry).toHaveBeenCalledWith('i1', { value: 72, date: '2026-06-30', comment: 'Enquête de juin' }));
  });
});
