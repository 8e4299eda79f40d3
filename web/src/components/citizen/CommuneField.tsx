import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommuneOptions } from '../../hooks/use-commune-options.ts';

interface CommuneFieldProps {
  readonly label: string;
  readonly description?: string | undefined;
  readonly error?: string | null;
  readonly required: boolean;
  readonly readOnly?: boolean | undefined;
  readonly value: string | null;
  readonly onChange: (communeId: string | null) => void;
}

/** A 2025 commune of an e-form, picked by typing part of its name (accents optional). */
export function CommuneField({ label, description, error, required, readOnly, value, onChange }: CommuneFieldProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const options = useCommuneOptions(search, value);
  return (
    <Select
      label={label}
      description={description}
      error={error}
      required={required}
      readOnly={readOnly}
      placeholder={t('search.communePlaceholder')}
      searchable={!readOnly}
      data={options}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: found }) => found}
      nothingFoundMessage={search.trim().length < 2 ? t('search.communeTypeMore') : t('search.communeNone')}
    />
  );
}
