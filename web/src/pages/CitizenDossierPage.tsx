import { Alert, Anchor, Loader, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { getMyDossier } from '../api/dossiers.ts';
import { getProcedure } from '../api/procedures.ts';
import type { Dossier } from '../api/services-model.ts';
import { DOSSIERS_PATH } from '../citizen-paths.ts';
import { PaymentSection } from '../components/citizen/PaymentSection.tsx';
import { SupplementAnswerForm } from '../components/citizen/SupplementAnswerForm.tsx';
import { WithdrawForm } from '../components/citizen/WithdrawForm.tsx';
import { DossierFacts } from '../components/dossier/DossierFacts.tsx';
import { DossierSteps } from '../components/dossier/DossierSteps.tsx';
import { DossierTimeline } from '../components/dossier/DossierTimeline.tsx';
import { FormValuesList } from '../components/dossier/FormValuesList.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { RecordSection } from '../components/person/RecordSection.tsx';
import { RequireSession } from '../components/RequireSession.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useLocalized } from '../hooks/use-localized.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { useReloadable } from '../hooks/use-reloadable.ts';

/** States in which the applicant may still withdraw. */
const OPEN = ['awaiting_payment', 'received', 'in_progress', 'supplement_requested'];

/** One of my dossiers: where it stands, each agency's step, the timeline, payment, supplement, withdrawal. */
export function CitizenDossierPage() {
  const { t } = useTranslation();
  usePageTitle(t('dossier.title'));
  return (
    <Stack gap="lg" maw={1100}>
      <RequireSession>{() => <DossierView />}</RequireSession>
      <Anchor component={Link} to={DOSSIERS_PATH}>
        {t('dossier.back')}
      </Anchor>
    </Stack>
  );
}

function DossierView() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const id = useParams().id ?? '';
  const { state, reload } = useReloadable(`dossier:${id}`, (signal) => getMyDossier(id, signal));
  usePageTitle(state.kind === 'ok' ? state.value.receiptCode : t('dossier.title'));
  if (state.kind === 'error') {
    return (
      <>
        <Title order={1}>{t('dossier.title')}</Title>
        <ProblemAlert problem={state.problem} />
      </>
    );
  }
  if (state.kind !== 'ok') return <Loader size="sm" aria-label={t('common.loading')} />;
  const dossier = state.value;
  return (
    <>
      <Title order={1}>{localized(dossier.procedureName)}</Title>
      <DossierSections dossier={dossier} reload={reload} />
    </>
  );
}

/**
 * Whether the page was reached by filing the dossier (the e-form says so in the location's state). The state is
 * then dropped, so that a reload or a later visit does not announce the filing again.
 */
function useFiledOnce(): boolean {
  const { pathname, search, state } = useLocation();
  const navigate = useNavigate();
  const [filed] = useState((state as { filed?: boolean } | null)?.filed === true);
  useEffect(() => {
    if (filed) void navigate({ pathname, search }, { replace: true, state: null });
  }, [filed, navigate, pathname, search]);
  return filed;
}

function DossierSections({ dossier, reload }: { dossier: Dossier; reload: () => void }) {
  const { t } = useTranslation();
  const filed = useFiledOnce();
  const procedure = useAsync(`procedure:${dossier.procedureCode}`, (signal) =>
    getProcedure(dossier.procedureCode, signal),
  );
  const definition = procedure.kind === 'ok' ? procedure.value : undefined;
  return (
    <>
      {filed && (
        <Alert color="green" variant="light" role="status">
          {t('dossier.filed', { code: dossier.receiptCode })}
        </Alert>
      )}
      <DossierFacts dossier={dossier} />
      {dossier.payment && (
        <RecordSection id="dossier-payment" title={t('payment.title')}>
          <PaymentSection dossier={dossier} payment={dossier.payment} />
        </RecordSection>
      )}
      {dossier.supplement && dossier.state === 'supplement_requested' && (
        <RecordSection id="dossier-supplement" title={t('supplement.title')}>
          <SupplementAnswerForm
            dossier={dossier}
            supplement={dossier.supplement}
            fields={definition?.fields ?? []}
            onAnswered={reload}
          />
        </RecordSection>
      )}
      <RecordSection id="dossier-steps" title={t('dossier.steps.title')}>
        <DossierSteps steps={dossier.steps} definitions={definition?.steps} />
      </RecordSection>
      <RecordSection id="dossier-timeline" title={t('dossier.timeline.title')}>
        <DossierTimeline history={dossier.history} steps={dossier.steps} />
      </RecordSection>
      <RecordSection id="dossier-form" title={t('dossier.form')}>
        <FormValuesList values={dossier.form} fields={definition?.fields} />
      </RecordSection>
      {OPEN.includes(dossier.state) && (
        <RecordSection id="dossier-withdraw" title={t('withdraw.title')}>
          <WithdrawForm dossierId={dossier.id} onWithdrawn={reload} />
        </RecordSection>
      )}
    </>
  );
}
