package org.concord.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What a run says about the staleness of its inputs, in each case the warning distinguishes. */
class ScreeningRunTest {

    @Test
    void theWarningSaysWhetherTheResultsMeanAnything() {
        Duration day = Duration.ofDays(1);
        assertThat(new ScreeningRun.Staleness(1513, 0, Duration.ZERO, day, Optional.empty(), false).warning())
                .isEmpty();
        assertThat(new ScreeningRun.Staleness(1513, 1513, Duration.ofDays(877), Duration.ofDays(900),
                Optional.empty(), false).warning()).contains("all 1513 element sets are 877.0 days to 900.0 days from"
                + " the window, beyond the staleness limits of their orbit regimes: results are not meaningful (no"
                + " conjunction found does not mean none exists)");
        assertThat(new ScreeningRun.Staleness(1513, 12, Duration.ZERO, Duration.ofDays(9), Optional.of(day), false)
                .warning()).contains("12 of 1513 element sets are beyond the staleness limit of their orbit regime"
                + " over the window (the oldest 9.0 days): their conjunctions are marked stale, and approaches with"
                + " them may be missed");
        assertThat(new ScreeningRun.Staleness(1513, 12, Duration.ZERO, Duration.ofDays(9), Optional.of(
                Duration.ofDays(5)), true).warning()).hasValueSatisfying(w -> assertThat(w).startsWith("the primary's"
                + " element set is 5.0 days from the window, beyond the staleness limit of its orbit regime: results"
                + " are not meaningful; 12 of 1513"));
    }
}
