import { Button, Radio, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Decision, decideStep } from '../../api/agency.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import type { FormValues, ProcedureStep } from '../../api/services-model.ts';
import { FormFieldInput } from '../citizen/FormFieldInput.tsx';
import { cleanForm, type FieldProblem, validateForm } from '../citizen/form-validation.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

type Kind = Decision['decision'];
const KINDS: readonly Kind[] = ['approve', 'refuse', 'request_supplement'];

interface DecisionFormProps {
  readonly dossierId: string;
  readonly step: string;
  /** The step's definition: the fields an approval records (`decisionFields`). */
  readonly definition: ProcedureStep | undefined;
  readonly onDecided: () => void;
}

/**
 * The officer's decision on a claimed step: approve (with the step's own fields), refuse (with the reason),
 * or ask the applicant for a supplement (the reason and the documents missing, one per line).
 */
export function DecisionForm({ dossierId, step, definition, onDecided }: DecisionFormProps) {
  const { t } = useTranslation();
  const fields = definition?.decisionFields ?? [];
  const [kind, setKind] = useState<Kind>('approve');
  const [data, setData] = useState<FormValues>({});
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [note, setNote] = useState('');
  const [documents, setDocuments] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [documentsError, setDocumentsError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const decision = (): Decision | null => {
    const text = note.trim();
    const missing = kind === 'request_supplement' ? documents.split('\n').map((line) => line.trim()) : [];
    const listed = missing.filter((line) => line !== '');
    const found = kind === 'approve' ? validateForm(fields, data) : {};
    setProblems(found);
    setNoteError(kind !== 'approve' && text.length < 3 ? t('decision.reasonMissing') : null);
    setDocumentsError(kind === 'request_supplement' && listed.length === 0 ? t('decision.documentsMissing') : null);
    if (Object.keys(found).length > 0) return null;
    if (kind === 'approve') {
      const values = cleanForm(fields, data);
      return {
        decision: 'approve',
        ...(text ? { note: text } : {}),
        ...(fields.length > 0 ? { data: values } : {}),
      };
    }
    if (text.length < 3) return null;
    if (kind === 'refuse') return { decision: 'refuse', note: text };
    return listed.length === 0 ? null : { decision: 'request_supplement', note: text, documents: listed };
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const chosen = decision();
    if (!chosen) return;
    setBusy(true);
    try {
      await decideStep(dossierId, step, chosen);
      onDecided();
    } catch (failure) {
      setProblem(asProblem(failure));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('decision.formLabel')}>
      <Stack gap="sm">
        <Radio.Group label={t('decision.kind')} value={kind} onChange={(value) => setKind(value as Kind)}>
          <Stack gap={6} mt={6}>
            {KINDS.map((value) => (
              <Radio key={value} value={value} label={t(`decision.kinds.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {kind === 'approve' &&
          fields.map((field) => (
            <FormFieldInput
              key={field.name}
              field={field}
              value={data[field.name]}
              problem={problems[field.name]}
              onChange={(value) => setData((current) => ({ ...current, [field.name]: value }))}
            />
          ))}
        <Textarea
          label={kind === 'approve' ? t('decision.note') : t('decision.reason')}
          required={kind !== 'approve'}
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={noteError}
        />
        {kind === 'request_supplement' && (
          <Textarea
            label={t('decision.documents')}
            description={t('decision.documentsHelp')}
            required
            autosize
            minRows={2}
            value={documents}
            onChange={(event) => setDocuments(event.currentTarget.value)}
            error={documentsError}
          />
        )}
        {problem && <ProblemAlert problem={problem} />}
        <div>
          <Button type="submit" loading={busy} color={kind === 'refuse' ? 'red.9' : undefined}>
            {t(`decision.submit.${kind}`)}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
