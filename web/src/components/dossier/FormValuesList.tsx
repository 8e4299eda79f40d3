import { SimpleGrid, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FormField, FormValues } from '../../api/services-model.ts';
import { useCommuneNames } from '../../hooks/use-commune-names.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { formatDay, isDay } from '../../i18n/format.ts';
import type { Language } from '../../i18n/index.ts';
import { addedFormValue } from './dossier-labels.ts';

interface FormValuesListProps {
  readonly values: FormValues;
  /** The form's definition, for labels and option names; fields it does not list show under their own names. */
  readonly fields?: readonly FormField[] | undefined;
}

/** The values of an e-form (or of a step's result), as a list of terms and values. */
export function FormValuesList({ values, fields = [] }: FormValuesListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const known = new Map(fields.map((field) => [field.name, field]));
  const names = [
    ...fields.map((field) => field.name).filter((name) => name in values),
    ...Object.keys(values).filter((name) => !known.has(name)),
  ];
  const communeIds = names.flatMap((name) => {
    const value = values[name];
    return known.get(name)?.type === 'commune' && typeof value === 'string' ? [value] : [];
  });
  const communes = useCommuneNames(communeIds);
  if (names.length === 0) return <Text>{t('common.none')}</Text>;
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4} m={0}>
      {names.map((name) => {
        const field = known.get(name);
        const value = values[name];
        const commune = typeof value === 'string' ? communes.get(value)?.recorded : undefined;
        const added = field ? null : addedFormValue(name, value, t);
        return (
          <div key={name}>
            <Text component="dt" fz="sm" c="dimmed">
              {field ? field.label[language] || field.label.vi : (added?.[0] ?? name)}
            </Text>
            <Text component="dd" m={0}>
              {commune ?? added?.[1] ?? displayValue(value, field, language, t)}
            </Text>
          </div>
        );
      })}
    </SimpleGrid>
  );
}

/** A value as people read it: days in the language's format, yes/no, an option's label. */
export function displayValue(value: unknown, field: FormField | undefined, language: Language, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('apply.yes') : t('apply.no');
  if (Array.isArray(value)) return value.map((item) => displayValue(item, field, language, t)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  const option = field?.options?.find((candidate) => candidate.value === text);
  if (option) return option.label[language] || option.label.vi;
  return field?.type === 'date' || isDay(text) ? formatDay(text, language) : text;
}
