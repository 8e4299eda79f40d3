import { useEffect, useState } from 'react';
import { resolveCommune } from '../api/reference.ts';

/** A commune's name as recorded, and the names of the unit(s) that replaced it when the map has changed. */
export interface CommuneName {
  /** `Phường 12, Thành phố Hồ Chí Minh` */
  readonly recorded: string;
  /** `Phường An Hội Tây`: empty while the commune is still in force. */
  readonly current: readonly string[];
}

/** Names of communes by id, fetched as `ids` come in; an id whose name is not known (yet) is absent. */
export function useCommuneNames(ids: readonly string[]): ReadonlyMap<string, CommuneName> {
  const [names, setNames] = useState<ReadonlyMap<string, CommuneName>>(new Map());
  const wanted = [...new Set(ids)].sort().join(',');

  useEffect(() => {
    if (wanted === '') return;
    let live = true;
    for (const id of wanted.split(',')) {
      resolveCommune(id).then(
        ({ recorded, current }) => {
          const name: CommuneName = {
            recorded: `${recorded.commune.name}, ${recorded.province.name}`,
            current: current.filter((unit) => unit.commune.id !== id).map((unit) => unit.commune.name),
          };
          if (live) setNames((known) => new Map(known).set(id, name));
        },
        // A name that cannot be fetched is left out; the table shows the id instead.
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [wanted]);

  return names;
}
