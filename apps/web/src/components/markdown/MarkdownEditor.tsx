import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  ActionIcon,
  Avatar,
  Box,
  Combobox,
  Group,
  Loader,
  Stack,
  Tabs,
  Text,
  Textarea,
  Tooltip,
  Typography,
  VisuallyHidden,
  useCombobox,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBlockquote, IconBold, IconCode, IconItalic, IconLink, IconList } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SEARCH_DEBOUNCE_MS } from '../../config';
import {
  applyFormat,
  insertMention,
  mentionAt,
  MARKDOWN_FORMATS,
  toMentionDisplay,
  toMentionMarkup,
  type MarkdownFormat,
  type MentionMarkups,
  type MentionToken,
  type TextEdit,
} from './markdown';
import { renderPreview } from './preview';
import classes from './PostHtml.module.css';

/** Someone who can be mentioned, as the mention search answers. */
export interface MentionCandidate {
  id: string;
  label: string;
  detail?: string | null;
  photoUrl?: string | null;
}

export interface MentionSource {
  /** Cache key part identifying where people are searched (e.g. the network). */
  scope: string;
  search: (query: string, signal: AbortSignal) => Promise<MentionCandidate[]>;
  /** The text inserted for a chosen person (the API's mention syntax). */
  markup: (candidate: MentionCandidate) => string;
}

interface MarkdownEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  mentions?: MentionSource;
  error?: ReactNode;
  description?: ReactNode;
  maxLength?: number;
  minRows?: number;
  disabled?: boolean;
  /** Receives the textarea, e.g. to focus it after a quote. */
  textareaRef?: (node: HTMLTextAreaElement | null) => void;
}

const ICONS: Record<MarkdownFormat, typeof IconBold> = {
  bold: IconBold,
  italic: IconItalic,
  link: IconLink,
  quote: IconBlockquote,
  list: IconList,
  code: IconCode,
};

function Preview({ markdown }: { markdown: string }) {
  const { t } = useTranslation();
  const preview = useQuery({ queryKey: ['forums', 'preview', markdown], queryFn: () => renderPreview(markdown), staleTime: Infinity });
  if (!markdown.trim()) return <Text c="dimmed">{t('forums.editor.nothingToPreview')}</Text>;
  if (!preview.data) return <Loader size="sm" aria-label={t('common.loading')} />;
  // Local preview: markdown-it with html disabled (see renderPreview); the API sanitises what is published.
  return <Typography className={classes.content} dangerouslySetInnerHTML={{ __html: preview.data }} />;
}

/**
 * The forum composer: a textarea with a light Markdown toolbar, a preview tab, and @mention
 * suggestions. A chosen person shows as `@First Last` in the text; `value` and `onChange` carry the API's
 * mention markup (`@[First Last](person:…)`), so the server still knows who is meant. While suggestions are shown, the arrows move through them, Enter or Tab inserts the
 * chosen person and Escape closes the list; the textarea keeps the focus (aria-activedescendant).
 */
