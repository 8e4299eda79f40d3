import { AppShell, useMatches } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useFocusOnNavigation } from '../hooks/use-focus-on-navigation.ts';
import { AppHeader } from './AppHeader.tsx';
import { MainNav } from './MainNav.tsx';
import { SkipLink } from './SkipLink.tsx';

/** `id` of the `<main>` landmark, the skip link's target. */
export const MAIN_CONTENT_ID = 'main-content';
const NAV_ID = 'main-navigation';

/** The frame of every page: skip link, header, navigation, and the page itself in `<main>`. */
export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  // Below `sm` the navigation collapses off-screen; `inert` keeps its links out of the Tab order there.
  const navCollapsible = useMatches({ base: true, sm: false }, { getInitialValueInEffect: false });
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigation(main);

  return (
    <>
      <SkipLink targetId={MAIN_CONTENT_ID} />
      <AppShell
        header={{ height: { base: 56, sm: 68 } }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding="md"
      >
        <AppShell.Header>
          <AppHeader navOpened={navOpened} onToggleNav={nav.toggle} navId={NAV_ID} />
        </AppShell.Header>
        <AppShell.Navbar id={NAV_ID} p="xs" aria-label={t('app.mainNavigation')} inert={navCollapsible && !navOpened}>
          <MainNav onNavigate={nav.close} />
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_CONTENT_ID} ref={main} tabIndex={-1} style={{ outline: 'none' }}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
