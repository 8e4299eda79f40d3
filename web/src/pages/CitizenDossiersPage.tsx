import { Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listMyDossiers } from '../api/dossiers.ts';
import { SERVICES_PATH } from '../citizen-paths.ts';
import { DossiersTable } from '../components/citizen/DossiersTable.tsx';
import { NotificationsList } from '../components/citizen/NotificationsList.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { RecordSection } from '../components/person/RecordSection.tsx';
import { RequireSession } from '../components/RequireSession.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** My dossiers and the notices about them. */
export function CitizenDossiersPage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiers.title'));
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('dossiers.title')}</Title>
      <Anchor component={Link} to={SERVICES_PATH}>
        {t('citizen.services')}
      </Anchor>
      <RequireSession>{() => <DossiersSections />}</RequireSession>
    </Stack>
  );
}

function DossiersSections() {
  const { t } = useTranslation();
  const dossiers = useAsync('my-dossiers', listMyDossiers);
  return (
    <>
      <RecordSection id="my-notifications" title={t('notifications.title')}>
        <NotificationsList />
      </RecordSection>
      <RecordSection id="my-dossiers" title={t('dossiers.listTitle')}>
        {dossiers.kind === 'error' && <ProblemAlert problem={dossiers.problem} />}
        {dossiers.kind === 'loading' && <Loader size="sm" aria-label={t('common.loading')} />}
        {dossiers.kind === 'ok' &&
          (dossiers.value.items.length === 0 ? (
            <Text>{t('dossiers.none')}</Text>
          ) : (
            <DossiersTable items={dossiers.value.items} />
          ))}
      </RecordSection>
    </>
  );
}
