package io.golive.server.security;

import io.golive.server.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** Records every refused request (401, 403) in the audit log, in a transaction of its own. */
public final class RefusalAudit {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalAudit.class);
    private static final Pattern LAUNCH = Pattern.compile("^/api/launches/(\\d{1,18})(/.*)?$");

    private final AuditLog audit;
    private final TransactionTemplate tx;

    public RefusalAudit(AuditLog audit, TransactionTemplate tx) {
        this.audit = audit;
        this.tx = tx;
    }

    public void record(HttpServletRequest request, String actor, int status, String reason) {
        String path = request.getRequestURI();
        Matcher m = LAUNCH.matcher(path);
        Optional<Long> launch = m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
        String target = request.getMethod() + " " + (path.length() > 900 ? path.substring(0, 900) : path);
        try {
            tx.executeWithoutResult(s -> audit.append(actor, "refused." + status, launch, target, "", reason));
        } catch (RuntimeException e) {
            // a refusal that cannot be recorded is still refused; the failure is logged, not hidden
            LOG.error("cannot audit refused request {} by {}", target, actor, e);
        }
        LOG.info("refused {} {} for {}: {}", status, target, actor, reason);
    }
}
