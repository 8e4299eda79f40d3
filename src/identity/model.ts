/**
 * Định danh điện tử — eID accounts, their sign-in and roles. Each schema and its type share one name.
 */
import { type Static, Type } from 'typebox';

const closed = { additionalProperties: false } as const;
const PersonalIdText = Type.String({ pattern: '^\\d{12}$', description: 'Số định danh cá nhân' });
const Day = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
/** A Vietnamese mobile number in national form: 0 and nine digits. */
export const Phone = Type.String({ pattern: '^0[0-9]{9}$', description: 'Số điện thoại di động, ví dụ 0912345678' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 128 });
export const OneTimeCode = Type.String({ pattern: '^\\d{6}$' });

/** Mức độ tài khoản — account level (Decree 69/2024, Art. 12). */
export const AccountLevel = Type.Union([Type.Literal(1), Type.Literal(2)]);
export type AccountLevel = Static<typeof AccountLevel>;

/** The `acr` values of the OpenID provider, one per account level. */
export const ACR_LEVEL1 = 'urn:dancu:eid:level1';
export const ACR_LEVEL2 = 'urn:dancu:eid:level2';
export type Acr = typeof ACR_LEVEL1 | typeof ACR_LEVEL2;

export const LockReason = Type.Union([
  Type.Literal('holder'),
  Type.Literal('police'),
  Type.Literal('deceased'),
  Type.Literal('guardian'),
]);
export type LockReason = Static<typeof LockReason>;

/** Cơ quan — the agency kinds whose officers act in the platform. */
export const Agency = Type.Union([
  Type.Literal('police'),
  Type.Literal('civil_status'),
  Type.Literal('social_insurance'),
  Type.Literal('social_affairs'),
  Type.Literal('justice'),
]);
export type Agency = Static<typeof Agency>;

export const RegistrationRequest = Type.Object(
  {
    personalId: PersonalIdText,
    fullName: Type.String({ minLength: 2, maxLength: 100 }),
    birthDate: Day,
    phone: Phone,
    email: Type.Optional(Email),
  },
  closed,
);
export type RegistrationRequest = Static<typeof RegistrationRequest>;

export const RegistrationStarted = Type.Object(
  {
    registrationId: Type.String({ format: 'uuid' }),
    /** The phone the code went to, masked (`091*****78`). */
    sentTo: Type.String(),
    codeExpiresAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type RegistrationStarted = Static<typeof RegistrationStarted>;

export const RegistrationConfirmation = Type.Object({ code: OneTimeCode, password: Password }, closed);
export type RegistrationConfirmation = Static<typeof RegistrationConfirmation>;

export const RoleAssignment = Type.Object(
  {
    id: Type.Integer(),
    role: Type.Union([Type.Literal('officer'), Type.Literal('admin')]),
    agency: Type.Union([Agency, Type.Null()]),
    provinceId: Type.Union([Type.String(), Type.Null()]),
    communeId: Type.Union([Type.String(), Type.Null()]),
    grantedBy: Type.String(),
    grantedAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type RoleAssignment = Static<typeof RoleAssignment>;

/** What the holder sees of their own account. */
export const AccountView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    personalId: PersonalIdText,
    fullName: Type.String(),
    level: AccountLevel,
    status: Type.Union([Type.Literal('active'), Type.Literal('locked')]),
    lockedReason: Type.Union([LockReason, Type.Null()]),
    phone: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    totpEnabled: Type.Boolean(),
    roles: Type.Array(RoleAssignment),
    guardianOf: Type.Array(
      Type.Object(
        { accountId: Type.String(), personalId: PersonalIdText, fullName: Type.String(), status: Type.String() },
        closed,
      ),
    ),
    createdAt: Type.String({ format: 'date-time' }),
    level2At: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  closed,
);
export type AccountView = Static<typeof AccountView>;

/** The officer's attestation of an in-person level-2 activation. */
export const Level2Evidence = Type.Object(
  {
    personalId: PersonalIdText,
    cardNumber: Type.String({ pattern: '^\\d{12}$', description: 'Số thẻ căn cước đã kiểm tra' }),
    faceMatched: Type.Boolean(),
    fingerprintsMatched: Type.Boolean(),
    /** Phone for the account when it is created at activation (a person without a level-1 account). */
    phone: Type.Optional(Phone),
    method: Type.Optional(Type.Union([Type.Literal('in_person'), Type.Literal('new_card')])),
    attestation: Type.String({ minLength: 10, maxLength: 500 }),
  },
  closed,
);
export type Level2Evidence = Static<typeof Level2Evidence>;
