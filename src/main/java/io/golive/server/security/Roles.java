package io.golive.server.security;

import java.util.Locale;
import java.util.Set;

/** The three system roles, and how role names compare: sign-off roles are free names, case-insensitive. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";
    public static final String VIEWER = "viewer";
    static final Set<String> SYSTEM = Set.of(ADMIN, EDITOR, VIEWER);

    private Roles() {}

    /** A role as stored: system roles in lower case, sign-off roles as written, trimmed. */
    public static String normalize(String role) {
        String r = role.strip().replaceAll("\\s+", " ");
        String lower = r.toLowerCase(Locale.ROOT);
        return SYSTEM.contains(lower) ? lower : r;
    }

    /** Whether two role names name the same role ("Security Lead" and "security lead"). */
    public static boolean same(String a, String b) {
        return normalize(a).equalsIgnoreCase(normalize(b));
    }

    /** The Spring Security authority of a role: ROLE_ADMIN for system roles, SIGNOFF_name otherwise. */
    static String authority(String role) {
        String r = normalize(role);
        return SYSTEM.contains(r) ? "ROLE_" + r.toUpperCase(Locale.ROOT) : "SIGNOFF_" + r;
    }
}
