package org.concord.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.concord.input.SpaceTrackQuery.Format;
import org.concord.input.SpaceTrackQuery.IdRange;
import org.concord.input.SpaceTrackQuery.NameMatch;
import org.concord.input.SpaceTrackQuery.Order;
import org.concord.input.SpaceTrackQuery.RequestClass;
import org.concord.input.SpaceTrackQuery.TimeRange;
import org.junit.jupiter.api.Test;

/** Space-Track's query paths as scripts write them, and the refusals of what the subset does not hold. */
class SpaceTrackQueryTest {

    private static final Instant NOW = Instant.parse("2024-07-10T00:00:00Z");

    @Test
    void readsTheQueriesScriptsSend() {
        SpaceTrackQuery q = SpaceTrackQuery.parse("class/gp/NORAD_CAT_ID/25544,5--11/OBJECT_NAME/~~iss/EPOCH/>now-30"
                + "/orderby/EPOCH desc,NORAD_CAT_ID/limit/10/format/3le/", NOW);
        assertThat(q).isEqualTo(new SpaceTrackQuery(RequestClass.GP, List.of(new IdRange(25544, 25544),
                new IdRange(5, 11)), Optional.of(new NameMatch("iss", true)),
                Optional.of(new TimeRange(Optional.of(Instant.parse("2024-06-10T00:00:00Z")), Optional.empty(), false)),
                List.of(new Order("EPOCH", true), new Order("NORAD_CAT_ID", false)), Optional.of(10), Format.THREE_LE));
        SpaceTrackQuery defaults = SpaceTrackQuery.parse("class/gp", NOW);
        assertThat(defaults.format()).isEqualTo(Format.JSON);
        assertThat(defaults.limit()).isEmpty();
        assertThat(SpaceTrackQuery.parse("class/gp/EPOCH/2024-07-01--2024-07-04 12:00:00", NOW).epoch())
                .contains(new TimeRange(Optional.of(Instant.parse("2024-07-01T00:00:00Z")),
                        Optional.of(Instant.parse("2024-07-04T12:00:00Z")), true));
        assertThat(SpaceTrackQuery.parse("class/gp/EPOCH/<now-0.5", NOW).epoch())
                .contains(new TimeRange(Optional.empty(), Optional.of(Instant.parse("2024-07-09T12:00:00Z")), false));
        assertThat(SpaceTrackQuery.parse("class/satcat/SATNAME/ISS (ZARYA)", NOW).objectName())
                .contains(new NameMatch("ISS (ZARYA)", false));
    }

    @Test
    void predicatesSelectAsSpaceTrackDoes() {
        SpaceTrackQuery q = SpaceTrackQuery.parse("class/gp/NORAD_CAT_ID/5--11,25544", NOW);
        assertThat(List.of(4L, 5L, 11L, 12L, 25544L).stream().filter(q::admitsId)).containsExactly(5L, 11L, 25544L);
        assertThat(new NameMatch("iss", true).matches("ISS (ZARYA)")).isTrue();
        assertThat(new NameMatch("iss", false).matches("ISS (ZARYA)")).isFalse();
        assertThat(new NameMatch("iss (zarya)", false).matches("ISS (ZARYA) ")).isTrue();
        TimeRange after = new TimeRange(Optional.of(NOW), Optional.empty(), false);
        assertThat(after.contains(NOW)).as("> is strict").isFalse();
        TimeRange range = new TimeRange(Optional.of(NOW), Optional.of(NOW), true);
        assertThat(range.contains(NOW)).as("a--b holds both ends").isTrue();
    }

    @Test
    void refusesWhatItDoesNotHoldNamingWhatItAccepts() {
        assertRefused("class/gp/APOGEE/500", "unknown predicate 'APOGEE' for class gp (accepted: NORAD_CAT_ID,"
                + " OBJECT_NAME, EPOCH, orderby, limit, format)");
        assertRefused("class/tip/NORAD_CAT_ID/1", "'tip'", "gp, gp_history, satcat");
        assertRefused("basicspacedata/query/class/gp", "begins with class/<name>");
        assertRefused("class/gp/NORAD_CAT_ID/25544/format", "'format' has no value");
        assertRefused("class/gp/NORAD_CAT_ID/1/NORAD_CAT_ID/2", "NORAD_CAT_ID is given twice");
        assertRefused("class/gp/NORAD_CAT_ID/11--5", "NORAD_CAT_ID", "outside the accepted range 11");
        assertRefused("class/gp/NORAD_CAT_ID/>5", "NORAD_CAT_ID", "'>5' is not a whole number");
        assertRefused("class/gp/EPOCH/2024-07-01", "EPOCH", ">time, <time or a range time--time");
        assertRefused("class/gp/EPOCH/>now*2", "EPOCH", "now-N");
        assertRefused("class/gp/EPOCH/2024-07-05--2024-07-01", "ends before it begins");
        assertRefused("class/gp/EPOCH/>1900-01-01", "EPOCH", "outside the accepted times");
        assertRefused("class/gp/orderby/EPOCH sideways", "sideways", "asc, desc");
        assertRefused("class/gp/orderby/LAUNCH", "'LAUNCH'", "NORAD_CAT_ID, OBJECT_NAME, EPOCH");
        assertRefused("class/gp/limit/0", "limit", "1 to 100000");
        assertRefused("class/gp/format/html", "'html'", "tle, 3le, json, xml, kvn, csv");
        assertRefused("class/satcat/format/3le", "'3le'", "accepted: json");
        assertRefused("class/satcat/EPOCH/>now-1", "'EPOCH' for class satcat");
        assertRefused("class/gp_history/format/tle", "gp_history needs NORAD_CAT_ID");
        assertRefused("class/gp/OBJECT_NAME/~~", "OBJECT_NAME");
    }

    private static void assertRefused(String path, String... named) {
        assertThatThrownBy(() -> SpaceTrackQuery.parse(path, NOW)).as(path)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(named);
    }
}
