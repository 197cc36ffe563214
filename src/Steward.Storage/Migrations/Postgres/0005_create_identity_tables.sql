-- Identities: domains (the business units that own experiments and models), users with their
-- roles and domains, and API tokens, stored only as the SHA-256 of their secret. Experiments and
-- registered models get a domain; what existed before is in domain 'default' (a constant
-- default: no table rewrite). Domains are never deleted; the domain columns carry no foreign key,
-- as on SQLite, and the service checks that a domain exists before using it.

CREATE TABLE domains (
    name TEXT COLLATE "C" PRIMARY KEY,
    description TEXT COLLATE "C" NOT NULL,
    created_by TEXT COLLATE "C" NOT NULL,
    created_at BIGINT NOT NULL
);

INSERT INTO domains (name, description, created_by, created_at)
VALUES ('default', 'What existed before domains, and what the local administrator creates.', 'migration',
        (extract(epoch FROM now()) * 1000)::BIGINT);

ALTER TABLE experiments ADD COLUMN domain TEXT COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE registered_models ADD COLUMN domain TEXT COLLATE "C" NOT NULL DEFAULT 'default';

CREATE TABLE users (
    name TEXT COLLATE "C" PRIMARY KEY,
    display_name TEXT COLLATE "C" NOT NULL,
    email TEXT COLLATE "C",
    enabled INTEGER NOT NULL,
    password_hash TEXT COLLATE "C",
    created_by TEXT COLLATE "C" NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE user_roles (
    user_name TEXT COLLATE "C" NOT NULL REFERENCES users (name),
    role TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (user_name, role)
);

-- position orders a user's domains: the first is where their new objects go.
CREATE TABLE user_domains (
    user_name TEXT COLLATE "C" NOT NULL REFERENCES users (name),
    domain TEXT COLLATE "C" NOT NULL REFERENCES domains (name),
    position INTEGER NOT NULL,
    PRIMARY KEY (user_name, domain)
);

CREATE INDEX user_domains_by_domain ON user_domains (domain, user_name);

CREATE TABLE api_tokens (
    token_id TEXT COLLATE "C" PRIMARY KEY,
    user_name TEXT COLLATE "C" NOT NULL REFERENCES users (name),
    name TEXT COLLATE "C" NOT NULL,
    description TEXT COLLATE "C" NOT NULL,
    secret_sha256 TEXT COLLATE "C" NOT NULL UNIQUE,
    created_by TEXT COLLATE "C" NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT,
    revoked_by TEXT COLLATE "C",
    last_used_at BIGINT
);

CREATE INDEX api_tokens_by_user ON api_tokens (user_name, created_at);
