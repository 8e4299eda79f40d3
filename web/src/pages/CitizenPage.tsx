import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DOSSIERS_PATH, SERVICES_PATH } from '../citizen-paths.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** The citizen portal's landing page: what it offers, and the way to the catalogue and to my dossiers. */
export function CitizenPage() {
  const { t } = useTranslation();
  const title = t('areas.citizen.title');
  usePageTitle(title);
  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{title}</Title>
      <Text>{t('areas.citizen.description')}</Text>
      <Group>
        <Button component={Link} to={SERVICES_PATH}>
          {t('citizen.services')}
        </Button>
        <Button component={Link} to={DOSSIERS_PATH} variant="default">
          {t('citizen.myDossiers')}
        </Button>
      </Group>
    </Stack>
  );
}
