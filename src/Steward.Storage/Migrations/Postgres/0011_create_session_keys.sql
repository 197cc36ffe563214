-- The keys protecting the web UI's session and antiforgery cookies (ASP.NET Core Data
-- Protection's XML elements), shared by every server on the database so that a cookie one
-- issued is read by all. Rows are only ever added.

CREATE TABLE session_keys (
    element_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL UNIQUE,
    xml TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
