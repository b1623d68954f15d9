package io.golive.notify;

import static java.util.Objects.requireNonNull;

import io.golive.egress.Egress;
import io.golive.spec.Secrets;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends e-mail over SMTP (Jakarta Mail): STARTTLS when the entry asks for it (required then, never a
 * silent fall-back to clear text), login when it names a user, a timeout on every step.
 */
public final class MailSender {
    private final Duration timeout;
    private final Clock clock;
    private final Optional<SSLSocketFactory> tls;

    /** Mail with the JVM's trust store for STARTTLS, {@code timeout} for connecting and each reply. */
    public MailSender(Duration timeout, Clock clock) {
        this(timeout, clock, Optional.empty());
    }

    /** @param tls the sockets STARTTLS upgrades to (a test's own trust); empty: the JVM's default */
    MailSender(Duration timeout, Clock clock, Optional<SSLSocketFactory> tls) {
        this.timeout = requireNonNull(timeout, "null timeout");
        this.clock = requireNonNull(clock, "null clock");
        this.tls = requireNonNull(tls, "null tls");
    }

    Attempt send(EmailDestination d, Event e, Secrets secrets) {
        Smtp smtp = d.smtp();
        Optional<String> refused = Egress.refusal(smtp.host());
        if (refused.isPresent()) {
            return Attempt.never(refused.get());
        }
        Session session = Session.getInstance(properties(smtp));
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(d.from()));
            for (String to : recipients(d, e)) {
                m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
            }
            m.setSubject("[golive] " + Messages.title(e), "UTF-8");
            m.setText(Bodies.mailText(e), "UTF-8");
            m.setSentDate(Date.from(clock.instant()));
            try (Transport t = session.getTransport("smtp")) {
                t.connect(
                        smtp.host(),
                        smtp.port(),
                        smtp.username().orElse(null),
                        smtp.password().orElse(null));
                t.sendMessage(m, m.getAllRecipients());
            }
            return Attempt.ok();
        } catch (AddressException ex) {
            return Attempt.never("bad address: " + secrets.mask(ex.getMessage()));
        } catch (AuthenticationFailedException ex) {
            return Attempt.never("the SMTP server " + where(smtp) + " refused the login of "
                    + smtp.username().orElse("(none)"));
        } catch (MessagingException ex) {
            return failure(ex, smtp, secrets);
        }
    }

    /**
     * The entry's addresses, and for a {@code signoff} event also each user holding the role whose
     * address the server knows (the account's {@code email}, or its name when that is an address).
     */
    static List<String> recipients(EmailDestination d, Event e) {
        Set<String> out = new LinkedHashSet<>(d.to());
        if (e.topic() == Topic.SIGNOFF && e.details().get("users") instanceof List<?> users) {
            users.stream()
                    .map(String::valueOf)
                    .filter(u -> u.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))
                    .forEach(out::add);
        }
        return List.copyOf(out);
    }

    private static Attempt failure(MessagingException ex, Smtp smtp, Secrets secrets) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof ConnectException
                    || c instanceof SocketTimeoutException
                    || c instanceof UnknownHostException) {
                return Attempt.again("cannot reach the SMTP server " + where(smtp) + " ("
                        + c.getClass().getSimpleName() + ")");
            }
        }
        String why = secrets.mask(String.valueOf(ex.getMessage()));
        // a STARTTLS the server does not offer will not appear by trying again
        return why.contains("STARTTLS")
                ? Attempt.never("SMTP " + where(smtp) + ": " + why)
                : Attempt.again("SMTP " + where(smtp) + ": " + why);
    }

    private Properties properties(Smtp smtp) {
        Properties p = new Properties();
        String ms = Long.toString(timeout.toMillis());
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.auth", Boolean.toString(smtp.username().isPresent()));
        if (smtp.starttls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
            tls.ifPresent(f -> p.put("mail.smtp.ssl.socketFactory", f));
        }
        return p;
    }

    private static String where(Smtp smtp) {
        return smtp.host() + ":" + smtp.port();
    }
}
