import { Alert, Button, List, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerSupplement } from '../../api/dossiers.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import type { Dossier, DossierSupplement, FormField, FormValues } from '../../api/services-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { formatDay } from '../../i18n/format.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { FormFieldInput } from './FormFieldInput.tsx';
import { cleanForm, type FieldProblem, serverFieldProblems, validateForm } from './form-validation.ts';

interface SupplementAnswerFormProps {
  readonly dossier: Dossier;
  readonly supplement: DossierSupplement;
  /** The fields of the e-form the applicant may correct (the registry's facts stay as they are). */
  readonly fields: readonly FormField[];
  readonly onAnswered: () => void;
}

/** What the agency asks for, by when, and the answer: a note and the corrected fields of the e-form. */
export function SupplementAnswerForm({ dossier, supplement, fields, onAnswered }: SupplementAnswerFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const editable = fields.filter((field) => !field.readOnly);
  const [values, setValues] = useState<FormValues>(dossier.form);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const found = validateForm(editable, values);
    setProblems(found);
    const noteMissing = note.trim().length < 3;
    setNoteError(noteMissing ? t('supplement.noteMissing') : null);
    if (noteMissing || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await answerSupplement(dossier.id, note.trim(), editable.length > 0 ? cleanForm(editable, values) : undefined);
      onAnswered();
    } catch (failure) {
      const refused = asProblem(failure);
      setProblems(serverFieldProblems(refused));
      setProblem(refused);
    }
    setBusy(false);
  };

  return (
    <Stack gap="sm">
      <Alert color="orange" variant="light" title={t('supplement.requested')}>
        <Stack gap={4}>
          <Text fz="sm">{supplement.reason}</Text>
          {supplement.documents.length > 0 && (
            <List fz="sm">
              {supplement.documents.map((document) => (
                <List.Item key={document}>{document}</List.Item>
              ))}
            </List>
          )}
          <Text fz="sm" fw={600}>
            {t('supplement.deadline', { day: formatDay(supplement.dueOn, language) })}
          </Text>
        </Stack>
      </Alert>
      <form onSubmit={onSubmit} noValidate aria-label={t('supplement.formLabel')}>
        <Stack gap="sm">
          {editable.map((field) => (
            <FormFieldInput
              key={field.name}
              field={field}
              value={values[field.name]}
              problem={problems[field.name]}
              onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
            />
          ))}
          <Textarea
            label={t('supplement.note')}
            description={t('supplement.noteHelp')}
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={noteError}
          />
          {problem && <ProblemAlert problem={problem} />}
          <div>
            <Button type="submit" loading={busy}>
              {t('supplement.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
