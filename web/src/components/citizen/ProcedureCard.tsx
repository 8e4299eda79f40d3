import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Procedure } from '../../api/services-model.ts';
import { applyPath } from '../../citizen-paths.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useLocalized } from '../../hooks/use-localized.ts';
import { formatVnd } from '../../i18n/format.ts';

/** One procedure of the catalogue: what it is, who handles it, how long it takes, what it costs, who may file it. */
export function ProcedureCard({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const localized = useLocalized();
  const headingId = useId();
  const agencies = [...new Set(procedure.steps.map((step) => localized(step.agencyName)))];
  const facts: [string, string][] = [
    [t('services.agency'), agencies.join(' · ') || t('common.none')],
    [t('services.limit'), t('services.limitDays', { count: procedure.limitDays })],
    [t('services.fee'), procedure.feeVnd === 0 ? t('services.free') : formatVnd(procedure.feeVnd, language)],
    [t('services.level'), t('services.levelValue', { level: procedure.level })],
  ];
  return (
    <Card
      component="article"
      aria-labelledby={headingId}
      withBorder
      padding="md"
      radius="md"
      style={procedure.group ? { borderColor: 'var(--mantine-color-blue-7)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" align="flex-start">
          <Title order={2} size="h4" id={headingId}>
            {localized(procedure.name)}
          </Title>
          {procedure.group && (
            <Badge color="blue.8" variant="filled" tt="none">
              {t('services.group')}
            </Badge>
          )}
        </Group>
        <Text fz="sm">{localized(procedure.description)}</Text>
        {procedure.group && (
          <Text fz="sm" c="blue.9">
            {t('services.groupSteps', { steps: procedure.steps.map((step) => localized(step.title)).join(' → ') })}
          </Text>
        )}
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={4} m={0}>
          {facts.map(([term, value]) => (
            <div key={term}>
              <Text component="dt" fz="xs" c="dimmed">
                {term}
              </Text>
              <Text component="dd" m={0} fz="sm">
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Group>
          <Button
            component={Link}
            to={applyPath(procedure.code)}
            aria-label={t('services.applyFor', { name: localized(procedure.name) })}
          >
            {t('services.apply')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
