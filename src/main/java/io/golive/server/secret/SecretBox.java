package io.golive.server.secret;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce per value. The secret's name is authenticated data, so a
 * sealed value moved to another name does not open; the key id (a hash prefix of the key, never
 * the key) tells a wrong key apart from a damaged value.
 */
public final class SecretBox {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random;

    private SecretBox(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = keyId(key);
        this.random = random;
    }

    /** A box for a key written as base64 of 32 random bytes ({@code openssl rand -base64 32}). */
    public static SecretBox fromBase64(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(requireNonNull(base64, "null key").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the secrets key is not base64 (make one with: openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("the secrets key must be 32 bytes (AES-256), this one is " + key.length
                    + " (make one with: openssl rand -base64 32)");
        }
        return new SecretBox(key, new SecureRandom());
    }

    /** Which key sealed a value: 16 hex digits of SHA-256 over the key. */
    public String keyId() {
        return keyId;
    }

    /** The value sealed for {@code name}: base64 of nonce, ciphertext and tag. */
    public String seal(String name, String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, name);
            byte[] sealed = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    /** The value of {@code name}; throws {@link IllegalArgumentException} when it does not open. */
    public String open(String name, String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("secret " + name + " is damaged (too short)");
        }
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), name);
            return new String(c.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException(
                    "secret " + name + " does not open: it was changed or sealed for another name");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String name) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(("golive-secret:" + name).getBytes(StandardCharsets.UTF_8));
        return c;
    }

    private static String keyId(byte[] key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
