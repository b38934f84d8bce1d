package io.onramp.notification.adapters.mail;

import io.onramp.notification.domain.DeliveryPolicy.Outcome;
import io.onramp.notification.domain.Outgoing;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Sends notifications over one SMTP connection per batch (Jakarta Mail), each with {@code Message-ID: <id@onramp>}, and
 * classifies what happened (DESIGN.md §12): accepted; transient (no connection, or a 4xx reply); permanent (a 5xx
 * reply); or unknown (the connection failed while the message was being handed over: it may have been delivered).
 */
public final class SmtpSender {

    /** What one send came to. */
    public record Result(Outcome outcome, String error) {

        static final Result ACCEPTED = new Result(Outcome.ACCEPTED, null);
    }

    private final Session session;
    private final InternetAddress from;

    /**
     * Jakarta Mail 2.1 looks its stream provider up through the ServiceLoader on every multipart, body part and encoded
     * header (jakartaee/mail-api#699, #861): inside an executable jar that scan cost more than the send itself (it held
     * the worker to a third of a plain send loop). Named by this system property, the provider is one class look-up.
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    public SmtpSender(String host, int port, String from, Duration timeout) {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        var properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        this.session = Session.getInstance(properties);
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a sender address: " + from, e);
        }
    }

    /** Sends each in turn; the results are in the batch's order. */
    public Map<UUID, Result> send(List<Outgoing> batch) {
        Map<UUID, Result> results = new LinkedHashMap<>();
        Transport transport = null;
        try {
            for (Outgoing notification : batch) {
                if (transport == null) {
                    try {
                        transport = session.getTransport("smtp");
                        transport.connect();
                    } catch (MessagingException e) {
                        // Nothing was handed over: this one and the rest of the batch may be tried again.
                        transport = null;
                        var failed = new Result(Outcome.TRANSIENT, describe(e));
                        batch.stream()
                                .filter(n -> !results.containsKey(n.id()))
                                .forEach(n -> results.put(n.id(), failed));
                        break;
                    }
                }
                Result result = sendOne(transport, notification);
                results.put(notification.id(), result);
                if (result.outcome() == Outcome.UNKNOWN) {
                    close(transport);
                    transport = null;
                }
            }
        } finally {
            close(transport);
        }
        return results;
    }

    private Result sendOne(Transport transport, Outgoing notification) {
        MimeMessage message;
        try {
            message = message(notification);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new Result(Outcome.PERMANENT, "the message cannot be built: " + e.getMessage());
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            return Result.ACCEPTED;
        } catch (MessagingException e) {
            return new Result(classify(e), describe(e));
        }
    }

    /**
     * A reply code decides (5xx permanent, 4xx transient); a refused connection is transient; anything else happened
     * while the message was on its way, so its outcome is unknown.
     */
    static Outcome classify(MessagingException failure) {
        Exception current = failure;
        while (current != null) {
            int code = replyCode(current);
            if (code >= 500) {
                return Outcome.PERMANENT;
            }
            if (code >= 400) {
                return Outcome.TRANSIENT;
            }
            if (current instanceof MailConnectException || current.getCause() instanceof ConnectException) {
                return Outcome.TRANSIENT;
            }
            current = current instanceof MessagingException messaging ? messaging.getNextException() : null;
        }
        return Outcome.UNKNOWN;
    }

    private static int replyCode(Exception failure) {
        if (failure instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (failure instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        if (failure instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        return -1;
    }

    private MimeMessage message(Outgoing notification) throws MessagingException, UnsupportedEncodingException {
        var message = new NotificationMessage(session, notification.id());
        message.setFrom(from);
        message.setRecipient(
                Message.RecipientType.TO,
                new InternetAddress(notification.recipient(), notification.recipientName(), "UTF-8"));
        message.setSubject(notification.content().subject(), "UTF-8");
        var alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(part(notification.content().text(), "text/plain; charset=UTF-8"));
        alternatives.addBodyPart(part(notification.content().html(), "text/html; charset=UTF-8"));
        String calendar = notification.content().calendar();
        if (calendar != null) {
            // Inline, as calendar clients expect an invite among the alternatives; named for those who save it.
            alternatives.addBodyPart(part(
                    calendar,
                    "text/calendar; charset=UTF-8; method="
                            + notification.kind().invite().name() + "; name=invite.ics"));
        }
        message.setContent(alternatives);
        message.setHeader("Auto-Submitted", "auto-generated");
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart part(String content, String type) throws MessagingException {
        var part = new MimeBodyPart();
        part.setContent(content, type);
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    /** The server's own reply where there is one ("550 5.1.1 …"), else what the client saw. */
    private static String describe(Exception failure) {
        Exception current = failure;
        while (current != null) {
            if (replyCode(current) > 0 && current.getMessage() != null) {
                return current.getMessage().strip();
            }
            current = current instanceof MessagingException messaging ? messaging.getNextException() : null;
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String message = failure.getMessage() == null ? cause.getClass().getSimpleName() : failure.getMessage();
        return cause == failure || cause.getMessage() == null
                ? message.strip()
                : message.strip() + ": " + cause.getMessage();
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // The connection is gone either way.
            }
        }
    }

    /** A message whose Message-ID is the notification's, so that a receiving server sees a resend as the same mail. */
    private static final class NotificationMessage extends MimeMessage {

        private final UUID id;

        NotificationMessage(Session session, UUID id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + "@onramp>");
        }
    }
}
