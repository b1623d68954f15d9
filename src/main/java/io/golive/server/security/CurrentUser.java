package io.golive.server.security;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The user behind a request, with the roles their authentication carries. */
public record CurrentUser(String name, Set<String> roles) {
    public static CurrentUser of(Authentication auth) {
        Set<String> roles = new LinkedHashSet<>();
        for (GrantedAuthority a : auth.getAuthorities()) {
            String s = String.valueOf(a.getAuthority());
            if (s.startsWith("ROLE_")) {
                roles.add(Roles.normalize(s.substring(5)));
            } else if (s.startsWith("SIGNOFF_")) {
                roles.add(s.substring(8));
            }
        }
        return new CurrentUser(auth.getName(), roles);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }
}
