package dev.outpost.dataio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads an upload into memory, refusing it before parsing when it exceeds the caller's limit. */
final class Uploads {
    private Uploads() {}

    /** Reads at most {@code maxBytes} from the stream; throws {@link FileTooLargeException} beyond that. */
    static byte[] readLimited(InputStream in, String fileName, long maxBytes) {
        checkLimit(maxBytes);
        try {
            byte[] buffer = new byte[8192];
            byte[] out = new byte[(int) Math.min(maxBytes + 1, 1 << 16)];
            int size = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                if ((long) size + n > maxBytes) {
                    throw new FileTooLargeException(fileName, maxBytes);
                }
                if (size + n > out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(Math.max(out.length * 2L, size + n), maxBytes + 1));
                }
                System.arraycopy(buffer, 0, out, size, n);
                size += n;
            }
            return Arrays.copyOf(out, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read '" + fileName + "': " + e.getMessage(), e);
        }
    }

    /** Checks the file size first, then reads it. */
    static byte[] readLimited(Path path, long maxBytes) {
        checkLimit(maxBytes);
        String name = String.valueOf(path.getFileName());
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new FileTooLargeException(name, maxBytes);
            }
            try (InputStream in = Files.newInputStream(path)) {
                return readLimited(in, name, maxBytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read '" + path + "': " + e.getMessage(), e);
        }
    }

    /** Refuses bytes already in memory that exceed the limit. */
    static void checkSize(byte[] bytes, String fileName, long maxBytes) {
        if (bytes.length > maxBytes) {
            throw new FileTooLargeException(fileName == null ? "upload" : fileName, maxBytes);
        }
    }

    private static void checkLimit(long maxBytes) {
        if (maxBytes <= 0 || maxBytes >= Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + " must be between 1 and 2 GiB");
        }
    }
}
