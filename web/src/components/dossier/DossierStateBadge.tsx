import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierState, StepState } from '../../api/services-model.ts';

const DOSSIER_COLORS: Record<DossierState, string> = {
  awaiting_payment: 'orange.9',
  received: 'blue.8',
  in_progress: 'blue.8',
  supplement_requested: 'orange.9',
  done: 'green.9',
  refused: 'red.9',
  withdrawn: 'gray.7',
};

const STEP_COLORS: Record<StepState, string> = {
  waiting: 'gray.7',
  pending: 'blue.8',
  claimed: 'indigo.8',
  supplement_requested: 'orange.9',
  done: 'green.9',
  refused: 'red.9',
  skipped: 'gray.7',
  cancelled: 'gray.7',
  compensated: 'gray.7',
};

/** Where a dossier stands, as a coloured label. */
export function DossierStateBadge({ state }: { state: DossierState }) {
  const { t } = useTranslation();
  return (
    <Badge color={DOSSIER_COLORS[state]} variant="filled" tt="none">
      {t(`dossier.states.${state}`)}
    </Badge>
  );
}

/** Where one agency's step stands. */
export function StepStateBadge({ state }: { state: StepState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STEP_COLORS[state]} variant="filled" tt="none">
      {t(`dossier.stepStates.${state}`)}
    </Badge>
  );
}

/** "Quá hạn": shown beside a due date that has passed. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="filled" tt="none">
      {t('dossier.overdue')}
    </Badge>
  );
}
