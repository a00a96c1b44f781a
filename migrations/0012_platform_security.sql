-- Platform security (等保 2.0 items 16 and 18): the server's database login holds only what it
-- uses and can never change the audit trail; the head of every audit chain is anchored where
-- that login can add but not rewrite; purges of old audit rows leave a record to resume from.
--
-- Roles (statements for the DBA in docs/operations.md): the migrations run as the owner of the
-- schema (DATABASE_OWNER_URL, or `fivestar migrate`); the server logs in as its own role
-- (DATABASE_URL, e.g. fivestar_server) that is a member of fivestar_app only: it owns nothing and
-- cannot SET ROLE to the owner, so RESET ROLE returns it to itself.

-- The audit log: read and append, nothing else, whoever grants what by default.
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM fivestar_app;
GRANT SELECT, INSERT ON audit_log TO fivestar_app;
-- No table may be emptied or have triggers made by the application.
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM fivestar_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM fivestar_app;

-- One row per audit row written: (county, seq, hash). audit_chain stays the lock that serializes
-- writers, but it can be rewound by whoever updates it; an anchor can only be added, so deleting
-- the newest audit rows leaves anchors past the last row and verification reports the cut.
CREATE TABLE audit_anchors (
  county_id uuid NOT NULL,
  seq bigint NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (county_id, seq)
);
REVOKE ALL ON audit_anchors FROM fivestar_app;
GRANT SELECT, INSERT ON audit_anchors TO fivestar_app;

-- Anchors for the rows written before this migration: the current heads.
INSERT INTO audit_anchors (county_id, seq, hash)
SELECT county_id, seq, hash FROM audit_chain WHERE seq > 0
ON CONFLICT (county_id, seq) DO NOTHING;

-- Purges (owner only, `fivestar audit purge`): the last purged row of each county, from which
-- verification resumes. The application reads it; it never writes it.
CREATE TABLE audit_purges (
  county_id uuid NOT NULL,
  through_seq bigint NOT NULL,
  through_hash text NOT NULL,
  before_at timestamptz NOT NULL,
  purged_at timestamptz NOT NULL DEFAULT now(),
  rows_deleted integer NOT NULL,
  PRIMARY KEY (county_id, through_seq)
);
REVOKE ALL ON audit_purges FROM fivestar_app;
GRANT SELECT ON audit_purges TO fivestar_app;
