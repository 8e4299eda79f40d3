import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Mantine's defaults with darker shades where the defaults fall short of WCAG AA contrast (4.5:1) for body
 * text: the primary colour (blue 6 on white is 3.5:1; blue 8 is 4.9:1) and dimmed text (gray 6 is 3.3:1;
 * gray 7 is 8.6:1). System fonts only: the app loads nothing from other hosts.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  focusRing: 'auto',
});

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: { '--mantine-color-dimmed': resolved.colors.gray[7] },
  dark: {},
});
