import { Checkbox, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../api/services-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useLocalized } from '../../hooks/use-localized.ts';
import { formatDay } from '../../i18n/format.ts';
import { CommuneField } from './CommuneField.tsx';
import type { FieldProblem } from './form-validation.ts';

interface FormFieldInputProps {
  readonly field: FormField;
  readonly value: unknown;
  readonly onChange: (value: string | boolean) => void;
  readonly problem?: FieldProblem | undefined;
}

/** One field of an e-form, drawn by its type; a registry fact pre-filled is shown read-only. */
export function FormFieldInput({ field, value, onChange, problem }: FormFieldInputProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const language = useLanguage();
  const label = localized(field.label);
  const error = problem ? t(`apply.problems.${problem}`) : null;
  const description = field.readOnly ? t('apply.fromRegistry') : undefined;
  const required = Boolean(field.required) && !field.readOnly;
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  const common = {
    label,
    description,
    error,
    required,
    readOnly: field.readOnly,
    maxLength: field.maxLength,
    // A registry fact the registry does not hold (no father recorded): say so rather than leave a blank.
    placeholder: field.readOnly ? t('common.none') : undefined,
  } as const;

  switch (field.type) {
    case 'checkbox':
      return (
        <Checkbox
          label={label}
          description={description}
          error={error}
          checked={value === true}
          disabled={field.readOnly}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      );
    case 'textarea':
      return (
        <Textarea {...common} autosize minRows={2} value={text} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'select':
      return (
        <NativeSelect
          {...common}
          disabled={field.readOnly}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          data={[
            { value: '', label: t('apply.choose') },
            ...(field.options ?? []).map((option) => ({ value: option.value, label: localized(option.label) })),
          ]}
        />
      );
    case 'commune':
      return (
        <CommuneField
          label={label}
          description={description}
          error={error}
          required={required}
          readOnly={field.readOnly}
          value={text || null}
          onChange={(id) => onChange(id ?? '')}
        />
      );
    case 'number':
      return (
        <TextInput {...common} inputMode="numeric" value={text} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'date':
      // A registry fact is shown as people read dates; the browser's date picker would use its own locale.
      return field.readOnly ? (
        <TextInput {...common} value={text ? formatDay(text, language) : ''} />
      ) : (
        <TextInput {...common} type="date" value={text} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'personalId':
      return (
        <TextInput
          {...common}
          inputMode="numeric"
          maxLength={12}
          autoComplete="off"
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    default:
      return <TextInput {...common} value={text} onChange={(event) => onChange(event.currentTarget.value)} />;
  }
}
