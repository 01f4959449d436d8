import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/Page';

function RouteErrorMessage() {
  const { t } = useTranslation();
  useDocumentTitle(t('routeError.title'));
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('routeError.title')}</Title>
      <Alert role="alert" color="red" variant="light">
        {t('routeError.text')}
      </Alert>
      <Button onClick={() => window.location.reload()} style={{ alignSelf: 'flex-start' }}>
        {t('routeError.reload')}
      </Button>
    </Stack>
  );
}

/**
 * Catches what a page throws while rendering (or a page chunk gone after an update) and offers a
 * reload; the shell stays usable. Give it a `key` per location so that navigating resets it.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <RouteErrorMessage /> : this.props.children;
  }
}
