package org.concord.connector;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The node's configuration as connectors read it (the node's file, overridden by environment variables). */
public interface ConfigKeys {

    /** The value of {@code key}, trimmed, if set. */
    Optional<String> optional(String key);

    /** An ISO-8601 duration, such as PT2H. */
    Duration duration(String key, Duration fallback);

    /** Where {@code key} was read, for error messages: the file or the environment variable. */
    String origin(String key);

    /** The keys set in the configuration file. */
    Set<String> fileKeys();

    /** The value of an environment variable, if set. */
    Optional<String> environment(String variable);
}