export function MarkdownEditor({
  label,
  value: markup,
  onChange: onMarkupChange,
  mentions,
  error,
  description,
  maxLength,
  minRows = 5,
  disabled,
  textareaRef,
}: MarkdownEditorProps) {
  const { t } = useTranslation();
  // Every mention met in this composer, by the name shown (kept across renders: a name typed again stays a mention).
  const known = useRef<MentionMarkups>(new Map()).current;
  const value = toMentionDisplay(markup, known);
  const onChange = (display: string) => onMarkupChange(toMentionMarkup(display, known));
  const inputId = useId();
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const [tab, setTab] = useState<string | null>('write');
  const [token, setToken] = useState<MentionToken | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const store = useCombobox({
    onDropdownClose: () => {
      store.resetSelectedOption();
      setActiveId(null);
    },
  });
  const [query] = useDebouncedValue(token?.query ?? '', SEARCH_DEBOUNCE_MS);
  const candidates = useQuery({
    queryKey: ['forums', 'mentions', mentions?.scope, query],
    queryFn: ({ signal }) => (mentions ? mentions.search(query, signal) : []),
    enabled: Boolean(mentions && query && token),
    staleTime: 30_000,
    // The list stays while the next letters are looked up (no flicker, no lost selection).
    placeholderData: keepPreviousData,
  });
  const people = token && query ? (candidates.data ?? []) : [];
  const open = Boolean(token) && people.length > 0;

  const shownIds = people.map((p) => p.id).join();
  useEffect(() => {
    if (open) {
      store.openDropdown();
      // The first suggestion is ready for Enter, as in most editors.
      const frame = requestAnimationFrame(() => setActiveId(store.selectFirstOption()));
      return () => cancelAnimationFrame(frame);
    }
    store.closeDropdown();
    return undefined;
    // Runs when the list opens, closes or changes; the store's methods read refs (stable behaviour).
  }, [open, shownIds]);

  const setRef = (node: HTMLTextAreaElement | null) => {
    textarea.current = node;
    textareaRef?.(node);
  };

  const applyEdit = (edit: TextEdit) => {
    onChange(edit.value);
    requestAnimationFrame(() => {
      const node = textarea.current;
      if (!node) return;
      node.focus();
      node.setSelectionRange(edit.selectionStart, edit.selectionEnd);
    });
  };

  const trackMention = (text: string, caret: number | null) => {
    setToken(mentions && caret !== null ? mentionAt(text, caret) : null);
  };

  const format = (kind: MarkdownFormat) => {
    const node = textarea.current;
    const start = node?.selectionStart ?? value.length;
    const end = node?.selectionEnd ?? value.length;
    setTab('write');
    applyEdit(applyFormat(value, start, end, kind));
  };

  const choose = (id: string) => {
    const person = people.find((candidate) => candidate.id === id);
    if (!person || !token || !mentions) return;
    store.closeDropdown();
    setToken(null);
    const shown = `@${person.label.replace(/[[\]()]/g, '')}`;
    toMentionDisplay(mentions.markup(person), known);
    applyEdit(insertMention(value, token, shown));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open || event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveId(event.key === 'ArrowDown' ? store.selectNextOption() : store.selectPreviousOption());
    } else if ((event.key === 'Enter' || event.key === 'Tab') && store.getSelectedOptionIndex() !== -1) {
      event.preventDefault();
      store.clickSelectedOption();
    } else if (event.key === 'Escape') {
      // Closes the list, not the dialog the composer may be in.
      event.preventDefault();
      event.stopPropagation();
      setToken(null);
    }
  };

  return (
    <Stack gap={4}>
      <Group justify="space-between" align="flex-end" gap="xs">
        <Text component="label" htmlFor={inputId} fw={500} size="sm">
          {label}
        </Text>
        <Group gap={2} role="group" aria-label={t('forums.editor.toolbar')}>
          {MARKDOWN_FORMATS.map((kind) => {
            const Icon = ICONS[kind];
            return (
              <Tooltip key={kind} label={t(`forums.editor.format.${kind}`)} withinPortal>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="md"
                  disabled={disabled}
                  aria-label={t(`forums.editor.format.${kind}`)}
                  onClick={() => format(kind)}
                >
                  <Icon size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            );
          })}
        </Group>
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted>
        <Tabs.List>
          <Tabs.Tab value="write">{t('forums.editor.write')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('forums.editor.preview')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="xs">
          <Combobox store={store} onOptionSubmit={choose} position="bottom-start" width="target">
            <Combobox.DropdownTarget>
              <Textarea
                id={inputId}
                ref={setRef}
                value={value}
                autosize
                minRows={minRows}
                maxRows={20}
                maxLength={maxLength}
                disabled={disabled}
                error={error}
                description={description ?? t('forums.editor.hint')}
                aria-autocomplete={mentions ? 'list' : undefined}
                aria-controls={open && store.listId ? store.listId : undefined}
                aria-activedescendant={open && activeId ? activeId : undefined}
                onChange={(event) => {
                  onChange(event.currentTarget.value);
                  trackMention(event.currentTarget.value, event.currentTarget.selectionStart);
                }}
                onSelect={(event) => trackMention(event.currentTarget.value, event.currentTarget.selectionStart)}
                onBlur={() => setToken(null)}
                onKeyDown={onKeyDown}
              />
            </Combobox.DropdownTarget>
            <Combobox.Dropdown hidden={!open}>
              <Combobox.Options aria-label={t('forums.editor.mentionSuggestions')} mah={260} style={{ overflowY: 'auto' }}>
                {people.map((person) => (
                  <Combobox.Option key={person.id} value={person.id} onMouseDown={(event) => event.preventDefault()}>
                    <Group gap="sm" wrap="nowrap">
                      <Avatar src={person.photoUrl ?? null} size={28} radius="xl" alt="" name={person.label} color="initials" />
                      <Box style={{ minWidth: 0 }}>
                        <Text size="sm" fw={600} lineClamp={1}>
                          {person.label}
                        </Text>
                        {person.detail ? (
                          <Text size="xs" lineClamp={1}>
                            {person.detail}
                          </Text>
                        ) : null}
                      </Box>
                    </Group>
                  </Combobox.Option>
                ))}
              </Combobox.Options>
            </Combobox.Dropdown>
          </Combobox>
          {mentions ? (
            <VisuallyHidden role="status">{open ? t('forums.editor.mentionCount', { count: people.length }) : ''}</VisuallyHidden>
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs">
          <Box
            mih={120}
            p="sm"
            style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}
          >
            {tab === 'preview' ? <Preview markdown={markup} /> : null}
          </Box>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
