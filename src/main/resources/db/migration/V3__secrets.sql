-- Secrets that specs reference by name, sealed with AES-256-GCM (base64 of nonce, ciphertext and
-- tag); key_id names the key that sealed them (a hash prefix, never the key).
CREATE TABLE secrets (
    name VARCHAR(100) PRIMARY KEY,
    sealed TEXT NOT NULL,
    key_id CHAR(16) NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by VARCHAR(200) NOT NULL
);
