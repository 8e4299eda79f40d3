import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../hooks/use-page-title.ts';

/**
 * Shown instead of the whole app when rendering fails, so that the reader gets a way out rather than a
 * blank page. A plain link (full reload) rather than a router link: the router's state may be the fault.
 */
export function ErrorPage() {
  const { t } = useTranslation();
  usePageTitle(t('error.title'));
  return (
    <Container component="main" size="sm" py="xl">
      <Stack gap="md">
        <Title order={1}>{t('error.title')}</Title>
        <Text>{t('error.description')}</Text>
        <Anchor href="/">{t('error.home')}</Anchor>
      </Stack>
    </Container>
  );
}
