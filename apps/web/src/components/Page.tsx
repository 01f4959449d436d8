import { useEffect, type ReactNode } from 'react';
import { Container, Group, Stack, Text, Title } from '@mantine/core';
import { APP_NAME } from '../config';

/** Sets the document title: 'Page · Maillage'. */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}

interface PageProps {
  /** The <title> and, unless `heading` is given, the page's only <h1>. */
  title: string;
  heading?: ReactNode;
  description?: ReactNode;
  /** Buttons shown next to the heading. */
  actions?: ReactNode;
  size?: 'xs' | 'sm' | 'md' | 'lg' | 'xl';
  children?: ReactNode;
}

/** The frame of every page: document title, one h1, optional actions. */
export function Page({ title, heading, description, actions, size = 'lg', children }: PageProps) {
  useDocumentTitle(title);
  return (
    <Container size={size} px={0}>
      <Group justify="space-between" align="flex-start" mb="lg" gap="md">
        <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {heading ?? title}
          </Title>
          {description ? <Text c="dimmed">{description}</Text> : null}
        </Stack>
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Group>
      {children}
    </Container>
  );
}
