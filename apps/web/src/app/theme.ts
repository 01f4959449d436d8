// Mantine theme: system fonts only (strict CSP, no web fonts) and AA contrast everywhere.
import { Breadcrumbs, Combobox, createTheme, InputWrapper, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on filled buttons and blue links on white above 4.5:1.
  primaryShade: { light: 8, dark: 8 },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  headings: {
    sizes: {
      h1: { fontSize: '2rem', lineHeight: '1.25' },
      h2: { fontSize: '1.5rem', lineHeight: '1.3' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    // The required mark is drawn in CSS (app.css), so that a label's text stays exactly its name.
    InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
    // Option lists stay inside the page's landmarks, and leave the DOM once closed (so that a
    // label such as "Code NAF" names one element only).
    Combobox: Combobox.extend({ defaultProps: { keepMounted: false, withinPortal: false } }),
    // A long network name in a trail wraps instead of widening the page past a phone's screen.
    Breadcrumbs: Breadcrumbs.extend({ styles: { breadcrumb: { whiteSpace: 'normal', overflowWrap: 'anywhere', lineHeight: 1.4 } } }),
  },
});

/**
 * Darker "dimmed", error and placeholder colours than Mantine's defaults, and darker text on the
 * "light" variants (badges, alerts) of the status colours: every text stays above 4.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-teal-light-color': '#06604a',
    '--mantine-color-green-light-color': '#1e6a2f',
    '--mantine-color-orange-light-color': '#9c3a06',
    '--mantine-color-yellow-light-color': '#7a4a00',
    '--mantine-color-red-light-color': '#a51d1d',
  },
  dark: {},
});
