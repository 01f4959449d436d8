import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { MessageAttachment } from '@maillage/contracts';
import { renderWithProviders, testUser } from '../../../test/render';
import { messagingApi } from '../api/messaging.api';
import { MessageComposer, TOUCH_ONLY } from './MessageComposer';

jest.mock('../api/messaging.api', () => ({
  ...jest.requireActual('../api/messaging.api'),
  messagingApi: { upload: jest.fn() },
}));
const mocked = messagingApi as jest.Mocked<typeof messagingApi>;

const PLAN: MessageAttachment = {
  id: 'a1',
  name: 'plan.pdf',
  mimeType: 'application/pdf',
  size: 1200,
  url: '/api/v1/messaging/attachments/a1',
};

function setup() {
  const onSend = jest.fn();
  const onTyping = jest.fn();
  renderWithProviders(<MessageComposer conversationId="c1" onSend={onSend} onTyping={onTyping} />, { user: testUser });
  return {
    onSend,
    onTyping,
    box: screen.getByRole('textbox', { name: 'Votre message' }),
    send: screen.getByRole('button', { name: 'Envoyer' }),
  };
}

describe('message composer', () => {
  beforeEach(() => jest.clearAllMocks());

  it('sends the trimmed text on Enter, keeps Shift+Enter for a new line, and signals typing', () => {
    const { onSend, onTyping, box, send } = setup();
    expect(send).toBeDisabled();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();

    fireEvent.change(box, { target: { value: '   ' } });
    expect(onTyping).not.toHaveBeenCalled();
    expect(send).toBeDisabled();

    fireEvent.change(box, { target: { value: '  **Bonjour**\nà demain  ' } });
    expect(onTyping).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    expect(box).toHaveAccessibleDescription(/Entrée pour envoyer/);

    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('**Bonjour**\nà demain', []);
    expect(box).toHaveValue('');
    expect(send).toBeDisabled();
  });

  it('uploads attachments at once and sends them with the message (or alone)', async () => {
    mocked.upload.mockResolvedValue(PLAN);
    const { onSend, send } = setup();
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['%PDF-1.4'], 'plan.pdf', { type: 'application/pdf' });
    await act(async () => void fireEvent.change(input, { target: { files: [file] } }));
    await waitFor(() => expect(mocked.upload).toHaveBeenCalledWith('c1', file));
    const list = await screen.findByRole('list', { name: 'Fichiers à envoyer' });
    expect(list).toHaveTextContent('plan.pdf');

    fireEvent.click(screen.getByRole('button', { name: 'Retirer plan.pdf' }));
    expect(screen.queryByRole('list', { name: 'Fichiers à envoyer' })).not.toBeInTheDocument();
    expect(send).toBeDisabled();

    await act(async () => void fireEvent.change(input, { target: { files: [file] } }));
    await screen.findByRole('list', { name: 'Fichiers à envoyer' });
    expect(send).toBeEnabled();
    fireEvent.click(send);
    expect(onSend).toHaveBeenCalledWith('', [PLAN]);
    expect(screen.queryByRole('list', { name: 'Fichiers à envoyer' })).not.toBeInTheDocument();
  });

  it('says why an upload failed and sends nothing', async () => {
    mocked.upload.mockRejectedValue(new TypeError('Failed to fetch'));
    const { onSend, send } = setup();
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await act(async () => void fireEvent.change(input, { target: { files: [new File(['x'], 'a.png', { type: 'image/png' })] } }));
    expect(await screen.findByText(/réseau|connexion/i)).toBeInTheDocument();
    expect(send).toBeDisabled();
    expect(onSend).not.toHaveBeenCalled();
  });
  it('on a touch screen, lets Enter break the line and does not mention it: the button sends', () => {
    const original = window.matchMedia;
    window.matchMedia = ((query: string) => ({ ...original(query), matches: query === TOUCH_ONLY })) as typeof window.matchMedia;
    try {
      const { onSend, box, send } = setup();
      expect(box).not.toHaveAccessibleDescription(/Entrée/);
      expect(box).toHaveAccessibleDescription(/gras/);
      fireEvent.change(box, { target: { value: 'Bonjour' } });
      fireEvent.keyDown(box, { key: 'Enter' });
      expect(onSend).not.toHaveBeenCalled();
      fireEvent.click(send);
      expect(onSend).toHaveBeenCalledWith('Bonjour', []);
    } finally {
      window.matchMedia = original;
    }
  });
});
