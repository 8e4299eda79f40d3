import { Anchor, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getAgencyDossier } from '../api/agency.ts';
import { getProcedure } from '../api/procedures.ts';
import type { Dossier, DossierStep } from '../api/services-model.ts';
import { DossierFacts } from '../components/dossier/DossierFacts.tsx';
import { DossierSteps } from '../components/dossier/DossierSteps.tsx';
import { DossierTimeline } from '../components/dossier/DossierTimeline.tsx';
import { FormValuesList } from '../components/dossier/FormValuesList.tsx';
import { StepActions } from '../components/officer/StepActions.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { RecordSection } from '../components/person/RecordSection.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useLocalized } from '../hooks/use-localized.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { useReloadable } from '../hooks/use-reloadable.ts';
import { useWebSession } from '../hooks/use-web-session.ts';
import { QUEUE_PATH } from '../officer-paths.ts';

/** Steps an officer may act on. */
const ACTIONABLE = ['pending', 'claimed'];

/** A dossier as an agency sees it: the e-form, documents, steps, history, and the actions on the agency's step. */
export function OfficerDossierPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const id = useParams().id ?? '';
  const { state, reload } = useReloadable(`agency-dossier:${id}`, (signal) => getAgencyDossier(id, signal));
  usePageTitle(state.kind === 'ok' ? state.value.receiptCode : t('officerDossier.title'));
  return (
    <Stack gap="lg" maw={1100}>
      {state.kind === 'ok' ? (
        <Title order={1}>
          {localized(state.value.procedureName)} · {state.value.receiptCode}
        </Title>
      ) : (
        <Title order={1}>{t('officerDossier.title')}</Title>
      )}
      {state.kind === 'error' && <ProblemAlert problem={state.problem} />}
      {(state.kind === 'loading' || state.kind === 'idle') && <Loader size="sm" aria-label={t('common.loading')} />}
      {state.kind === 'ok' && <OfficerDossierSections dossier={state.value} reload={reload} />}
      <Anchor component={Link} to={QUEUE_PATH}>
        {t('officerDossier.back')}
      </Anchor>
    </Stack>
  );
}

function OfficerDossierSections({ dossier, reload }: { dossier: Dossier; reload: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const agencies = useOfficerAgencies();
  const session = useWebSession();
  const me = session.kind === 'signedIn' ? session.session.account?.id : undefined;
  const procedure = useAsync(`procedure:${dossier.procedureCode}`, (signal) =>
    getProcedure(dossier.procedureCode, signal),
  );
  const definition = procedure.kind === 'ok' ? procedure.value : undefined;
  const mine = dossier.steps.filter(
    (step: DossierStep) => ACTIONABLE.includes(step.state) && (agencies === null || agencies.includes(step.agency)),
  );
  return (
    <>
      <DossierFacts dossier={dossier} />
      <RecordSection id="officer-actions" title={t('officerDossier.actions')}>
        {mine.length === 0 ? (
          <Text>{t('officerDossier.nothingToDo')}</Text>
        ) : (
          mine.map((step) => (
            <StepActions
              key={step.name}
              dossierId={dossier.id}
              step={step}
              definition={definition?.steps.find((candidate) => candidate.name === step.name)}
              heldByColleague={step.state === 'claimed' && me !== undefined && step.claimedById !== me}
              onChanged={reload}
            />
          ))
        )}
      </RecordSection>
      <RecordSection id="officer-form" title={t('dossier.form')}>
        <FormValuesList values={dossier.form} fields={definition?.fields} />
      </RecordSection>
      <RecordSection id="officer-documents" title={t('officerDossier.documents')}>
        {(definition?.documents ?? []).length === 0 ? (
          <Text>{t('officerDossier.noDocuments')}</Text>
        ) : (
          <List>
            {(definition?.documents ?? []).map((document) => (
              <List.Item key={document.kind}>{localized(document.name)}</List.Item>
            ))}
          </List>
        )}
      </RecordSection>
      <RecordSection id="officer-steps" title={t('dossier.steps.title')}>
        <DossierSteps steps={dossier.steps} definitions={definition?.steps} />
      </RecordSection>
      <RecordSection id="officer-timeline" title={t('dossier.timeline.title')}>
        <DossierTimeline history={dossier.history} steps={dossier.steps} />
      </RecordSection>
    </>
  );
}

/** The agencies of the signed-in officer's roles; null (any step) for the bootstrap token or an administrator. */
function useOfficerAgencies(): string[] | null {
  const session = useWebSession();
  if (session.kind !== 'signedIn') return null;
  const { roles } = session.session;
  if (roles.some((role) => role.role === 'admin')) return null;
  return roles.flatMap((role) => (role.agency ? [role.agency] : []));
}
