package dev.outpost.rider.poster;

import java.nio.file.Path;

/** The poster test helpers (font check, QR decoding, pdftotext) for tests in other packages. */
public final class PosterRendererTestAccess {
    private PosterRendererTestAccess() {}

    public static PosterFont requireFont() {
        return PosterRendererTest.requireFont();
    }

    public static String decodeQr(byte[] png) throws Exception {
        return PosterRendererTest.decodeQr(png);
    }

    public static String pdfToText(byte[] pdf, Path dir) throws Exception {
        return PosterRendererTest.pdfToText(pdf, dir);
    }
}
