import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AreaId } from '../areas.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** The landing page of one area: what it is for. Its features arrive with later releases. */
export function AreaPage({ area }: { area: AreaId }) {
  const { t } = useTranslation();
  const title = t(`areas.${area}.title`);
  usePageTitle(title);
  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{title}</Title>
      <Text>{t(`areas.${area}.description`)}</Text>
      {/* A standing note, not an alert: nothing happened that needs announcing. */}
      <Alert variant="light" color="blue" role="note">
        {t('areas.underConstruction')}
      </Alert>
    </Stack>
  );
}
