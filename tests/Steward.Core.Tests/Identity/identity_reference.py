#!/usr/bin/env python3
"""Reference values for the identity tests, computed with Python's hashlib (independent of .NET).

Run: /usr/bin/python3 tests/Steward.Core.Tests/Identity/identity_reference.py
Each line is "name: value"; IdentityReferenceTests.cs holds these values with a comment naming the line.
"""
import base64
import hashlib

# ApiTokens.Hash: lowercase hex SHA-256 of the token's UTF-8 bytes.
token = "stw_" + "A" * 43
print("sha256(stw_ + 43*A):", hashlib.sha256(token.encode("utf-8")).hexdigest())

# PasswordHasher.Hash(password, salt, iterations): PBKDF2-HMAC-SHA256, 32-byte key, as
# "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>".
password = "correct horse battery staple"
salt = bytes(range(16))
for iterations in (1000, 600000):
    key = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations, 32)
    print(f"pbkdf2 {iterations}:", f"pbkdf2-sha256${iterations}${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}")

# A non-ASCII password, to pin the UTF-8 encoding.
key = hashlib.pbkdf2_hmac("sha256", "pässwörd-ñ-日本語".encode("utf-8"), salt, 1000, 32)
print("pbkdf2 1000 non-ascii:", f"pbkdf2-sha256$1000${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}")
