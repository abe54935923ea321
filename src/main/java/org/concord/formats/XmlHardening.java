package org.concord.formats;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;

/**
 * The one place XML is hardened against entity expansion ("billion laughs") and external entities. NDM/XML uses
 * schemas, never a document type, so any {@code <!DOCTYPE} or {@code <!ENTITY} is refused. Orekit reads OEM, OPM and
 * CDM XML with the JDK's default SAX parser, which expands entities and fetches external ones, so the text is
 * screened by {@link #declaration} before it reaches Orekit; parsers Concord builds itself come from
 * {@link #saxParserFactory}, which refuses a document type too.
 */
public final class XmlHardening {

    /** Why a declaration is refused, in every refusal whichever layer makes it. */
    static final String WHY = "entity expansion and external entities are not allowed in navigation data messages";

    private static final Pattern DECLARATION = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

    private XmlHardening() {
    }

    /** The refusal of the first document type or entity declaration in the text, at its line; none if there is none. */
    public static Optional<InputError> declaration(String fileName, String text) {
        Matcher m = DECLARATION.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String what = m.group(1).toUpperCase(Locale.ROOT);
        return Optional.of(InputError.atLine(fileName, CcsdsOrbitMessages.lineOf(text, m.start()), what,
                "XML with a document type or entity declaration (<!" + what + ") is refused before parsing: " + WHY));
    }

    /** A non-validating SAX parser factory with secure processing on, document types refused, no external entities. */
    static SAXParserFactory saxParserFactory() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        return factory;
    }
}
