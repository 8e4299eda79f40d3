import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../../api/problem.ts';
import { asProblem } from '../../api/problem.ts';
import { signOutOfSession } from '../../api/web-session.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

/** Ends the web session (and the eID session with it), then leaves where the server says. */
export function SessionSignOutButton() {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const onClick = () => {
    signOutOfSession().catch((error: unknown) => setProblem(asProblem(error)));
  };
  return (
    <Stack gap="xs">
      <Button variant="default" size="xs" onClick={onClick}>
        {t('partnerConsole.signOut')}
      </Button>
      {problem && <ProblemAlert problem={problem} />}
    </Stack>
  );
}
