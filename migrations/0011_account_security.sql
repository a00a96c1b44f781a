-- Accounts and authentication for the 等保 level-3 assessment (SECURITY.md items 1-5, 8, 12):
-- one-time passwords after a reset, two-person resets of admin accounts, TOTP second factor with
-- recovery codes, and re-authentication before sensitive actions. Columns only, on existing tables.

-- A reset or a new account leaves a password somebody else has seen: it must be changed first.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
-- Who completed the last reset and when: the account's next login shows it.
ALTER TABLE users ADD COLUMN password_reset_by text;
ALTER TABLE users ADD COLUMN password_reset_at timestamptz;
-- A pending reset of an admin-role account, waiting for a second admin role's approval.
ALTER TABLE users ADD COLUMN reset_requested_by uuid;
ALTER TABLE users ADD COLUMN reset_requested_by_name text;
ALTER TABLE users ADD COLUMN reset_requested_at timestamptz;
-- TOTP (RFC 6238): secrets AES-GCM encrypted like ID numbers; the last accepted time step stops
-- a code being replayed; recovery codes are kept as keyed digests and removed when used.
ALTER TABLE users ADD COLUMN totp_secret text;
ALTER TABLE users ADD COLUMN totp_pending_secret text;
ALTER TABLE users ADD COLUMN totp_enabled_at timestamptz;
ALTER TABLE users ADD COLUMN totp_last_step bigint;
ALTER TABLE users ADD COLUMN totp_recovery_hashes text[] NOT NULL DEFAULT '{}';
-- Why an account was switched off by the system (e.g. 'idle'), shown to the system admin.
ALTER TABLE users ADD COLUMN disabled_reason text;

-- A session waits for its second factor before it may do anything; reauth_at is the last time
-- its user proved a password or a TOTP code (sensitive routes ask for one in the last 5 minutes).
ALTER TABLE sessions ADD COLUMN second_factor_pending boolean NOT NULL DEFAULT false;
ALTER TABLE sessions ADD COLUMN reauth_at timestamptz;
