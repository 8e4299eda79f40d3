import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierStep, ProcedureStep } from '../../api/services-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useLocalized } from '../../hooks/use-localized.ts';
import { formatDay, formatInstant } from '../../i18n/format.ts';
import { OverdueBadge, StepStateBadge } from './DossierStateBadge.tsx';
import { isShownResult, resultLabel } from './dossier-labels.ts';
import { displayValue } from './FormValuesList.tsx';

interface DossierStepsProps {
  readonly steps: readonly DossierStep[];
  /** The procedure's steps, which name the fields of each step's result. */
  readonly definitions?: readonly ProcedureStep[] | undefined;
}

/** The component procedures of a dossier, one row each: agency, state, due date, and what each produced. */
export function DossierSteps({ steps, definitions = [] }: DossierStepsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const localized = useLocalized();
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table captionSide="top" striped>
        <Table.Caption ta="start">{t('dossier.steps.caption', { count: steps.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dossier.steps.step')}</Table.Th>
            <Table.Th scope="col">{t('dossier.steps.agency')}</Table.Th>
            <Table.Th scope="col">{t('dossier.steps.state')}</Table.Th>
            <Table.Th scope="col">{t('dossier.steps.dueOn')}</Table.Th>
            <Table.Th scope="col">{t('dossier.steps.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((step) => {
            const fields = definitions.find((definition) => definition.name === step.name)?.decisionFields ?? [];
            const result = Object.entries(step.result ?? {}).filter(([name]) => isShownResult(name));
            return (
              <Table.Tr key={step.name}>
                <Table.Th scope="row" fw={500}>
                  {localized(step.title)}
                </Table.Th>
                <Table.Td>{localized(step.agencyName)}</Table.Td>
                <Table.Td>
                  <StepStateBadge state={step.state} />
                  {step.completedAt && (
                    <Text fz="xs" c="dimmed">
                      {formatInstant(step.completedAt, language)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {step.dueOn ? formatDay(step.dueOn, language) : t('common.none')}
                    {step.overdue && <OverdueBadge />}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {result.length === 0
                    ? t('common.none')
                    : result.map(([name, value]) => {
                        const field = fields.find((candidate) => candidate.name === name);
                        return (
                          <Text key={name} fz="sm">
                            {field ? localized(field.label) : resultLabel(name, t)}:{' '}
                            <Text component="span" fw={600} ff={/^\d+$/.test(String(value)) ? 'monospace' : undefined}>
                              {displayValue(value, field, language, t)}
                            </Text>
                          </Text>
                        );
                      })}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
