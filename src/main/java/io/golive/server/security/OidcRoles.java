package io.golive.server.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a person who logs in with OpenID Connect the roles of the local account of the same name
 * (the ID token's {@code preferred_username}, else {@code sub}); a first login creates that account,
 * without a password, with {@code golive.oidc.default-roles}. Roles are managed here, not in the
 * identity provider.
 */
final class OidcRoles implements GrantedAuthoritiesMapper {
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final List<String> defaultRoles;

    OidcRoles(Accounts accounts, TransactionTemplate tx, List<String> defaultRoles) {
        this.accounts = accounts;
        this.tx = tx;
        this.defaultRoles = defaultRoles;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> out = new LinkedHashSet<>(authorities);
        for (GrantedAuthority a : authorities) {
            if (a instanceof OidcUserAuthority oidc) {
                String name = Optional.ofNullable(oidc.getIdToken().getPreferredUsername())
                        .orElse(oidc.getIdToken().getSubject());
                Accounts.User user = accounts.user(name)
                        .orElseGet(
                                () -> tx.execute(s -> accounts.addUser("oidc", name, Optional.empty(), defaultRoles)));
                user.roles().forEach(r -> out.add(new SimpleGrantedAuthority(Roles.authority(r))));
            }
        }
        return out;
    }
}
