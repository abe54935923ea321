package org.concord.formats;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The CCSDS NDM/XML 2.0.0 schemas (src/test/resources/ccsds/xsd, as published by CCSDS), checked by the JDK's schema
 * validator. The published schemas are namespace-qualified ({@code urn:ccsds:schema:ndmxml}), while the messages
 * agencies exchange and Orekit writes carry no namespace; they are validated against CCSDS's "unqualified" variant of
 * the same schemas, made here as the schemas are loaded: the target namespace, its {@code ndm} prefix declaration and
 * the {@code ndm:} prefixes removed, {@code elementFormDefault="unqualified"}, and the master schema's import of the
 * namespace schema turned into an include.
 */
public final class CcsdsSchemas {

    private static final String FOLDER = "ccsds/xsd/";
    private static final String MASTER = "ndmxml-2.0.0-master-2.0.xsd";
    private static final String NAMESPACE = "urn:ccsds:schema:ndmxml";

    private static final Pattern ROOT_VERSION = Pattern.compile(
            "<[a-z]+ id=\"CCSDS_([A-Z]+)_VERS\" version=\"([0-9.]+)\"");

    private static final Schema SCHEMA = load();

    private CcsdsSchemas() {
    }

    /**
     * The schema violations of {@code xml}, each with its line; empty when the message is valid. Checked as it is:
     * a root {@code version} attribute other than the one the 2.0.0 schema fixes (2.0 for OMM/OEM/OPM, 1.0 for CDM)
     * is a violation.
     */
    public static List<String> violations(String xml) {
        List<String> found = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                found.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                found.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        try {
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            // already recorded by the error handler
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /**
     * The schema violations of a message of a later version than the 2.0.0 schemas know (OMM, OEM and OPM 3.0 of
     * CCSDS 502.0-B-3): the message is checked with its root {@code version} attribute set to the schema's. For the
     * fields both versions share, a later message differs only in that attribute; a field only the later version
     * has is a violation.
     */
    public static List<String> violationsApartFromVersion(String xml) {
        Matcher root = ROOT_VERSION.matcher(xml);
        if (!root.find()) {
            return List.of("no root element with id=\"CCSDS_..._VERS\" and a version attribute");
        }
        String schemaVersion = switch (root.group(1)) {
            case "CDM", "RDM", "AEM", "APM" -> "1.0";
            default -> "2.0";
        };
        return violations(xml.substring(0, root.start(2)) + schemaVersion + xml.substring(root.end(2)));
    }

    private static Schema load() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        DOMImplementationLS ls;
        try {
            ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            String file = systemId.substring(systemId.lastIndexOf('/') + 1);
            LSInput input = ls.createLSInput();
            input.setSystemId(FOLDER + file);
            input.setStringData(unqualified(file));
            return input;
        });
        try {
            return factory.newSchema(new StreamSource(new StringReader(unqualified(MASTER)), FOLDER + MASTER));
        } catch (SAXException e) {
            throw new IllegalStateException("the CCSDS schemas in src/test/resources/" + FOLDER + " do not load", e);
        }
    }

    /** The schema file as CCSDS's unqualified variant. */
    private static String unqualified(String file) {
        return TestResources.text(FOLDER + file)
                .replaceAll("<xsd:import\\s+namespace=\"" + NAMESPACE + "\"", "<xsd:include")
                .replaceAll("\\s+targetNamespace=\"" + NAMESPACE + "\"", "")
                .replaceAll("\\s+xmlns:ndm=\"" + NAMESPACE + "\"", "")
                .replace("elementFormDefault=\"qualified\"", "elementFormDefault=\"unqualified\"")
                .replace("ndm:", "");
    }
}
