import { Typography } from '@mantine/core';
import classes from './PostHtml.module.css';

/**
 * A post's HTML as the API returns it. Injected as HTML only because the API renders the Markdown
 * and sanitises the result (sanitize-html allow-list: no scripts, no event handlers, no foreign
 * image sources); never pass anything else here.
 */
export function PostHtml({ html }: { html: string }) {
  return <Typography className={classes.content} dangerouslySetInnerHTML={{ __html: html }} />;
}
