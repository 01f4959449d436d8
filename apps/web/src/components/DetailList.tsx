import type { ReactNode } from 'react';
import { Box, Text } from '@mantine/core';
import classes from './DetailList.module.css';

export interface Detail {
  label: string;
  value: ReactNode;
}

/** A description list (<dl>) of label/value pairs; empty values are skipped. */
export function DetailList({ items }: { items: Detail[] }) {
  const shown = items.filter((item) => item.value !== null && item.value !== undefined && item.value !== '');
  return (
    <Box component="dl" className={classes.list}>
      {shown.map((item) => (
        <div key={item.label} className={classes.row}>
          <Text component="dt" fw={600} size="sm">
            {item.label}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {item.value}
          </Text>
        </div>
      ))}
    </Box>
  );
}
