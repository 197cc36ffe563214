-- The keys protecting the web UI's session and antiforgery cookies (ASP.NET Core Data
-- Protection's XML elements), shared by every server on the database so that a cookie one
-- issued is read by all. Rows are only ever added.

CREATE TABLE session_keys (
    element_id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    xml TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
