-- Whatever a signed-in request's principal is made of (its session, its user, the user's roles and
-- the org units they name) announces its changes on the channel fivestar_auth, whoever writes them:
-- this server, another server, the CLI or a hand edit. Each server keeps the principals it has
-- looked up (server/features/auth/principal-cache.ts) and drops them on these notices.
--
-- Payloads: 's:<session id>', 'u:<user id>', 'c:<county id>' (an org unit: every principal of the
-- county), '*' (a TRUNCATE: everything). PostgreSQL sends identical notices of one transaction
-- once, so a bulk edit of a county's org units is one notice. A session's last_seen_at (touched
-- every minute) and a user's last login or last TOTP step are not part of a principal: changes
-- to them alone announce nothing.

CREATE FUNCTION fivestar_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('fivestar_auth', '*');
    RETURN NULL;
  END IF;
  r := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('fivestar_auth', 's:' || r.id);
  ELSIF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('fivestar_auth', 'u:' || r.id::text);
  ELSIF TG_TABLE_NAME = 'role_grants' THEN
    PERFORM pg_notify('fivestar_auth', 'u:' || r.user_id::text);
    -- A grant moved from one user to another changes both.
    IF TG_OP = 'UPDATE' AND OLD.user_id <> NEW.user_id THEN
      PERFORM pg_notify('fivestar_auth', 'u:' || OLD.user_id::text);
    END IF;
  ELSE
    PERFORM pg_notify('fivestar_auth', 'c:' || r.county_id::text);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER sessions_auth_changed AFTER UPDATE ON sessions FOR EACH ROW
  WHEN ((OLD.id, OLD.county_id, OLD.user_id, OLD.csrf_token, OLD.created_at, OLD.ended_at, OLD.second_factor_pending, OLD.reauth_at)
    IS DISTINCT FROM (NEW.id, NEW.county_id, NEW.user_id, NEW.csrf_token, NEW.created_at, NEW.ended_at, NEW.second_factor_pending, NEW.reauth_at))
  EXECUTE FUNCTION fivestar_auth_changed();
CREATE TRIGGER sessions_auth_deleted AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION fivestar_auth_changed();

CREATE TRIGGER users_auth_changed AFTER UPDATE ON users FOR EACH ROW
  WHEN ((OLD.id, OLD.county_id, OLD.username, OLD.display_name, OLD.active, OLD.must_change_password, OLD.password_changed_at,
         OLD.password_reset_by, OLD.password_reset_at, OLD.totp_enabled_at)
    IS DISTINCT FROM (NEW.id, NEW.county_id, NEW.username, NEW.display_name, NEW.active, NEW.must_change_password, NEW.password_changed_at,
         NEW.password_reset_by, NEW.password_reset_at, NEW.totp_enabled_at))
  EXECUTE FUNCTION fivestar_auth_changed();
CREATE TRIGGER users_auth_deleted AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION fivestar_auth_changed();

CREATE TRIGGER role_grants_auth_changed AFTER INSERT OR UPDATE OR DELETE ON role_grants FOR EACH ROW EXECUTE FUNCTION fivestar_auth_changed();

CREATE TRIGGER org_units_auth_changed AFTER UPDATE ON org_units FOR EACH ROW
  WHEN ((OLD.id, OLD.county_id, OLD.name, OLD.path, OLD.level) IS DISTINCT FROM (NEW.id, NEW.county_id, NEW.name, NEW.path, NEW.level))
  EXECUTE FUNCTION fivestar_auth_changed();
CREATE TRIGGER org_units_auth_deleted AFTER DELETE ON org_units FOR EACH ROW EXECUTE FUNCTION fivestar_auth_changed();

CREATE TRIGGER sessions_auth_truncated AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION fivestar_auth_changed();
CREATE TRIGGER users_auth_truncated AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION fivestar_auth_changed();
CREATE TRIGGER role_grants_auth_truncated AFTER TRUNCATE ON role_grants FOR EACH STATEMENT EXECUTE FUNCTION fivestar_auth_changed();
CREATE TRIGGER org_units_auth_truncated AFTER TRUNCATE ON org_units FOR EACH STATEMENT EXECUTE FUNCTION fivestar_auth_changed();
