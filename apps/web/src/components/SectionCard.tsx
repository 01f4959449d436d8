import type { ReactNode } from 'react';
import { Box, Paper, Text, Title } from '@mantine/core';

interface SectionCardProps {
  /** Id of the heading, which labels the section. */
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}

/** A titled panel (<section> labelled by its h2) grouping one part of a page. */
export function SectionCard({ id, title, intro, children }: SectionCardProps) {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb={intro ? 4 : 'md'}>
        {title}
      </Title>
      {intro ? (
        <Text size="sm" mb="md">
          {intro}
        </Text>
      ) : null}
      <Box>{children}</Box>
    </Paper>
  );
}
