package io.onramp.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The documented fixed ports of run mode, and free ports for tests. All bound to 127.0.0.1. */
public final class Ports {

    public static final int KAFKA = 9092;
    public static final int KAFKA_CONTROLLER = 9093;
    public static final int REGISTRY = 8090;
    public static final int POSTGRES = 5433;
    public static final int SMTP = 3025;
    public static final int IMAP = 3143;
    public static final int GATEWAY = 8080;
    public static final int ACCESS_WORKER = 8081;
    public static final int WORKFLOW_WORKER = 8082;
    public static final int REMINDER_WORKER = 8083;
    public static final int NOTIFICATION_WORKER = 8084;

    private Ports() {}

    static int pick(boolean fixed, int fixedPort) {
        return fixed ? fixedPort : free();
    }

    /** A port free right now; kept below nothing in particular, so use it at once. */
    public static int free() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireFree(int port, String what) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException(
                    what + " needs port " + port + " on 127.0.0.1, which is taken. Stop whatever holds it"
                            + " (another devstack still running?) and start again.",
                    e);
        }
    }
}
