import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { activateLevel2, type Level2Evidence } from '../api/officer-accounts.ts';
import { type ApiProblem, asProblem } from '../api/problem.ts';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { OFFICER_PATH } from '../officer-paths.ts';

type Field = 'personalId' | 'cardNumber' | 'phone' | 'attestation';
type Method = 'in_person' | 'new_card';

const EMPTY = { personalId: '', cardNumber: '', phone: '', attestation: '' };

/**
 * Level-2 activation at the police desk (Decree 69/2024, Art. 13): the officer attests the card, face and
 * fingerprints checks; the server refuses unless both biometrics matched.
 */
export function OfficerActivationPage() {
  const { t } = useTranslation();
  usePageTitle(t('activation.title'));
  const [values, setValues] = useState<Record<Field, string>>(EMPTY);
  const [face, setFace] = useState(false);
  const [fingerprints, setFingerprints] = useState(false);
  const [method, setMethod] = useState<Method>('in_person');
  const [invalid, setInvalid] = useState<ReadonlySet<Field>>(new Set());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [outcome, setOutcome] = useState<{ personalId: string; created: boolean } | null>(null);

  const field = (name: Field) => ({
    value: values[name],
    onChange: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      const { value } = event.currentTarget;
      setValues((current) => ({ ...current, [name]: value }));
    },
    error: invalid.has(name) ? t(`activation.invalid.${name}`) : null,
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const personalId = values.personalId.replace(/\s/g, '');
    const cardNumber = values.cardNumber.replace(/\s/g, '');
    const phone = values.phone.replace(/[\s.-]/g, '');
    const attestation = values.attestation.trim();
    const wrong = new Set<Field>();
    if (!/^\d{12}$/.test(personalId)) wrong.add('personalId');
    if (!/^\d{12}$/.test(cardNumber)) wrong.add('cardNumber');
    if (phone !== '' && !/^0\d{9}$/.test(phone)) wrong.add('phone');
    if (attestation.length < 10 || attestation.length > 500) wrong.add('attestation');
    setInvalid(wrong);
    if (wrong.size > 0) return;
    const evidence: Level2Evidence = {
      personalId,
      cardNumber,
      faceMatched: face,
      fingerprintsMatched: fingerprints,
      method,
      attestation,
      ...(phone ? { phone } : {}),
    };
    setBusy(true);
    try {
      const { created } = await activateLevel2(evidence);
      setOutcome({ personalId, created });
    } catch (error) {
      setProblem(asProblem(error));
    }
    setBusy(false);
  };

  const reset = () => {
    setValues(EMPTY);
    setFace(false);
    setFingerprints(false);
    setOutcome(null);
  };

  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('activation.title')}</Title>
      <Text>{t('activation.intro')}</Text>
      {outcome ? (
        <Stack gap="sm">
          <Alert variant="light" color="green" role="status">
            {t(outcome.created ? 'activation.created' : 'activation.upgraded', { personalId: outcome.personalId })}
          </Alert>
          <div>
            <Button onClick={reset}>{t('activation.another')}</Button>
          </div>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label={t('activation.formLabel')}>
          <Stack gap="sm">
            <TextInput
              label={t('activation.personalId')}
              inputMode="numeric"
              maxLength={14}
              required
              {...field('personalId')}
            />
            <TextInput
              label={t('activation.cardNumber')}
              description={t('activation.cardNumberHelp')}
              inputMode="numeric"
              maxLength={14}
              required
              {...field('cardNumber')}
            />
            <Fieldset legend={t('activation.checks')} variant="unstyled">
              <Stack gap="xs">
                <Checkbox
                  label={t('activation.face')}
                  checked={face}
                  onChange={(e) => setFace(e.currentTarget.checked)}
                />
                <Checkbox
                  label={t('activation.fingerprints')}
                  checked={fingerprints}
                  onChange={(e) => setFingerprints(e.currentTarget.checked)}
                />
              </Stack>
            </Fieldset>
            <Select
              label={t('activation.method')}
              data={(['in_person', 'new_card'] as const).map((value) => ({
                value,
                label: t(`activation.methods.${value}`),
              }))}
              value={method}
              onChange={(value) => setMethod(value === 'new_card' ? 'new_card' : 'in_person')}
              allowDeselect={false}
            />
            <TextInput
              type="tel"
              label={t('activation.phone')}
              description={t('activation.phoneHelp')}
              maxLength={14}
              {...field('phone')}
            />
            <Textarea
              label={t('activation.attestation')}
              description={t('activation.attestationHelp')}
              autosize
              minRows={3}
              maxLength={500}
              required
              {...field('attestation')}
            />
            {problem && <ProblemAlert problem={problem} />}
            <div>
              <Button type="submit" loading={busy}>
                {t('activation.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to={OFFICER_PATH}>
        {t('activation.back')}
      </Anchor>
    </Stack>
  );
}
