package org.concord.connector;

/**
 * A credential read from a file or an environment variable, never from the configuration file itself. It prints as
 * {@code ***} so that no log line, error or answer that mentions it by mistake shows it; {@link #reveal} is called
 * only where it is sent to its source, and {@link #redact} takes it out of any text that came back.
 */
public final class Secret {

    private final String value;
    private final String from;

    public Secret(String value, String from) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(from + " is empty");
        }
        this.value = value;
        this.from = from;
    }

    public String reveal() {
        return value;
    }

    /** Where it was read (a file, an environment variable), for messages. */
    public String from() {
        return from;
    }

    /** {@code text} with every occurrence of the secret, as is or form-encoded, replaced by {@code ***}. */
    public String redact(String text) {
        return text.replace(value, "***").replace(java.net.URLEncoder.encode(value,
                java.nio.charset.StandardCharsets.UTF_8), "***");
    }

    @Override
    public String toString() {
        return "***";
    }
}
