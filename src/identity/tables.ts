/** The identity module's tables, for Kysely (see migrations/). */
import type { Generated } from 'kysely';
import type { Agency } from './model.ts';

export interface AccountRow {
  id: string;
  personal_id: string;
  level: number;
  phone: string;
  email: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  status: 'active' | 'locked';
  locked_reason: LockReason | null;
  locked_at: Date | null;
  guardian_account_id: string | null;
  created_at: Date;
  level2_at: Date | null;
  updated_at: Date;
}

export type LockReason = 'holder' | 'police' | 'deceased' | 'guardian';

export interface RoleAssignmentRow {
  id: Generated<string>;
  account_id: string;
  role: 'officer' | 'admin';
  agency: Agency | null;
  province_id: string | null;
  commune_id: string | null;
  granted_by: string;
  granted_at: Date;
  revoked_by: string | null;
  revoked_at: Date | null;
}

export type IdentityTables = {
  'identity.account': AccountRow;
  'identity.account_event': {
    id: Generated<string>;
    account_id: string;
    kind: string;
    at: Date;
    actor_id: string;
    details: string;
  };
  'identity.level2_activation': {
    account_id: string;
    officer_id: string;
    commune_id: string;
    method: 'in_person' | 'new_card';
    card_number: string;
    face_matched: boolean;
    fingerprints_matched: boolean;
    attestation: string;
    activated_at: Date;
  };
  'identity.registration': {
    id: string;
    personal_id: string;
    phone: string;
    email: string | null;
    created_at: Date;
    expires_at: Date;
    completed_at: Date | null;
  };
  'identity.one_time_code': {
    id: string;
    purpose: 'registration' | 'sign_in' | 'unlock' | 'first_password';
    subject: string;
    code_hash: Buffer;
    created_at: Date;
    expires_at: Date;
    attempts: number;
    consumed_at: Date | null;
  };
  'identity.sign_in_throttle': {
    key: string;
    failures: number;
    window_started_at: Date;
    blocked_until: Date | null;
  };
  'identity.role_assignment': RoleAssignmentRow;
  'identity.oidc_payload': {
    model: string;
    id: string;
    payload: unknown;
    grant_id: string | null;
    user_code: string | null;
    uid: string | null;
    account_id: string | null;
    expires_at: Date | null;
    consumed_at: Date | null;
  };
  'identity.oidc_client': {
    client_id: string;
    metadata: unknown;
    organisation: string;
    purpose: string;
    created_by: string;
    created_at: Date;
    disabled_at: Date | null;
  };
  'identity.signing_key': {
    kid: string;
    private_jwk: unknown;
    created_at: Date;
    retired_at: Date | null;
  };
  'identity.secret': { name: string; value: Buffer; created_at: Date };
  'identity.web_session': {
    id_hash: Buffer;
    account_id: string;
    acr: string;
    id_token: string;
    csrf_token: string;
    created_at: Date;
    expires_at: Date;
  };
  'identity.web_login': {
    state: string;
    code_verifier: string;
    nonce: string;
    return_to: string;
    created_at: Date;
  };
};
