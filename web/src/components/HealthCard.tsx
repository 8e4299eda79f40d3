import { Box, Button, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type HealthState, useHealth } from '../hooks/use-health.ts';

/** Whether the server answers `GET /health`, and its version. */
export function HealthCard() {
  const { t } = useTranslation();
  const { state, retry } = useHealth();
  return (
    <Card withBorder padding="lg" maw={560} component="section" aria-labelledby="health-title">
      <Title order={2} size="h4" id="health-title" mb="sm">
        {t('health.title')}
      </Title>
      <div role="status">
        <HealthStatus state={state} />
      </div>
      {state.kind === 'error' && (
        <Group mt="sm">
          <Button variant="default" size="xs" onClick={retry}>
            {t('health.retry')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function HealthStatus({ state }: { state: HealthState }) {
  const { t } = useTranslation();
  switch (state.kind) {
    case 'checking':
      return <Text>{t('health.checking')}</Text>;
    case 'ok':
      return (
        <>
          {/* The dot only echoes the words: green text on white falls short of 4.5:1 contrast. */}
          <Group gap="xs" wrap="nowrap">
            <Box w={10} h={10} bg="green.9" style={{ borderRadius: '50%' }} aria-hidden />
            <Text fw={600}>{t('health.ok')}</Text>
          </Group>
          <Text>{t('health.version', { version: state.health.version })}</Text>
        </>
      );
    case 'error':
      return (
        <Text fw={600} c="red.9">
          {t('health.error')}
        </Text>
      );
  }
}
