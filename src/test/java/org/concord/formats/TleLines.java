package org.concord.formats;

import java.util.ArrayList;
import java.util.List;

/** Real element sets to test with, as line pairs. */
final class TleLines {

    /** The ISS element set of CelesTrak's TLE format documentation. */
    static final String ISS_LINE1 = "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927";
    static final String ISS_LINE2 = "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537";

    private TleLines() {
    }

    /** Lines 1 and 2 of each element set of a resource, the columns past 69 (SGP4-VER's run times) dropped. */
    static List<String[]> pairs(String resource) {
        List<String> lines = TestResources.text(resource).lines()
                .filter(l -> l.startsWith("1 ") || l.startsWith("2 "))
                .map(l -> l.length() > 69 ? l.substring(0, 69) : l).toList();
        List<String[]> pairs = new ArrayList<>();
        for (int k = 0; k + 1 < lines.size(); k++) {
            if (lines.get(k).startsWith("1 ") && lines.get(k + 1).startsWith("2 ")) {
                pairs.add(new String[] {lines.get(k), lines.get(k + 1)});
                k++;
            }
        }
        return pairs;
    }
}
