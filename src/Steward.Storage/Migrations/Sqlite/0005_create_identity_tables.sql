-- Identities: domains (the business units that own experiments and models), users with their
-- roles and domains, and API tokens, stored only as the SHA-256 of their secret. Experiments and
-- registered models get a domain; what existed before is in domain 'default'. Domains are never
-- deleted, so the domain columns of experiments and models carry no foreign key (SQLite cannot
-- add one to an existing table); the service checks that a domain exists before using it.

CREATE TABLE domains (
    name TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

INSERT INTO domains (name, description, created_by, created_at)
VALUES ('default', 'What existed before domains, and what the local administrator creates.', 'migration',
        CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));

ALTER TABLE experiments ADD COLUMN domain TEXT NOT NULL DEFAULT 'default';
ALTER TABLE registered_models ADD COLUMN domain TEXT NOT NULL DEFAULT 'default';

CREATE TABLE users (
    name TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    email TEXT,
    enabled INTEGER NOT NULL,
    password_hash TEXT,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE user_roles (
    user_name TEXT NOT NULL REFERENCES users (name),
    role TEXT NOT NULL,
    PRIMARY KEY (user_name, role)
) WITHOUT ROWID;

-- position orders a user's domains: the first is where their new objects go.
CREATE TABLE user_domains (
    user_name TEXT NOT NULL REFERENCES users (name),
    domain TEXT NOT NULL REFERENCES domains (name),
    position INTEGER NOT NULL,
    PRIMARY KEY (user_name, domain)
) WITHOUT ROWID;

CREATE INDEX user_domains_by_domain ON user_domains (domain, user_name);

CREATE TABLE api_tokens (
    token_id TEXT PRIMARY KEY,
    user_name TEXT NOT NULL REFERENCES users (name),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    secret_sha256 TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    revoked_at INTEGER,
    revoked_by TEXT,
    last_used_at INTEGER
);

CREATE INDEX api_tokens_by_user ON api_tokens (user_name, created_at);
