package io.onramp.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** A real SMTP server (GreenMail) that accepts every message and keeps it in memory for inspection. */
final class Smtp implements AutoCloseable {

    private final GreenMail greenMail;
    private final int port;

    private Smtp(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    static Smtp start(int port) {
        Ports.requireFree(port, "SMTP");
        var greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new Smtp(greenMail, port);
    }

    int port() {
        return port;
    }

    List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
