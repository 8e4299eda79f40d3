import { Group, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../api/services-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { formatDay, formatInstant } from '../../i18n/format.ts';
import { DossierStateBadge, OverdueBadge } from './DossierStateBadge.tsx';

/** The head facts of a dossier: receipt code, state, received, due. */
export function DossierFacts({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows: [string, ReactNode][] = [
    [
      t('dossiers.receiptCode'),
      <Text key="code" ff="monospace" component="span">
        {dossier.receiptCode}
      </Text>,
    ],
    [t('dossiers.state'), <DossierStateBadge key="state" state={dossier.state} />],
    [t('dossiers.submittedAt'), formatInstant(dossier.submittedAt, language)],
    [t('dossiers.receivedAt'), dossier.receivedAt ? formatInstant(dossier.receivedAt, language) : t('common.none')],
    [
      t('dossiers.dueOn'),
      <Group key="due" gap={6} component="span">
        {dossier.dueOn ? formatDay(dossier.dueOn, language) : t('common.none')}
        {dossier.overdue && <OverdueBadge />}
      </Group>,
    ],
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4} m={0}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <Text component="dt" fz="sm" c="dimmed">
            {term}
          </Text>
          <Text component="dd" m={0}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
