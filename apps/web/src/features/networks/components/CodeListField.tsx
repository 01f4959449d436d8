import { useId, useState, type ReactNode } from 'react';
import { Badge, CloseButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What the field passes to its search select (CommuneSelect, NafSelect…). */
export interface AddSelectProps<T> {
  label: string;
  description?: ReactNode;
  error?: ReactNode;
  disabled?: boolean;
  selected: null;
  onSelect: (item: T | null) => void;
}

export interface CodeListFieldProps<T> {
  label: string;
  /** The search field's label, e.g. 'Ajouter une commune'. */
  addLabel: string;
  description?: ReactNode;
  error?: ReactNode;
  codes: string[];
  onChange: (codes: string[]) => void;
  /** The label of a chosen code (a hook: it may fetch the name). */
  useLabel: (code: string) => string;
  codeOf: (item: T) => string;
  renderSelect: (props: AddSelectProps<T>) => ReactNode;
  max?: number;
}

function CodeChip({ code, useLabel, onRemove }: { code: string; useLabel: (code: string) => string; onRemove: () => void }) {
  const { t } = useTranslation();
  const label = useLabel(code);
  return (
    <li>
      <Badge
        variant="light"
        size="lg"
        tt="none"
        rightSection={<CloseButton size="xs" aria-label={t('networks.fields.remove', { label })} onClick={onRemove} />}
      >
        {label}
      </Badge>
    </li>
  );
}

/** Several codes chosen one by one through a search-as-you-type field, shown as removable chips. */
export function CodeListField<T>({
  label,
  addLabel,
  description,
  error,
  codes,
  onChange,
  useLabel,
  codeOf,
  renderSelect,
  max,
}: CodeListFieldProps<T>) {
  const { t } = useTranslation();
  const id = useId();
  // A new search field after each addition (empty, ready for the next one).
  const [round, setRound] = useState(0);
  const add = (item: T | null) => {
    if (!item) return;
    const code = codeOf(item);
    if (!codes.includes(code)) onChange([...codes, code]);
    setRound((r) => r + 1);
  };
  return (
    <Stack gap={6} role="group" aria-labelledby={id}>
      <Text fw={700} size="sm" id={id}>
        {label}
      </Text>
      {codes.length ? (
        <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {codes.map((code) => (
            <CodeChip key={code} code={code} useLabel={useLabel} onRemove={() => onChange(codes.filter((c) => c !== code))} />
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('networks.fields.none')}
        </Text>
      )}
      <div key={round}>
        {renderSelect({
          label: addLabel,
          description,
          error,
          selected: null,
          onSelect: add,
          disabled: max !== undefined && codes.length >= max,
        })}
      </div>
    </Stack>
  );
}
