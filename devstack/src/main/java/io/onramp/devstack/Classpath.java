package io.onramp.devstack;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Classpaths for child JVMs started from the devstack's own dependencies. */
final class Classpath {

    private Classpath() {}

    /**
     * Every jar in the folder holding the jar of {@code className}: the launcher runs from {@code devstack/target} with
     * its dependencies copied to {@code lib/}; elsewhere the current JVM's classpath is used.
     */
    static String ofClassContaining(String className) {
        try {
            Class<?> type = Class.forName(className, false, Classpath.class.getClassLoader());
            Path jar = Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = jar.getParent();
            if (folder != null
                    && folder.getFileName() != null
                    && folder.getFileName().toString().equals("lib")) {
                return folder.resolve("*").toString();
            }
            return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + className + " on the classpath", e);
        }
    }
}
