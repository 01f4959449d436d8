import type { ReactNode } from 'react';
import { Card, Stack } from '@mantine/core';
import { Page } from '../../../components/Page';

/** The narrow card layout shared by the sign-in, sign-up and password pages. */
export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Page title={title} description={description} size="xs">
      <Stack gap="md">
        <Card withBorder padding="lg" radius="md">
          {children}
        </Card>
        {footer}
      </Stack>
    </Page>
  );
}
