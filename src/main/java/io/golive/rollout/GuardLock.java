package io.golive.rollout;

import io.golive.GoliveException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one guard of a state: an OS file lock beside the state file, held while a guard runs (and while
 * a control command changes a state no guard runs on). The OS releases it when the process dies, even
 * by {@code kill -9}.
 */
public final class GuardLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private GuardLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process holds it. */
    public static Optional<GuardLock> tryAcquire(StateFile state) {
        try {
            Files.createDirectories(state.lockPath().getParent());
            FileChannel ch = FileChannel.open(state.lockPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // held by this JVM
            }
            if (l == null) {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new GuardLock(ch, l));
        } catch (IOException e) {
            throw new GoliveException(state.lockPath() + ": cannot lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }
}
