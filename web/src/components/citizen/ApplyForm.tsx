import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileDossier } from '../../api/dossiers.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import type { Dossier, FormValues, Procedure } from '../../api/services-model.ts';
import { useLocalized } from '../../hooks/use-localized.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { FormFieldInput } from './FormFieldInput.tsx';
import { cleanForm, type FieldProblem, serverFieldProblems, validateForm } from './form-validation.ts';
import { StepChoice } from './StepChoice.tsx';

interface ApplyFormProps {
  readonly procedure: Procedure;
  /** What the registry pre-filled. */
  readonly prefill: FormValues;
  readonly onFiled: (dossier: Dossier) => void;
}

/**
 * The e-form of a procedure: its fields (the registry's facts pre-filled and read-only), for a group with
 * optional steps the choice of which to file, the documents to hold ready, and the submission.
 */
export function ApplyForm({ procedure, prefill, onFiled }: ApplyFormProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const fields = procedure.fields;
  const [values, setValues] = useState<FormValues>(prefill);
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const optionalSteps = procedure.steps.filter((step) => step.optional);
  const [chosen, setChosen] = useState<string[]>([]);
  // The death group: the death registration and at least one more (`minSteps` 2 in all).
  const minOptional = Math.max(1, (procedure.minSteps ?? 0) - (procedure.steps.length - optionalSteps.length));
  const [stepsError, setStepsError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const found = validateForm(fields, values);
    const noStep = optionalSteps.length > 0 && chosen.length < minOptional;
    setProblems(found);
    setStepsError(noStep ? t('apply.stepsMissing', { count: minOptional }) : null);
    if (Object.keys(found).length > 0 || noStep) {
      summary.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const steps =
        optionalSteps.length > 0
          ? procedure.steps.filter((step) => !step.optional || chosen.includes(step.name)).map((step) => step.name)
          : undefined;
      onFiled(await fileDossier({ procedureCode: procedure.code, form: cleanForm(fields, values), steps }));
    } catch (failure) {
      const refused = asProblem(failure);
      const named = serverFieldProblems(refused);
      setProblems(named);
      setProblem(refused);
      setBusy(false);
      if (Object.keys(named).length > 0) summary.current?.focus();
    }
  };

  const invalid = Object.keys(problems).length + (stepsError ? 1 : 0);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('apply.formLabel')}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('apply.formTitle')}
        </Title>
        <Text fz="sm">{t('apply.formIntro')}</Text>
        {fields.map((field) => (
          <FormFieldInput
            key={field.name}
            field={field}
            value={values[field.name]}
            problem={problems[field.name]}
            onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
          />
        ))}
        {optionalSteps.length > 0 && (
          <StepChoice steps={procedure.steps} chosen={chosen} onChange={setChosen} error={stepsError} />
        )}
        {procedure.documents.length > 0 && (
          <Stack gap={4}>
            <Title order={2} size="h3">
              {t('apply.documents')}
            </Title>
            <Text fz="sm">{t('apply.documentsHelp')}</Text>
            <List fz="sm">
              {procedure.documents.map((document) => (
                <List.Item key={document.kind}>{localized(document.name)}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        <div ref={summary} tabIndex={-1} style={{ outline: 'none' }}>
          {invalid > 0 && (
            <Alert color="red" variant="light" role="alert">
              {t('apply.invalid', { count: invalid })}
            </Alert>
          )}
        </div>
        {problem && <ProblemAlert problem={problem} />}
        <Group>
          <Button type="submit" loading={busy}>
            {t('apply.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
