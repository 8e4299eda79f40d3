import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { claimStep, handOnStep } from '../../api/agency.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import type { DossierStep, ProcedureStep } from '../../api/services-model.ts';
import { useLocalized } from '../../hooks/use-localized.ts';
import { StepStateBadge } from '../dossier/DossierStateBadge.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { DecisionForm } from './DecisionForm.tsx';

interface StepActionsProps {
  readonly dossierId: string;
  readonly step: DossierStep;
  readonly definition: ProcedureStep | undefined;
  /** Another officer holds the step: only they may hand it on or decide. */
  readonly heldByColleague?: boolean;
  readonly onChanged: () => void;
}

/** What an officer can do on a step of their agency: claim it; once claimed, hand it on or decide. */
export function StepActions({ dossierId, step, definition, heldByColleague = false, onChanged }: StepActionsProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const title = localized(step.title);

  const act = async (action: () => Promise<unknown>) => {
    setProblem(null);
    setBusy(true);
    try {
      await action();
      onChanged();
    } catch (failure) {
      setProblem(asProblem(failure));
    }
    setBusy(false);
  };

  return (
    <Paper component="article" withBorder p="md" radius="md" aria-label={title}>
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={3} size="h4">
            {title}
          </Title>
          <StepStateBadge state={step.state} />
        </Group>
        <Text fz="sm">
          {localized(step.agencyName)}
          {step.claimedBy ? ` · ${t('officerDossier.claimedBy', { name: step.claimedBy })}` : ''}
        </Text>
        {problem && <ProblemAlert problem={problem} />}
        {step.state === 'pending' && (
          <Group>
            <Button loading={busy} onClick={() => void act(() => claimStep(dossierId, step.name))}>
              {t('officerDossier.claim')}
            </Button>
          </Group>
        )}
        {step.state === 'claimed' && heldByColleague && <Text fz="sm">{t('officerDossier.heldByColleague')}</Text>}
        {step.state === 'claimed' && !heldByColleague && (
          <>
            <Group>
              <Button variant="default" loading={busy} onClick={() => void act(() => handOnStep(dossierId, step.name))}>
                {t('officerDossier.handOn')}
              </Button>
            </Group>
            <DecisionForm dossierId={dossierId} step={step.name} definition={definition} onDecided={onChanged} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
