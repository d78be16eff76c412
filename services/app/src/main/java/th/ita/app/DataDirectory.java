package th.ita.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory holds the H2 store (every score, user and token hash), the demo passwords and
 * spooled uploads: readable by the platform's own user only — directories 700, files 600.
 */
public final class DataDirectory {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    /** Creates the directory if needed and restricts it and what is in it (two levels deep) to the owner. */
    public static void secure(Path directory) {
        try {
            ownerOnlyDirectory(directory);
            try (Stream<Path> paths = Files.walk(directory, 2)) {
                for (Path path : paths.toList()) {
                    restrict(path, Files.isDirectory(path) ? DIRECTORY : FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the data directory " + directory + " to its owner", e);
        }
    }

    /** Creates a directory (and its parents) if needed, readable by the owner only. */
    public static void ownerOnlyDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        restrict(directory, DIRECTORY);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (!Files.isSymbolicLink(path)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system (Windows): the directory's access control list applies.
        }
    }
}
