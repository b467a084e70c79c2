package dev.outpost.review;

/** Lets tests of other packages run the roll-up check. */
public final class RollUpAccess {
    private RollUpAccess() {}

    public static int check(AreaReview r) {
        return RollUp.check(r);
    }
}
