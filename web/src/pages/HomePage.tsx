import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HealthCard } from '../components/HealthCard.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** What dancu is, and whether the server is up. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle();
  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('home.title')}</Title>
      <Text>{t('home.intro')}</Text>
      <Text>{t('home.areas')}</Text>
      <HealthCard />
    </Stack>
  );
}
