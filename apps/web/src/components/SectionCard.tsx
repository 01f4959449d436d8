import type { ReactNode } from 'react';
import { Box, Card, Text, Title } from '@mantine/core';

interface SectionCardProps {
  /** Id of the heading, which labels the section. */
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}

/** A titled card (<section> with an h2) grouping one part of a page. */
export function SectionCard({ id, title, intro, children }: SectionCardProps) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb={intro ? 4 : 'md'}>
        {title}
      </Title>
      {intro ? (
        <Text size="sm" mb="md">
          {intro}
        </Text>
      ) : null}
      {/* A block, so that buttons keep their width (a card lays out its children in a column). */}
      <Box>{children}</Box>
    </Card>
  );
}
