package io.onramp.devstack;

import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.RcptCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) that accepts every message and keeps it in memory, readable over IMAP (each recipient
 * logs in with their address as user name and password) and from tests. Like a real server it also refuses: a recipient
 * at {@value #REFUSED_DOMAIN} gets a permanent {@code 550}, one at {@value #BUSY_DOMAIN} a transient {@code 451}, so that
 * both failure paths of a sender can be exercised. Tests may stop it and start it again on the same ports.
 */
final class Smtp implements AutoCloseable {

    static final String REFUSED_DOMAIN = Infrastructure.REFUSED_MAIL_DOMAIN;
    static final String BUSY_DOMAIN = Infrastructure.BUSY_MAIL_DOMAIN;

    private final int port;
    private final int imapPort;
    private final List<MimeMessage> earlier = new ArrayList<>();
    private GreenMail greenMail;

    private Smtp(int port, int imapPort) {
        this.port = port;
        this.imapPort = imapPort;
    }

    static Smtp start(int port, int imapPort) {
        Ports.requireFree(port, "SMTP");
        Ports.requireFree(imapPort, "IMAP");
        RefusingRecipients.install();
        var smtp = new Smtp(port, imapPort);
        smtp.up();
        return smtp;
    }

    int port() {
        return port;
    }

    int imapPort() {
        return imapPort;
    }

    synchronized void up() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
            greenMail.start();
        }
    }

    /** Stops accepting connections; what was received so far stays readable here (not over IMAP). */
    synchronized void down() {
        if (greenMail != null) {
            earlier.addAll(List.of(greenMail.getReceivedMessages()));
            greenMail.stop();
            greenMail = null;
        }
    }

    synchronized List<MimeMessage> receivedMessages() {
        List<MimeMessage> all = new ArrayList<>(earlier);
        if (greenMail != null) {
            all.addAll(List.of(greenMail.getReceivedMessages()));
        }
        return all;
    }

    @Override
    public void close() {
        down();
    }

    /** GreenMail accepts every recipient; this RCPT command refuses the two test domains first. */
    static final class RefusingRecipients extends SmtpCommand {

        private static final Pattern RECIPIENT = Pattern.compile("RCPT TO:\\s?<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

        private final RcptCommand standard = new RcptCommand();

        @SuppressWarnings("unchecked")
        static synchronized void install() {
            try {
                Field commands = SmtpCommandRegistry.class.getDeclaredField("commands");
                commands.setAccessible(true);
                ((Map<String, SmtpCommand>) commands.get(null)).put("RCPT", new RefusingRecipients());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot install the refusing RCPT command into GreenMail", e);
            }
        }

        @Override
        public void execute(SmtpConnection connection, SmtpState state, SmtpManager manager, String commandLine)
                throws IOException {
            Matcher matcher = RECIPIENT.matcher(commandLine);
            if (matcher.matches()) {
                String address = matcher.group(1).toLowerCase(Locale.ROOT);
                if (address.endsWith("@" + REFUSED_DOMAIN)) {
                    connection.send("550 5.1.1 <" + address + ">: mailbox unavailable");
                    return;
                }
                if (address.endsWith("@" + BUSY_DOMAIN)) {
                    connection.send("451 4.3.2 <" + address + ">: try again later");
                    return;
                }
            }
            standard.execute(connection, state, manager, commandLine);
        }
    }
}
