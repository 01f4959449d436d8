import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A rendered newsletter (the e-mail's HTML) in a sandboxed frame: no script runs, nothing of the page is reachable;
 * `width` shows it as a desktop client or a phone would.
 */
export function NewsletterFrame({ html, width, title }: { html: string; width: number | '100%'; title: string }) {
  const { t } = useTranslation();
  return (
    <Box style={{ overflowX: 'auto' }}>
      <iframe
        title={title || t('newsletters.preview.frame')}
        srcDoc={html}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        style={{
          display: 'block',
          width,
          maxWidth: '100%',
          height: 720,
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 8,
          margin: '0 auto',
          background: '#fff',
        }}
      />
    </Box>
  );
}
