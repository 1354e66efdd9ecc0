package org.yrd.platform.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One launcher per data dir: two would fight over the broker's and the stores' files and ports. */
final class DataDirLock implements AutoCloseable {

    static final String FILE_NAME = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new StackStartException(LocalStack.SELF, "another local stack is running with the data dir " + dataDir
                    + ": stop it first (Ctrl-C), or use another --data-dir", List.of());
        }
        return new DataDirLock(channel, lock);
    }

    /**
     * Deletes everything in a data dir. Refuses a folder that holds no {@value #FILE_NAME} file, so a mistyped
     * {@code --data-dir} never wipes someone's documents, and refuses while another launcher uses it.
     */
    static void wipe(Path dataDir, Path repoRoot) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (repoRoot.startsWith(dataDir)) {
            throw new IllegalArgumentException("refusing to delete " + dataDir + ": it contains the repository");
        }
        if (!Files.exists(dataDir.resolve(FILE_NAME))) {
            throw new IllegalArgumentException("refusing to delete " + dataDir + ": it is not a local-stack data dir (no "
                    + FILE_NAME + " file)");
        }
        try (DataDirLock ignored = acquire(dataDir); Stream<Path> files = Files.walk(dataDir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dataDir) && !path.equals(dataDir.resolve(FILE_NAME))) {
                    Files.delete(path);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
