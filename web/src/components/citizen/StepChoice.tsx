import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcedureStep } from '../../api/services-model.ts';
import { useLocalized } from '../../hooks/use-localized.ts';

interface StepChoiceProps {
  readonly steps: readonly ProcedureStep[];
  /** The optional steps chosen. */
  readonly chosen: readonly string[];
  readonly onChange: (chosen: string[]) => void;
  readonly error: string | null;
}

/**
 * Which component procedures of an interlinked group to file (the death group: 2, 3 or 4 of them). Steps that
 * are not optional are always filed and shown ticked.
 */
export function StepChoice({ steps, chosen, onChange, error }: StepChoiceProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const optional = steps.filter((step) => step.optional).map((step) => step.name);
  return (
    <Checkbox.Group
      label={t('apply.stepsLabel')}
      description={t('apply.stepsHelp')}
      value={[...steps.filter((step) => !step.optional).map((step) => step.name), ...chosen]}
      onChange={(names) => onChange(names.filter((name) => optional.includes(name)))}
      error={error}
    >
      <Stack gap="xs" mt="xs">
        {steps.map((step) => (
          <Checkbox
            key={step.name}
            value={step.name}
            disabled={!step.optional}
            label={localized(step.title)}
            description={
              <Text component="span" fz="xs">
                {localized(step.agencyName)}
                {step.optional ? '' : ` · ${t('apply.stepAlways')}`}
              </Text>
            }
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
