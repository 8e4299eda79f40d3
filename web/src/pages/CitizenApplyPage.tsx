import { Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { getPrefill, getProcedure } from '../api/procedures.ts';
import type { Procedure } from '../api/services-model.ts';
import { ACR_LEVEL2, type WebSession } from '../api/web-session.ts';
import { dossierPath, SERVICES_PATH } from '../citizen-paths.ts';
import { ApplyForm } from '../components/citizen/ApplyForm.tsx';
import { LevelTwoNotice } from '../components/citizen/LevelTwoNotice.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { RequireSession } from '../components/RequireSession.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useLocalized } from '../hooks/use-localized.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** Filing a procedure: its e-form, pre-filled from the registry for the citizen signed in at its level. */
export function CitizenApplyPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const code = useParams().code ?? '';
  const procedure = useAsync(`procedure:${code}`, (signal) => getProcedure(code, signal));
  const title = procedure.kind === 'ok' ? localized(procedure.value.name) : t('apply.title');
  usePageTitle(title);

  return (
    <Stack gap="md" maw={840}>
      <Title order={1}>{title}</Title>
      {procedure.kind === 'loading' && <Loader size="sm" aria-label={t('common.loading')} />}
      {procedure.kind === 'error' && <ProblemAlert problem={procedure.problem} />}
      {procedure.kind === 'ok' && (
        <>
          <Text>{localized(procedure.value.description)}</Text>
          <RequireSession level={procedure.value.level}>
            {(session) => <Application procedure={procedure.value} session={session} />}
          </RequireSession>
        </>
      )}
      <Anchor component={Link} to={SERVICES_PATH}>
        {t('apply.back')}
      </Anchor>
    </Stack>
  );
}

function Application({ procedure, session }: { procedure: Procedure; session: WebSession }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const levelOk = procedure.level === 1 || session.account?.acr === ACR_LEVEL2;
  const prefill = useAsync(levelOk ? `prefill:${procedure.code}` : null, (signal) =>
    getPrefill(procedure.code, signal),
  );
  if (!levelOk) return <LevelTwoNotice />;
  if (prefill.kind === 'error') {
    return prefill.problem.code === 'LEVEL_TOO_LOW' ? <LevelTwoNotice /> : <ProblemAlert problem={prefill.problem} />;
  }
  if (prefill.kind !== 'ok') return <Loader size="sm" aria-label={t('common.loading')} />;
  return (
    <ApplyForm
      procedure={procedure}
      prefill={prefill.value.form}
      onFiled={(dossier) => void navigate(dossierPath(dossier.id), { state: { filed: true } })}
    />
  );
}
