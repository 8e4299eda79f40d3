import type { Account, KoaContextWithOIDC } from 'oidc-provider';
import type { AccessLog, ActorKind } from '../../audit/index.ts';
import type { Database } from '../../db/index.ts';
import type { PersonRecord, Registry } from '../../registry/index.ts';
import { tables } from '../context.ts';
import { type AccountRow, takeReadAhead } from './adapter.ts';
import { type ClientRegistry, WEB_CLIENT_ID } from './clients.ts';

/** The claims each scope releases (OpenID Connect Core §5.4, plus the platform's own scopes). */
export const SCOPE_CLAIMS: Record<string, readonly string[]> = {
  openid: ['sub'],
  profile: ['name', 'family_name', 'middle_name', 'given_name', 'birthdate', 'gender', 'eid_level'],
  personal_id: ['personal_id'],
  address: ['address'],
  household: ['household'],
  phone: ['phone_number', 'phone_number_verified'],
};

/** What the consent screen says each scope shares, in Vietnamese and English. */
export const SCOPE_LABELS: Record<string, { vi: string; en: string }> = {
  profile: {
    vi: 'Họ, chữ đệm và tên; ngày sinh; giới tính; mức tài khoản',
    en: 'Full name, date of birth, sex, account level',
  },
  personal_id: { vi: 'Số định danh cá nhân', en: 'Personal ID number' },
  address: {
    vi: 'Nơi thường trú (địa chỉ và đơn vị hành chính hiện nay)',
    en: 'Permanent residence (address and current administrative units)',
  },
  household: {
    vi: 'Hộ gia đình: số hồ sơ cư trú và quan hệ với chủ hộ',
    en: 'Household: residence file number and relationship to the head',
  },
  phone: { vi: 'Số điện thoại đã xác thực', en: 'Verified phone number' },
  offline_access: {
    vi: 'Duy trì kết nối khi bạn không trực tuyến (mã làm mới)',
    en: 'Keep access while you are offline (refresh token)',
  },
};

/** Scopes whose claims come from the population registry (a logged read). */
const REGISTRY_SCOPES = ['profile', 'address', 'household'];

export interface ClaimsDeps {
  readonly db: Database;
  readonly registry: Registry;
  readonly accessLog: AccessLog;
  readonly clients: ClientRegistry;
}

/** Who a client is in the access log: the platform's own web app, or a relying party (partner). */
export async function clientActor(
  clients: ClientRegistry,
  clientId: string,
): Promise<{ id: string; kind: ActorKind; name: string; purpose: string }> {
  if (clientId === WEB_CLIENT_ID)
    return { id: clientId, kind: 'system', name: 'Cổng dịch vụ công dancu', purpose: 'Đăng nhập cổng dịch vụ công' };
  const client = await clients.get(clientId).catch(() => undefined);
  return {
    id: clientId,
    kind: 'partner',
    name: client ? `${client.name} (${client.organisation})`.slice(0, 200) : clientId,
    purpose: client?.purpose ?? 'Xác thực điện tử',
  };
}

/**
 * The provider's `findAccount`: the account behind a subject, or undefined when it is gone or locked (so
 * that a locked account's tokens stop releasing claims). Claims from the registry are read only when the
 * scopes granted ask for them; every release of personal claims to a client is written to the access log.
 */
export function findAccount(deps: ClaimsDeps) {
  return async (ctx: KoaContextWithOIDC, sub: string): Promise<Account | undefined> => {
    // Read with the code or token of this request when there is one (adapter.ts), else now.
    const ahead = takeReadAhead<AccountRow>(`Account:${sub}`);
    const account = ahead
      ? ahead.value
      : await tables(deps.db)
          .selectFrom('identity.account')
          .select(['id', 'personal_id', 'phone', 'status', 'level'])
          .where('id', '=', sub)
          .executeTakeFirst();
    if (account?.status !== 'active') return undefined;
    return {
      accountId: account.id,
      async claims(use, scope, requested) {
        // An ID token issued with an access token keeps only claims asked for by name (conformIdTokenClaims):
        // without such a request nothing personal is read or released for it.
        if (use === 'id_token' && Object.keys(requested ?? {}).length === 0) return { sub: account.id };
        const scopes = new Set(scope.split(' '));
        const released = [...scopes].filter((s) => s !== 'openid' && SCOPE_CLAIMS[s]);
        if (released.length === 0) return { sub: account.id };
        const claims: Record<string, unknown> = { sub: account.id };
        if (scopes.has('personal_id')) claims.personal_id = account.personal_id;
        if (scopes.has('phone')) {
          claims.phone_number = `+84${account.phone.slice(1)}`;
          claims.phone_number_verified = true;
        }
        const wantsRegistry = REGISTRY_SCOPES.some((s) => scopes.has(s));
        const clientId = ctx.oidc.client?.clientId ?? 'unknown';
        const actor = await clientActor(deps.clients, clientId);
        if (wantsRegistry) {
          const record = await deps.registry.getPersonRecord(account.personal_id, undefined, {
            actor: { id: actor.id, kind: actor.kind, name: actor.name },
            purpose: actor.purpose,
            channel: 'oidc',
          });
          Object.assign(claims, registryClaims(record, scopes, account.level));
        }
        await deps.accessLog.record({
          actorId: actor.id,
          actorKind: actor.kind,
          actorName: actor.name,
          purpose: actor.purpose,
          channel: 'oidc',
          action: 'claims_released',
          subjectId: account.personal_id,
          details: { scopes: released, to: use },
        });
        return claims as { sub: string };
      },
    };
  };
}

function registryClaims(record: PersonRecord, scopes: Set<string>, level: number): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  const { person } = record;
  if (scopes.has('profile')) {
    Object.assign(claims, {
      name: person.fullName,
      family_name: person.familyName,
      middle_name: person.middleName || undefined,
      given_name: person.givenName,
      birthdate: person.birthDate,
      gender: person.sex,
      eid_level: level,
    });
  }
  const home = record.residences.find((r) => r.kind === 'permanent' && r.validTo === null);
  if (scopes.has('address') && home) {
    const unit = home.address.current[0] ?? home.address.recorded;
    claims.address = {
      formatted: [home.address.addressLine, unit.communeName, unit.provinceName].filter(Boolean).join(', '),
      street_address: home.address.addressLine,
      locality: unit.communeName,
      region: unit.provinceName,
      country: 'VN',
    };
  }
  if (scopes.has('household') && record.household) {
    const me = record.household.members.find((m) => m.personalId === person.personalId);
    claims.household = {
      file_number: record.household.fileNumber,
      relationship_to_head: me?.relationship ?? null,
      members: record.household.members.filter((m) => m.leftOn === null).length,
    };
  }
  return claims;
}
