import { fireEvent, screen } from '@testing-library/react';
import { ApiRequestError } from '../../../lib/api';
import { renderWithProviders } from '../../../test/render';
import { notificationsApi } from '../api/notifications.api';
import { UnsubscribeConfirm } from './UnsubscribeConfirm';

jest.mock('../api/notifications.api', () => ({
  ...jest.requireActual('../api/notifications.api'),
  notificationsApi: { unsubscribePreview: jest.fn(), unsubscribe: jest.fn() },
}));
const mocked = notificationsApi as jest.Mocked<typeof notificationsApi>;

beforeEach(() => jest.resetAllMocks());

describe('UnsubscribeConfirm', () => {
  it('says what the link turns off and changes nothing until confirmed', async () => {
    mocked.unsubscribePreview.mockResolvedValue({ scope: 'forum.mention' });
    mocked.unsubscribe.mockResolvedValue({
      scope: 'forum.mention',
      channel: 'off',
      message: 'Vous ne recevrez plus de notifications : mentions.',
    });
    renderWithProviders(<UnsubscribeConfirm token="tok.en" />);

    expect(await screen.findByText(/Ne plus recevoir les notifications « Mentions dans les forums »/)).toBeInTheDocument();
    expect(mocked.unsubscribePreview).toHaveBeenCalledWith('tok.en', expect.anything());
    expect(mocked.unsubscribe).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Confirmer le désabonnement' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Vous ne recevrez plus de notifications : mentions.');
    expect(mocked.unsubscribe).toHaveBeenCalledWith('tok.en');
    expect(screen.getByRole('link', { name: 'Préférences de notification' })).toHaveAttribute('href', '/notifications/preferences');
  });

  it('explains the digest link, and shows an invalid link as such', async () => {
    mocked.unsubscribePreview.mockResolvedValueOnce({ scope: 'digest' });
    const { unmount } = renderWithProviders(<UnsubscribeConfirm token="d" />);
    expect(await screen.findByText(/résumé quotidien/)).toBeInTheDocument();
    unmount();

    mocked.unsubscribePreview.mockRejectedValueOnce(
      new ApiRequestError(400, { code: 'INVALID_TOKEN', message: 'invalid', correlationId: 'c' }),
    );
    renderWithProviders(<UnsubscribeConfirm token="bad" />);
    expect(await screen.findByText("Ce lien n'est pas valide ou a expiré.")).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Confirmer le désabonnement' })).not.toBeInTheDocument();
  });
});
