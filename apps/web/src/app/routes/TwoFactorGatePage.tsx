import { Box, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TwoFactorEnrolment } from '../../features/auth/components/TwoFactor';
import { useSignOut } from '../../features/auth/hooks/useSignOut';
import { APP_NAME } from '../../config';

/**
 * Shown instead of every page while two-factor sign-in is required of the person and not set up yet
 * (the API refuses everything else to that session); once enrolled, the page asked for appears.
 */
export default function TwoFactorGatePage() {
  const { t } = useTranslation();
  const { signOut } = useSignOut();
  return (
    <Box component="main" id="main" py="xl">
      <Container size="sm">
        <Stack gap="lg">
          <Text fw={700} c="blue.8">
            {APP_NAME}
          </Text>
          <Title order={1}>{t('accounts.gate.title')}</Title>
          <Text>{t('accounts.gate.text')}</Text>
          <Paper withBorder p="lg" radius="md">
            <TwoFactorEnrolment onDone={() => undefined} />
          </Paper>
          <Group>
            <Button variant="subtle" onClick={() => void signOut()}>
              {t('accounts.gate.signOut')}
            </Button>
          </Group>
        </Stack>
      </Container>
    </Box>
  );
}
