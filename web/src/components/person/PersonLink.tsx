import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { personPath } from '../../officer-paths.ts';

interface PersonLinkProps {
  readonly personalId: string | null;
  readonly name: string;
  /** The person whose page this is: named, not linked. */
  readonly currentId?: string;
}

/** A relative's or household member's name, linking to their page when they are in the registry. */
export function PersonLink({ personalId, name, currentId }: PersonLinkProps) {
  if (personalId === null || personalId === currentId) return <>{name}</>;
  return (
    <Anchor component={Link} to={personPath(personalId)} fz="inherit">
      {name}
    </Anchor>
  );
}
