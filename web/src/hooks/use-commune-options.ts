import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { type Commune, findCommunes, listProvinces, resolveCommune } from '../api/reference.ts';

export interface CommuneOption {
  readonly value: string;
  readonly label: string;
}

/** Fewer letters than this match too many communes to be worth listing. */
const MIN_QUERY = 2;

/**
 * Options for the commune picker: the 2025 communes matching what the officer types (debounced), each
 * labelled with its province, plus the selected commune (`selectedId`) so that its name shows even before
 * any search (a search restored from the URL).
 */
export function useCommuneOptions(query: string, selectedId: string | null): CommuneOption[] {
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [found, setFound] = useState<CommuneOption[]>([]);
  const [selected, setSelected] = useState<CommuneOption | null>(null);

  useEffect(() => {
    if (debounced.length < MIN_QUERY) return;
    const controller = new AbortController();
    Promise.all([findCommunes(debounced, controller.signal), provinceNames()]).then(
      ([communes, provinces]) => setFound(communes.map((commune) => optionOf(commune, provinces))),
      // A failed lookup leaves the list as it was; the officer can type again.
      () => undefined,
    );
    return () => controller.abort();
  }, [debounced]);

  useEffect(() => {
    if (selectedId === null) return;
    let live = true;
    // The commune may be of the old map (a link made before the reform): name it with its own province.
    resolveCommune(selectedId).then(
      ({ recorded }) => {
        if (live) setSelected({ value: selectedId, label: `${recorded.commune.name}, ${recorded.province.name}` });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [selectedId]);

  const options = debounced.length < MIN_QUERY ? [] : found;
  if (selected && selected.value === selectedId && !options.some((option) => option.value === selectedId)) {
    return [selected, ...options];
  }
  return options;
}

async function provinceNames(): Promise<Map<string, string>> {
  return new Map((await listProvinces()).map((province) => [province.id, province.name]));
}

function optionOf(commune: Commune, provinces: ReadonlyMap<string, string>): CommuneOption {
  const province = provinces.get(commune.provinceId);
  return { value: commune.id, label: province ? `${commune.name}, ${province}` : commune.name };
}
