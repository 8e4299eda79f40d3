import { Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { AccessLogSection } from '../components/person/AccessLogSection.tsx';
import { AsOfForm } from '../components/person/AsOfForm.tsx';
import { PersonRecordView } from '../components/person/PersonRecordView.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { usePersonRecord } from '../hooks/use-person-record.ts';
import { isDay, todayInVietnam } from '../i18n/format.ts';
import { OFFICER_PATH } from '../officer-paths.ts';

/**
 * The person page: everything the registry holds about one person as of a day (`?asOf=`, default today),
 * and who has accessed it. Each load is a read written to the person's access log.
 */
export function PersonPage() {
  const { t } = useTranslation();
  const { personalId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = asOfParam !== null && isDay(asOfParam) ? asOfParam : undefined;
  const record = usePersonRecord(personalId, asOf);
  const notFound = record.kind === 'error' && record.problem.code === 'PERSON_NOT_FOUND';
  const title =
    record.kind === 'ok' ? record.value.person.fullName : t(notFound ? 'person.notFoundTitle' : 'person.title');
  usePageTitle(title);

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        <Text c="dimmed">{t('person.personalId', { personalId })}</Text>
        <Anchor component={Link} to={OFFICER_PATH}>
          {t('person.backToSearch')}
        </Anchor>
      </Stack>
      {!notFound && (
        <AsOfForm
          asOf={record.kind === 'ok' ? record.value.asOf : (asOf ?? todayInVietnam())}
          min={record.kind === 'ok' ? record.value.person.birthDate : undefined}
          onChange={(day) => setParams(day ? { asOf: day } : {})}
        />
      )}
      {record.kind === 'loading' && (
        <Group gap="xs" role="status">
          <Loader size="xs" aria-hidden />
          <Text>{t('common.loading')}</Text>
        </Group>
      )}
      {record.kind === 'error' && <ProblemAlert problem={record.problem} />}
      {record.kind === 'ok' && <PersonRecordView record={record.value} />}
      {record.kind === 'ok' && <AccessLogSection personalId={personalId} reloadKey={record.value.asOf} />}
    </Stack>
  );
}
