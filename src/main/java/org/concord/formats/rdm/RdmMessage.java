package org.concord.formats.rdm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.concord.formats.UtcEpochs;

/**
 * One RDM: its version and, block by block, its comments and keyword values as the message wrote them (units apart:
 * each keyword has one, {@link RdmType#unit}). Values are kept as text, so that a message read and written again
 * says exactly what it said; {@link #number} and {@link #instant} read them.
 *
 * @param version  {@code CCSDS_RDM_VERS}
 * @param sections the blocks the message has, in message order
 */
public record RdmMessage(String version, Map<RdmBlock, Section> sections) {

    /** The only version of CCSDS 508.1-B-1. */
    public static final String VERSION = "1.0";

    /** The epoch form Concord writes: calendar date, time to the millisecond, no zone. */
    private static final DateTimeFormatter EPOCH_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

    public RdmMessage {
        EnumMap<RdmBlock, Section> copy = new EnumMap<>(RdmBlock.class);
        copy.putAll(sections);
        sections = Collections.unmodifiableMap(copy);
    }

    /** The comments and values of one block, values in schema order. */
    public record Section(List<String> comments, Map<RdmKey, String> values) {

        public Section {
            comments = List.copyOf(comments);
            EnumMap<RdmKey, String> copy = new EnumMap<>(RdmKey.class);
            copy.putAll(values);
            values = Collections.unmodifiableMap(copy);
        }
    }

    /** The value of a keyword as written, if the message has it. */
    public Optional<String> text(RdmKey key) {
        return Optional.ofNullable(sections.get(key.block())).map(s -> s.values().get(key));
    }

    /** The number a keyword holds, in its CCSDS unit ({@link RdmType#unit}). */
    public Optional<Double> number(RdmKey key) {
        return text(key).map(Double::parseDouble);
    }

    /** The comments of a block. */
    public List<String> comments(RdmBlock block) {
        return Optional.ofNullable(sections.get(block)).map(Section::comments).orElse(List.of());
    }

    /**
     * The instant an epoch keyword holds, read in UTC: the caller checks that {@code TIME_SYSTEM} is UTC. An epoch
     * the reader accepted always reads ({@link UtcEpochs}: a leap second's 23:59:60 as the last instant of 23:59:59).
     */
    public Optional<Instant> instant(RdmKey key) {
        return text(key).map(RdmMessage::parseEpoch);
    }

    /** An epoch as an RDM writes it. */
    public static String epoch(Instant instant) {
        return EPOCH_OUT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant parseEpoch(String text) {
        return UtcEpochs.read(text, UtcEpochs.Shape.CCSDS).instant().orElseThrow(() ->
                new IllegalStateException("an epoch the reader refuses: " + text));
    }

    /** Builds a message block by block; a value that is empty is left out. */
    public static final class Builder {

        private final Map<RdmBlock, List<String>> comments = new LinkedHashMap<>();
        private final Map<RdmBlock, Map<RdmKey, String>> values = new LinkedHashMap<>();

        public Builder comment(RdmBlock block, String comment) {
            comments.computeIfAbsent(block, b -> new ArrayList<>()).add(comment);
            return this;
        }

        public Builder put(RdmKey key, String value) {
            values.computeIfAbsent(key.block(), b -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        public Builder put(RdmKey key, Optional<String> value) {
            value.ifPresent(v -> put(key, v));
            return this;
        }

        public RdmMessage build() {
            Map<RdmBlock, Section> sections = new EnumMap<>(RdmBlock.class);
            for (RdmBlock block : RdmBlock.values()) {
                if (comments.containsKey(block) || values.containsKey(block)) {
                    sections.put(block, new Section(comments.getOrDefault(block, List.of()),
                            values.getOrDefault(block, Map.of())));
                }
            }
            return new RdmMessage(VERSION, sections);
        }
    }
}
