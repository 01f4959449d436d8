import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';

const URL_PATTERN = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)])/g;

/** Plain text with its http(s) addresses turned into links (same-site ones stay in the app). */
export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <Text component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part, index) => {
        if (index % 2 === 0) return part;
        const url = new URL(part);
        return url.origin === window.location.origin ? (
          <Anchor key={index} component={Link} to={`${url.pathname}${url.search}${url.hash}`}>
            {part}
          </Anchor>
        ) : (
          <Anchor key={index} href={part} target="_blank" rel="noopener noreferrer">
            {part}
          </Anchor>
        );
      })}
    </Text>
  );
}
