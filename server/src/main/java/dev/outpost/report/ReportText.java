package dev.outpost.report;

import dev.outpost.demand.WorkerGroup;
import java.util.Locale;

/**
 * How figures are written in the reports (the same in the PDF and the page's download names), locale-independent.
 * Stateless.
 */
public final class ReportText {
    private ReportText() {}

    /** A share 0–1 as a percentage with one decimal, e.g. {@code 87.5%}; {@code -} for NaN or null. */
    public static String percent(Double share) {
        if (share == null || share.isNaN()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A demand weight or other quantity with at most one decimal, e.g. {@code 1234.5}; {@code -} for NaN or null. */
    public static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "-";
        }
        if (Math.abs(value - Math.rint(value)) < 0.05) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Minutes with one decimal, e.g. {@code 17.5}; {@code -} for NaN or null. */
    public static String minutes(Double minutes) {
        if (minutes == null || minutes.isNaN()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f", minutes);
    }

    /** 是 / 否, or {@code -} for null. */
    public static String yesNo(Boolean b) {
        return b == null ? "-" : b ? "达标" : "未达标";
    }

    /** The Chinese label of a group with its English one, e.g. {@code 外卖骑手/快递员}. */
    public static String group(WorkerGroup g) {
        return g.labelZh();
    }
}
