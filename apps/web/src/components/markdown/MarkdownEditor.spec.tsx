import { useState } from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { forumMentionMarkdown } from '@maillage/contracts';
import { renderWithProviders } from '../../test/render';
import { MarkdownEditor, type MentionCandidate, type MentionSource } from './MarkdownEditor';

const PEOPLE: MentionCandidate[] = [
  { id: 'p1', label: 'Claire Dubois', detail: 'CCI Lyon' },
  { id: 'p2', label: 'Clarisse Martin', detail: 'Usinage du Forez' },
  { id: 'p3', label: 'Claude Petit', detail: null },
];

function setup() {
  const search = jest.fn<Promise<MentionCandidate[]>, [string, AbortSignal]>(async (q) =>
    PEOPLE.filter((p) => p.label.toLowerCase().includes(q.toLowerCase())),
  );
  const source: MentionSource = { scope: 'network-1', search, markup: (p) => forumMentionMarkdown(p.id, p.label) };
  function Harness() {
    const [value, setValue] = useState('');
    return (
      <>
        <MarkdownEditor label="Votre réponse" value={value} onChange={setValue} mentions={source} />
        <pre data-testid="sent">{value}</pre>
      </>
    );
  }
  renderWithProviders(<Harness />);
  const textarea = screen.getByRole('textbox', { name: 'Votre réponse' }) as HTMLTextAreaElement;
  /** What the composer hands to its form (what the API receives). */
  const sent = () => screen.getByTestId('sent').textContent;
  return { textarea, search, sent };
}

/** Types `value` with the caret at its end, as a person would. */
function type(textarea: HTMLTextAreaElement, value: string) {
  fireEvent.change(textarea, { target: { value, selectionStart: value.length, selectionEnd: value.length } });
}

const key = (node: HTMLElement, name: string) => fireEvent.keyDown(node, { key: name, code: name });

/** The suggestion currently announced through aria-activedescendant. */
function active(textarea: HTMLTextAreaElement): HTMLElement | null {
  const id = textarea.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
}

describe('forum composer', () => {
  it('suggests members after @, moves with the arrows and inserts the chosen one with Enter', async () => {
    const { textarea, search, sent } = setup();
    type(textarea, 'Bonjour @cla');
    await screen.findByRole('option', { name: /Claude Petit/ });
    expect(search).toHaveBeenLastCalledWith('cla', expect.anything());
    expect(screen.getByRole('listbox', { name: 'Membres à mentionner' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('3 membres suggérés');
    // The first suggestion is ready; the focus stays in the text (aria-activedescendant).
    await waitFor(() => expect(active(textarea)).toHaveTextContent('Claire Dubois'));
    expect(textarea).toHaveAttribute('aria-controls', screen.getByRole('listbox').id);

    key(textarea, 'ArrowDown');
    expect(active(textarea)).toHaveTextContent('Clarisse Martin');
    key(textarea, 'ArrowDown');
    expect(active(textarea)).toHaveTextContent('Claude Petit');
    key(textarea, 'ArrowUp');
    expect(active(textarea)).toHaveTextContent('Clarisse Martin');
    key(textarea, 'Enter');

    // The text shows the name; the form receives the mention's markup, which the server resolves.
    await waitFor(() => expect(textarea).toHaveValue('Bonjour @Clarisse Martin '));
    expect(sent()).toBe('Bonjour @[Clarisse Martin](person:p2) ');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(textarea).not.toHaveAttribute('aria-activedescendant');

    // Typing on keeps the mention; a name edited by hand becomes plain text.
    type(textarea, 'Bonjour @Clarisse Martin et merci');
    expect(sent()).toBe('Bonjour @[Clarisse Martin](person:p2) et merci');
    type(textarea, 'Bonjour @Clarisse Marti et merci');
    expect(sent()).toBe('Bonjour @Clarisse Marti et merci');
  });

  it('inserts with Tab too, and Escape closes the list without touching the text', async () => {
    const { textarea, search, sent } = setup();
    type(textarea, '@clau');
    await screen.findByRole('option', { name: /Claude Petit/ });
    key(textarea, 'Escape');
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
    expect(textarea).toHaveValue('@clau');

    type(textarea, '@claud');
    await waitFor(() => expect(search).toHaveBeenLastCalledWith('claud', expect.anything()));
    await screen.findByRole('option', { name: /Claude Petit/ });
    await waitFor(() => expect(active(textarea)).toHaveTextContent('Claude Petit'));
    key(textarea, 'Tab');
    await waitFor(() => expect(textarea).toHaveValue('@Claude Petit '));
    expect(sent()).toBe('@[Claude Petit](person:p3) ');
  });

  it('leaves Enter and the arrows to the text when nothing is suggested', async () => {
    const { textarea, search } = setup();
    type(textarea, 'une adresse@exemple');
    key(textarea, 'ArrowDown');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(search).not.toHaveBeenCalled();
  });

  it('formats the selection from the toolbar', async () => {
    const { textarea } = setup();
    type(textarea, 'important');
    textarea.setSelectionRange(0, 9);
    fireEvent.click(screen.getByRole('button', { name: 'Gras' }));
    expect(textarea).toHaveValue('**important**');
  });
});
