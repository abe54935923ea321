package org.concord.input;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.concord.catalog.OrbitRecord;
import org.concord.catalog.SpaceObject;
import org.concord.formats.CompatibleElementSets.Form;

/**
 * A query in Space-Track's path language ({@code class/gp/NORAD_CAT_ID/25544/orderby/EPOCH desc/format/json}), the
 * subset of it docs/api.md lists: the classes {@code gp} (the newest element set of each object), {@code gp_history}
 * (every element set) and {@code satcat}; the predicates {@code NORAD_CAT_ID} (a number, a comma list, a range
 * {@code a--b}), {@code OBJECT_NAME} (exact, or {@code ~~} for contains, ignoring case), {@code EPOCH}
 * ({@code >}, {@code <} or a range {@code a--b} of dates, times or {@code now-N} days); {@code orderby},
 * {@code limit} and {@code format}. Anything else is refused with what is accepted.
 */
public record SpaceTrackQuery(RequestClass requestClass, List<IdRange> noradIds, Optional<NameMatch> objectName,
                              Optional<TimeRange> epoch, List<Order> orderBy, Optional<Integer> limit,
                              Format format) {

    /** The most element sets or entries one answer carries. */
    public static final int MAX_LIMIT = 100_000;
    private static final int MAX_IDS = 1_000;
    private static final long MAX_NORAD_ID = 999_999_999;
    private static final double MAX_DAYS = 36_525;

    public SpaceTrackQuery {
        noradIds = List.copyOf(noradIds);
        orderBy = List.copyOf(orderBy);
    }

    /** The classes served, by their Space-Track names. */
    public enum RequestClass {
        GP("gp", List.of("NORAD_CAT_ID", "OBJECT_NAME", "EPOCH"), List.of("NORAD_CAT_ID", "OBJECT_NAME", "EPOCH"),
                List.of(Format.values())),
        GP_HISTORY("gp_history", GP.predicates, GP.orderFields, GP.formats),
        SATCAT("satcat", List.of("NORAD_CAT_ID", "OBJECT_NAME", "SATNAME"),
                List.of("NORAD_CAT_ID", "OBJECT_NAME", "SATNAME", "LAUNCH", "DECAY"), List.of(Format.JSON));

        private final String spaceTrackName;
        private final List<String> predicates;
        private final List<String> orderFields;
        private final List<Format> formats;

        RequestClass(String spaceTrackName, List<String> predicates, List<String> orderFields, List<Format> formats) {
            this.spaceTrackName = spaceTrackName;
            this.predicates = predicates;
            this.orderFields = orderFields;
            this.formats = formats;
        }

        public String spaceTrackName() {
            return spaceTrackName;
        }
    }

    /** The formats served, by their Space-Track names, and the form of element sets each stands for. */
    public enum Format {
        TLE("tle", Form.TWO_LINE), THREE_LE("3le", Form.THREE_LINE), JSON("json", Form.OMM_JSON),
        XML("xml", Form.OMM_XML), KVN("kvn", Form.OMM_KVN), CSV("csv", Form.OMM_CSV);

        private final String spaceTrackName;
        private final Form form;

        Format(String spaceTrackName, Form form) {
            this.spaceTrackName = spaceTrackName;
            this.form = form;
        }

        public Form form() {
            return form;
        }
    }

    /** Catalog numbers from {@code first} to {@code last}, inclusive. */
    public record IdRange(long first, long last) {
        boolean contains(long id) {
            return id >= first && id <= last;
        }
    }

    /** A name equal to {@code text}, or containing it, ignoring case. */
    public record NameMatch(String text, boolean contains) {
        boolean matches(String name) {
            String n = name.strip().toUpperCase(Locale.ROOT);
            String t = text.toUpperCase(Locale.ROOT);
            return contains ? n.contains(t) : n.equals(t);
        }
    }

    /** Epochs after {@code after} and before {@code before}; {@code inclusive} for a range {@code a--b}. */
    public record TimeRange(Optional<Instant> after, Optional<Instant> before, boolean inclusive) {
        boolean contains(Instant epoch) {
            boolean afterOk = after.map(a -> inclusive ? !epoch.isBefore(a) : epoch.isAfter(a)).orElse(true);
            boolean beforeOk = before.map(b -> inclusive ? !epoch.isAfter(b) : epoch.isBefore(b)).orElse(true);
            return afterOk && beforeOk;
        }
    }

    /** One key of {@code orderby}: a field name of the class, ascending unless {@code descending}. */
    public record Order(String field, boolean descending) {
    }

    /**
     * Reads {@code path}, the part after {@code /basicspacedata/query/}, at {@code now} (what {@code now-N} counts
     * from).
     */
    public static SpaceTrackQuery parse(String path, Instant now) {
        List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
        while (!segments.isEmpty() && segments.getLast().isEmpty()) {
            segments.removeLast();
        }
        if (segments.size() < 2 || !segments.getFirst().equalsIgnoreCase("class")) {
            throw new IllegalArgumentException("a Space-Track query begins with class/<name> (accepted classes: "
                    + classNames() + "), as in class/gp/NORAD_CAT_ID/25544/format/json");
        }
        if (segments.size() % 2 != 0) {
            throw new IllegalArgumentException("predicate '" + Texts.abbreviate(segments.getLast())
                    + "' has no value: a Space-Track query is pairs of name/value");
        }
        RequestClass requestClass = Choices.of("class", segments.get(1), classesByName());
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 2; i < segments.size(); i += 2) {
            String name = predicateName(requestClass, segments.get(i));
            if (values.put(name, segments.get(i + 1).strip()) != null) {
                throw new IllegalArgumentException(name + " is given twice; give it once");
            }
        }
        List<IdRange> ids = Optional.ofNullable(values.get("NORAD_CAT_ID")).map(SpaceTrackQuery::ids)
                .orElse(List.of());
        if (requestClass == RequestClass.GP_HISTORY && ids.isEmpty()) {
            throw new IllegalArgumentException("class gp_history needs NORAD_CAT_ID (a number, a list or a range"
                    + " a--b): every element set of the whole catalog is not served in one answer");
        }
        Optional<NameMatch> name = Optional.ofNullable(values.getOrDefault("OBJECT_NAME", values.get("SATNAME")))
                .map(SpaceTrackQuery::name);
        Optional<TimeRange> epoch = Optional.ofNullable(values.get("EPOCH")).map(v -> timeRange(v, now));
        List<Order> order = Optional.ofNullable(values.get("orderby")).map(v -> orders(requestClass, v))
                .orElse(List.of());
        Optional<Integer> limit = Optional.ofNullable(values.get("limit"))
                .map(v -> (int) Numbers.whole("limit", v, 1, MAX_LIMIT));
        Format format = Optional.ofNullable(values.get("format")).map(v -> format(requestClass, v))
                .orElse(Format.JSON);
        return new SpaceTrackQuery(requestClass, ids, name, epoch, order, limit, format);
    }

    /** Whether an element set answers the query's predicates (not its class, order or limit). */
    public boolean admits(OrbitRecord record) {
        return admitsId(record.noradId()) && objectName.map(n -> n.matches(record.objectName())).orElse(true)
                && epoch.map(e -> e.contains(record.epoch())).orElse(true);
    }

    /** Whether an object's SATCAT entry answers the query's predicates. */
    public boolean admits(SpaceObject object) {
        return object.satcat().isPresent() && admitsId(object.noradId())
                && objectName.map(n -> n.matches(object.name())).orElse(true);
    }

    /** Whether the query names catalog numbers, and {@code noradId} among them (or names none). */
    public boolean admitsId(long noradId) {
        return noradIds.isEmpty() || noradIds.stream().anyMatch(r -> r.contains(noradId));
    }

    /** The order of element sets: {@code orderby}'s keys, then catalog number, then newest epoch first. */
    public Comparator<OrbitRecord> elementSetOrder() {
        Comparator<OrbitRecord> order = Comparator.comparingInt(r -> 0);
        for (Order o : orderBy) {
            Comparator<OrbitRecord> key = switch (o.field()) {
                case "OBJECT_NAME" -> Comparator.comparing(r -> r.objectName().strip());
                case "EPOCH" -> Comparator.comparing(OrbitRecord::epoch);
                default -> Comparator.comparingLong(OrbitRecord::noradId);
            };
            order = order.thenComparing(o.descending() ? key.reversed() : key);
        }
        return order.thenComparingLong(OrbitRecord::noradId)
                .thenComparing(Comparator.comparing(OrbitRecord::epoch).reversed());
    }

    /** The order of SATCAT entries: {@code orderby}'s keys, then catalog number. */
    public Comparator<SpaceObject> satcatOrder() {
        Comparator<SpaceObject> order = Comparator.comparingInt(o -> 0);
        for (Order o : orderBy) {
            Comparator<SpaceObject> key = switch (o.field()) {
                case "OBJECT_NAME", "SATNAME" -> Comparator.comparing(s -> s.name().strip());
                case "LAUNCH" -> Comparator.comparing(s -> s.satcat().flatMap(e -> e.launchDate()).map(Object::toString)
                        .orElse(""));
                case "DECAY" -> Comparator.comparing(s -> s.satcat().flatMap(e -> e.decayDate()).map(Object::toString)
                        .orElse(""));
                default -> Comparator.comparingLong(SpaceObject::noradId);
            };
            order = order.thenComparing(o.descending() ? key.reversed() : key);
        }
        return order.thenComparingLong(SpaceObject::noradId);
    }

    private static String predicateName(RequestClass requestClass, String given) {
        List<String> accepted = new ArrayList<>(requestClass.predicates);
        accepted.addAll(List.of("orderby", "limit", "format"));
        return accepted.stream().filter(a -> a.equalsIgnoreCase(given.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown predicate '" + Texts.abbreviate(given)
                        + "' for class " + requestClass.spaceTrackName + " (accepted: " + String.join(", ", accepted)
                        + ")"));
    }

    private static List<IdRange> ids(String text) {
        List<IdRange> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String[] ends = part.split("--", -1);
            if (ends.length > 2) {
                throw new IllegalArgumentException("NORAD_CAT_ID: '" + Texts.abbreviate(part) + "' is not a number"
                        + " or a range a--b");
            }
            long first = Numbers.whole("NORAD_CAT_ID", ends[0], 0, MAX_NORAD_ID);
            long last = ends.length == 2 ? Numbers.whole("NORAD_CAT_ID", ends[1], first, MAX_NORAD_ID) : first;
            ranges.add(new IdRange(first, last));
        }
        if (ranges.size() > MAX_IDS) {
            throw new IllegalArgumentException("NORAD_CAT_ID lists " + ranges.size() + " values; at most " + MAX_IDS
                    + " are accepted (a range a--b counts as one)");
        }
        return ranges;
    }

    private static NameMatch name(String text) {
        boolean contains = text.startsWith("~~");
        String name = Texts.bounded("OBJECT_NAME", contains ? text.substring(2) : text, 128).strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("OBJECT_NAME: give a name, or ~~ and part of one");
        }
        return new NameMatch(name, contains);
    }

    private static TimeRange timeRange(String text, Instant now) {
        if (text.startsWith(">")) {
            return new TimeRange(Optional.of(time(text.substring(1), now)), Optional.empty(), false);
        }
        if (text.startsWith("<")) {
            return new TimeRange(Optional.empty(), Optional.of(time(text.substring(1), now)), false);
        }
        String[] ends = text.split("--", -1);
        if (ends.length != 2) {
            throw new IllegalArgumentException("EPOCH: '" + Texts.abbreviate(text) + "' is not >time, <time or a"
                    + " range time--time (a time is a date 2024-07-05, a UTC time 2024-07-05T12:00:00 or now-N days)");
        }
        Instant after = time(ends[0], now);
        Instant before = time(ends[1], now);
        if (before.isBefore(after)) {
            throw new IllegalArgumentException("EPOCH: the range " + text + " ends before it begins");
        }
        return new TimeRange(Optional.of(after), Optional.of(before), true);
    }

    private static Instant time(String text, Instant now) {
        String t = text.strip();
        if (t.toLowerCase(Locale.ROOT).startsWith("now")) {
            String offset = t.substring(3);
            if (offset.isEmpty()) {
                return now;
            }
            if (offset.charAt(0) != '-' && offset.charAt(0) != '+') {
                throw new IllegalArgumentException("EPOCH: '" + Texts.abbreviate(t) + "' is not now, now-N or now+N"
                        + " (N in days)");
            }
            double days = Numbers.decimal("EPOCH", offset.substring(1), 0, MAX_DAYS);
            Duration shift = Duration.ofMillis(Math.round(days * 86_400_000));
            return Instants.requireInRange("EPOCH", offset.charAt(0) == '-' ? now.minus(shift) : now.plus(shift));
        }
        boolean hasZone = t.endsWith("Z") || t.endsWith("z") || t.matches(".*[+-][0-9]{2}:[0-9]{2}$");
        return Instants.parse("EPOCH", t.length() > 10 && !hasZone ? t.replace(' ', 'T') + "Z" : t);
    }

    private static List<Order> orders(RequestClass requestClass, String text) {
        List<Order> orders = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String[] words = part.strip().split("\\s+");
            if (words.length > 2) {
                throw new IllegalArgumentException("orderby: '" + Texts.abbreviate(part) + "' is not FIELD, FIELD asc"
                        + " or FIELD desc");
            }
            String field = Choices.of("orderby", words[0], requestClass.orderFields);
            boolean descending = words.length == 2
                    && Choices.of("orderby direction", words[1], List.of("asc", "desc")).equals("desc");
            orders.add(new Order(field, descending));
        }
        return orders;
    }

    private static Format format(RequestClass requestClass, String text) {
        Map<String, Format> accepted = new LinkedHashMap<>();
        requestClass.formats.forEach(f -> accepted.put(f.spaceTrackName, f));
        return Choices.of("format (class " + requestClass.spaceTrackName + ")", text, accepted);
    }

    private static Map<String, RequestClass> classesByName() {
        Map<String, RequestClass> byName = new LinkedHashMap<>();
        for (RequestClass c : RequestClass.values()) {
            byName.put(c.spaceTrackName, c);
        }
        return byName;
    }

    private static List<String> classNames() {
        return classesByName().keySet().stream().toList();
    }
}
