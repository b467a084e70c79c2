package dev.outpost.report;

import dev.outpost.demand.WorkerGroup;
import dev.outpost.review.AreaReview;
import dev.outpost.review.ReviewService;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Makes the PDF or XLSX report of an area's review. Thread-safe.
 */
public final class ReportService {
    private final ReviewService reviews;
    private final Supplier<Path> fontFile;

    /**
     * @param fontFile finds the CJK font for PDFs when one is made (e.g. {@code () -> CjkFont.locate(System.getenv())});
     *     may throw {@link ReportUnavailableException}
     */
    public ReportService(ReviewService reviews, Supplier<Path> fontFile) {
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        this.fontFile = Objects.requireNonNull(fontFile, "fontFile");
    }

    /**
     * A report file.
     *
     * @param fileName e.g. {@code review-449901-20261123.pdf} (only letters, digits, '-', '_' and '.')
     */
    public record Report(String fileName, ReportFormat format, byte[] bytes) {}

    /**
     * The report of one area.
     *
     * @throws dev.outpost.common.NotFoundException for an unknown region or area
     * @throws ReportUnavailableException when a PDF is asked for and no usable CJK font is installed
     */
    public Report make(String regionCode, String areaCode, WorkerGroup focusGroup, ReportFormat format) {
        AreaReview review = reviews.review(regionCode, areaCode, focusGroup);
        Path font = format == ReportFormat.PDF ? fontFile.get() : null;
        var zone = reviews.settings().zone();
        byte[] bytes = format == ReportFormat.PDF
                ? PdfReport.write(review, reviews.map(review), font, zone)
                : XlsxReport.write(review, zone);
        String day = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT)
                .format(review.generatedAt().atZone(zone));
        String safeCode = areaCode.replaceAll("[^A-Za-z0-9_-]", "_");
        return new Report("review-" + safeCode + "-" + day + "." + format.extension(), format, bytes);
    }
}
