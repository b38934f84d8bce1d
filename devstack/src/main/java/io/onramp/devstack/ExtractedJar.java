package io.onramp.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A service's executable jar unpacked by Spring Boot's own tool ({@code -Djarmode=tools extract}) into an application
 * jar and its libraries, once per build of the jar. A JVM loads classes from plain jars much faster than from jars
 * nested in a jar: the five services start in about 25 s instead of 41 s on two cores (docs/decisions.md). The layout
 * is also what class-data sharing needs, so each extraction keeps the services' class-data archive beside it.
 */
final class ExtractedJar {

    private static final Duration EXTRACTION = Duration.ofMinutes(2);
    private static final Duration KEEP_EARLIER_BUILDS = Duration.ofDays(1);

    private final Path directory;
    private final String jarName;

    private ExtractedJar(Path directory, String jarName) {
        this.directory = directory;
        this.jarName = jarName;
    }

    /**
     * The unpacked form of {@code executableJar}, extracted now unless this build of the jar already was. Extractions
     * land under a name made of the jar's size and time, moved into place whole, so that concurrent starts (tests,
     * several launchers) share one and never see a half-written one. Those of earlier builds are deleted once a day
     * old: a stack still running from one opens its jars lazily and must find them.
     */
    static synchronized ExtractedJar of(Path executableJar, Path logDir) {
        try {
            Path root = executableJar.resolveSibling("extracted");
            String stamp = Long.toHexString(Files.size(executableJar)) + "-"
                    + Long.toHexString(Files.getLastModifiedTime(executableJar).toMillis());
            Path directory = root.resolve(stamp);
            String jarName = executableJar.getFileName().toString();
            if (!Files.exists(directory.resolve(jarName))) {
                extract(executableJar, root, directory, logDir);
            }
            deleteOthers(root, directory);
            return new ExtractedJar(directory, jarName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + executableJar, e);
        }
    }

    private static void extract(Path executableJar, Path root, Path directory, Path logDir) throws IOException {
        Path partial = root.resolve(".partial-" + UUID.randomUUID());
        String name = "extract-" + executableJar.getFileName();
        var tool = ChildProcess.start(
                name,
                List.of(
                        ChildProcess.javaBinary(),
                        "-Djarmode=tools",
                        "-jar",
                        executableJar.toString(),
                        "extract",
                        "--destination",
                        partial.toString()),
                Map.of(),
                logDir.resolve(name + ".log"));
        if (tool.awaitExit(EXTRACTION) != 0) {
            throw new IllegalStateException("cannot extract " + executableJar + ":\n" + tool.tail());
        }
        try {
            Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
            delete(partial); // another process extracted the same build first
        }
    }

    private static void deleteOthers(Path root, Path keep) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry :
                    entries.filter(entry -> !entry.equals(keep) && isOld(entry)).toList()) {
                try {
                    delete(entry);
                } catch (IOException | UncheckedIOException inUse) {
                    // a process still starting from it, or one deleting it too: left for the next start
                }
            }
        }
    }

    /** Not touched for a day: no longer in use by a running stack, nor another process's extraction in progress. */
    private static boolean isOld(Path entry) {
        try {
            return Files.getLastModifiedTime(entry)
                    .toInstant()
                    .isBefore(Instant.now().minus(KEEP_EARLIER_BUILDS));
        } catch (IOException gone) {
            return false;
        }
    }

    private static void delete(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The application jar to run with {@code -jar}: its manifest names the libraries beside it. */
    Path applicationJar() {
        return directory.resolve(jarName);
    }

    /** The class-data archive of this build for the running JDK, if one was recorded. */
    Optional<Path> classDataArchive() {
        Path archive = archivePath();
        return Files.exists(archive) ? Optional.of(archive) : Optional.empty();
    }

    /** Where a JVM records the archive ({@code -XX:ArchiveClassesAtExit}); {@link #keepArchive()} moves it into use. */
    Path archiveInProgress() {
        return directory.resolve(archivePath().getFileName() + ".part");
    }

    /** Puts a completely written archive into use; called only after its JVM exited normally. */
    void keepArchive() {
        try {
            if (Files.exists(archiveInProgress())) {
                Files.move(archiveInProgress(), archivePath(), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the class-data archive " + archiveInProgress(), e);
        }
    }

    /** One archive per JDK build: an archive only loads in the JVM that wrote it. */
    private Path archivePath() {
        String jvm = System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9.-]", "_");
        return directory.resolve("classes-" + jvm + ".jsa");
    }
}
