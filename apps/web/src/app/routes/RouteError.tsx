import { Alert, Button, Container, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { useDocumentTitle } from '../../components/Page';

/** Unexpected failures while rendering (or a page chunk gone after an update): offer a reload. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t('routeError.title'));
  if (error) console.error(error);
  return (
    <Container size="sm" py="xl">
      <main>
        <Stack gap="md">
          <Title order={1}>{t('routeError.title')}</Title>
          <Alert role="alert" color="red" variant="light">
            {t('routeError.text')}
          </Alert>
          <Button onClick={() => window.location.reload()} style={{ alignSelf: 'flex-start' }}>
            {t('routeError.reload')}
          </Button>
        </Stack>
      </main>
    </Container>
  );
}
