import { MantineProvider } from '@mantine/core';
import { RouterProvider } from 'react-router';
import { router } from './routes.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

/** The whole app: theme, then the router, which renders the layout and the page. */
export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <RouterProvider router={router} />
    </MantineProvider>
  );
}
