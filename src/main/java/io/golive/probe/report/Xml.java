package io.golive.probe.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Parses report XML safely: a DOCTYPE is accepted (JaCoCo writes one), but no external DTD is loaded and
 * a DOCTYPE that declares entities is refused before anything is expanded (XXE, entity expansion bombs).
 */
final class Xml {
    private static final String JAXP = "http://www.oracle.com/xml/jaxp/properties/";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private Xml() {}

    static Document parse(Path file) throws IOException {
        try {
            refuseEntityDeclarations(file);
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(LOAD_EXTERNAL_DTD, false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // Declared entities are refused above: none may be expanded here either. The JDK also counts
            // each &lt; or &quot; towards its entity size limits, which (100,000 on JDK 25) refuse big reports.
            f.setAttribute(JAXP + "entityExpansionLimit", "1");
            f.setAttribute(JAXP + "maxGeneralEntitySizeLimit", "0");
            f.setAttribute(JAXP + "totalEntitySizeLimit", "0");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver(Xml::nothing);
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return b.parse(file.toFile());
        } catch (EntityDeclared e) {
            throw new Reading.BadReport(file.getFileName() + " declares entities in its DOCTYPE (" + e.getMessage()
                    + "): refused, as golive expands no entity (XXE, entity expansion)");
        } catch (SAXException e) {
            throw new Reading.BadReport(file.getFileName() + " is not usable XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
    }

    /** Reads the prolog only, up to the root element, and fails on the first entity the DOCTYPE declares. */
    private static void refuseEntityDeclarations(Path file)
            throws IOException, SAXException, ParserConfigurationException {
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature(LOAD_EXTERNAL_DTD, false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        XMLReader reader = f.newSAXParser().getXMLReader();
        Prolog prolog = new Prolog();
        reader.setProperty("http://xml.org/sax/properties/declaration-handler", prolog);
        reader.setContentHandler(prolog);
        reader.setEntityResolver(Xml::nothing);
        try {
            reader.parse(new InputSource(file.toUri().toString()));
        } catch (RootReached e) {
            // The DOCTYPE, if any, is behind us and declared no entity.
        }
    }

    /** An empty input for any external DTD or entity the parser would fetch, so none is ever read. */
    private static InputSource nothing(String publicId, String systemId) {
        return new InputSource(new StringReader(""));
    }

    private static final class Prolog extends DefaultHandler2 {
        @Override
        public void internalEntityDecl(String name, String value) throws SAXException {
            throw new EntityDeclared(name);
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            throw new EntityDeclared(name);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            throw new RootReached();
        }
    }

    private static final class EntityDeclared extends SAXException {
        EntityDeclared(String name) {
            super("entity " + name);
        }
    }

    private static final class RootReached extends SAXException {
        RootReached() {
            super("root element reached");
        }
    }
}
