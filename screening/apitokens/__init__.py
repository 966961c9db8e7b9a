"""Staff API tokens: named, hashed at rest, revocable, made and revoked by admins.

A token acts for one staff account (a clinician or an admin) and reads only
what the access matrix opens to API tokens (the FHIR Bundle of a case). Only
its SHA-256 digest is stored; the token itself is shown once, when made.
"""
