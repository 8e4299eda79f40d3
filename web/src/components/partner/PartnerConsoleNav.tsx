import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useMatch } from 'react-router';
import { PARTNER_BATCHES_PATH, PARTNER_CONSOLE_PATH, PARTNER_USAGE_PATH } from '../../partner-paths.ts';
import { SessionSignOutButton } from './SessionSignOutButton.tsx';

function ConsoleLink({ to, label }: { to: string; label: string }) {
  const current = useMatch({ path: to, end: true }) !== null;
  return (
    <Anchor component={Link} to={to} fw={current ? 700 : 400} aria-current={current ? 'page' : undefined}>
      {label}
    </Anchor>
  );
}

/** The console's own navigation: the partner's name, its three pages, and signing out. */
export function PartnerConsoleNav({ partnerName }: { partnerName: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="center" wrap="wrap">
      <Group gap="md" component="nav" aria-label={t('partnerConsole.nav')}>
        <Text fw={600}>{partnerName}</Text>
        <ConsoleLink to={PARTNER_CONSOLE_PATH} label={t('partnerConsole.overview.link')} />
        <ConsoleLink to={PARTNER_BATCHES_PATH} label={t('partnerConsole.batches.link')} />
        <ConsoleLink to={PARTNER_USAGE_PATH} label={t('partnerConsole.usage.link')} />
      </Group>
      <SessionSignOutButton />
    </Group>
  );
}
