package dev.outpost.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The multipart field {@code file} of an upload, with the size limits checked: the request (with 1 MiB for the form
 * around the file) and the file itself; Jetty's own size and format failures become 413 and 400. Stateless.
 */
final class Uploads {
    private Uploads() {}

    /**
     * @param what the file as the "no file" message names it ("the file", "the demand CSV")
     * @throws PayloadTooLargeException when the request or the file is over {@code maxBytes}
     * @throws IllegalArgumentException when the form is not multipart or has no field {@code file}
     */
    static UploadedFile file(Context ctx, long maxBytes, String what) {
        if (ctx.contentLength() > maxBytes + 1024 * 1024) {
            throw new PayloadTooLargeException(
                    "the upload is " + ctx.contentLength() + " bytes; the limit is " + maxBytes + " bytes");
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = String.valueOf(t.getMessage());
                if (m.contains("max file size") || m.contains("max request size") || m.contains("max length")) {
                    throw new PayloadTooLargeException("the upload is larger than the limit of " + maxBytes + " bytes");
                }
            }
            throw new IllegalArgumentException("the upload is not a valid multipart form with a field 'file'");
        }
        if (file == null) {
            throw new IllegalArgumentException("no file: send " + what + " as multipart form field 'file'");
        }
        if (file.size() > maxBytes) {
            throw new PayloadTooLargeException(
                    "file '" + file.filename() + "' is " + file.size() + " bytes; the limit is " + maxBytes + " bytes");
        }
        return file;
    }

    /** The whole file in memory (it is within the limit checked by {@link #file}). */
    static byte[] bytes(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
