import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addContract, CHECK_TYPES, type CheckType, PURPOSE_CODES, type PurposeCode } from '../../api/partners.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { formatCount, formatVnd, isDay, todayInVietnam } from '../../i18n/format.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

type NumberField = 'onlinePrice' | 'batchPrice' | 'monthlyQuota' | 'ratePerSecond';
type Field = NumberField | 'purposes' | 'checkTypes' | 'validFrom' | 'validUntil';

/** The bounds the server accepts for each number (src/verification/model.ts, NewContract). */
const BOUNDS: Record<NumberField, { min: number; max: number }> = {
  onlinePrice: { min: 0, max: 1_000_000_000 },
  batchPrice: { min: 0, max: 1_000_000_000 },
  monthlyQuota: { min: 1, max: 1_000_000_000_000 },
  ratePerSecond: { min: 1, max: 100_000 },
};

/** A whole number as typed, with or without grouping dots, commas or spaces; null when it is not one. */
function parseWhole(text: string): number | null {
  const digits = text.replace(/[\s.,]/g, '');
  return /^\d{1,13}$/.test(digits) ? Number(digits) : null;
}

/**
 * A new contract for a partner: allowed purposes and check types, prices in đồng per online check and per
 * batch record, monthly quota, checks per second, and validity. From its first day it replaces the earlier
 * contracts.
 */
export function NewContractForm({ partnerId, onAdded }: { partnerId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [purposes, setPurposes] = useState<string[]>([]);
  const [checkTypes, setCheckTypes] = useState<string[]>(['identity']);
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({
    onlinePrice: '',
    batchPrice: '',
    monthlyQuota: '',
    ratePerSecond: '',
  });
  const [validFrom, setValidFrom] = useState(todayInVietnam());
  const [validUntil, setValidUntil] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const numberInput = (name: NumberField, money: boolean) => {
    const value = parseWhole(numbers[name]);
    const preview = value === null ? undefined : money ? formatVnd(value, language) : formatCount(value, language);
    return (
      <TextInput
        label={t(`contractForm.${name}`)}
        description={preview === undefined ? t(`contractForm.${name}Help`) : `= ${preview}`}
        inputMode="numeric"
        required
        value={numbers[name]}
        onChange={(event) => {
          const text = event.currentTarget.value;
          setNumbers((current) => ({ ...current, [name]: text }));
        }}
        error={errors[name] ?? null}
      />
    );
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const found: Partial<Record<Field, string>> = {};
    const parsed = {} as Record<NumberField, number>;
    for (const name of Object.keys(BOUNDS) as NumberField[]) {
      const value = parseWhole(numbers[name]);
      const { min, max } = BOUNDS[name];
      if (value === null || value < min || value > max) {
        found[name] = t('contractForm.invalid.number', {
          min: formatCount(min, language),
          max: formatCount(max, language),
        });
      } else parsed[name] = value;
    }
    if (purposes.length === 0) found.purposes = t('contractForm.invalid.purposes');
    if (checkTypes.length === 0) found.checkTypes = t('contractForm.invalid.checkTypes');
    if (!isDay(validFrom)) found.validFrom = t('contractForm.invalid.day');
    if (validUntil !== '' && !isDay(validUntil)) found.validUntil = t('contractForm.invalid.day');
    else if (validUntil !== '' && validUntil < validFrom) found.validUntil = t('contractForm.invalid.untilBeforeFrom');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await addContract(partnerId, {
        purposes: purposes as PurposeCode[],
        checkTypes: checkTypes as CheckType[],
        onlinePriceVnd: parsed.onlinePrice,
        batchPriceVnd: parsed.batchPrice,
        monthlyQuota: parsed.monthlyQuota,
        ratePerSecond: parsed.ratePerSecond,
        validFrom,
        ...(validUntil ? { validUntil } : {}),
      });
      setPurposes([]);
      setNumbers({ onlinePrice: '', batchPrice: '', monthlyQuota: '', ratePerSecond: '' });
      onAdded();
    } catch (failure) {
      setProblem(asProblem(failure));
    }
    setBusy(false);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('contractForm.formLabel')}>
      <Stack gap="sm">
        <Checkbox.Group
          label={t('contractForm.purposes')}
          required
          value={purposes}
          onChange={setPurposes}
          error={errors.purposes ?? null}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
            {PURPOSE_CODES.map((code) => (
              <Checkbox key={code} value={code} label={t(`purposes.${code}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('contractForm.checkTypes')}
          required
          value={checkTypes}
          onChange={setCheckTypes}
          error={errors.checkTypes ?? null}
        >
          <Group gap="md" mt="xs">
            {CHECK_TYPES.map((type) => (
              <Checkbox key={type} value={type} label={t(`contracts.types.${type}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {numberInput('onlinePrice', true)}
          {numberInput('batchPrice', true)}
          {numberInput('monthlyQuota', false)}
          {numberInput('ratePerSecond', false)}
          <TextInput
            type="date"
            label={t('contractForm.validFrom')}
            required
            value={validFrom}
            onChange={(event) => setValidFrom(event.currentTarget.value)}
            error={errors.validFrom ?? null}
          />
          <TextInput
            type="date"
            label={t('contractForm.validUntil')}
            description={t('contractForm.validUntilHelp')}
            value={validUntil}
            onChange={(event) => setValidUntil(event.currentTarget.value)}
            error={errors.validUntil ?? null}
          />
        </SimpleGrid>
        {problem && <ProblemAlert problem={problem} />}
        <div>
          <Button type="submit" loading={busy}>
            {t('contractForm.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
