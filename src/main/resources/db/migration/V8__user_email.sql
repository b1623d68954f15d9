-- where sign-off requests for a user's roles are mailed (optional; a name that is an address serves too)
ALTER TABLE users ADD COLUMN email VARCHAR(320);
