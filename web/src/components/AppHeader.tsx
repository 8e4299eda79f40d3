import { Box, Burger, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOfficerToken } from '../hooks/use-officer-token.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SignOutButton } from './officer/SignOutButton.tsx';
import { SessionLink } from './SessionLink.tsx';

interface AppHeaderProps {
  readonly navOpened: boolean;
  readonly onToggleNav: () => void;
  /** `id` of the navigation the burger shows and hides on small screens. */
  readonly navId: string;
}

/**
 * Product name and subtitle, the mobile menu button, sign-in or the account (the web session), the officer's
 * sign-out when signed in with a token, and the language switch.
 */
export function AppHeader({ navOpened, onToggleNav, navId }: AppHeaderProps) {
  const { t } = useTranslation();
  const signedIn = useOfficerToken() !== null;
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('app.toggleNavigation')}
          aria-expanded={navOpened}
          aria-controls={navId}
        />
        <Box>
          <Text fw={700} fz="xl" lh={1.2}>
            {t('app.name')}
          </Text>
          <Text c="dimmed" fz="xs" visibleFrom="sm">
            {t('app.subtitle')}
          </Text>
        </Box>
      </Group>
      <Group gap="sm" wrap="nowrap">
        {signedIn ? <SignOutButton /> : <SessionLink />}
        <LanguageSwitch />
      </Group>
    </Group>
  );
}
