import { useTranslation } from 'react-i18next';
import type {
  AccessChannel,
  ActorKind,
  CardStatus,
  IdentityCard,
  MaritalStatus,
  PersonStatus,
  Relation,
  ResidenceKind,
  Sex,
} from '../api/registry-model.ts';

/** Codes the server sends as open strings; a code not listed here is shown as it is. */
const HOUSEHOLD_RELATIONSHIPS = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandparent',
  'grandchild',
  'sibling',
  'child_in_law',
  'other_relative',
  'other',
] as const;
const EVENT_KINDS = [
  'person_registered',
  'person_changed',
  'person_died',
  'marriage_recorded',
  'divorce_recorded',
  'legal_representative_appointed',
  'household_created',
  'household_joined',
  'household_left',
  'household_head_appointed',
  'permanent_residence_registered',
  'temporary_residence_registered',
  'temporary_residence_renewed',
  'temporary_absence_declared',
  'permanent_residence_ended',
  'temporary_residence_ended',
  'current_residence_ended',
  'temporary_absence_residence_ended',
  'card_issued',
  'card_lost',
  'card_revoked',
] as const;
const ACCESS_ACTIONS = ['read', 'search', 'lookup', 'read_household'] as const;
const PURPOSES = ['registry_administration', 'access_log_review', 'data_quality_review'] as const;

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** Vietnamese or English words for the registry's codes (sex, relation, residence kind, event kind, …). */
export function useRegistryLabels() {
  const { t } = useTranslation();
  return {
    sex: (sex: Sex) => t(`labels.sex.${sex}`),
    personStatus: (status: PersonStatus) => t(`labels.personStatus.${status}`),
    maritalStatus: (status: MaritalStatus) => t(`labels.maritalStatus.${status}`),
    relation: (relation: Relation) => t(`labels.relation.${relation}`),
    householdRelationship: (code: string) =>
      isOneOf(HOUSEHOLD_RELATIONSHIPS, code) ? t(`labels.householdRelationship.${code}`) : code,
    residenceKind: (kind: ResidenceKind) => t(`labels.residenceKind.${kind}`),
    cardKind: (kind: IdentityCard['kind']) => t(`labels.cardKind.${kind}`),
    cardStatus: (status: CardStatus) => t(`labels.cardStatus.${status}`),
    eventKind: (kind: string) => (isOneOf(EVENT_KINDS, kind) ? t(`labels.eventKind.${kind}`) : kind),
    actorKind: (kind: ActorKind) => t(`labels.actorKind.${kind}`),
    channel: (channel: AccessChannel) => t(`labels.channel.${channel}`),
    accessAction: (action: string) => (isOneOf(ACCESS_ACTIONS, action) ? t(`labels.accessAction.${action}`) : action),
    purpose: (purpose: string) => (isOneOf(PURPOSES, purpose) ? t(`labels.purpose.${purpose}`) : purpose),
  };
}
